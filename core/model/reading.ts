// The reading state of an article (unread, read, archived; starred or not), and the inbox's queries and answers.
import { z } from 'zod';
import { INBOX_FILTERS, MAX_MARK_IDS, READING_STATES } from '../common/reading.ts';
import { ArticleId } from './primitives.ts';

export const ReadingState = z.enum(READING_STATES);

/**
 * Articles saved by hand, and every article written before reading states existed, are read.
 * `markedAt`: when this analyst last set it (the inbox's marks); absent while it is as the article
 * arrived. Only marked states travel to the analyst's other laptops (docs/sync.md), the latest winning.
 */
export const Reading = z.object({ state: ReadingState, starred: z.boolean(), markedAt: z.iso.datetime().optional() });
export type Reading = z.infer<typeof Reading>;
export const READ: Reading = { state: 'read', starred: false };
/** What a subscription's new item starts as (the saving code passes it to saveNew). */
export const UNREAD: Reading = { state: 'unread', starred: false };

/**
 * The article a subscription saved: which one, the item's GUID and the feed's title then. Declared by
 * the subscriptions work (issue 15); null for everything else.
 */
// One declaration of an article's feed item, the subscriptions'.
export { FeedRef } from './subscription.ts';

/** A change of reading state: either part, or both. */
export const ReadingMark = z
  .object({ state: ReadingState.optional(), starred: z.boolean().optional() })
  .strict()
  .refine((mark) => mark.state !== undefined || mark.starred !== undefined, 'say a state, starred, or both');
export type ReadingMark = z.input<typeof ReadingMark>;

export const MarkIds = z.array(ArticleId).min(1, 'no articles given').max(MAX_MARK_IDS);

export const InboxQuery = z
  .object({
    filter: z.enum(INBOX_FILTERS).default('inbox'),
    /** Only the articles of this subscription. */
    subscriptionId: z.string().max(100).optional(),
    /** Only the articles of the subscriptions in this folder. */
    folder: z.string().trim().min(1).max(200).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(5000).default(500),
  })
  .strict();
export type InboxQuery = z.input<typeof InboxQuery>;

/**
 * Unread and total (not archived) per feed, by subscription id. `title` and `folder` are the
 * subscription's now; for a feed no longer followed, the title saved on its articles and no folder.
 */
export type FeedCount = { subscriptionId: string; title: string; folder: string; unread: number; total: number };
/** The feeds of one folder (a subscription's `folder`, never ''), added up. */
export type FolderCount = { folder: string; unread: number; total: number; feeds: number };
export type InboxCounts = {
  unread: number;
  starred: number;
  archived: number;
  /** Everything not archived: the inbox. */
  inbox: number;
  feeds: FeedCount[];
  /** By name; feeds outside any folder are in `feeds` only. */
  folders: FolderCount[];
};
export type MarkResult = { changed: number; unchanged: number };
