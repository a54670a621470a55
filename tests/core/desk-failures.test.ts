// The desk when things go wrong, against a real PouchDB Server: a connection dropped mid-sync resumes from its checkpoint; wrong credentials and an unreachable desk are said plainly and change nothing.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { test, type TestContext } from 'node:test';
import { openArchive, type Archive } from '../../core/archive.ts';
import type { ArchiveError } from '../../core/errors.ts';
import { archivesOnDesk, getDoc, pushLeaf, startCouch } from './helpers/couch-server.ts';
import { defer, openFor, tempDir } from './helpers/temp-dir.ts';
import { tcpProxy } from './helpers/tcp-proxy.ts';

/** A TCP proxy to the desk that can drop every connection once a number of bytes came back (or at a request), and refuse new ones until healed. */
async function dropProxy(t: TestContext, targetPort: number) {
  let budget = Infinity;
  let refusing = false;
  /** A request whose bytes include this is dropped before it reaches the desk. */
  let cutOn: string | null = null;
  let total = 0;
  const proxy = await tcpProxy(t, targetPort, {
    accept: () => !refusing,
    request: (chunk) => {
      if (!cutOn || !chunk.includes(cutOn)) return true;
      drop();
      return false;
    },
    response: (chunk) => {
      budget -= chunk.length;
      total += chunk.length;
      if (budget >= 0) return true;
      drop();
      return false;
    },
  });
  const drop = () => {
    refusing = true;
    proxy.dropAll();
  };
  return {
    url: proxy.url,
    cutAfter(bytes: number) {
      budget = bytes;
    },
    get bytes() {
      return total;
    },
    cutAt(request: string) {
      cutOn = request;
    },
    heal() {
      budget = Infinity;
      refusing = false;
      cutOn = null;
    },
  };
}

/** Every file of a data folder with its hash: the same before and after means nothing changed. */
async function fingerprint(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      let bytes = await readFile(path);
      // desk.json's lastFailure is the sync's status, not data: a failed sync may set it (docs/sync.md).
      if (relative(dir, path) === 'desk.json') {
        const { lastFailure, ...config } = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
        void lastFailure;
        bytes = Buffer.from(JSON.stringify(config));
      }
      files.set(relative(dir, path), createHash('sha256').update(bytes).digest('hex'));
    }
  return files;
}

async function docCount(url: string): Promise<number> {
  return ((await (await fetch(url)).json()) as { doc_count: number }).doc_count;
}

async function addMany(archive: Archive, count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++)
    ids.push(
      (await archive.addArticle({ title: `${prefix} ${i}`, text: `${prefix} report number ${i}. `.repeat(20) })).id,
    );
  return ids;
}

const allIds = async (archive: Archive) =>
  (await archive.listArticles({ limit: 5000 })).items.map((item) => item.id).sort();

test('a sync cut by a dropped connection resumes from its checkpoint: nothing lost, nothing doubled, both ways', async (t) => {
  const server = await startCouch(t);
  const proxy = await dropProxy(t, server.port);
  const a = await openFor(t, await tempDir(t));
  const b = await openFor(t, await tempDir(t));
  await a.joinDesk({ url: server.url, analyst: 'Ana' });
  await b.joinDesk({ url: proxy.url, analyst: 'Bo' });
  const fromA = await addMany(a, 450, 'Dispatch');
  assert.deepEqual(await a.syncDesk(), { pushed: 450, pulled: 0, conflicts: 0 });

  // Pull: the connection drops in the second batch of changes.
  proxy.cutAfter(130_000);
  await assert.rejects(b.syncDesk(), (error: ArchiveError) => {
    assert.equal(error.code, 'unavailable');
    assert.match(
      error.message,
      /^Cannot reach the desk at http:\/\/127\.0\.0\.1:\d+\/desk: .*working offline, what this sync brought so far is kept/,
    );
    return true;
  });
  const partial = (await allIds(b)).length;
  assert.ok(partial > 0 && partial < 450, `part of the pull landed (${partial})`);
  assert.match((await b.getDesk()).offline ?? '', /Cannot reach the desk/);
  proxy.heal();
  const resumed = await b.syncDesk();
  assert.ok(resumed.pulled <= 450 - 200, `resumed from the checkpoint, not from the start (${resumed.pulled} pulled)`);
  assert.equal(resumed.pushed, 0, 'nothing pulled is pushed back');
  assert.deepEqual(await allIds(b), [...fromA].sort());
  assert.equal((await b.getDesk()).offline, null);

  // Push: Bo's 300 new articles, the connection dropped part way.
  const fromB = await addMany(b, 300, 'Field note');
  proxy.cutAfter(6_000);
  await assert.rejects(b.syncDesk(), { code: 'unavailable' });
  proxy.heal();
  await b.syncDesk();
  assert.equal(await docCount(server.url), 750, 'each document once on the desk');
  const pulledByA = await a.syncDesk();
  assert.deepEqual(pulledByA, { pushed: 0, pulled: 300, conflicts: 0 });
  assert.deepEqual(await allIds(a), [...fromA, ...fromB].sort());
  assert.deepEqual(await b.syncDesk(), { pushed: 0, pulled: 0, conflicts: 0 });
});

