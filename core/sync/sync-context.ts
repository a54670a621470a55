// What one sync works with: the desk's client, the local documents, the records, the analyst, and how a document's body is known.
import { createHash } from 'node:crypto';
import type { DeskConflict } from '../model.ts';
import type { CouchClient } from './couch-client.ts';
import type { SyncMeta, SyncRecords } from './desk-files.ts';
import type { LocalDocs } from './local-docs.ts';
import { refreshConflicts } from './merge.ts';
import { hashOf, type Body } from './revs.ts';

export type SyncContext = {
  couch: CouchClient;
  local: LocalDocs;
  records: SyncRecords;
  analyst: string;
  /** Documents written here by this sync so far (a failure then says what was kept). */
  written: number;
  /** Documents left out of this sync, with why: the desk's this archive refused or could not get, ours the desk refused. */
  refused: { id: string; reason: string }[];
  /** Articles sent or received without one of the files they name, with which. */
  incomplete: { id: string; reason: string }[];
};

/** What a record's hash stands for: the content and the conflicts still open on it. */
export function stateHash(content: Body | null, conflicts: DeskConflict[]): string {
  return hashOf({ content, conflicts });
}

/** CouchDB's digest of an attachment's bytes. */
export function digestOf(bytes: Uint8Array): string {
  return `md5-${createHash('md5').update(bytes).digest('base64')}`;
}

/** The path of a document (or one of its attachments) under the database. */
export function docPath(id: string, attachment?: string): string {
  return `/${encodeURIComponent(id)}${attachment ? `/${encodeURIComponent(attachment)}` : ''}`;
}

/**
 * The local state of a document now: its content, its open conflicts (a field in conflict edited here
 * since holds the edit: `refreshConflicts`), their hash, and whether it differs from what its record
 * stands for.
 */
export async function localState(ctx: SyncContext, id: string, record: SyncMeta | undefined) {
  const content = await ctx.local.read(id);
  const conflicts = openConflicts(ctx, id, record, content);
  const hash = stateHash(content, conflicts);
  const dirty = record ? hash !== record.hash : content !== null;
  return { content, hash, dirty, conflicts };
}

/** A record's open conflicts against the content here now; an edit made since is this analyst's, at the document's last write. */
export function openConflicts(
  ctx: SyncContext,
  id: string,
  record: SyncMeta | undefined,
  content: Body | null,
): DeskConflict[] {
  if (!record?.conflicts.length) return [];
  // Not written here since its record: nothing to bring up to date (and no value re-read to misjudge).
  if (stateHash(content, record.conflicts) === record.hash) return record.conflicts;
  const at = ctx.local.stamp(id) ?? (typeof content?.updatedAt === 'string' ? content.updatedAt : null);
  return refreshConflicts(record.conflicts, content, { by: ctx.analyst, at: at ?? new Date().toISOString() });
}
