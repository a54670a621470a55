// Refreshing one subscription: the feed fetched conditionally, each new item's page captured in full, or its own content when the page fails.
import { createHash } from 'node:crypto';
import { captureFeedEntry } from '../capture/capture-document.ts';
import { charsetOf, decodeMarkup } from '../capture/decode.ts';
import { parseFeed, type Feed, type FeedItem } from '../capture/feeds.ts';
import { isoOrUndefined } from '../capture/date-text.ts';
import type { Importer } from '../capture/importer.ts';
import { hostOf } from '../capture/page-outlets.ts';
import { toErrorBody } from '../errors.ts';
import { UNREAD, type FeedRef, type RefreshResult, type Subscription } from '../model.ts';
import { isJsonFeed, parseJsonFeed } from './json-feed.ts';
import { fetchPolitely, OfflineError } from './polite-fetch.ts';
import type { TurnQueue } from '../serial.ts';
import type { RequestLimits } from './request-limits.ts';

export type RefreshContext = {
  importer: Importer;
  limits: RequestLimits;
  maxBytes: number;
  timeoutMs?: number;
  /** Items in flight (fetched, extracting or saving) across all subscriptions: holds memory to a few pages, not thousands. */
  items: RequestLimits;
  /** The user allowed private networks (setting or environment); else only a typed feed URL may reach one. */
  allowPrivate: boolean;
  /** A loop turn for each feed parsed: feeds arriving together would otherwise be parsed in one long turn. */
  turns: TurnQueue;
  /** Set by the first subscription to find the network gone: the rest answer 'offline' without trying. */
  offline: { value: boolean };
};

/** What to write back to the subscription; null when nothing may change (offline). */
export type RefreshOutcome = { result: RefreshResult; changes: Partial<Subscription> | null };

const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, application/pdf;q=0.8, */*;q=0.5';

export async function refreshSubscription(sub: Subscription, ctx: RefreshContext): Promise<RefreshOutcome> {
  const result: RefreshResult = { subscription: sub.id, url: sub.url, status: 'ok', new: 0, errors: [] };
  const now = new Date().toISOString();
  if (ctx.offline.value) return { result: { ...result, status: 'offline', errors: ['offline'] }, changes: null };
  let fetched;
  let feed: Feed;
  try {
    fetched = await fetchPolitely(sub.url, {
      limits: ctx.limits,
      maxBytes: ctx.maxBytes,
      timeoutMs: ctx.timeoutMs,
      validators: { etag: sub.etag, lastModified: sub.lastModified },
      allowPrivate: ctx.allowPrivate,
      typed: sub.typed,
    });
    if (fetched.status === 'not-modified')
      return {
        result: { ...result, status: 'not-modified' },
        changes: { lastCheckedAt: now, lastError: null, failures: 0 },
      };
    await ctx.turns.next();
    feed = readFeed(fetched.bytes, fetched.mediaType, fetched.url);
  } catch (error) {
    const message = toErrorBody(error).message;
    if (error instanceof OfflineError) {
      ctx.offline.value = true;
      return { result: { ...result, status: 'offline', errors: [message] }, changes: null };
    }
    return {
      result: { ...result, status: 'failed', errors: [message] },
      changes: { lastCheckedAt: now, lastError: message, failures: sub.failures + 1 },
    };
  }
  const title = feed.title || sub.title || hostOf(sub.url);
  const seen = new Set(sub.seen);
  const dealt = new Set<string>();
  const mediaType = /json/.test(fetched.mediaType) ? 'application/feed+json' : 'application/rss+xml';
  const fresh = uniqueItems(feed.items).filter(([key]) => {
    if (!seen.has(key)) return true;
    dealt.add(key);
    return false;
  });
  // Pages are fetched side by side (the limits cap how many per host); the importer saves one at a time.
  await Promise.all(
    fresh.map(async ([key, item]) => {
      const ref: FeedRef = { subscriptionId: sub.id, guid: item.guid.slice(0, 2000), title: title.slice(0, 500) };
      const outcome = await ctx.items.run('items', () =>
        saveItem(item, ref, { ctx, source: title, mediaType, origin: sub.url }),
      );
      if (outcome.saved) result.new++;
      if (outcome.done) dealt.add(key);
      if (outcome.error) result.errors.push(outcome.error);
    }),
  );
  return {
    result,
    changes: {
      title,
      etag: fetched.validators.etag,
      lastModified: fetched.validators.lastModified,
      lastCheckedAt: now,
      lastError: null,
      failures: 0,
      seen: [...dealt],
      ...(result.new ? { lastNewAt: now } : {}),
    },
  };
}

function readFeed(bytes: Uint8Array, mediaType: string, url: string): Feed {
  const text = decodeMarkup(bytes, { xml: true, declared: charsetOf(mediaType) }).text;
  return isJsonFeed(text) || /json/.test(mediaType) ? parseJsonFeed(text, url) : parseFeed(text, url);
}

/** Items keyed by a short hash of their GUID (or link, or title and date); a GUID repeated in the feed counts once. */
function uniqueItems(items: FeedItem[]): [string, FeedItem][] {
  const byKey = new Map<string, FeedItem>();
  for (const item of items) {
    const identity = item.guid || item.link || `${item.title}|${item.publishedAt}`;
    const key = createHash('sha256').update(identity).digest('base64url').slice(0, 16);
    if (!byKey.has(key)) byKey.set(key, item);
  }
  return [...byKey];
}

