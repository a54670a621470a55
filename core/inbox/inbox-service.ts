// The inbox's work: listing by reading state from the catalog (no article file opened), counts, and marking articles in bulk.
import type { z } from 'zod';
import type { InboxFilter } from '../common/reading.ts';
import { ArchiveError } from '../errors.ts';
import type {
  ArticleSummary,
  FeedCount,
  FolderCount,
  InboxCounts,
  InboxQuery,
  MarkResult,
  Reading,
  ReadingMark,
} from '../model.ts';
import { toSummary } from '../articles/article-service.ts';
import type { ArticleStore } from '../store/article-store.ts';
import type { CatalogEntry } from '../store/catalog.ts';
import type { RegistryStore } from '../store/registry-file.ts';

export type InboxPage = {
  total: number;
  offset: number;
  items: ArticleSummary[];
  counts: InboxCounts;
  /** When the inbox was last looked at (markInboxSeen), null never: what arrived after it is new. */
  seenAt: string | null;
};

/** Each mark is one durable article write: a few at a time, so a batch overlaps its disk waits. */
const AT_ONCE = 8;
/** Kept in archive.json's settings (unknown keys there are kept as they are), so every window agrees. */
const SEEN_KEY = 'inboxSeenAt';

const FILTERS: Record<InboxFilter, (reading: Reading) => boolean> = {
  inbox: (r) => r.state !== 'archived',
  unread: (r) => r.state === 'unread',
  starred: (r) => r.starred,
  archived: (r) => r.state === 'archived',
  all: () => true,
};

export class InboxService {
  private cachedCounts: { version: string; counts: InboxCounts } | null = null;

  constructor(
    private readonly store: ArticleStore,
    private readonly registry: RegistryStore,
  ) {}

  /** A page of the inbox, newest capture first, with the counts the sidebar shows. */
  list(query: z.output<typeof InboxQuery>): InboxPage {
    const list = this.matching(query);
    return {
      total: list.length,
      offset: query.offset,
      items: list.slice(query.offset, query.offset + query.limit).map(toSummary),
      counts: this.counts(),
      seenAt: this.seenAt(),
    };
  }

  /**
   * Unread, starred and archived counts, and unread per feed and per folder: one pass over the catalog,
   * cached until an article or archive.json (a feed renamed or moved) changes.
   */
  counts(): InboxCounts {
    const version = `${this.store.version}:${this.registry.changes}`;
    if (this.cachedCounts?.version === version) return this.cachedCounts.counts;
    const counts: InboxCounts = { unread: 0, starred: 0, archived: 0, inbox: 0, feeds: [], folders: [] };
    const subs = new Map(this.registry.data.subscriptions.map((s) => [s.id, s]));
    const feeds = new Map<string, FeedCount>();
    for (const entry of this.store.entries()) {
      if (entry.deletedAt) continue;
      const { state, starred } = entry.reading;
      if (state === 'unread') counts.unread++;
      if (state === 'archived') counts.archived++;
      else counts.inbox++;
      if (starred) counts.starred++;
      if (!entry.feed || state === 'archived') continue;
      const id = entry.feed.subscriptionId;
      let feed = feeds.get(id);
      if (!feed) {
        const sub = subs.get(id);
        // The subscription's current title: a renamed feed shows its new name on its older articles too.
        const title = sub?.title || entry.feed.title;
        feeds.set(id, (feed = { subscriptionId: id, title, folder: sub?.folder ?? '', unread: 0, total: 0 }));
      }
      feed.total++;
      if (state === 'unread') feed.unread++;
    }
    counts.feeds = [...feeds.values()].sort((a, b) => byName(a.title, b.title));
    counts.folders = foldersOf(counts.feeds);
    this.cachedCounts = { version, counts };
    return counts;
  }

