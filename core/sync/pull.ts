// Pull: the desk's `_changes` since the checkpoint, the leaves we lack by `_bulk_get`, and each document fast-forwarded or merged into the archive.
import { z } from 'zod';
import { ArchiveError, describeIssues } from '../errors.ts';
import type { SyncRecord } from '../model.ts';
import { sha256 } from '../store/article-store.ts';
import { eachLimit } from '../serial.ts';
import { LocalDocs } from './local-docs.ts';
import { conflictsOf, contentOf, mergeSides, type Side } from './merge.ts';
import type { SyncMeta } from './desk-files.ts';
import { laterWins, parseStateId } from './reading-docs.ts';
import { compareLeaves, hashOf, newRev, REVS_LIMIT, revsFrom, type Body } from './revs.ts';
import { unknownFields } from './unknown-fields.ts';
import { docPath, localState, stateHash, type SyncContext } from './sync-context.ts';

const BATCH = 200;
const PARALLEL = 16;

type Changes = { results: { id: string; changes: { rev: string }[] }[]; last_seq: unknown };
type Attachments = Record<string, { digest: string; revpos: number; content_type: string }>;
/** One revision asked of `_bulk_get`: the document, or CouchDB's error for it (PouchDB Server says `missing`). */
type BulkGetDoc = { ok?: Body; error?: { rev?: string; error?: string; reason?: string }; missing?: string };
type Leaf = { rev: string; revs: string[]; body: Body; deleted: boolean; atts: Attachments };

/** What a pull has done so far: documents written, and those left out (taken again at the next sync). */
type Progress = { pulled: number; left: Set<string> };

/**
 * Pulls everything since `since`, saving the checkpoint after each batch is durable here; the
 * documents written. `retry`: the documents a sync before left out (refused, or that the desk could
 * not give), fetched again by id first; the ones left out now go to `checkpoint` with it.
 */
export async function pull(
  ctx: SyncContext,
  since: unknown,
  retry: readonly string[],
  checkpoint: (since: unknown, retry: string[]) => Promise<void>,
): Promise<number> {
  const progress: Progress = { pulled: 0, left: new Set(retry) };
  if (retry.length) {
    const leaves = new Map<string, Leaf[]>();
    await eachLimit(retry, PARALLEL, async (id) => {
      // Every leaf it has now (open_revs=all): what changed there since is taken too.
      const got = await ctx.couch.json<{ ok?: Body }[] | null>(
        'GET',
        `${docPath(id)}?open_revs=all&revs=true`,
        undefined,
        { missingOk: true },
      );
      const list = (got ?? []).flatMap(({ ok }) => (ok ? [leafOf(ok)] : []));
      if (list.length) leaves.set(id, list);
      else progress.left.delete(id);
    });
    await applyBatch(ctx, leaves, progress);
    await checkpoint(since, [...progress.left]);
  }
  for (;;) {
    const verbatim = typeof since === 'string' ? since : JSON.stringify(since ?? 0);
    const changes = await ctx.couch.json<Changes>(
      'GET',
      `/_changes?style=all_docs&limit=${BATCH}&since=${encodeURIComponent(verbatim)}`,
    );
    const wanted: { id: string; rev: string }[] = [];
    for (const row of changes.results) {
      if (!LocalDocs.replicates(row.id, ctx.analyst)) continue;
      const record = ctx.records.get(row.id);
      const known = (rev: string) => record && (record.revs.includes(rev) || record.merged.includes(rev));
      if (row.changes.every(({ rev }) => known(rev))) continue;
      for (const { rev } of row.changes) wanted.push({ id: row.id, rev });
    }
    if (wanted.length) {
      const got = await ctx.couch.json<{ results: { id: string; docs: BulkGetDoc[] }[] }>(
        'POST',
        '/_bulk_get?revs=true',
        { docs: wanted },
        { timeoutMs: 120_000 },
      );
      const leaves = new Map<string, Leaf[]>();
      const failed = new Map<string, string>();
      for (const result of got.results)
        for (const { ok, error, missing } of result.docs)
          if (ok) leaves.set(result.id, [...(leaves.get(result.id) ?? []), leafOf(ok)]);
          else {
            const said = error ? [error.error, error.reason].filter(Boolean).join(': ') : 'missing';
            failed.set(
              result.id,
              `The desk could not give revision ${error?.rev ?? missing ?? '?'} of it (${said}): it is asked for again at the next sync.`,
            );
          }
      // A leaf the desk could not give: the document waits for the next sync rather than be merged without it.
      for (const [id, reason] of failed) {
        leaves.delete(id);
        leaveOut(ctx, progress, id, reason);
      }
      await applyBatch(ctx, leaves, progress);
    }
    since = changes.last_seq;
    await checkpoint(since, [...progress.left]);
    if (changes.results.length < BATCH) return progress.pulled;
  }
}

