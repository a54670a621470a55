// The team desk (issue 18): joining a CouchDB database, desk.json, the per-document sync records and the conflicts shown on both sides.
import { z } from 'zod';

/** The analyst's name as the desk shows it beside every change. */
export const AnalystName = z
  .string()
  .trim()
  .min(1, 'the analyst needs a name')
  .max(100, 'an analyst name is at most 100 characters');

/** A desk's database URL: no credentials in it (they come from the environment or the desktop app's keychain). */
export const DeskUrl = z
  .url({ protocol: /^https?$/, error: 'expected the desk database URL (https://host/database)' })
  .max(2000)
  .refine((url) => !new URL(url).username && !new URL(url).password, {
    error:
      'the desk URL must not carry a user or password: give them through NEWSDESK_DESK_USER / NEWSDESK_DESK_PASSWORD',
  });

export const JoinDeskInput = z
  .object({
    url: DeskUrl,
    analyst: AnalystName,
    /** The CouchDB user name (kept in desk.json; the password never is). Default: the credentials provider's. */
    user: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type JoinDeskInput = z.input<typeof JoinDeskInput>;

/** One side of a conflict: the value, who set it and when. */
export const ConflictSide = z.object({
  value: z.unknown(),
  by: z.string().nullable(),
  at: z.string().nullable(),
});
export type ConflictSide = z.infer<typeof ConflictSide>;

/**
 * A field both sides changed (or an edit against a delete: field `deleted`), kept in the replicated
 * document as `deskConflicts` so that resolving it once resolves it for everyone. values[0] is the
 * one the document holds until it is resolved (the server's winning side).
 */
export const DeskConflict = z.object({
  field: z.string(),
  values: z.array(ConflictSide).min(2),
});
export type DeskConflict = z.infer<typeof DeskConflict>;

/** <data>/desk.json: the desk this archive has joined. Never any password. */
/** Why syncs have failed since the last one that worked: the error's kind (`unavailable`, `unauthorized`, …), its message, since when and the latest try. */
export const DeskFailure = z.object({
  kind: z.string(),
  message: z.string(),
  since: z.iso.datetime(),
  at: z.iso.datetime(),
});
export type DeskFailure = z.infer<typeof DeskFailure>;

export const DeskConfig = z.object({
  url: DeskUrl,
  user: z.string().nullable(),
  analyst: AnalystName,
  /** This archive's replica id: names its checkpoints on the server. */
  replicaId: z.string(),
  joinedAt: z.iso.datetime(),
  /** The server's `_changes` sequence pulled up to, passed back verbatim (CouchDB's are opaque strings). */
  pullSince: z.unknown().default(0),
  /** Documents of the desk a sync left out (refused, or not given by the desk): fetched again by id at the next sync. */
  pullRetry: z.array(z.string()).default([]),
  lastSyncAt: z.iso.datetime().nullable().default(null),
  /** The sync status, not data: set when a sync fails, cleared when one works (a one-shot CLI still says "offline since …"). */
  lastFailure: DeskFailure.nullable().default(null),
});
export type DeskConfig = z.infer<typeof DeskConfig>;

/** What the archive knows of one replicated document: its revision, history and the body it was at (the merge base). */
export const SyncRecord = z.object({
  id: z.string(),
  rev: z.string(),
  /** Newest first, revs[0] === rev, at most REVS_LIMIT. */
  revs: z.array(z.string()),
  /** The server holds `rev` (false after a merge or a local edit, until pushed). */
  onServer: z.boolean(),
  /** Hash of the local content (plus open conflicts) that `rev` stands for. */
  hash: z.string(),
  /** The article's updatedAt when the record was written: unchanged means not edited since (no need to read the file). */
  stamp: z.string().nullable().default(null),
  /** The document at `rev`, as sent or received: the common ancestor of the next three-way merge. */
  base: z.record(z.string(), z.unknown()),
  deleted: z.boolean().default(false),
  /** The revision before `rev` and its body, for a merge with a leaf pushed concurrently from the same parent. */
  parent: z
    .object({ rev: z.string(), body: z.record(z.string(), z.unknown()) })
    .nullable()
    .default(null),
  /** Attachments the server holds at `rev` (sent as stubs from then on). */
  atts: z
    .record(z.string(), z.object({ digest: z.string(), revpos: z.number(), content_type: z.string() }))
    .default({}),
  conflicts: z.array(DeskConflict).default([]),
  /** Server leaves already merged into `rev` (their content is in it). */
  merged: z.array(z.string()).default([]),
  /** Our losing leaves to close with a tombstone child on the next push. */
  closing: z.array(z.object({ rev: z.string(), revs: z.array(z.string()) })).default([]),
});
export type SyncRecord = z.infer<typeof SyncRecord>;

export type DeskStatus = {
  joined: boolean;
  url: string | null;
  user: string | null;
  analyst: string | null;
  lastSyncAt: string | null;
  /** Local documents changed since the last sync (not yet pushed). */
  pendingUp: number;
  conflicts: number;
  /** Why the last sync failed (offline, refused); null when it worked. */
  offline: string | null;
  /** Changes on the desk not pulled yet (at most 1,000 counted); null when the desk cannot be asked (offline). */
  pendingDown: number | null;
  /** The failure `offline` tells of, with its kind, since when syncs fail and the latest try; null when the last sync worked. */
  lastFailure: DeskFailure | null;
  /** A sync is under way now (asked for, or the background schedule's): the status bar says "syncing…". */
  syncing: boolean;
};

export type SyncResult = {
  pushed: number;
  pulled: number;
  conflicts: number;
  /**
   * Only when some were: documents left out of this sync, with why; the others went on. The desk's
   * that this archive refused (its schema, an attachment not matching its sha256) or that the desk
   * could not give are asked for again at the next sync; ours that the desk refused stay to send.
   */
  refused?: { id: string; reason: string }[];
  /** Only when some were: articles synced without one of the files they name (the sender lacked it), with which. */
  incomplete?: { id: string; reason: string }[];
};

/**
 * A conflict as listed: which document, which field, both (or all) values with who and when; `label`
 * is the field as a person reads it (`Claim “12 killed” · status`).
 */
export type DeskConflictView = DeskConflict & { id: string; docId: string; title: string; label: string };

export const ResolveChoice = z.union([
  z.object({ take: z.enum(['mine', 'theirs']) }).strict(),
  z.object({ value: z.unknown() }).strict(),
]);
export type ResolveChoice = z.input<typeof ResolveChoice>;
