// Watchlists: creating and listing watches, checking every newly saved article against them (again once its suggestions are made), and the alerts that records.
import { ArchiveError } from '../errors.ts';
import { newAlertId, newWatchId } from '../ids.ts';
import type { z } from 'zod';
import type {
  AlertQuery,
  AlertView,
  Article,
  SeenSelection,
  Watch,
  WatchInput,
  WatchPatch,
  WatchSummary,
} from '../model.ts';
import type { SearchService } from '../search/search-service.ts';
import { SerialQueue } from '../serial.ts';
import type { ArticleStore } from '../store/article-store.ts';
import type { RegistryStore } from '../store/registry-file.ts';
import { matchesWatch, type MatchContext } from './watch-match.ts';
import type { WatchStore } from './watch-store.ts';

/** New articles still waiting for their suggestions: checked again when those are written. Bounded, in case tagging is off. */
const AWAITING_SUGGESTIONS = 5_000;
/** New articles saved while the search index was being built: checked again once it is. Bounded like the above. */
const AWAITING_INDEX = 20_000;

export class WatchService {
  private readonly checks = new SerialQueue();
  private pendingChecks: Promise<unknown> = Promise.resolve();
  private readonly awaiting = new Set<string>();
  private readonly awaitingIndex = new Set<string>();
  /** The check of awaitingIndex once the index is built and caught up; null when none is due. */
  private recheck: Promise<void> | null = null;
  private closed = false;
  private readonly context: MatchContext;

  constructor(
    private readonly store: ArticleStore,
    private readonly registry: RegistryStore,
    private readonly search: Pick<SearchService, 'matchingIds' | 'compile' | 'state' | 'settled'>,
    private readonly watches: WatchStore,
  ) {
    this.context = { search, entity: (id) => registry.data.entities.find((e) => e.id === id) };
    // Registered after the search index's listeners (openArchive builds it first): the article is searchable here.
    // A new article saved here or pulled from the team desk: both are news to this analyst's watches.
    const fresh = (article: Article) => {
      if (!article.taggedAt) this.await(article.id);
      this.check(article, true);
      // The index being built has no row for it yet: search and entity watches would miss it for good.
      if (this.search.state.state === 'building') this.awaitIndex(article.id);
    };
    store.on('created', fresh);
    store.on('arrived', fresh);
    // Its suggestions (entities, claims) arrive as a later write: entity and claims watches look again then.
    store.on('written', (article) => {
      if (!this.awaiting.has(article.id)) return;
      if (article.taggedAt) this.awaiting.delete(article.id);
      this.check(article);
    });
  }

  async create(input: WatchInput & { notify: boolean }): Promise<Watch> {
    const target = input.target;
    if (target.kind === 'search') void this.search.compile(target.query);
    else {
      const id = target.kind === 'entity' ? target.entityId : target.placeId;
      if (!this.context.entity(id)) throw new ArchiveError('not_found', `There is no entity with id ${id}.`);
    }
    const watch: Watch = { id: newWatchId(), name: input.name, target, notify: input.notify, createdAt: now() };
    return this.watches.update((draft) => {
      if (draft.watches.some((w) => w.name.toLowerCase() === watch.name.toLowerCase()))
        throw new ArchiveError('exists', `There is already a watch called "${watch.name}".`);
      draft.watches.push(watch);
      return watch;
    });
  }