type ItemOutcome = { saved: boolean; done: boolean; error?: string };

async function saveItem(
  item: FeedItem,
  feed: FeedRef,
  at: { ctx: RefreshContext; source: string; mediaType: string; origin: string },
): Promise<ItemOutcome> {
  const { ctx } = at;
  const name = item.title || item.link || 'untitled item';
  let why = 'the item has no link';
  if (item.link) {
    if (ctx.importer.knownUrl(item.link)) return { saved: false, done: true };
    try {
      const page = await fetchPolitely(item.link, {
        limits: ctx.limits,
        maxBytes: ctx.maxBytes,
        timeoutMs: ctx.timeoutMs,
        accept: PAGE_ACCEPT,
        // Never typed: an item's link comes from the feed, whoever typed the feed's URL.
        allowPrivate: ctx.allowPrivate,
      });
      if (page.status === 'ok') {
        const [saved] = await ctx.importer.fromBytes(
          { bytes: page.bytes, name: page.url, mediaType: page.mediaType, origin: page.url, method: 'url' },
          ctx.maxBytes,
          {
            feed,
            reading: UNREAD,
            fallback: { publishedAt: isoOrUndefined(item.publishedAt) ?? null, byline: item.author, source: at.source },
          },
        );
        if (saved?.status === 'saved') return { saved: true, done: true };
        if (saved?.status === 'duplicate') return { saved: false, done: true };
        why = saved?.error ?? 'the page gave no article';
      } else why = 'the server answered 304 to a request without validators';
    } catch (error) {
      why = toErrorBody(error).message;
    }
  }
  // The page failed: keep what the feed itself says, marked as such, and say why.
  const own = captureFeedEntry(item, { item: name, source: at.source, mediaType: at.mediaType, origin: at.origin });
  if (!own.ok) return { saved: false, done: false, error: `${name}: ${why}; ${own.error}` };
  own.article.extraction = 'feed';
  const [saved] = await ctx.importer.fromItems([own], { feed, reading: UNREAD });
  if (saved?.status === 'saved')
    return { saved: true, done: true, error: `${name}: ${why}; saved the feed's own content instead.` };
  if (saved?.status === 'duplicate') return { saved: false, done: true };
  return { saved: false, done: false, error: `${name}: ${why}; ${saved?.error ?? 'not saved'}` };
}
