// The registry's entities as search sees them: by id, by every folded name and alias, and as the index was built with them.
import type { Entity } from '../model.ts';
import type { RegistryStore } from '../store/registry-file.ts';
import { queryTerms } from './fold.ts';
import type { EntityInfo } from './index-rows.ts';

type Lookup = { of: readonly Entity[]; byId: Map<string, Entity>; byName: Map<string, Entity[]> };

export class EntityNames {
  private cache: Lookup | null = null;

  constructor(private readonly registry: RegistryStore) {}

  get byId(): Map<string, Entity> {
    return this.lookup().byId;
  }

  info(id: string): EntityInfo | undefined {
    return this.lookup().byId.get(id);
  }

  /** Entities called this (by name or alias, folded); failing that, those with a name that starts with it. */
  called(text: string): { id: string; names: string[] }[] {
    const { byName } = this.lookup();
    const key = queryTerms(text).join(' ');
    let found = byName.get(key) ?? [];
    if (!found.length && key.length >= 3) {
      const starts = new Set<Entity>();
      for (const [name, list] of byName) if (name.startsWith(key)) for (const e of list) starts.add(e);
      found = [...starts].slice(0, 20);
    }
    return found.map((e) => ({ id: e.id, names: [e.name, ...e.aliases] }));
  }

  /** Each entity's type, name and aliases in one string: what a registry change is compared by. */
  signatures(): Map<string, string> {
    return new Map(this.registry.data.entities.map((e) => [e.id, `${e.type}\n${e.name}\n${e.aliases.join('\n')}`]));
  }

  private lookup(): Lookup {
    const entities = this.registry.data.entities;
    if (this.cache?.of === entities) return this.cache;
    const byId = new Map<string, Entity>();
    const byName = new Map<string, Entity[]>();
    for (const entity of entities) {
      byId.set(entity.id, entity);
      for (const name of [entity.name, ...entity.aliases]) {
        const key = queryTerms(name).join(' ');
        const list = byName.get(key);
        if (list) {
          if (!list.includes(entity)) list.push(entity);
        } else byName.set(key, [entity]);
      }
    }
    return (this.cache = { of: entities, byId, byName });
  }
}
