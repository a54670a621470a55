// The registry's side of entities: list, page, create, edit, delete, merge and undo, each reaching the articles that mention them.
import { toSummary } from '../articles/article-service.ts';
import { relinkClaim, unmergeClaim } from '../claims/claim-ops.ts';
import { ArchiveError } from '../errors.ts';
import type {
  Article,
  Entity,
  EntityDetail,
  EntityPatch,
  EntityQuery,
  EntitySummary,
  EntityType,
  MergeRecord,
} from '../model.ts';
import { SerialQueue } from '../serial.ts';
import type { ArticleStore } from '../store/article-store.ts';
import { referencedIds, type CatalogEntry } from '../store/catalog.ts';
import type { RegistryStore } from '../store/registry-file.ts';
import { cleanName, buildEntity, EntityIndex, mergeInto, nameKey, unmerge, patchEntity } from './registry-ops.ts';

/** The entity page lists at most this many articles (newest first); the counts cover all of them. */
const PAGE_ARTICLES = 500;
export class EntityService {
  private index: { key: number; index: EntityIndex } | null = null;
  private counts: { key: string; counts: Map<string, number> } | null = null;
  /**
   * Changes to the registry and the articles they touch run one at a time (the mention service's
   * too): a delete must not miss a mention tagged while it runs, nor two confirmations create one name twice.
   */
  readonly exclusive = new SerialQueue();

  constructor(
    private readonly store: ArticleStore,
    private readonly registry: RegistryStore,
  ) {}

  /** Bumped on every registry change, so the tagger knows when to reload its gazetteer. */
  registryVersion(): number {
    return this.registry.changes;
  }

  gazetteer() {
    return this.entities().map(({ id, name, type, aliases }) => ({ id, name, type, aliases }));
  }

  entityIndex(): EntityIndex {
    const key = this.registry.changes;
    if (this.index?.key !== key)
      this.index = { key, index: new EntityIndex(this.entities(), this.registry.data.merges) };
    return this.index.index;
  }

