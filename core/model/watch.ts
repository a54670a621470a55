// Watchlists and alerts: what a monitor watches for (a search, an entity with its aliases, a kind of claim in a place) and the newly saved articles that matched.
import { z } from 'zod';
import { ArticleId, ClaimKind, EntityId, SCHEMA_VERSION } from './primitives.ts';

export const WatchId = z.string().regex(/^w_[0-9a-z]{10}$/, 'expected a watch id (w_ and 10 letters or digits)');
export const AlertId = z.string().regex(/^al_[0-9a-z]{12}$/, 'expected an alert id (al_ and 12 letters or digits)');

const WatchName = z.string().trim().min(1, 'a watch needs a name').max(200);

/** What is watched for: a query in the search language, an entity (its name, every alias, its mentions), or a claim kind in a place. */
export const WatchTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('search'), query: z.string().trim().min(1, 'the query is empty').max(2000) }).strict(),
  z.object({ kind: z.literal('entity'), entityId: EntityId }).strict(),
  z.object({ kind: z.literal('claims'), claimKind: ClaimKind, placeId: EntityId }).strict(),
]);
export type WatchTarget = z.infer<typeof WatchTarget>;

/** A new watch: a name, what to watch for, and whether the desktop app raises a system notification (off by default). */
export const WatchInput = z
  .object({ name: WatchName, target: WatchTarget, notify: z.boolean().default(false) })
  .strict();
export type WatchInput = z.input<typeof WatchInput>;

/** What can change on a watch: its name, and whether it raises a system notification. */
export const WatchPatch = z
  .object({ name: WatchName, notify: z.boolean() })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');
export type WatchPatch = z.input<typeof WatchPatch>;

export const Watch = z.object({
  id: WatchId,
  name: WatchName,
  target: WatchTarget,
  notify: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type Watch = z.infer<typeof Watch>;

/** A newly saved article that matched a watch: recorded once per watch and article. */
export const Alert = z.object({
  id: AlertId,
  watchId: WatchId,
  articleId: ArticleId,
  at: z.iso.datetime(),
  seen: z.boolean(),
});
export type Alert = z.infer<typeof Alert>;

/** `<data>/watches.json`: the watches and their alerts, apart from archive.json (docs/monitoring.md says why). */
export const WatchFile = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  watches: z.array(Watch).default([]),
  alerts: z.array(Alert).default([]),
});
export type WatchFile = z.infer<typeof WatchFile>;

/** A watch with how many alerts it raised and how many of them are unseen. */
export type WatchSummary = Watch & { alerts: number; unseen: number };

/** An alert with what the list shows of it: the watch's name and the article's title and source (null once it is gone). */
export type AlertView = Alert & {
  watchName: string;
  notify: boolean;
  article: { title: string; source: string; publishedAt: string | null } | null;
};

export const AlertQuery = z
  .object({
    /** Alerts recorded at or after this instant. */
    since: z.iso.datetime({ offset: true }).optional(),
    watchId: WatchId.optional(),
    unseenOnly: z.boolean().optional(),
    limit: z.number().int().min(1).max(10_000).default(500),
  })
  .strict();
export type AlertQuery = z.input<typeof AlertQuery>;

/** Which alerts to mark seen: these, a watch's, or (empty) all of them. */
export const SeenSelection = z
  .object({ ids: z.array(AlertId).max(10_000).optional(), watchId: WatchId.optional() })
  .strict();
export type SeenSelection = z.input<typeof SeenSelection>;