test('wrong credentials and an unreachable desk give a clear message and change nothing', async (t) => {
  const server = await startCouch(t, { users: { ana: 'secret' } });
  const dir = await tempDir(t);
  let credentials = { user: 'ana', password: 'wrong' };
  const archive = await openArchive(dir, { deskCredentials: () => credentials });
  defer(t, () => archive.close());
  await archive.addArticle({ title: 'Bridge taken', text: 'The bridge at Karovsk fell on Tuesday.' });

  // Refused at join: not joined, nothing written.
  let before = await fingerprint(dir);
  await assert.rejects(archive.joinDesk({ url: server.url, analyst: 'Ana' }), (error: ArchiveError) => {
    assert.equal(error.code, 'unauthorized');
    assert.match(error.message, /refused user "ana" \(401/);
    return true;
  });
  assert.deepEqual(await fingerprint(dir), before);
  assert.equal((await archive.getDesk()).joined, false);
  // Plain HTTP to another machine, or a password in the URL, is refused before anything is sent.
  await assert.rejects(archive.joinDesk({ url: 'http://desk.example.org/desk', analyst: 'Ana' }), /HTTPS/);
  await assert.rejects(archive.joinDesk({ url: 'https://ana:secret@desk.example.org/desk', analyst: 'Ana' }), {
    code: 'invalid',
  });

  credentials = { user: 'ana', password: 'secret' };
  await assert.rejects(
    archive.joinDesk({ url: server.url.replace(/\/desk$/, '/'), analyst: 'Ana' }),
    /is not a CouchDB database/,
  );
  await assert.rejects(archive.joinDesk({ url: `${server.url}-missing`, analyst: 'Ana' }), { code: 'not_found' });
  const joined = await archive.joinDesk({ url: server.url, analyst: 'Ana' });
  assert.deepEqual([joined.joined, joined.user, joined.pendingUp], [true, 'ana', 1]);
  assert.doesNotMatch(await readFile(join(dir, 'desk.json'), 'utf8'), /secret/, 'the password is never written');
  assert.deepEqual(await archive.syncDesk(), { pushed: 1, pulled: 0, conflicts: 0 });
  await archive.addArticle({ title: 'Market shelled', text: 'Residents said the market was shelled.' });

  credentials = { user: 'ana', password: 'wrong' };
  before = await fingerprint(dir);
  await assert.rejects(
    archive.syncDesk(),
    /The desk at http:\/\/127\.0\.0\.1:\d+\/desk refused user "ana".*nothing changed\.$/,
  );
  assert.deepEqual(await fingerprint(dir), before);

  credentials = { user: 'ana', password: 'secret' };
  await server.stop();
  await assert.rejects(archive.syncDesk(), (error: ArchiveError) => {
    assert.equal(error.code, 'unavailable');
    assert.equal(
      error.message,
      `Cannot reach the desk at ${server.url}: ECONNREFUSED; working offline, nothing changed.`,
    );
    return true;
  });
  assert.deepEqual(await fingerprint(dir), before);
  const status = await archive.getDesk();
  assert.deepEqual([status.joined, status.pendingUp], [true, 1]);
  assert.match(status.offline ?? '', /ECONNREFUSED/);
  // Leaving keeps everything here.
  await archive.leaveDesk();
  assert.equal((await archive.listArticles({})).total, 2);
});

test('a document the archive cannot hold is left out and said, and the rest of the desk still comes in', async (t) => {
  const server = await startCouch(t);
  const a = await openFor(t, await tempDir(t));
  await a.joinDesk({ url: server.url, analyst: 'Ana' });
  const bad = [
    { _id: 'entity:ent_0000000000000000', name: 'Karovsk', type: 'banana' },
    { _id: `article:${crypto.randomUUID()}`, title: '', text: 'x' },
    { _id: '_design/other-app', views: {} },
    { _id: 'note:someone-elses', text: 'not ours' },
  ];
  const response = await fetch(`${server.url}/_bulk_docs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      docs: [
        ...bad,
        {
          _id: 'entity:ent_1111111111111111',
          name: 'Idlib',
          type: 'location',
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
        },
      ],
    }),
  });
  assert.equal(response.status, 201);
  const result = await a.syncDesk();
  assert.deepEqual([result.pulled, result.pushed], [1, 0]);
  assert.deepEqual(result.refused?.map((r) => r.id).sort(), [bad[0]!._id, bad[1]!._id].sort());
  assert.ok(result.refused?.every((r) => r.reason.length > 10));
  assert.deepEqual(
    (await a.listEntities({})).map((e) => e.name),
    ['Idlib'],
  );
  assert.equal((await a.listArticles({})).total, 0);
});

test('two archives merging the same two leaves on their own make the same revision: the desk ends with one version', async (t) => {
  const server = await startCouch(t);
  const proxy = await dropProxy(t, server.port);
  const [a, b, c, d] = [
    await openFor(t, await tempDir(t)),
    await openFor(t, await tempDir(t)),
    await openFor(t, await tempDir(t)),
    await openFor(t, await tempDir(t)),
  ];
  for (const [archive, analyst] of [
    [a, 'Ana'],
    [b, 'Bo'],
    [c, 'Cy'],
  ] as const)
    await archive.joinDesk({ url: server.url, analyst });
  await d.joinDesk({ url: proxy.url, analyst: 'Di' });
  const article = await a.addArticle({ title: 'Bridge taken', text: 'The bridge at Karovsk fell on Tuesday.' });
  for (const archive of [a, b, c, d]) await archive.syncDesk();
  const parent = await getDoc(server.url, `article:${article.id}`);
  await a.updateArticle(article.id, { title: 'Ana’s title' });
  await a.syncDesk();
  // Bo's laptop pushed its own child of the same parent: two leaves on the desk.
  await pushLeaf(server.url, parent, {
    title: 'Bo’s title',
    notes: 'Bo’s notes',
    deskBy: 'Bo',
    deskAt: new Date().toISOString(),
  });
  // Di merges them, but her push is cut; Cy merges the same leaves on his own and pushes.
  proxy.cutAt('_revs_diff');
  await assert.rejects(d.syncDesk(), { code: 'unavailable' });
  assert.equal((await d.getArticle(article.id)).notes, 'Bo’s notes');
  assert.equal((await c.syncDesk()).conflicts, 1);
  proxy.heal();
  // Di's merge is Cy's, revision for revision: nothing new comes down, nothing goes up.
  assert.deepEqual(await d.syncDesk(), { pushed: 0, pulled: 0, conflicts: 1 });
  const doc = (await (await fetch(`${server.url}/article:${article.id}?conflicts=true`)).json()) as Record<
    string,
    unknown
  >;
  assert.equal(doc._conflicts, undefined);
  assert.deepEqual(await d.listDeskConflicts(), await c.listDeskConflicts());
});

test('an article that arrives without its original keeps naming it, says so, and is not pushed back changed', async (t) => {
  const { url, archives } = await archivesOnDesk(t, 'Ana', 'Bo');
  const [a, b] = archives as [Archive, Archive];
  const [page] = await a.importDocument({
    name: 'p.html',
    data: Buffer.from('<p>Convoys reached Karovsk on Thursday.</p>').toString('base64'),
  });
  await a.syncDesk();
  // Another client rewrote the document without its attachment.
  const doc = await getDoc(url, `article:${page!.id}`);
  await pushLeaf(url, { ...doc, _attachments: undefined } as typeof doc, { deskBy: 'Cy' });
  const name = (await a.getArticle(page!.id!)).provenance.attachment!;
  const pulled = await b.syncDesk();
  assert.deepEqual(pulled.incomplete, [
    {
      id: `article:${page!.id}`,
      reason: `Came without ${name}: the desk does not hold it (its sender lacked it).`,
    },
  ]);
  assert.equal((await b.getArticle(page!.id!)).provenance.attachment, name);
  assert.deepEqual(await b.syncDesk(), { pushed: 0, pulled: 0, conflicts: 0 });
  // Bo's edit goes up without the file he lacks, and says so.
  await b.updateArticle(page!.id!, { tags: ['convoys'] });
  const pushed = await b.syncDesk();
  assert.equal(pushed.pushed, 1);
  assert.match(
    pushed.incomplete?.[0]?.reason ?? '',
    new RegExp(`^Sent without ${name.replace('.', '\\.')}: it is missing here`),
  );
});
