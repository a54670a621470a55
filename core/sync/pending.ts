// Changes waiting on the desk for this archive: its `_changes` since our checkpoint, less what we hold already (our own pushes among them).
import type { CouchClient } from './couch-client.ts';
import type { SyncRecords } from './desk-files.ts';
import { LocalDocs } from './local-docs.ts';

/** Counted up to this many changes (one request); more are reported as this many. */
export const PENDING_LIMIT = 1000;

type Changes = { results: { id: string; changes: { rev: string }[] }[] };

/** The documents a pull would bring now: ones this archive takes with a leaf our records do not know. */
export async function countPendingDown(
  couch: CouchClient,
  since: unknown,
  records: SyncRecords,
  analyst: string,
): Promise<number> {
  const verbatim = typeof since === 'string' ? since : JSON.stringify(since ?? 0);
  const changes = await couch.json<Changes>(
    'GET',
    `/_changes?style=all_docs&limit=${PENDING_LIMIT}&since=${encodeURIComponent(verbatim)}`,
  );
  let count = 0;
  for (const row of changes.results) {
    // Other analysts' reading states are never pulled here: not pending either.
    if (!LocalDocs.replicates(row.id, analyst)) continue;
    const record = records.get(row.id);
    const known = (rev: string) => record && (record.revs.includes(rev) || record.merged.includes(rev));
    if (!row.changes.every(({ rev }) => known(rev))) count++;
  }
  return count;
}
