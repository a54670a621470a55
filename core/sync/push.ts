// Push: local documents changed since their record (new revs child of it), merges not yet sent and tombstones closing losing leaves, by `_revs_diff` and `_bulk_docs` with new_edits:false.
import type { DeskConflict, SyncRecord } from '../model.ts';
import { eachLimit } from '../serial.ts';
import { CouchError } from './couch-client.ts';
import type { SyncBodies, SyncMeta } from './desk-files.ts';
import { newRev, REVS_LIMIT, revisionsOf, revPos, type Body } from './revs.ts';
import { unknownFields } from './unknown-fields.ts';
import { digestOf, localState, stateHash, type SyncContext } from './sync-context.ts';

const BATCH = 100;
/** A request body's most (inline attachments make documents big): a slow link sends one within its timeout. */
const MAX_BODY = 4_000_000;
const BULK_TIMEOUT_MS = 120_000;
const PARALLEL = 8;

/**
 * A version to send: the document at `rev` with its history, and what its record becomes once the
 * desk has it; `bodies` reads what is not kept in memory (the body sent, the parent's) when it is sent.
 */
type Outgoing = {
  id: string;
  rev: string;
  revs: string[];
  deleted: boolean;
  record: SyncMeta;
  /** null: the record's file no longer gives them (damaged since it was loaded), so it cannot be sent. */
  bodies: () => Promise<SyncBodies | null>;
};

/**
 * The documents changed here and not yet on the desk (what `push` would send), without sending them;
 * and the records of articles written with no change to send (the analyst's reading state), whose
 * stamp push brings up to date so their files are not read again at every sync.
 */
export async function outgoing(ctx: SyncContext): Promise<{ out: Outgoing[]; restamp: SyncMeta[] }> {
  const out: Outgoing[] = [];
  const restamp: SyncMeta[] = [];
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
    else if (record && (!record.onServer || record.closing.length)) out.push(resend(ctx, record));
    else if (record && stamp && record.stamp !== stamp) restamp.push({ ...record, stamp });
  });
  for (const record of ctx.records.all()) {
    // Articles are trashed, never deleted: one missing here (its file damaged and moved aside) is not a delete to send.
    // Nor is a reading state no longer listed (pulled for an article not here yet, or under a former analyst name).
    if (seen.has(record.id) || /^(article|state):/.test(record.id)) continue;
    if (!record.deleted)
      out.push(edit(ctx, record.id, record, null, record.conflicts, stateHash(null, record.conflicts), null, now));
    else if (!record.onServer || record.closing.length) out.push(resend(ctx, record));
  }
  return { out, restamp };
}

function edit(
  ctx: SyncContext,
  id: string,
  record: SyncMeta | undefined,
  content: Body | null,
  conflicts: DeskConflict[],
  hash: string,
  stamp: string | null,
  now: string,
): Outgoing {
  const rev = newRev(record?.rev ?? null, { content, conflicts }, !content);
  const body: Body = {
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
    deleted: !content,
    record: {
      id,
      rev,
      revs,
      onServer: true,
      hash,
      stamp,
      deleted: !content,
      parentRev: record?.rev ?? null,
      atts: record?.atts ?? {},
      conflicts,
      merged: record?.merged ?? [],
      closing: record?.closing ?? [],
    },
    bodies: async () => {
      const before = record && (await ctx.records.bodies(id))?.base;
      // A newer Newsdesk's fields, dropped here by this version's schema, go back up with this edit.
      const base = content ? { ...unknownFields(id, before ?? undefined), ...body } : body;
      return { base, parent: record && before ? { rev: record.rev, body: before } : null };
    },
  };
}

const resend = (ctx: SyncContext, record: SyncMeta): Outgoing => ({
  id: record.id,
  rev: record.rev,
  revs: record.revs,
  deleted: record.deleted,
  record: { ...record, onServer: true },
  bodies: () => ctx.records.bodies(record.id),
});

