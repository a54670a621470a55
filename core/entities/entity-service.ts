// The archive's entity methods: the registry in archive.json, the mentions in each article, and suggestions.
import { ArchiveError } from '../errors.ts';
import type {
  Article,
  ArticleSummary,
  Entity,
  EntityDetail,
  EntityPatch,
  EntityQuery,
  EntitySummary,
  EntityType,
  MentionReview,
  MergeRecord,
  SpanTag,
} from '../model.ts';
import type { CatalogEntry } from '../store/catalog.ts';
import type { RegistryDb } from '../store/registry-file.ts';
import type { EntitySuggestion, TaggingResult } from '../tagging/suggest-entities.ts';
import { assertSpan, foldSuggestions, placeUserMention, type NewMention } from './mentions.ts';
import { createEntity, EntityIndex, mergeInto, nameKey, unmerge, updateEntity } from './registry-ops.ts';

/** The part of the archive the entity methods need. */
export type EntityHost = {
  registry: RegistryDb;
  entries(): Iterable<CatalogEntry>;
  /** Changes whenever the entries do, so article counts are not recounted on every keystroke of a search. */
  catalogVersion(): number;
  summary(entry: CatalogEntry): ArticleSummary;
  read(id: string): Promise<Article>;
  change(id: string, edit: (article: Article) => Article): Promise<Article>;
  tag(text: string, publishedAt: string | null): Promise<TaggingResult>;
  /** Other names the starter list knows for a canonical name ("US", "U.S." for "United States"). */
  starterAliases(name: string): string[];
};

/** The entity page lists at most this many articles (newest first); the counts cover all of them. */
const PAGE_ARTICLES = 500;

export class EntityService {
  private index: EntityIndex | null = null;
  private version = 0;
  private counts: { key: string; counts: Map<string, number> } | null = null;
  /** Registry changes one at a time: each reads and rewrites archive.json. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: EntityHost) {}

  /** Bumped on every registry change, so the tagger knows when to reload its gazetteer. */
  registryVersion(): number {
    return this.version;
  }

  gazetteer() {
    return this.entities().map(({ id, name, type, aliases }) => ({ id, name, type, aliases }));
  }

  entityIndex(): EntityIndex {
    return (this.index ??= new EntityIndex(this.entities(), this.host.registry.data.merges));
  }

