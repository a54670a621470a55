// Pull: the desk's `_changes` since the checkpoint, the leaves we lack by `_bulk_get`, and each document fast-forwarded or merged into the archive.
import { z } from 'zod';
import { ArchiveError, describeIssues } from '../errors.ts';
import type { SyncRecord } from '../model.ts';
import { sha256 } from '../store/article-store.ts';
import { eachLimit } from '../serial.ts';
import { LocalDocs } from './local-docs.ts';
import { conflictsOf, contentOf, mergeSides, type Side } from './merge.ts';
import { laterWins, parseStateId } from './reading-docs.ts';
import { compareLeaves, newRev, REVS_LIMIT, revsFrom, type Body } from './revs.ts';
import { unknownFields } from './unknown-fields.ts';
import { docPath, localState, stateHash, type SyncContext } from './sync-context.ts';

const BATCH = 200;
const PARALLEL = 16;

type Changes = { results: { id: string; changes: { rev: string }[] }[]; last_seq: unknown };
type Attachments = Record<string, { digest: string; revpos: number; content_type: string }>;
type Leaf = { rev: string; revs: string[]; body: Body; deleted: boolean; atts: Attachments };

/** Pulls everything since `since`, saving the checkpoint after each batch is durable here; the documents written. */
export async function pull(
  ctx: SyncContext,
  since: unknown,
  checkpoint: (since: unknown) => Promise<void>,
): Promise<number> {
  let pulled = 0;
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
      const got = await ctx.couch.json<{ results: { id: string; docs: { ok?: Body }[] }[] }>(
        'POST',
        '/_bulk_get?revs=true',
        { docs: wanted },
        { timeoutMs: 120_000 },
      );
      const leaves = new Map<string, Leaf[]>();
      for (const result of got.results)
        for (const { ok } of result.docs) if (ok) leaves.set(result.id, [...(leaves.get(result.id) ?? []), leafOf(ok)]);
      // Each document: its store write, then its record (a kill between them is recognized by content).
      // Documents side by side; the checkpoint only once all of the batch are durable.
      // Registry entries all at once: their archive.json writes are grouped (registry-writes.ts).
      const work = async ([id, list]: [string, Leaf[]]) => {
        try {
          if (await applyLeaves(ctx, id, list)) pulled++;
        } catch (error) {
          // A document this archive cannot hold (made by a newer or broken client) must not stop the
          // desk forever: it is left out, said in the result, and taken again when it changes there.
          if (!isRefusal(error)) throw error;
          ctx.refused.push({
            id,
            reason: error instanceof z.ZodError ? describeIssues(error, { inFile: true }) : error.message,
          });
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
    since = changes.last_seq;
    await checkpoint(since);
    if (changes.results.length < BATCH) return pulled;
  }
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
    const body = content ? { ...unknownFields(id, record?.base), ...content, deskConflicts: held } : {};
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
  ctx.written++;
  const written = await ctx.local.write(
    id,
    acc.deleted ? null : mergedContent,
    await filesFor(ctx, id, mergedContent, remote),
    content,
  );
  const { stamp } = written;
  const after = acc.deleted ? null : written.after;
  await ctx.records.put({
    id,
    rev,
    revs: [rev, ...winner.revs].slice(0, REVS_LIMIT),
    onServer: false,
    hash: stateHash(after, conflicts),
    stamp,
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
  });
  return true;
}

/** The leaf becomes this archive's version: written here (unless it already is) and recorded as synced. */
async function adopt(
  ctx: SyncContext,
  id: string,
  leaf: Leaf,
  record: SyncRecord | undefined,
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
  await ctx.records.put({
    id,
    rev: leaf.rev,
    revs: leaf.revs.slice(0, REVS_LIMIT),
    onServer: true,
    hash: stateHash(after, conflicts),
    stamp,
    base: leaf.body,
    deleted: leaf.deleted,
    parent: record && leaf.revs.includes(record.rev) ? { rev: record.rev, body: record.base } : null,
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
    const holder = leaves.find((leaf) => leaf.atts[file.name]);
    if (!holder) continue;
    const bytes = await ctx.couch.bytes(`${docPath(id, file.name)}?rev=${encodeURIComponent(holder.rev)}`);
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
async function bodyAt(ctx: SyncContext, id: string, rev: string, record: SyncRecord | undefined, leaves: Leaf[]) {
  if (record?.rev === rev) return record.base;
  if (record?.parent?.rev === rev) return record.parent.body;
  const leaf = leaves.find((l) => l.rev === rev);
  if (leaf) return leaf.body;
  const old = await ctx.couch.json<Body | null>('GET', `${docPath(id)}?rev=${encodeURIComponent(rev)}`, undefined, {
    missingOk: true,
  });
  return old && !old._deleted ? old : null;
}

/** The document's content was refused by the archive's schema (not a failure of the disk or the desk). */
function isRefusal(error: unknown): error is Error {
  return error instanceof z.ZodError || (error instanceof ArchiveError && error.code === 'invalid');
}
