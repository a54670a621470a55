// Named collections: hand-made ones keep their members on the articles (one small write each), smart ones are a saved query.
import { ArchiveError } from '../errors.ts';
import { newCollectionId } from '../ids.ts';
import {
  MAX_COLLECTIONS_PER_ARTICLE,
  type Collection,
  type CollectionInput,
  type CollectionPatch,
  type CollectionSummary,
} from '../model.ts';
import type { SearchService } from '../search/search-service.ts';
import { KeyedQueue } from '../serial.ts';
import type { ArticleStore } from '../store/article-store.ts';
import type { RegistryStore } from '../store/registry-file.ts';
import { foldTerm } from '../search/fold.ts';

/** A selection of articles, or everything a query finds now. */
export type Members = string[] | { query: string };

/** Adding or removing touches one article file each: done a few at a time, durably, in order of the list. */
const AT_ONCE = 8;

export class CollectionService {
  /** Adds, removes and deletes of one collection run one after another: a delete must not race an add. */
  private readonly queues = new KeyedQueue();

  constructor(
    private readonly store: ArticleStore,
    private readonly registry: RegistryStore,
    /** What a query finds now (it throws 'unavailable' while the index is being built), and whether one parses. */
    private readonly search: Pick<SearchService, 'matchingIds' | 'compile'>,
  ) {}