/**
 * Each document: its store write, then its record (a kill between them: see applyLeaves). Documents
 * side by side; registry entries all at once (their archive.json writes are grouped,
 * registry-writes.ts); the records' folder fsynced once all of the batch are durable.
 */
async function applyBatch(ctx: SyncContext, leaves: Map<string, Leaf[]>, progress: Progress): Promise<void> {
  if (!leaves.size) return;
  const work = async ([id, list]: [string, Leaf[]]) => {
    try {
      if (await applyLeaves(ctx, id, list)) progress.pulled++;
      // Taken after all (asked again, or in a later batch of the same sync): no longer left out.
      if (progress.left.delete(id)) ctx.refused = ctx.refused.filter((r) => r.id !== id);
    } catch (error) {
      // One document this archive cannot hold (a newer or broken client's, a bad attachment) must not
      // stop the desk: it is left out, said in the result, and taken again at the next sync.
      if (!isRefusal(error)) throw error;
      leaveOut(
        ctx,
        progress,
        id,
        error instanceof z.ZodError ? describeIssues(error, { inFile: true }) : error.message,
      );
    }
  };
  const docs = [...leaves];
  const outcomes = await Promise.allSettled([
    eachLimit(
      docs.filter(([id]) => id.startsWith('article:')),
      PARALLEL,
      work,
    ),
    eachLimit(
      docs.filter(([id]) => !id.startsWith('article:')),
      BATCH,
      work,
    ),
  ]);
  for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
  await ctx.records.flush();
}

function leaveOut(ctx: SyncContext, progress: Progress, id: string, reason: string): void {
  progress.left.add(id);
  const said = ctx.refused.find((r) => r.id === id);
  if (said) said.reason = reason;
  else ctx.refused.push({ id, reason });
}

function leafOf(doc: Body): Leaf {
  const { _rev, _revisions, _deleted, _attachments, ...body } = doc;
  const revs = _revisions ? revsFrom(_revisions as { start: number; ids: string[] }) : [String(_rev)];
  delete body._id;
  return { rev: String(_rev), revs, body, deleted: _deleted === true, atts: (_attachments ?? {}) as Attachments };
}

const sideOf = (leaf: Leaf): Side => ({
  body: leaf.body,
  deleted: leaf.deleted,
  by: typeof leaf.body.deskBy === 'string' ? leaf.body.deskBy : null,
  at: typeof leaf.body.deskAt === 'string' ? leaf.body.deskAt : null,
});