  /** The watches, by name, with their alert counts (the checks of articles already saved included). */
  async list(): Promise<WatchSummary[]> {
    await this.settled();
    const counts = new Map<string, { alerts: number; unseen: number }>();
    for (const alert of this.watches.data.alerts) {
      const count = counts.get(alert.watchId) ?? { alerts: 0, unseen: 0 };
      count.alerts++;
      if (!alert.seen) count.unseen++;
      counts.set(alert.watchId, count);
    }
    return this.watches.data.watches
      .map((w) => ({ ...w, ...(counts.get(w.id) ?? { alerts: 0, unseen: 0 }) }))
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }));
  }

  /** A new name (unique, as at creation) or the notification turned on or off. */
  async update(id: string, patch: WatchPatch): Promise<Watch> {
    return this.watches.update((draft) => {
      const watch = draft.watches.find((w) => w.id === id);
      if (!watch) throw new ArchiveError('not_found', `There is no watch with id ${id}.`);
      const name = patch.name;
      if (name && draft.watches.some((w) => w.id !== id && w.name.toLowerCase() === name.toLowerCase()))
        throw new ArchiveError('exists', `There is already a watch called "${name}".`);
      if (name) watch.name = name;
      if (patch.notify !== undefined) watch.notify = patch.notify;
      return { ...watch };
    });
  }

  /** The watch and its alerts go; the articles stay. */
  async delete(id: string): Promise<void> {
    await this.watches.update((draft) => {
      if (!draft.watches.some((w) => w.id === id))
        throw new ArchiveError('not_found', `There is no watch with id ${id}.`);
      draft.watches = draft.watches.filter((w) => w.id !== id);
      draft.alerts = draft.alerts.filter((a) => a.watchId !== id);
    });
  }

  /** Alerts, newest first, with the watch's name and the article's title. */
  async alerts(query: z.output<typeof AlertQuery>): Promise<AlertView[]> {
    await this.settled();
    const since = query.since ? Date.parse(query.since) : -Infinity;
    const watches = new Map(this.watches.data.watches.map((w) => [w.id, w]));
    const views: AlertView[] = [];
    const all = this.watches.data.alerts;
    for (let i = all.length - 1; i >= 0 && views.length < query.limit; i--) {
      const alert = all[i]!;
      if (Date.parse(alert.at) < since) break;
      if ((query.watchId && alert.watchId !== query.watchId) || (query.unseenOnly && alert.seen)) continue;
      const watch = watches.get(alert.watchId);
      const entry = this.store.entry(alert.articleId);
      views.push({
        ...alert,
        watchName: watch?.name ?? '',
        notify: watch?.notify ?? false,
        article: entry ? { title: entry.title, source: entry.source, publishedAt: entry.publishedAt } : null,
      });
    }
    return views;
  }

  /** A digest's contents: the alerts since `since` and the articles saved since then with claims that are not rejected. */
  async digest(since: string): Promise<{ since: string; alerts: AlertView[]; articleIds: string[] }> {
    const alerts = await this.alerts({ since, limit: 10_000 });
    const ids = new Set(alerts.filter((a) => a.article).map((a) => a.articleId));
    const from = Date.parse(since);
    for (const entry of this.store.entries())
      if (!entry.deletedAt && entry.claimCount > 0 && Date.parse(entry.capturedAt) >= from) ids.add(entry.id);
    return { since, alerts, articleIds: [...ids] };
  }

  /** How many alerts were newly marked seen. */
  async markSeen(selection: SeenSelection): Promise<{ changed: number }> {
    await this.settled();
    const ids = selection.ids && new Set(selection.ids);
    return this.watches.update((draft) => {
      let changed = 0;
      for (const alert of draft.alerts)
        if (!alert.seen && (!ids || ids.has(alert.id)) && (!selection.watchId || alert.watchId === selection.watchId)) {
          alert.seen = true;
          changed++;
        }
      return { changed };
    });
  }

  /**
   * Resolves once the checks of the articles saved so far are recorded (tests, the CLI before it exits).
   * Those waiting for the search index are included once it is built, not before: the alerts list must
   * not hang for the length of a rebuild.
   */
  async settled(): Promise<void> {
    await this.pendingChecks;
    if (this.recheck && this.search.state.state !== 'building') await this.recheck;
    await this.pendingChecks;
  }

  /** No check after this: the stores close next. Articles still waiting for the index are not checked (a known gap). */
  async close(): Promise<void> {
    this.closed = true;
    await this.pendingChecks;
  }

  private await(id: string): void {
    if (this.awaiting.size >= AWAITING_SUGGESTIONS) this.awaiting.delete(this.awaiting.values().next().value!);
    this.awaiting.add(id);
  }

  private awaitIndex(id: string): void {
    if (this.awaitingIndex.size >= AWAITING_INDEX) this.awaitingIndex.delete(this.awaitingIndex.values().next().value!);
    this.awaitingIndex.add(id);
    this.recheck ??= this.search.settled().then(() => this.checkAwaitingIndex());
  }

  private async checkAwaitingIndex(): Promise<void> {
    const ids = [...this.awaitingIndex];
    this.awaitingIndex.clear();
    for (const id of ids) {
      if (this.closed) return;
      // Read again: it may have been edited (suggested, trashed) meanwhile.
      const article = await this.store.read(id).catch(() => null);
      if (article && !this.closed) this.check(article);
    }
    // Cleared only now, so settled() waits for the whole pass; a rebuild begun meanwhile gets its own.
    this.recheck = null;
    if (this.awaitingIndex.size && !this.closed)
      this.recheck = this.search.settled().then(() => this.checkAwaitingIndex());
  }

  /**
   * Records an alert for every watch the article matches and has not alerted on yet; never fails the save.
   * A look again (suggestions arrived, the index caught up) only counts watches older than the article:
   * a watch is for what is saved after it, not for an article that was tagged after it.
   */
  private check(article: Article, justSaved = false): void {
    if (this.closed) return;
    const already = new Set(this.watches.data.alerts.filter((a) => a.articleId === article.id).map((a) => a.watchId));
    let matched: string[];
    try {
      matched = this.watches.data.watches
        .filter(
          (w) =>
            (justSaved || w.createdAt <= article.capturedAt) &&
            !already.has(w.id) &&
            matchesWatch(w, article, this.context),
        )
        .map((w) => w.id);
    } catch {
      return;
    }
    if (!matched.length) return;
    this.pendingChecks = this.checks.run(() =>
      this.watches
        .update((draft) => {
          const live = new Set(draft.watches.map((w) => w.id));
          const already = new Set(draft.alerts.filter((a) => a.articleId === article.id).map((a) => a.watchId));
          for (const watchId of matched)
            if (live.has(watchId) && !already.has(watchId))
              draft.alerts.push({ id: newAlertId(), watchId, articleId: article.id, at: now(), seen: false });
        })
        .catch(() => undefined),
    );
  }
}

const now = () => new Date().toISOString();
