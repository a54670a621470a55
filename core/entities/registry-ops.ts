// The entity registry's rules as pure functions: names, lookups, create, edit, merge and its undo.
import { ArchiveError } from '../errors.ts';
import type { Entity, EntityType, MergeRecord } from '../model.ts';
import { newEntityId, newMergeId } from '../ids.ts';

/** The registry's limits (core/model.ts): checked here too, to say what went wrong in words. */
const MAX_ALIASES = 500;
const MAX_NOTES = 100_000;

/** One line, single spaces: a name selected across a line break is still the name. */
export function cleanName(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** How names are compared for lookups: case, accents, spacing, apostrophes and dashes do not matter. */
export function nameKey(name: string): string {
  // Apostrophes before NFKD, which makes an acute accent (´) a space and a combining mark.
  return name
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Organizations and groups are told apart by monitors, but a suggestion of one may well be the other. */
export function compatibleTypes(a: EntityType, b: EntityType): boolean {
  const kind = (type: EntityType) => (type === 'group' ? 'organization' : type);
  return kind(a) === kind(b);
}

type Named = Pick<Entity, 'id' | 'name' | 'type' | 'aliases'>;

/** Entities by id and by every name they go by, plus where merged entities went. */
export class EntityIndex<E extends Named = Entity> {
  private readonly byId = new Map<string, E>();
  private readonly byName = new Map<string, E[]>();
  private readonly forwards = new Map<string, string>();

  constructor(entities: E[], merges: MergeRecord[] = []) {
    for (const entity of entities) {
      this.byId.set(entity.id, entity);
      for (const name of [entity.name, ...entity.aliases]) {
        const key = nameKey(name);
        const list = this.byName.get(key) ?? [];
        if (!list.includes(entity)) list.push(entity);
        this.byName.set(key, list);
      }
    }
    for (const merge of merges) if (!merge.undoneAt) this.forwards.set(merge.merged.id, merge.keptId);
  }

  /** The entity, following merges: a mention still pointing at a merged entity finds the one it went into. */
  get(id: string): E | undefined {
    for (let hops = 0; hops < 100; hops++) {
      const entity = this.byId.get(id);
      if (entity) return entity;
      const next = this.forwards.get(id);
      if (!next) return undefined;
      id = next;
    }
    return undefined;
  }

  /** Entities known by this name or alias; with a type, only those it could be. */
  named(name: string, type?: EntityType): E[] {
    const found = this.byName.get(nameKey(name)) ?? [];
    return type ? found.filter((entity) => compatibleTypes(entity.type, type)) : found;
  }
}

/** A new entity; the same name and type twice is refused, because it is almost always a slip. */
export function buildEntity(
  entities: Entity[],
  fields: Pick<Entity, 'name' | 'type'> & Partial<Pick<Entity, 'aliases' | 'description' | 'externalIds' | 'notes'>>,
  now = new Date().toISOString(),
): Entity {
  assertNameFree(entities, fields.name, fields.type, null);
  return {
    id: newEntityId(),
    name: fields.name,
    type: fields.type,
    aliases: cleanAliases(fields.name, fields.aliases ?? []),
    description: fields.description ?? '',
    externalIds: fields.externalIds ?? {},
    notes: fields.notes ?? '',
    createdAt: now,
    updatedAt: now,
  };
}

export function patchEntity(
  entities: Entity[],
  entity: Entity,
  patch: Partial<Omit<Entity, 'id' | 'createdAt' | 'updatedAt'>>,
  now = new Date().toISOString(),
): Entity {
  const next = { ...entity, ...patch, updatedAt: now };
  if (patch.name !== undefined || patch.type !== undefined) assertNameFree(entities, next.name, next.type, entity.id);
  // A rename keeps the old name as an alias: articles and colleagues still use it.
  const aliases = patch.name && patch.name !== entity.name ? [...next.aliases, entity.name] : next.aliases;
  const clean = cleanAliases(next.name, aliases);
  if (clean.length > MAX_ALIASES)
    throw new ArchiveError('invalid', `"${next.name}" would have ${clean.length} aliases; at most ${MAX_ALIASES} fit.`);
  return { ...next, aliases: clean };
}

/** `merged` goes into `kept`: its names become aliases, its ids and notes are kept where `kept` has none. */
export function mergeInto(
  kept: Entity,
  merged: Entity,
  now = new Date().toISOString(),
): { entity: Entity; record: MergeRecord } {
  if (kept.id === merged.id) throw new ArchiveError('invalid', 'An entity cannot be merged into itself.');
  const before = new Set([kept.name, ...kept.aliases]);
  const aliases = cleanAliases(kept.name, [...kept.aliases, merged.name, ...merged.aliases]);
  const entity: Entity = {
    ...kept,
    aliases,
    description: kept.description || merged.description,
    externalIds: { ...merged.externalIds, ...kept.externalIds },
    notes: [kept.notes, merged.notes].filter(Boolean).join('\n\n'),
    updatedAt: now,
  };
  if (aliases.length > MAX_ALIASES)
    throw new ArchiveError(
      'invalid',
      `Merged, "${kept.name}" would have ${aliases.length} aliases; at most ${MAX_ALIASES} fit. Remove some first.`,
    );
  if (entity.notes.length > MAX_NOTES)
    throw new ArchiveError(
      'invalid',
      `Merged, the notes of "${kept.name}" would be longer than ${MAX_NOTES} characters. Shorten them first.`,
    );
  const record: MergeRecord = {
    id: newMergeId(),
    at: now,
    keptId: kept.id,
    merged,
    aliasesAdded: aliases.filter((alias) => !before.has(alias)),
    undoneAt: null,
  };
  return { entity, record };
}

/** The kept entity without what the merge gave it (notes and ids it had before are left as they are now). */
export function unmerge(kept: Entity, record: MergeRecord, now = new Date().toISOString()): Entity {
  const added = new Set(record.aliasesAdded);
  const notes = record.merged.notes && kept.notes.endsWith(`\n\n${record.merged.notes}`);
  return {
    ...kept,
    aliases: kept.aliases.filter((alias) => !added.has(alias)),
    // A kept entity without notes of its own was given the merged ones whole.
    notes: notes
      ? kept.notes.slice(0, -record.merged.notes.length - 2)
      : kept.notes === record.merged.notes
        ? ''
        : kept.notes,
    updatedAt: now,
  };
}

function assertNameFree(entities: Entity[], name: string, type: EntityType, except: string | null): void {
  const key = nameKey(name);
  const clash = entities.find((e) => e.id !== except && e.type === type && nameKey(e.name) === key);
  if (clash)
    throw new ArchiveError(
      'invalid',
      `There is already a ${type} named "${clash.name}". Merge them, or tell them apart by name (for example "${name} (journalist)").`,
    );
}

/** Aliases without the name itself, blanks or repeats (compared as lookups compare them). */
function cleanAliases(name: string, aliases: string[]): string[] {
  const seen = new Set([nameKey(name)]);
  const clean: string[] = [];
  for (const alias of aliases.map(cleanName).filter(Boolean)) {
    const key = nameKey(alias);
    if (seen.has(key)) continue;
    seen.add(key);
    clean.push(alias);
  }
  return clean;
}