/** Brings one document's new leaves in: fast-forward when only one line of history is new, else a merge. */
async function applyLeaves(ctx: SyncContext, id: string, leaves: Leaf[]): Promise<boolean> {
  const record = ctx.records.get(id);
  // Tombstones a merge put on its losing leaves: their content lives on in the merge.
  const closures = leaves.filter((leaf) => leaf.deleted && typeof leaf.body.deskClosedBy === 'string');
  const real = leaves.filter((leaf) => !closures.includes(leaf)).sort(compareLeaves);
  const known = (rev: string) => record && (record.revs.includes(rev) || record.merged.includes(rev));
  const fresh = real.filter((leaf) => !known(leaf.rev));
  if (!fresh.length) return false;
  const coverage = (leaf: Leaf) =>
    new Set([
      ...leaf.revs,
      ...closures.filter((c) => leaf.revs.includes(String(c.body.deskClosedBy))).flatMap((c) => c.revs),
    ]);
  const { content, dirty, conflicts: held } = await localState(ctx, id, record);
  const ownLeaf = record && !dirty ? real.find((leaf) => leaf.rev === record.rev) : undefined;
  const remote = [...fresh, ...(ownLeaf ? [ownLeaf] : [])].sort(compareLeaves);
  const localNeeded = record
    ? dirty || (!ownLeaf && !remote.some((leaf) => coverage(leaf).has(record.rev)))
    : content !== null;
  const winner = remote[0]!;
  if (!localNeeded && remote.length === 1) {
    await adopt(ctx, id, winner, record, true, content);
    return true;
  }
  // The same content and conflicts on both sides (a sync killed between the store write and its record): nothing to merge.
  if (
    remote.length === 1 &&
    content &&
    stateHash(content, record?.conflicts ?? []) === stateHash(contentOf(winner.body), conflictsOf(winner.body))
  ) {
    await adopt(ctx, id, winner, record, false, content);
    return false;
  }
  let acc: Side = sideOf(winner);
  const history = new Set(coverage(winner));
  const others: { side: Side; revs: string[] }[] = remote
    .slice(1)
    .map((leaf) => ({ side: sideOf(leaf), revs: [...coverage(leaf)] }));
  if (localNeeded) {
    const known = content && record ? (await ctx.records.bodies(id))?.base : undefined;
    const body = content ? { ...unknownFields(id, known), ...content, deskConflicts: held } : {};
    others.push({
      side: { body, deleted: !content, by: ctx.analyst, at: new Date().toISOString() },
      revs: record?.revs ?? [],
    });
  }
  for (const other of others) {
    const ancestor = other.revs.find((rev) => history.has(rev));
    const base = ancestor ? await bodyAt(ctx, id, ancestor, record, leaves) : null;
    // This analyst's reading state from two of their laptops: the later mark wins (reading-docs.ts).
    const merged = parseStateId(id) ? laterWins(acc, other.side) : mergeSides(base, acc, other.side);
    const latest = String(other.side.at ?? '') > String(acc.at ?? '') ? other.side : acc;
    acc = {
      body: { ...merged.body, deskConflicts: merged.conflicts },
      deleted: merged.deleted,
      by: latest.by,
      at: latest.at,
    };
    for (const rev of other.revs) history.add(rev);
  }
  const mergedContent = contentOf(acc.body);
  const conflicts = conflictsOf(acc.body);
  const rev = newRev(winner.rev, { content: acc.deleted ? null : mergedContent, conflicts }, acc.deleted);
  const body: Body = { ...mergedContent, deskConflicts: conflicts, deskBy: acc.by, deskAt: acc.at };
  const toWrite = acc.deleted ? null : mergedContent;
  const files = await filesFor(ctx, id, toWrite, remote);
  const next: SyncRecord = {
    id,
    rev,
    revs: [rev, ...winner.revs].slice(0, REVS_LIMIT),
    onServer: false,
    hash: stateHash(toWrite, conflicts),
    stamp: null,
    base: body,
    deleted: acc.deleted,
    parent: { rev: winner.rev, body: winner.body },
    atts: winner.atts,
    conflicts,
    merged: [...new Set([...(record?.merged ?? []), ...real.map((leaf) => leaf.rev)])].slice(-REVS_LIMIT),
    // Every other live leaf (ours included) gets a tombstone child, so the desk shows one version again.
    closing: real
      .filter((leaf) => leaf !== winner && !leaf.deleted)
      .map((leaf) => {
        const tomb = newRev(leaf.rev, { closedBy: rev }, true);
        return { rev: tomb, revs: [tomb, ...leaf.revs].slice(0, REVS_LIMIT) };
      }),
  };
  // The document now holds the winner's value of each field in conflict: the other values live only
  // in the record's conflicts, so the record is made durable first as an intent (desk-files.ts).
  await ctx.records.intend(next, hashOf(content));
  // A test's kill between the intent and the document's write (tests/core/desk-crash.test.ts); off unless set.
  if (process.env.NEWSDESK_KILL_AT === 'merge-intended') process.kill(process.pid, 'SIGKILL');
  ctx.written++;
  let written: Awaited<ReturnType<LocalDocs['write']>>;
  try {
    written = await ctx.local.write(id, toWrite, files, content);
  } catch (error) {
    await ctx.records.abandon(id);
    throw error;
  }
  // A test's kill between the document's write and its record (tests/core/desk-crash.test.ts); off unless set.
  if (process.env.NEWSDESK_KILL_AT === 'merge-written') process.kill(process.pid, 'SIGKILL');
  const after = acc.deleted ? null : written.after;
  await ctx.records.put({ ...next, hash: stateHash(after, conflicts), stamp: written.stamp });
  return true;
}