  listEntities(query: EntityQuery & { limit: number }): EntitySummary[] {
    const counts = this.articleCounts();
    const text = query.text ? nameKey(query.text) : '';
    return this.entities()
      .filter((e) => !query.type || e.type === query.type)
      .filter((e) => !text || [e.name, ...e.aliases].some((name) => nameKey(name).includes(text)))
      .map((e) => ({ ...e, articles: counts.get(e.id) ?? 0 }))
      .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name))
      .slice(0, query.limit);
  }

  getEntity(id: string): EntityDetail {
    const index = this.entityIndex();
    const entity = this.require(id);
    const articles: CatalogEntry[] = [];
    const others = new Map<string, number>();
    const months = new Map<string, number>();
    for (const entry of this.host.entries()) {
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
      articles: articles.slice(0, PAGE_ARTICLES).map((e) => this.host.summary(e)),
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

  createEntity(input: Pick<Entity, 'name' | 'type'> & Partial<Entity>): Promise<Entity> {
    return this.mutate((entities) => {
      const entity = createEntity(entities, input);
      entities.push(entity);
      return entity;
    });
  }

  updateEntity(id: string, patch: EntityPatch): Promise<Entity> {
    return this.mutate((entities) => {
      const at = this.position(entities, id);
      const updated = updateEntity(entities, entities[at]!, patch as Partial<Entity>);
      entities[at] = updated;
      return updated;
    });
  }

  /** Out of the registry, and its mentions out of every article. */
  async deleteEntity(id: string): Promise<{ removedMentions: number }> {
    const entity = this.require(id);
    await this.mutate((entities) => {
      entities.splice(this.position(entities, entity.id), 1);
    });
    let removed = 0;
    for (const articleId of this.articlesMentioning(new Set([entity.id]))) {
      await this.host.change(articleId, (article) => {
        const mentions = article.mentions.filter((m) => m.entityId !== entity.id);
        removed += article.mentions.length - mentions.length;
        return { ...article, mentions };
      });
    }
    return { removedMentions: removed };
  }

  /**
   * `mergedId` goes into `keptId`. The registry changes first (one atomic write): from then on any
   * mention still naming the merged entity is read as the kept one, so a crash half-way through
   * re-pointing the articles loses nothing.
   */
  async mergeEntities(keptId: string, mergedId: string): Promise<MergeRecord> {
    const kept = this.require(keptId);
    const merged = this.require(mergedId);
    const record = await this.mutate((entities, merges) => {
      const at = this.position(entities, kept.id);
      const { entity, record } = mergeInto(entities[at]!, entities[this.position(entities, merged.id)]!);
      entities[at] = entity;
      entities.splice(this.position(entities, merged.id), 1);
      merges.push(record);
      return record;
    });
    for (const articleId of this.articlesMentioning(new Set([merged.id]))) {
      const ids: string[] = [];
      await this.host.change(articleId, (article) => ({
        ...article,
        mentions: article.mentions.map((m) => {
          if (m.entityId !== merged.id) return m;
          ids.push(m.id);
          return { ...m, entityId: kept.id, name: kept.name };
        }),
      }));
      if (ids.length) record.mentions[articleId] = ids;
    }
    await this.mutate(() => undefined);
    return record;
  }

  /** Brings the merged entity back and points its mentions at it again. */
  async undoMerge(mergeId: string): Promise<Entity> {
    const record = this.host.registry.data.merges.find((m) => m.id === mergeId);
    if (!record) throw new ArchiveError('not_found', `There is no merge with id ${mergeId}.`);
    if (record.undoneAt) throw new ArchiveError('invalid', 'That merge has already been undone.');
    const restored = record.merged;
    await this.mutate((entities, merges) => {
      const at = entities.findIndex((e) => e.id === record.keptId);
      if (at < 0) throw new ArchiveError('invalid', 'The entity it was merged into has since been deleted.');
      if (entities.some((e) => e.id === restored.id)) throw new ArchiveError('invalid', 'That entity exists again.');
      entities[at] = unmerge(entities[at]!, record);
      entities.push(restored);
      merges[merges.indexOf(record)] = { ...record, undoneAt: new Date().toISOString() };
    });
    for (const [articleId, ids] of Object.entries(record.mentions)) {
      const wanted = new Set(ids);
      await this.host
        .change(articleId, (article) => ({
          ...article,
          mentions: article.mentions.map((m) =>
            wanted.has(m.id) && m.entityId === record.keptId ? { ...m, entityId: restored.id, name: restored.name } : m,
          ),
        }))
        .catch((error: unknown) => {
          // An article deleted for good since the merge has nothing to point back.
          if (!(error instanceof ArchiveError && error.code === 'not_found')) throw error;
        });
    }
    return restored;
  }

  /** Runs the suggesters on the article's text and folds their suggestions into its mentions. */
  async suggest(articleId: string): Promise<Article> {
    const before = await this.host.read(articleId);
    const result = await this.host.tag(before.text, before.publishedAt);
    const index = this.entityIndex();
    const suggestions = result.entities.map((s) => this.suggestionToMention(s, index));
    return this.host.change(articleId, (article) => {
      // The text cannot change under us (no method edits it), but a hand-edited file could.
      if (article.text !== before.text) return article;
      return {
        ...article,
        mentions: foldSuggestions(article.text, article.mentions, suggestions),
        dates: result.dates,
        taggedAt: new Date().toISOString(),
      };
    });
  }

  /** The user's own tag on a span: an existing entity, or a new one (found by name first). */
  async tagSpan(articleId: string, span: SpanTag): Promise<Article> {
    const article = await this.host.read(articleId);
    assertSpan(article.text, span.start, span.end);
    const text = article.text.slice(span.start, span.end).trim();
    const entity =
      'entityId' in span ? this.require(span.entityId) : await this.findOrCreate(span.name, span.type, text, []);
    await this.learnAlias(entity, text);
    return this.host.change(articleId, (current) => ({
      ...current,
      mentions: placeUserMention(current.text, current.mentions, {
        start: span.start,
        end: span.end,
        entityId: entity.id,
        name: entity.name,
        type: entity.type,
      }),
    }));
  }

  async reviewMentions(articleId: string, review: MentionReview): Promise<Article> {
    const article = await this.host.read(articleId);
    const wanted = new Set(review.ids);
    const chosen = article.mentions.filter((m) => wanted.has(m.id));
    const missing = review.ids.find((id) => !chosen.some((m) => m.id === id));
    if (missing) throw new ArchiveError('not_found', `Article ${articleId} has no mention ${missing}.`);
    if (review.action !== 'confirm')
      return this.host.change(articleId, (current) => ({
        ...current,
        mentions: current.mentions.flatMap((m) => {
          if (!wanted.has(m.id)) return [m];
          // A rejected suggestion is kept, so it is not offered again; a rejected tag of the user's own just goes.
          if (review.action === 'remove' || m.source === 'user') return [];
          return [{ ...m, status: 'rejected' as const }];
        }),
      }));
    // Confirming a suggestion of a new entity creates it (or finds it by name), once per name.
    const entityFor = new Map<string, Entity>();
    for (const m of chosen) {
      const key = `${nameKey(m.name)} ${m.type}`;
      const entity = m.entityId
        ? this.require(m.entityId)
        : (entityFor.get(key) ??
          (await this.findOrCreate(m.name, m.type, m.quote.exact, this.host.starterAliases(m.name))));
      entityFor.set(key, entity);
      await this.learnAlias(entity, m.quote.exact);
    }
    return this.host.change(articleId, (current) => ({
      ...current,
      mentions: current.mentions.map((m) => {
        const entity = entityFor.get(`${nameKey(m.name)} ${m.type}`);
        if (wanted.has(m.id)) {
          const target = m.entityId ? this.entityIndex().get(m.entityId)! : entity!;
          return { ...m, status: 'confirmed', entityId: target.id, name: target.name };
        }
        // Other suggestions of the same new entity now point at it too (still to be reviewed).
        if (m.status === 'suggested' && !m.entityId && entity) return { ...m, entityId: entity.id, name: entity.name };
        return m;
      }),
    }));
  }

  private suggestionToMention(s: EntitySuggestion, index: EntityIndex): NewMention {
    // A suggestion named like a registry entity of a fitting type is that entity.
    const entity = s.entityId ? index.get(s.entityId) : index.named(s.name, s.type)[0];
    return {
      start: s.start,
      end: s.end,
      entityId: entity?.id ?? null,
      name: entity?.name ?? s.name,
      type: entity?.type ?? s.type,
      status: 'suggested',
      source: s.source,
      confidence: s.confidence,
    };
  }

  private async findOrCreate(name: string, type: EntityType, text: string, aliases: string[]): Promise<Entity> {
    const index = this.entityIndex();
    const existing = index.named(name, type)[0] ?? index.named(text, type)[0];
    if (existing) return existing;
    return this.createEntity({ name, type, aliases });
  }

  /** A name the user confirmed for an entity becomes one of its aliases ("Assad" for Bashar al-Assad). */
  private async learnAlias(entity: Entity, text: string): Promise<void> {
    const alias = text.trim();
    // Descriptions ("the Syrian president") are not names: they would match the wrong people later.
    if (!alias || /^\p{Ll}/u.test(alias) || alias.length > 120) return;
    const known = (e: Entity) => [e.name, ...e.aliases].some((name) => nameKey(name) === nameKey(alias));
    if (known(entity)) return;
    await this.mutate((entities) => {
      const at = this.position(entities, entity.id);
      if (!known(entities[at]!))
        entities[at] = updateEntity(entities, entities[at]!, { aliases: [...entities[at]!.aliases, alias] });
    });
  }

  private articleCounts(): Map<string, number> {
    const key = `${this.host.catalogVersion()} ${this.version}`;
    if (this.counts?.key === key) return this.counts.counts;
    const index = this.entityIndex();
    const counts = new Map<string, number>();
    for (const entry of this.host.entries()) {
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

  /** Every article (in the trash too) whose mentions point at one of these entities. */
  private articlesMentioning(ids: Set<string>): string[] {
    const found: string[] = [];
    for (const entry of this.host.entries()) if (entry.entityIds.some((id) => ids.has(id))) found.push(entry.id);
    return found;
  }

  private entities(): Entity[] {
    return this.host.registry.data.entities;
  }

  private require(id: string): Entity {
    const entity = this.entityIndex().get(id);
    if (!entity) throw new ArchiveError('not_found', `There is no entity with id ${id}.`);
    return entity;
  }

  private position(entities: Entity[], id: string): number {
    const at = entities.findIndex((e) => e.id === id);
    if (at < 0) throw new ArchiveError('not_found', `There is no entity with id ${id}.`);
    return at;
  }

  /**
   * One registry change at a time, on a copy: archive.json is written durably before the change is
   * visible, and a failed write (a full disk) leaves the registry as it was.
   */
  private mutate<T>(change: (entities: Entity[], merges: MergeRecord[]) => T): Promise<T> {
    const run = this.queue.then(async () => {
      const data = this.host.registry.data;
      const entities = [...data.entities];
      const merges = data.merges.map((m) => m);
      const result = change(entities, merges);
      const previous = { entities: data.entities, merges: data.merges };
      data.entities = entities;
      data.merges = merges;
      try {
        await this.host.registry.write();
      } catch (error) {
        Object.assign(data, previous);
        throw error;
      } finally {
        this.index = null;
        this.version++;
      }
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
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
