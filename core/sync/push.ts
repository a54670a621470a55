// Push: local documents changed since their record (new revs child of it), merges not yet sent and tombstones closing losing leaves, by `_revs_diff` and `_bulk_docs` with new_edits:false.
import { ArchiveError } from '../errors.ts';
import type { DeskConflict, SyncRecord } from '../model.ts';
import { eachLimit } from '../serial.ts';
import { newRev, REVS_LIMIT, revisionsOf, revPos, type Body } from './revs.ts';
import { unknownFields } from './unknown-fields.ts';
import { digestOf, localState, stateHash, type SyncContext } from './sync-context.ts';

const BATCH = 100;
/** A request body's most (inline attachments make documents big): a slow link sends one within its timeout. */
const MAX_BODY = 4_000_000;
const BULK_TIMEOUT_MS = 120_000;
const PARALLEL = 8;

/** A version to send: the document at `rev` with its history, and what its record becomes once the desk has it. */
type Outgoing = { id: string; rev: string; revs: string[]; body: Body; deleted: boolean; record: SyncRecord };

/**
 * The documents changed here and not yet on the desk (what `push` would send), without sending them;
 * and the records of articles written with no change to send (the analyst's reading state), whose
 * stamp push brings up to date so their files are not read again at every sync.
 */
export async function outgoing(ctx: SyncContext): Promise<{ out: Outgoing[]; restamp: SyncRecord[] }> {
  const out: Outgoing[] = [];
  const restamp: SyncRecord[] = [];
  const seen = new Set<string>();
  const now = new Date().toISOString();
  const toRead: { id: string; stamp: string | null }[] = [];
  for (const { id, stamp } of ctx.local.list()) {
    seen.add(id);
    const record = ctx.records.get(id);
    // An article not written since its record: unchanged, no need to read its file.
    if (!(record && stamp && record.stamp === stamp && record.onServer && !record.closing.length))
      toRead.push({ id, stamp });
  }
  await eachLimit(toRead, PARALLEL, async ({ id, stamp }) => {
    const record = ctx.records.get(id);
    const { content, hash, dirty, conflicts } = await localState(ctx, id, record);
    if (!content) return;
    if (dirty) out.push(edit(ctx, id, record, content, conflicts, hash, stamp, now));
    else if (record && (!record.onServer || record.closing.length)) out.push(resend(record));
    else if (record && stamp && record.stamp !== stamp) restamp.push({ ...record, stamp });
  });
  for (const record of ctx.records.all()) {
    // Articles are trashed, never deleted: one missing here (its file damaged and moved aside) is not a delete to send.
    // Nor is a reading state no longer listed (pulled for an article not here yet, or under a former analyst name).
    if (seen.has(record.id) || /^(article|state):/.test(record.id)) continue;
    if (!record.deleted)
      out.push(edit(ctx, record.id, record, null, record.conflicts, stateHash(null, record.conflicts), null, now));
    else if (!record.onServer || record.closing.length) out.push(resend(record));
  }
  return { out, restamp };
}

function edit(
  ctx: SyncContext,
  id: string,
  record: SyncRecord | undefined,
  content: Body | null,
  conflicts: DeskConflict[],
  hash: string,
  stamp: string | null,
  now: string,
): Outgoing {
  const rev = newRev(record?.rev ?? null, { content, conflicts }, !content);
  const body: Body = {
    // A newer Newsdesk's fields, dropped here by this version's schema, go back up with this edit.
    ...(content ? unknownFields(id, record?.base) : {}),
    ...(content ?? {}),
    ...(content ? { deskConflicts: conflicts } : {}),
    deskBy: ctx.analyst,
    deskAt: now,
  };
  const revs = [rev, ...(record?.revs ?? [])].slice(0, REVS_LIMIT);
  return {
    id,
    rev,
    revs,
    body,
    deleted: !content,
    record: {
      id,
      rev,
      revs,
      onServer: true,
      hash,
      stamp,
      base: body,
      deleted: !content,
      parent: record ? { rev: record.rev, body: record.base } : null,
      atts: record?.atts ?? {},
      conflicts,
      merged: record?.merged ?? [],
      closing: record?.closing ?? [],
    },
  };
}

