// Following feeds: follow (a URL or every feed of an OPML list), list, change, unfollow, and refresh now or when due.
import { parseOpml } from '../capture/opml.ts';
import type { Importer } from '../capture/importer.ts';
import { ArchiveError } from '../errors.ts';
import {
  FollowOptions,
  Subscription,
  type RefreshResult,
  type SubscriptionPatch,
  type SubscriptionView,
} from '../model.ts';
import { TurnQueue } from '../serial.ts';
import type { RegistryStore } from '../store/registry-file.ts';
import { settingsOf } from '../store/settings.ts';
import { hasNetwork } from './polite-fetch.ts';
import { privateNetworkAllowed } from './private-network.ts';
import { RequestLimits } from './request-limits.ts';
import { refreshSubscription, type RefreshContext } from './subscription-refresh.ts';
import { SubscriptionWrites } from './subscription-writes.ts';

/** The longest the scheduler waits after failures, however many. */
const MAX_BACKOFF_MINUTES = 24 * 60;

export type FollowResult = { followed: SubscriptionView[]; skipped: { url: string; reason: string }[] };

export class SubscriptionService {
  /** One set of caps for every refresh in flight, whoever started it (the scheduler, a click, the CLI). */
  private readonly limits = new RequestLimits(16, 2);
  /** Enough items in flight to keep the extraction workers busy while pages download. */
  private readonly items = new RequestLimits(12, 12);
  private readonly turns = new TurnQueue();

  constructor(
    private readonly registry: RegistryStore,
    private readonly importer: Importer,
    private readonly timeoutMs = 20_000,
  ) {}

  list(): SubscriptionView[] {
    return this.registry.data.subscriptions.map(viewOf);
  }

  /** A feed URL, or the text of an OPML list: each feed not yet followed is added (refresh reads them). */
  async add(target: string, options: FollowOptions = {}): Promise<FollowResult> {
    const { folder = '', everyMinutes = 30 } = FollowOptions.parse(options);
    // A URL given alone was typed by the user (it may reach this machine or the office network);
    // an OPML list's entries came from a file.
    const typed = !target.startsWith('<');
    const entries = typed
      ? [{ url: target, title: '' }]
      : parseOpml(target).feeds.map((feed) => ({ url: feed.xmlUrl, title: feed.title }));
    return this.registry.update((draft) => {
      const result: FollowResult = { followed: [], skipped: [] };
      const known = new Map(draft.subscriptions.map((s) => [s.url, s]));
      for (const entry of entries) {
        if (!/^https?:\/\/[^/]/i.test(entry.url) || !URL.canParse(entry.url)) {
          result.skipped.push({ url: entry.url, reason: 'not an http(s) URL' });
          continue;
        }
        const existing = known.get(entry.url);
        if (existing) {
          // Typing the URL of a feed that came from a list says the user means it.
          if (typed) existing.typed = true;
          result.skipped.push({ url: entry.url, reason: 'already followed' });
          continue;
        }
        const sub = Subscription.parse({
          id: crypto.randomUUID(),
          url: entry.url,
          title: entry.title.slice(0, 500),
          folder,
          everyMinutes,
          createdAt: new Date().toISOString(),
          typed,
        });
        known.set(sub.url, sub);
        draft.subscriptions.push(sub);
        result.followed.push(viewOf(sub));
      }
      return result;
    });
  }

  async update(id: string, patch: SubscriptionPatch): Promise<SubscriptionView> {
    return this.registry.update((draft) => {
      const sub = draft.subscriptions.find((s) => s.id === id);
      if (!sub) throw notFound(id);
      Object.assign(sub, patch);
      return viewOf(sub);
    });
  }

  /** Stops following; the articles saved from it stay. */
  async remove(id: string): Promise<SubscriptionView> {
    return this.registry.update((draft) => {
      const at = draft.subscriptions.findIndex((s) => s.id === id);
      if (at < 0) throw notFound(id);
      return viewOf(draft.subscriptions.splice(at, 1)[0]!);
    });
  }

  /** Refreshes these subscriptions now (all unpaused ones without ids), side by side within the request caps. */
  async refreshNow(ids?: string[]): Promise<RefreshResult[]> {
    const all = this.registry.data.subscriptions;
    const chosen = ids?.length
      ? ids.map((id) => all.find((s) => s.id === id) ?? throwNotFound(id))
      : all.filter((s) => !s.paused);
    return this.run(chosen);
  }