  list(): CollectionSummary[] {
    const counts = new Map<string, number>();
    for (const entry of this.store.entries())
      if (!entry.deletedAt) for (const id of entry.collectionIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    return this.registry.data.collections
      .map((c) => ({ ...c, articles: c.query === null ? (counts.get(c.id) ?? 0) : this.countFound(c.query) }))
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }));
  }

  get(id: string): Collection {
    const found = this.registry.data.collections.find((c) => c.id === id);
    if (!found) throw new ArchiveError('not_found', `There is no collection with id ${id}.`);
    return found;
  }

  /** The hand-made collection's members (not trashed), or what the smart collection's query finds. */
  memberIds(collection: Collection): string[] {
    if (collection.query !== null) return this.search.matchingIds(collection.query);
    const ids: string[] = [];
    for (const entry of this.store.entries())
      if (!entry.deletedAt && entry.collectionIds.includes(collection.id)) ids.push(entry.id);
    return ids;
  }

  async create(input: CollectionInput): Promise<Collection> {
    if (input.query) void this.search.compile(input.query);
    const now = new Date().toISOString();
    return this.registry.update((draft) => {
      this.refuseTakenName(draft.collections, input.name);
      const collection: Collection = {
        id: newCollectionId(),
        name: input.name,
        description: input.description ?? '',
        query: input.query ?? null,
        createdAt: now,
        updatedAt: now,
      };
      draft.collections.push(collection);
      return collection;
    });
  }

  async update(id: string, patch: CollectionPatch): Promise<Collection> {
    const current = this.get(id);
    if (patch.query !== undefined && (patch.query === null) !== (current.query === null))
      throw new ArchiveError(
        'invalid',
        current.query === null
          ? `"${current.name}" is a hand-made collection: make a smart collection for a query instead.`
          : `"${current.name}" is a smart collection: its articles are what its query finds, so it keeps a query.`,
      );
    if (patch.query) void this.search.compile(patch.query);
    return this.registry.update((draft) => {
      const at = draft.collections.findIndex((c) => c.id === id);
      if (at < 0) throw new ArchiveError('not_found', `There is no collection with id ${id}.`);
      if (patch.name !== undefined) this.refuseTakenName(draft.collections, patch.name, id);
      const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const updated = { ...draft.collections[at]!, ...changes, updatedAt: new Date().toISOString() };
      draft.collections[at] = updated;
      return updated;
    });
  }

  /** The collection goes; its articles stay in the archive (and in the trash, if they were there). */
  delete(id: string): Promise<{ removedFrom: number }> {
    return this.queues.run(id, async () => {
      const collection = this.get(id);
      // Out of the registry first: an add that reaches an article after this finds no collection to add.
      await this.registry.update((draft) => {
        draft.collections = draft.collections.filter((c) => c.id !== id);
      });
      if (collection.query !== null) return { removedFrom: 0 };
      const members = [...this.store.entries()].filter((e) => e.collectionIds.includes(id)).map((e) => e.id);
      return { removedFrom: (await this.edit(members, (ids) => ids.filter((c) => c !== id))).changed };
    });
  }

  add(id: string, members: Members): Promise<{ changed: number; unchanged: number }> {
    // What a query finds now, when the call is made (a query that does not parse is the first thing said).
    const articleIds = this.idsOf(members);
    return this.queues.run(id, async () => {
      const collection = this.handMade(id);
      this.refuseUnknown(articleIds);
      return this.edit(articleIds, (ids) => {
        if (ids.includes(collection.id) || !this.exists(collection.id)) return ids;
        if (ids.length >= MAX_COLLECTIONS_PER_ARTICLE)
          throw new ArchiveError('invalid', `An article can be in at most ${MAX_COLLECTIONS_PER_ARTICLE} collections.`);
        return [...ids, collection.id];
      });
    });
  }

  remove(id: string, members: Members): Promise<{ changed: number; unchanged: number }> {
    // What a query finds now, when the call is made (a query that does not parse is the first thing said).
    const articleIds = this.idsOf(members);
    return this.queues.run(id, async () => {
      const collection = this.handMade(id);
      this.refuseUnknown(articleIds);
      return this.edit(articleIds, (ids) => ids.filter((c) => c !== collection.id));
    });
  }

  /** The ids a selection names, or those its query finds now (trashed articles are not in the index's results). */
  private idsOf(members: Members): string[] {
    return Array.isArray(members) ? members : this.search.matchingIds(members.query);
  }

  private exists(id: string): boolean {
    return this.registry.data.collections.some((c) => c.id === id);
  }

  private handMade(id: string): Collection {
    const collection = this.get(id);
    if (collection.query !== null)
      throw new ArchiveError(
        'invalid',
        `"${collection.name}" is a smart collection: its articles are what its query finds. Change the query instead.`,
      );
    return collection;
  }

  /** Nothing is changed when any id is unknown: the user's list was wrong, better to say so whole. */
  private refuseUnknown(articleIds: string[]): void {
    const unknown = articleIds.filter((id) => !this.store.entry(id));
    if (unknown.length)
      throw new ArchiveError(
        'not_found',
        `There is no article with id ${unknown[0]}${unknown.length > 1 ? ` (and ${unknown.length - 1} more)` : ''}: nothing was changed.`,
      );
  }

  private async edit(
    articleIds: string[],
    next: (ids: string[]) => string[],
  ): Promise<{ changed: number; unchanged: number }> {
    const todo = [...new Set(articleIds)].filter((id) => {
      const entry = this.store.entry(id);
      return entry && !sameIds(next(entry.collectionIds), entry.collectionIds);
    });
    for (let i = 0; i < todo.length; i += AT_ONCE)
      await Promise.all(
        todo
          .slice(i, i + AT_ONCE)
          .map((id) =>
            this.store.change(id, (article) => ({ ...article, collectionIds: next(article.collectionIds) })),
          ),
      );
    return { changed: todo.length, unchanged: new Set(articleIds).size - todo.length };
  }

  private countFound(query: string): number | null {
    try {
      return this.search.matchingIds(query).length;
    } catch {
      return null;
    }
  }

  private refuseTakenName(collections: Collection[], name: string, except?: string): void {
    const taken = collections.find((c) => c.id !== except && foldTerm(c.name) === foldTerm(name));
    if (taken) throw new ArchiveError('invalid', `There is already a collection called "${taken.name}".`);
  }
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