/** Sends what changed here; the number of documents the desk did not have. A document the desk refuses stays to send and is said in ctx.refused. */
export async function push(ctx: SyncContext): Promise<number> {
  const { out: all, restamp } = await outgoing(ctx);
  await eachLimit(restamp, PARALLEL, (record) => ctx.records.update(record.id, { stamp: record.stamp }));
  let pushed = 0;
  for (let i = 0; i < all.length; i += BATCH) {
    const batch = all.slice(i, i + BATCH);
    const asked: Record<string, string[]> = {};
    for (const o of batch) asked[o.id] = [o.rev, ...o.record.closing.map((c) => c.rev)];
    const diff = await ctx.couch.json<Record<string, { missing: string[] }>>('POST', '/_revs_diff', asked);
    const missing = (id: string, rev: string) => diff[id]?.missing.includes(rev) ?? false;
    const bodies = new Map<Outgoing, SyncBodies>();
    const refused = new Map<string, string>();
    await eachLimit(batch, PARALLEL, async (o) => {
      const found = await o.bodies();
      if (found) bodies.set(o, found);
      else refused.set(o.id, 'Its sync record can no longer be read: it was not sent (a later edit sends it).');
    });
    const docs: Body[] = [];
    for (const o of batch) {
      if (!bodies.has(o)) continue;
      if (missing(o.id, o.rev)) docs.push(await wireDoc(ctx, o, bodies.get(o)!.base));
      for (const c of o.record.closing)
        if (missing(o.id, c.rev))
          docs.push({ _id: o.id, _rev: c.rev, _revisions: revisionsOf(c.revs), _deleted: true, deskClosedBy: o.rev });
    }
    for (const chunk of bySize(docs)) await send(ctx, chunk, refused);
    for (const [id, reason] of refused) ctx.refused.push({ id, reason });
    const sent = batch.filter((o) => !refused.has(o.id));
    pushed += sent.filter((o) => missing(o.id, o.rev)).length;
    // Only now is the desk's copy the base: a kill before this line resends the same revs (same ids, nothing doubled).
    await eachLimit(sent, PARALLEL, async (o) => {
      const { parentRev, ...record } = o.record;
      void parentRev;
      await ctx.records.put({ ...record, ...bodies.get(o)!, closing: [] });
    });
    await ctx.records.flush();
  }
  return pushed;
}

/**
 * One run of documents to `_bulk_docs`. Each document the desk refuses (a validate_doc_update's
 * forbidden, a conflict) goes into `refused` while the others are in; a run the desk finds too large
 * (413, CouchDB's max_document_size) is halved until the document at fault is alone.
 */
async function send(ctx: SyncContext, docs: Body[], refused: Map<string, string>): Promise<void> {
  let results: { id: string; error?: string; reason?: string }[];
  try {
    results = await ctx.couch.json('POST', '/_bulk_docs', { new_edits: false, docs }, { timeoutMs: BULK_TIMEOUT_MS });
  } catch (error) {
    if (!(error instanceof CouchError && error.status === 413)) throw error;
    if (docs.length === 1)
      return void refused.set(
        String(docs[0]!._id),
        `The desk refused it as too large (413; CouchDB's max_document_size): it stays here and is sent again at the next sync.`,
      );
    const half = Math.ceil(docs.length / 2);
    await send(ctx, docs.slice(0, half), refused);
    return send(ctx, docs.slice(half), refused);
  }
  for (const r of results)
    if (r.error)
      refused.set(
        r.id,
        `The desk refused it (${r.error}${r.reason ? `: ${r.reason}` : ''}): it stays here and is sent again at the next sync.`,
      );
}

/** The document as `_bulk_docs` takes it: attachments the desk holds at an ancestor as stubs, new ones inline. */
async function wireDoc(ctx: SyncContext, o: Outgoing, body: Body): Promise<Body> {
  const doc: Body = { ...body, _id: o.id, _rev: o.rev, _revisions: revisionsOf(o.revs) };
  if (o.deleted) return { ...doc, _deleted: true };
  const attachments: Body = {};
  const atts: SyncRecord['atts'] = {};
  for (const file of ctx.local.files(o.id, body)) {
    const held = o.record.atts[file.name];
    if (held) {
      attachments[file.name] = { stub: true, ...held };
      atts[file.name] = held;
      continue;
    }
    const bytes = await ctx.local.fileBytes(o.id, file);
    if (!bytes) {
      // Sent without it (the document itself is not held back), and said: the others will lack it too.
      ctx.incomplete.push({
        id: o.id,
        reason: `Sent without ${file.name}: it is missing here or not the bytes its article records.`,
      });
      continue;
    }
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