const resend = (record: SyncRecord): Outgoing => ({
  id: record.id,
  rev: record.rev,
  revs: record.revs,
  body: record.base,
  deleted: record.deleted,
  record: { ...record, onServer: true },
});

/** Sends what changed here; the number of documents the desk did not have. */
export async function push(ctx: SyncContext): Promise<number> {
  const { out: all, restamp } = await outgoing(ctx);
  await eachLimit(restamp, PARALLEL, (record) => ctx.records.put(record));
  let pushed = 0;
  for (let i = 0; i < all.length; i += BATCH) {
    const batch = all.slice(i, i + BATCH);
    const asked: Record<string, string[]> = {};
    for (const o of batch) asked[o.id] = [o.rev, ...o.record.closing.map((c) => c.rev)];
    const diff = await ctx.couch.json<Record<string, { missing: string[] }>>('POST', '/_revs_diff', asked);
    const missing = (id: string, rev: string) => diff[id]?.missing.includes(rev) ?? false;
    const docs: Body[] = [];
    for (const o of batch) {
      if (missing(o.id, o.rev)) {
        docs.push(await wireDoc(ctx, o));
        pushed++;
      }
      for (const c of o.record.closing)
        if (missing(o.id, c.rev))
          docs.push({ _id: o.id, _rev: c.rev, _revisions: revisionsOf(c.revs), _deleted: true, deskClosedBy: o.rev });
    }
    for (const chunk of bySize(docs)) {
      const results = await ctx.couch.json<{ id: string; error?: string; reason?: string }[]>(
        'POST',
        '/_bulk_docs',
        { new_edits: false, docs: chunk },
        { timeoutMs: BULK_TIMEOUT_MS },
      );
      const failed = results.filter((r) => r.error);
      if (failed.length)
        throw new ArchiveError(
          failed.some((r) => r.error === 'forbidden' || r.error === 'unauthorized') ? 'unauthorized' : 'invalid',
          `The desk refused ${failed.length} document(s): ${failed
            .slice(0, 3)
            .map((r) => `${r.id}: ${r.error} ${r.reason ?? ''}`)
            .join('; ')}`,
        );
    }
    // Only now is the desk's copy the base: a kill before this line resends the same revs (same ids, nothing doubled).
    await eachLimit(batch, PARALLEL, (o) => ctx.records.put({ ...o.record, closing: [] }));
    await ctx.records.flush();
  }
  return pushed;
}

/** The document as `_bulk_docs` takes it: attachments the desk holds at an ancestor as stubs, new ones inline. */
async function wireDoc(ctx: SyncContext, o: Outgoing): Promise<Body> {
  const doc: Body = { ...o.body, _id: o.id, _rev: o.rev, _revisions: revisionsOf(o.revs) };
  if (o.deleted) return { ...doc, _deleted: true };
  const attachments: Body = {};
  const atts: SyncRecord['atts'] = {};
  for (const file of ctx.local.files(o.id, o.body)) {
    const held = o.record.atts[file.name];
    if (held) {
      attachments[file.name] = { stub: true, ...held };
      atts[file.name] = held;
      continue;
    }
    const bytes = await ctx.local.fileBytes(o.id, file);
    if (!bytes) continue;
    attachments[file.name] = { content_type: file.contentType, data: bytes.toString('base64') };
    atts[file.name] = { digest: digestOf(bytes), revpos: revPos(o.rev), content_type: file.contentType };
  }
  o.record.atts = atts;
  if (Object.keys(attachments).length) doc._attachments = attachments;
  return doc;
}

/** Documents in runs whose JSON stays under MAX_BODY (a bigger document goes alone). */
function bySize(docs: Body[]): Body[][] {
  const chunks: Body[][] = [];
  let size = 0;
  for (const doc of docs) {
    const length = JSON.stringify(doc).length;
    if (!chunks.length || size + length > MAX_BODY) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)!.push(doc);
    size += length;
  }
  return chunks;
}