  /** Pauses or resumes the schedule (kept in archive.json's settings, so it survives a restart). */
  async pauseSchedule(paused: boolean): Promise<{ paused: boolean }> {
    await this.registry.update((draft) => void (draft.settings.refreshPaused = paused));
    return { paused };
  }

  /** The scheduler's call: the unpaused subscriptions whose time has come (backoff included). */
  async refreshDue(now = Date.now()): Promise<RefreshResult[]> {
    return this.run(this.registry.data.subscriptions.filter((s) => !s.paused && Date.parse(nextCheckAt(s)) <= now));
  }

  /** The subscriptions as an OPML 2.0 list, grouped by folder (what a feed reader imports). */
  toOpml(): string {
    const esc = (text: string) =>
      text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const outline = (s: Subscription) =>
      `<outline type="rss" text="${esc(s.title || s.url)}" title="${esc(s.title)}" xmlUrl="${esc(s.url)}"/>`;
    const folders = new Map<string, Subscription[]>();
    for (const sub of this.registry.data.subscriptions)
      folders.set(sub.folder, [...(folders.get(sub.folder) ?? []), sub]);
    const body = [...folders]
      .map(([folder, subs]) =>
        folder
          ? `<outline text="${esc(folder)}">\n${subs.map((s) => `  ${outline(s)}`).join('\n')}\n</outline>`
          : subs.map(outline).join('\n'),
      )
      .join('\n');
    return `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0"><head><title>Newsdesk subscriptions</title></head><body>\n${body}\n</body></opml>\n`;
  }

  /** Refreshes under way, by subscription id: a second request for one joins it. */
  private readonly running = new Map<string, Promise<RefreshResult>>();

  private async run(subs: Subscription[]): Promise<RefreshResult[]> {
    const allowPrivate = privateNetworkAllowed() || settingsOf(this.registry).allowPrivateNetwork;
    // No network interface but loopback, and nothing allowed to reach this machine: every subscription
    // is offline, said at once, nothing changed.
    if (!hasNetwork() && !allowPrivate && !subs.some((s) => s.typed))
      return subs.map((s) => ({ subscription: s.id, url: s.url, status: 'offline', new: 0, errors: ['offline'] }));
    const ctx: RefreshContext = {
      importer: this.importer,
      limits: this.limits,
      items: this.items,
      maxBytes: settingsOf(this.registry).maxImportBytes,
      timeoutMs: this.timeoutMs,
      allowPrivate,
      turns: this.turns,
      offline: { value: false },
    };
    const writes = new SubscriptionWrites(this.registry);
    const started = [...new Map(subs.map((sub) => [sub.id, sub])).values()]
      .filter((sub) => !this.running.has(sub.id))
      .map((sub) => {
        const refreshed = refreshSubscription(sub, ctx).then(({ result, changes }) => {
          if (changes) writes.add(sub.id, changes);
          return result;
        });
        return { id: sub.id, refreshed };
      });
    const flushed = Promise.all(started.map((s) => s.refreshed)).then(() => writes.flush());
    for (const { id, refreshed } of started) {
      // Answered once its batch is written, whoever waits for it.
      const done = refreshed.then(async (result) => (await flushed, result));
      this.running.set(id, done);
      const clear = () => void this.running.delete(id);
      done.then(clear, clear);
    }
    // A subscription already refreshing (the schedule and a click at once) is joined, not fetched twice.
    return Promise.all(subs.map((sub) => this.running.get(sub.id)!));
  }
}

/** Due every `everyMinutes` after the last check; each consecutive failure doubles the wait, up to a day. */
export function nextCheckAt(sub: Subscription): string {
  if (!sub.lastCheckedAt) return sub.createdAt;
  const wait = Math.min(
    sub.everyMinutes * 2 ** Math.min(sub.failures, 16),
    Math.max(MAX_BACKOFF_MINUTES, sub.everyMinutes),
  );
  return new Date(Date.parse(sub.lastCheckedAt) + wait * 60_000).toISOString();
}

function viewOf(sub: Subscription): SubscriptionView {
  const view: Partial<Subscription> & SubscriptionView = { ...sub, nextCheckAt: nextCheckAt(sub) };
  // Bookkeeping, not health: the validators and the GUIDs seen stay in archive.json.
  delete view.seen;
  delete view.etag;
  delete view.lastModified;
  return view;
}

function notFound(id: string): ArchiveError {
  return new ArchiveError('not_found', `No subscription ${id}.`);
}

function throwNotFound(id: string): never {
  throw notFound(id);
}
