// One document refused must not stop the desk, against a real PouchDB Server: one the desk's validate_doc_update refuses or finds too large (413) on push, one whose revision the desk fails to give on pull; each is left out, said, and taken again at the next sync.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import type { Archive } from '../../core/archive.ts';
import { archivesOnDesk, startCouch } from './helpers/couch-server.ts';
import { defer, openFor, tempDir } from './helpers/temp-dir.ts';

test('a document the desk refuses on push is said and kept to send; the others go up and later syncs still work', async (t) => {
  const { url, archives } = await archivesOnDesk(t, 'Ana', 'Bo');
  const [a, b] = archives as [Archive, Archive];
  // The desk's administrator keeps classified articles off it.
  const guard = await fetch(`${url}/_design/guard`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      validate_doc_update:
        "function (doc) { if (typeof doc.title === 'string' && doc.title.indexOf('Classified') === 0) throw({ forbidden: 'classified articles stay off this desk' }); }",
    }),
  });
  assert.equal(guard.status, 201);
  const kept = await a.addArticle({ title: 'Classified memo', text: 'The memo about Karovsk was leaked.' });
  const first = await a.addArticle({ title: 'Bridge taken', text: 'The bridge at Karovsk fell on Tuesday.' });
  const second = await a.addArticle({ title: 'Market shelled', text: 'Residents said the market was shelled.' });

  const result = await a.syncDesk();
  assert.deepEqual([result.pushed, result.pulled], [2, 0]);
  assert.deepEqual(
    result.refused?.map((r) => r.id),
    [`article:${kept.id}`],
  );
  assert.match(result.refused![0]!.reason, /refused it \(forbidden: classified articles stay off this desk\)/);
  assert.equal((await a.getDesk()).pendingUp, 1, 'still to send');
  assert.deepEqual((await b.syncDesk()).pulled, 2);

  // Later syncs go on: a new article goes up, the refused one is tried again and said again. (New
  // documents only: PouchDB Server, unlike CouchDB, drops a replicated update while a
  // validate_doc_update is defined.)
  const third = await a.addArticle({ title: 'Convoys return', text: 'Aid convoys reached Karovsk on Thursday.' });
  const again = await a.syncDesk();
  assert.deepEqual([again.pushed, again.refused?.map((r) => r.id)], [1, [`article:${kept.id}`]]);
  assert.equal((await b.syncDesk()).pulled, 1);
  assert.equal((await b.getArticle(third.id)).title, 'Convoys return');

  // Once changed so the desk takes it, it goes up like any other.
  await a.updateArticle(kept.id, { title: 'Leaked memo' });
  assert.deepEqual(await a.syncDesk(), { pushed: 1, pulled: 0, conflicts: 0 });
  await b.syncDesk();
  assert.equal((await b.getArticle(kept.id)).title, 'Leaked memo');
  assert.equal((await b.getArticle(first.id)).title, 'Bridge taken');
  assert.equal((await b.getArticle(second.id)).title, 'Market shelled');
});

/** An HTTP proxy to the desk that answers one `_bulk_get` with CouchDB's per-document error for `failing` (as a shard that did not answer would), once. */
async function failingBulkGet(t: TestContext, target: string) {
  const state = { failing: null as string | null, failed: 0 };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        const upstream = await fetch(`${target}${request.url!.replace(/^\/desk/, '')}`, {
          method: request.method,
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: chunks.length ? Buffer.concat(chunks) : undefined,
        });
        let text = await upstream.text();
        if (state.failing && request.url!.includes('/_bulk_get')) {
          const got = JSON.parse(text) as { results: { id: string; docs: unknown[] }[] };
          for (const result of got.results)
            if (result.id === state.failing) {
              result.docs = result.docs.map((doc) => ({
                error: {
                  id: result.id,
                  rev: (doc as { ok: { _rev: string } }).ok._rev,
                  error: 'internal_server_error',
                  reason: 'shard unavailable',
                },
              }));
              state.failed++;
              state.failing = null;
            }
          text = JSON.stringify(got);
        }
        response.writeHead(upstream.status, { 'Content-Type': 'application/json' });
        response.end(text);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  defer(t, () => new Promise((resolve) => server.close(resolve)));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/desk`, state };
}

test('a document the desk fails to give in _bulk_get is said and asked for again at the next sync, not skipped for ever', async (t) => {
  const server = await startCouch(t);
  const proxy = await failingBulkGet(t, server.url);
  const a = await openFor(t, await tempDir(t));
  const b = await openFor(t, await tempDir(t));
  await a.joinDesk({ url: server.url, analyst: 'Ana' });
  await b.joinDesk({ url: proxy.url, analyst: 'Bo' });
  const ids: string[] = [];
  for (const title of ['Bridge taken', 'Market shelled', 'Convoys return'])
    ids.push((await a.addArticle({ title, text: `${title} near Karovsk, officials said.` })).id);
  await a.syncDesk();

  proxy.state.failing = `article:${ids[1]}`;
  const first = await b.syncDesk();
  assert.equal(proxy.state.failed, 1);
  assert.equal(first.pulled, 2, 'the others came in');
  assert.deepEqual(
    first.refused?.map((r) => r.id),
    [`article:${ids[1]}`],
  );
  assert.match(
    first.refused![0]!.reason,
    /could not give revision 1-\w+ of it \(internal_server_error: shard unavailable\)/,
  );
  const config = JSON.parse(await readFile(join(b.dataDir, 'desk.json'), 'utf8')) as { pullRetry: string[] };
  assert.deepEqual(config.pullRetry, [`article:${ids[1]}`], 'kept to ask again, beside the checkpoint');

  // Nothing changed on the desk since: only asking again by id brings it.
  assert.deepEqual(await b.syncDesk(), { pushed: 0, pulled: 1, conflicts: 0 });
  assert.equal((await b.getArticle(ids[1]!)).title, 'Market shelled');
  assert.deepEqual((await b.listArticles({})).total, 3);
  assert.deepEqual(await b.syncDesk(), { pushed: 0, pulled: 0, conflicts: 0 });
});

test('a document larger than the desk takes (413) is left out alone: the run it was in is halved and the rest goes up', async (t) => {
  const { url, archives } = await archivesOnDesk(t, 'Ana', 'Bo');
  const [a, b] = archives as [Archive, Archive];
  // The desk's request limit, as CouchDB's max_document_size (PouchDB Server applies it to the whole body).
  const config = await fetch(`${url.replace(/\/desk$/, '')}/_config/couchdb/max_document_size`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify('60000'),
  });
  assert.equal(config.status, 200);
  const small: string[] = [];
  for (let i = 0; i < 6; i++)
    small.push(
      (await a.addArticle({ title: `Dispatch ${i}`, text: `Dispatch number ${i} from Karovsk. `.repeat(40) })).id,
    );
  const big = await a.addArticle({ title: 'Transcript', text: 'The full transcript of the hearing. '.repeat(2500) });

  const result = await a.syncDesk();
  assert.equal(result.pushed, 6);
  assert.deepEqual(
    result.refused?.map((r) => r.id),
    [`article:${big.id}`],
  );
  assert.match(result.refused![0]!.reason, /too large \(413; CouchDB's max_document_size\)/);
  assert.equal((await a.getDesk()).pendingUp, 1, 'still to send');
  assert.equal((await b.syncDesk()).pulled, 6);
  assert.deepEqual((await b.listArticles({})).items.map((item) => item.id).sort(), [...small].sort());
});
