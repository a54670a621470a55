// Subscriptions: the feeds followed, their health, and the link an article keeps to the feed item it came from.
import { z } from 'zod';

export const SubscriptionId = z.uuid({ error: 'expected a subscription id (a UUID)' });

/** A week: a feed checked less often than that is not being followed. */
export const MAX_EVERY_MINUTES = 10_080;

const Minutes = z.number().int().min(1).max(MAX_EVERY_MINUTES);

/** One followed feed, kept in archive.json's `subscriptions`. */
export const Subscription = z.object({
  id: SubscriptionId,
  url: z.string().min(1).max(2000),
  /** The feed's own title once it has been read; the OPML entry's until then. */
  title: z.string().max(500).default(''),
  folder: z.string().max(200).default(''),
  everyMinutes: Minutes.default(30),
  createdAt: z.iso.datetime(),
  /** The validators the server last sent, echoed on the next request so an unchanged feed costs a 304. */
  etag: z.string().max(500).nullable().default(null),
  lastModified: z.string().max(200).nullable().default(null),
  lastCheckedAt: z.iso.datetime().nullable().default(null),
  lastNewAt: z.iso.datetime().nullable().default(null),
  lastError: z.string().max(2000).nullable().default(null),
  /** Consecutive failed refreshes; each doubles the wait before the scheduler tries again. */
  failures: z.number().int().nonnegative().default(0),
  paused: z.boolean().default(false),
  /**
   * Followed from a URL the user typed (not an OPML entry): the feed's own URL may reach a private
   * address (a feed on this machine or the office network). Its items' links never may.
   */
  typed: z.boolean().default(false),
  /**
   * Short hashes of the GUIDs in the feed at its last refresh that are dealt with (saved, or already in
   * the archive): an item is fetched once, not at every change of the feed. Only the feed's current
   * items are kept, so the list stays the size of the feed.
   */
  seen: z.array(z.string().max(32)).max(2000).default([]),
});
export type Subscription = z.infer<typeof Subscription>;

/** What an article saved from a subscription remembers of the feed item it came from. */
export const FeedRef = z.object({
  subscriptionId: SubscriptionId,
  guid: z.string().max(2000),
  /** The feed's title when the item was saved. */
  title: z.string().max(500),
});
export type FeedRef = z.infer<typeof FeedRef>;

export const FollowOptions = z
  .object({ folder: z.string().trim().max(200).optional(), everyMinutes: Minutes.optional() })
  .strict();
export type FollowOptions = z.input<typeof FollowOptions>;

/** A feed URL, or the text of an OPML list (every feed in it is followed). */
export const FollowTarget = z.string().trim().min(1, 'give a feed URL or an OPML list').max(5_000_000);

export const SubscriptionPatch = z
  .object({
    title: z.string().trim().max(500),
    folder: z.string().trim().max(200),
    everyMinutes: Minutes,
    paused: z.boolean(),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');
export type SubscriptionPatch = z.input<typeof SubscriptionPatch>;

export const REFRESH_STATUSES = ['ok', 'not-modified', 'failed', 'offline'] as const;
export type RefreshStatus = (typeof REFRESH_STATUSES)[number];

/** What refreshing one subscription came to. */
export type RefreshResult = {
  subscription: string;
  url: string;
  status: RefreshStatus;
  /** Articles saved from it. */
  new: number;
  /** Per item or for the feed: why something was not saved, or was saved from the feed's own content. */
  errors: string[];
};

/** A subscription as listed: the stored record without its bookkeeping, and when it is next due. */
export type SubscriptionView = Omit<Subscription, 'seen' | 'etag' | 'lastModified'> & { nextCheckAt: string };