  /** Sets the state, the star, or both; an article already so is not written again. Nothing changes when an id is unknown. */
  async mark(ids: string[], mark: ReadingMark): Promise<MarkResult> {
    const unknown = ids.filter((id) => !this.store.entry(id));
    if (unknown.length)
      throw new ArchiveError(
        'not_found',
        `There is no article with id ${unknown[0]}${unknown.length > 1 ? ` (and ${unknown.length - 1} more)` : ''}: nothing was changed.`,
      );
    const unique = [...new Set(ids)];
    const todo = unique.filter((id) => !isAlready(this.store.entry(id)!.reading, mark));
    for (let i = 0; i < todo.length; i += AT_ONCE)
      await Promise.all(
        todo
          .slice(i, i + AT_ONCE)
          .map((id) => this.store.change(id, (article) => ({ ...article, reading: applied(article.reading, mark) }))),
      );
    return { changed: todo.length, unchanged: unique.length - todo.length };
  }

  /**
   * "Mark all above read": the unread articles of this listing from the newest down to `throughId`,
   * that one included (the reader has seen it too).
   */
  async markReadThrough(query: z.output<typeof InboxQuery>, throughId: string): Promise<MarkResult> {
    const list = this.matching(query);
    const at = list.findIndex((entry) => entry.id === throughId);
    if (at < 0) throw new ArchiveError('not_found', `Article ${throughId} is not in this inbox listing.`);
    const ids = list.slice(0, at + 1).map((entry) => entry.id);
    if (!ids.length) return { changed: 0, unchanged: 0 };
    return this.mark(ids, { state: 'read' });
  }

  /** Records that the inbox was looked at now; answers when it was looked at before. */
  async markSeen(): Promise<{ seenAt: string | null }> {
    const before = this.seenAt();
    const now = new Date().toISOString();
    await this.registry.update((draft) => void (draft.settings[SEEN_KEY] = now));
    return { seenAt: before };
  }

  private seenAt(): string | null {
    const value = this.registry.data.settings[SEEN_KEY];
    return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : null;
  }

  private matching(query: z.output<typeof InboxQuery>): CatalogEntry[] {
    const keep = FILTERS[query.filter];
    const feed = query.subscriptionId;
    // A folder is its subscriptions now: a feed moved to another folder takes its articles along.
    const inFolder =
      query.folder === undefined
        ? null
        : new Set(this.registry.data.subscriptions.filter((s) => s.folder === query.folder).map((s) => s.id));
    return this.store
      .sorted('capturedAt', 'desc', false)
      .filter(
        (entry) =>
          keep(entry.reading) &&
          (feed === undefined || entry.feed?.subscriptionId === feed) &&
          (inFolder === null || (entry.feed !== null && inFolder.has(entry.feed.subscriptionId))),
      );
  }
}

function byName(a: string, b: string): number {
  return a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
}

/** The feeds' counts added up by folder, folders by name. */
function foldersOf(feeds: FeedCount[]): FolderCount[] {
  const folders = new Map<string, FolderCount>();
  for (const feed of feeds) {
    if (!feed.folder) continue;
    const folder = folders.get(feed.folder) ?? { folder: feed.folder, unread: 0, total: 0, feeds: 0 };
    folder.unread += feed.unread;
    folder.total += feed.total;
    folder.feeds++;
    folders.set(feed.folder, folder);
  }
  return [...folders.values()].sort((a, b) => byName(a.folder, b.folder));
}

function isAlready(reading: Reading, mark: ReadingMark): boolean {
  return (
    (mark.state === undefined || reading.state === mark.state) &&
    (mark.starred === undefined || reading.starred === mark.starred)
  );
}

/** Marked now: the analyst's own state, which their other laptops on a desk take (core/sync/reading-docs.ts). */
function applied(reading: Reading, mark: ReadingMark): Reading {
  return {
    state: mark.state ?? reading.state,
    starred: mark.starred ?? reading.starred,
    markedAt: new Date().toISOString(),
  };
}