/** The leaf becomes this archive's version: written here (unless it already is) and recorded as synced. */
async function adopt(
  ctx: SyncContext,
  id: string,
  leaf: Leaf,
  record: SyncMeta | undefined,
  write: boolean,
  expected: Body | null,
) {
  const content = leaf.deleted ? null : contentOf(leaf.body);
  if (write) ctx.written++;
  const written = write
    ? await ctx.local.write(id, content, await filesFor(ctx, id, content, [leaf]), expected)
    : { stamp: ctx.local.stamp(id), after: content && (await ctx.local.read(id)) };
  const { stamp } = written;
  const conflicts = conflictsOf(leaf.body);
  const after = content && written.after;
  const before = record && leaf.revs.includes(record.rev) ? (await ctx.records.bodies(id))?.base : undefined;
  await ctx.records.put({
    id,
    rev: leaf.rev,
    revs: leaf.revs.slice(0, REVS_LIMIT),
    onServer: true,
    hash: stateHash(after, conflicts),
    stamp,
    base: leaf.body,
    deleted: leaf.deleted,
    parent: record && before ? { rev: record.rev, body: before } : null,
    atts: leaf.atts,
    conflicts,
    merged: record?.merged ?? [],
    closing: [],
  });
}

/** The files an article needs that are not here yet, fetched once from a leaf that has them and checked against their sha256. */
async function filesFor(ctx: SyncContext, id: string, content: Body | null, leaves: Leaf[]) {
  if (!content) return [];
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const file of ctx.local.files(id, content)) {
    if (await ctx.local.fileBytes(id, file)) continue;
    const holder = leaves.find((leaf) => Object.hasOwn(leaf.atts, file.name));
    if (!holder) {
      // Kept naming it (its record of the capture stays true); it comes with a later revision that has it.
      ctx.incomplete.push({
        id,
        reason: `Came without ${file.name}: the desk does not hold it (its sender lacked it).`,
      });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await ctx.couch.bytes(`${docPath(id, file.name)}?rev=${encodeURIComponent(holder.rev)}`);
    } catch (error) {
      // Over this archive's import limit: the article is kept without it rather than stopping every sync.
      if (!(error instanceof ArchiveError && error.code === 'too_large')) throw error;
      ctx.incomplete.push({ id, reason: `${error.message} The article was saved without it.` });
      continue;
    }
    if (sha256(bytes) !== file.sha256)
      throw new ArchiveError(
        'corrupt',
        `The desk sent ${file.name} of ${id} with bytes that do not match its recorded sha256: it was not saved.`,
      );
    files.push({ name: file.name, bytes });
  }
  return files;
}

/** The document at an older revision: kept here as a base or parent, one of the leaves, or asked of the server (null if compacted away). */
async function bodyAt(ctx: SyncContext, id: string, rev: string, record: SyncMeta | undefined, leaves: Leaf[]) {
  if (record && (record.rev === rev || record.parentRev === rev)) {
    const bodies = await ctx.records.bodies(id);
    if (bodies && record.rev === rev) return bodies.base;
    if (bodies?.parent?.rev === rev) return bodies.parent.body;
  }
  const leaf = leaves.find((l) => l.rev === rev);
  if (leaf) return leaf.body;
  const old = await ctx.couch.json<Body | null>('GET', `${docPath(id)}?rev=${encodeURIComponent(rev)}`, undefined, {
    missingOk: true,
  });
  return old && !old._deleted ? old : null;
}

/** The document was refused by the archive's schema or its attachment's sha256 (not a failure of the disk or the desk). */
function isRefusal(error: unknown): error is Error {
  return error instanceof z.ZodError || (error instanceof ArchiveError && ['invalid', 'corrupt'].includes(error.code));
}