  list(query: EntityQuery & { limit: number }): EntitySummary[] {
    const counts = this.articleCounts();
    const text = query.text ? nameKey(query.text) : '';
    return this.entities()
      .filter((e) => !query.type || e.type === query.type)
      .filter((e) => !text || [e.name, ...e.aliases].some((name) => nameKey(name).includes(text)))
      .map((e) => ({ ...e, articles: counts.get(e.id) ?? 0 }))
      .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name))
      .slice(0, query.limit);
  }

  /** An entity's page; a merged entity's id opens the one it went into (links kept elsewhere still work). */
  get(id: string): EntityDetail {
    const index = this.entityIndex();
    const entity = index.get(id);
    if (!entity) throw new ArchiveError('not_found', `There is no entity with id ${id}.`);
    const articles: CatalogEntry[] = [];
    const others = new Map<string, number>();
    const months = new Map<string, number>();
    for (const entry of this.store.entries()) {
      if (entry.deletedAt || !entry.entityIds.some((other) => index.get(other)?.id === entity.id)) continue;
      articles.push(entry);
      const month = (entry.publishedAt ?? entry.capturedAt).slice(0, 7);
      months.set(month, (months.get(month) ?? 0) + 1);
      const seen = new Set<string>();
      for (const other of entry.entityIds) {
        const found = index.get(other);
        if (!found || found.id === entity.id || seen.has(found.id)) continue;
        seen.add(found.id);
        others.set(found.id, (others.get(found.id) ?? 0) + 1);
      }
    }
    const when = (e: CatalogEntry) => e.publishedAt ?? e.capturedAt;
    articles.sort((a, b) => (when(a) < when(b) ? 1 : when(a) > when(b) ? -1 : 0));
    return {
      entity,
      articles: articles.slice(0, PAGE_ARTICLES).map((e) => toSummary(e)),
      cooccurring: [...others]
        .map(([other, count]) => {
          const found = index.get(other)!;
          return { id: found.id, name: found.name, type: found.type, articles: count };
        })
        .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name))
        .slice(0, 50),
      timeline: fillMonths(months),
    };
  }

  create(input: Pick<Entity, 'name' | 'type'> & Partial<Entity>): Promise<Entity> {
    return this.exclusive.run(() =>
      this.registry.update((draft) => {
        const entity = buildEntity(draft.entities, input);
        draft.entities.push(entity);
        return entity;
      }),
    );
  }

  update(id: string, patch: EntityPatch): Promise<Entity> {
    return this.exclusive.run(() =>
      this.registry.update((draft) => {
        const at = this.position(draft.entities, id);
        const updated = patchEntity(draft.entities, draft.entities[at]!, patch as Partial<Entity>);
        draft.entities[at] = updated;
        return updated;
      }),
    );
  }

  /**
   * Out of the registry, then its mentions (and those of entities merged into it) out of every article,
   * and claims' links to it cut (their claimants, targets and places keep their words and names).
   */
  remove(id: string): Promise<{ removedMentions: number }> {
    return this.exclusive.run(async () => {
      const ids = this.idsResolvingTo(id);
      await this.registry.update((draft) => {
        draft.entities.splice(this.position(draft.entities, id), 1);
      });
      let removed = 0;
      await this.eachArticleMentioning(ids, (article) => {
        const mentions = article.mentions.filter((m) => !m.entityId || !ids.has(m.entityId));
        removed += article.mentions.length - mentions.length;
        return { ...article, mentions, claims: article.claims.map((c) => relinkClaim(c, ids, null)) };
      });
      return { removedMentions: removed };
    });
  }

  /**
   * `mergedId` goes into `keptId`. The registry changes first, in one durable write: from then on a
   * mention still naming the merged entity is read as the kept one. Each re-pointed mention remembers
   * where it came from (`mergedFrom`), so undo finds them all, even after a crash half-way. Claims'
   * claimants, targets and places follow.
   */
  merge(keptId: string, mergedId: string): Promise<MergeRecord> {
    return this.exclusive.run(async () => {
      if (keptId === mergedId) throw new ArchiveError('invalid', 'An entity cannot be merged into itself.');
      const record = await this.registry.update((draft) => {
        const at = this.position(draft.entities, keptId);
        const mergedAt = this.position(draft.entities, mergedId);
        const { entity, record } = mergeInto(draft.entities[at]!, draft.entities[mergedAt]!);
        draft.entities[at] = entity;
        draft.entities.splice(mergedAt, 1);
        draft.merges.push(record);
        return record;
      });
      const kept = this.entityIndex().get(keptId)!;
      await this.eachArticleMentioning(new Set([mergedId]), (article) => ({
        ...article,
        mentions: article.mentions.map((m) =>
          m.entityId === mergedId
            ? { ...m, entityId: kept.id, name: kept.name, mergedFrom: [...(m.mergedFrom ?? []), mergedId] }
            : m,
        ),
        claims: article.claims.map((c) => relinkClaim(c, new Set([mergedId]), kept.id)),
      }));
      return record;
    });
  }

  /** Brings the merged entity back and points its mentions at it again, and the claims whose links came from them. */
  undo(mergeId: string): Promise<Entity> {
    return this.exclusive.run(async () => {
      const record = this.registry.data.merges.find((m) => m.id === mergeId);
      if (!record) throw new ArchiveError('not_found', `There is no merge with id ${mergeId}.`);
      if (record.undoneAt) throw new ArchiveError('invalid', 'That merge has already been undone.');
      const restored = record.merged;
      await this.registry.update((draft) => {
        const at = draft.entities.findIndex((e) => e.id === record.keptId);
        if (at < 0) {
          const later = draft.merges.find((m) => m.merged.id === record.keptId && !m.undoneAt);
          throw new ArchiveError(
            'invalid',
            later
              ? `"${later.merged.name}" has since been merged into another entity: undo that merge first.`
              : 'The entity it was merged into has since been deleted.',
          );
        }
        if (draft.entities.some((e) => e.id === restored.id))
          throw new ArchiveError('invalid', 'That entity exists again.');
        const clash = draft.entities.find(
          (e) => e.type === restored.type && nameKey(e.name) === nameKey(restored.name),
        );
        if (clash)
          throw new ArchiveError(
            'invalid',
            `There is a ${restored.type} named "${clash.name}" now: rename it before undoing.`,
          );
        draft.entities[at] = unmerge(draft.entities[at]!, record);
        draft.entities.push(restored);
        const i = draft.merges.findIndex((m) => m.id === record.id);
        draft.merges[i] = { ...record, undoneAt: new Date().toISOString() };
      });
      await this.eachArticleMentioning(new Set([record.keptId]), (article) => {
        const mentions = article.mentions.map((m) => {
          if (m.entityId !== record.keptId || m.mergedFrom?.at(-1) !== restored.id) return m;
          const mergedFrom = m.mergedFrom.slice(0, -1);
          return {
            ...m,
            entityId: restored.id,
            name: restored.name,
            mergedFrom: mergedFrom.length ? mergedFrom : undefined,
          };
        });
        const claims = article.claims.map((c) => unmergeClaim(c, mentions, record.keptId, restored.id));
        return { ...article, mentions, claims };
      });
      return restored;
    });
  }

  /** Each wanted entity found by name (or by the text it was seen as), else created; all in one registry write. */
  async findOrCreate(wanted: { name: string; type: EntityType; text: string; aliases: string[] }[]): Promise<Entity[]> {
    if (wanted.length === 0) return [];
    return this.registry.update((draft) => {
      const found: Entity[] = [];
      for (const w of wanted) {
        const index = new EntityIndex(draft.entities);
        const existing = index.named(w.name, w.type)[0] ?? index.named(w.text, w.type)[0];
        if (existing) found.push(existing);
        else {
          const entity = buildEntity(draft.entities, { name: w.name, type: w.type, aliases: w.aliases.slice(0, 400) });
          draft.entities.push(entity);
          found.push(entity);
        }
      }
      return found;
    });
  }

  /** Names the user confirmed for entities become their aliases ("Assad" for Bashar al-Assad), in one write. */
  async learnAliases(pairs: [Entity, string][]): Promise<void> {
    const learnable = pairs
      .map(([entity, text]) => [entity.id, cleanName(text)] as const)
      // Descriptions ("the Syrian president") are not names: they would match the wrong people later.
      .filter(([, alias]) => alias && !/^\p{Ll}/u.test(alias) && alias.length <= 120);
    const known = (e: Entity, alias: string) => [e.name, ...e.aliases].some((n) => nameKey(n) === nameKey(alias));
    const index = this.entityIndex();
    if (learnable.every(([id, alias]) => !index.get(id) || known(index.get(id)!, alias))) return;
    await this.registry.update((draft) => {
      for (const [id, alias] of learnable) {
        const at = draft.entities.findIndex((e) => e.id === id);
        const entity = draft.entities[at];
        if (!entity || known(entity, alias) || entity.aliases.length >= 500) continue;
        draft.entities[at] = patchEntity(draft.entities, entity, { aliases: [...entity.aliases, alias] });
      }
    });
  }

  private articleCounts(): Map<string, number> {
    const key = `${this.store.version} ${this.registry.changes}`;
    if (this.counts?.key === key) return this.counts.counts;
    const index = this.entityIndex();
    const counts = new Map<string, number>();
    for (const entry of this.store.entries()) {
      if (entry.deletedAt) continue;
      const seen = new Set<string>();
      for (const id of entry.entityIds) {
        const entity = index.get(id);
        if (entity && !seen.has(entity.id)) {
          seen.add(entity.id);
          counts.set(entity.id, (counts.get(entity.id) ?? 0) + 1);
        }
      }
    }
    this.counts = { key, counts };
    return counts;
  }

  /** The entity's id and the ids of every entity merged into it (mentions may still name those). */
  private idsResolvingTo(id: string): Set<string> {
    const entity = this.require(id);
    const index = this.entityIndex();
    const ids = new Set([entity.id]);
    for (const merge of this.registry.data.merges)
      if (index.get(merge.merged.id)?.id === entity.id) ids.add(merge.merged.id);
    return ids;
  }

  /**
   * Edits every article (in the trash too) whose mentions or claims point at one of these entities. An article
   * that has gone or is damaged is skipped (a damaged one is reported by the read); the rest go on.
   */
  private async eachArticleMentioning(ids: Set<string>, edit: (article: Article) => Article): Promise<void> {
    const found: string[] = [];
    for (const entry of this.store.entries()) if (referencedIds(entry).some((id) => ids.has(id))) found.push(entry.id);
    for (const articleId of found)
      await this.store.change(articleId, edit).catch((error: unknown) => {
        if (!(error instanceof ArchiveError && (error.code === 'not_found' || error.code === 'corrupt'))) throw error;
      });
  }

  private entities(): Entity[] {
    return this.registry.data.entities;
  }

  /** An entity by its own id: a merged entity's id is refused here, so nothing acts on the wrong one. */
  require(id: string): Entity {
    const entity = this.entityIndex().get(id);
    if (entity && entity.id === id) return entity;
    if (entity)
      throw new ArchiveError('invalid', `That entity was merged into "${entity.name}" (${entity.id}): use that one.`);
    throw new ArchiveError('not_found', `There is no entity with id ${id}.`);
  }

  private position(entities: Entity[], id: string): number {
    const at = entities.findIndex((e) => e.id === id);
    if (at < 0) this.require(id);
    if (at < 0) throw new ArchiveError('not_found', `There is no entity with id ${id}.`);
    return at;
  }
}

/** Every month from the first to the last, the empty ones as zero: a chart needs the gaps. */
function fillMonths(months: Map<string, number>): { month: string; articles: number }[] {
  const keys = [...months.keys()].filter((m) => /^\d{4}-\d{2}$/.test(m)).sort();
  if (!keys.length) return [];
  const out: { month: string; articles: number }[] = [];
  let [year, month] = keys[0]!.split('-').map(Number) as [number, number];
  const last = keys.at(-1)!;
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    out.push({ month: key, articles: months.get(key) ?? 0 });
    if (key === last) break;
    month++;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return out;
}
