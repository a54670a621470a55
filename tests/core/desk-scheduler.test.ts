// Continuous sync while open, against a real PouchDB Server: a write in A reaches B with no call to syncDesk; syncs never overlap; a failing desk is backed off.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { openArchive, type OpenOptions } from '../../core/archive.ts';
import { startCouch } from './helpers/couch-server.ts';
import { defer, tempDir } from './helpers/temp-dir.ts';

async function open(t: TestContext, options: OpenOptions) {
  const archive = await openArchive(await tempDir(t), options);
  defer(t, () => archive.close());
  return archive;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('a write in A reaches B by the background schedule alone, and B’s edit comes back', async (t) => {
  const server = await startCouch(t);
  // A syncs only after its own writes (its interval is long); B only on its short interval.
  const a = await open(t, { syncInBackground: { intervalMs: 600_000, soonMs: 100 } });
  const b = await open(t, { syncInBackground: { intervalMs: 300, soonMs: 600_000 } });
  await a.joinDesk({ url: server.url, analyst: 'Ana' });
  await b.joinDesk({ url: server.url, analyst: 'Bo' });

  const article = await a.addArticle({ title: 'Bridge taken', text: 'Fighters took the bridge at Karovsk.' });
  const there = await until('the article in B', async () =>
    (await b.listArticles({})).items.find((item) => item.id === article.id),
  );
  assert.equal(there.title, 'Bridge taken');
  assert.ok((await a.getDesk()).lastSyncAt, 'A synced without being asked');

  // B edits; B's interval sends it; A's next sync is its own write's, which brings B's edit in.
  await b.updateArticle(article.id, { notes: 'Checked by Bo.' });
  await until('B pushed its edit', async () => (await b.getDesk()).pendingUp === 0);
  await a.addArticle({ title: 'Port closed', text: 'The port of Lanvik closed after shelling.' });
  await until('B’s edit in A', async () => (await a.getArticle(article.id)).notes === 'Checked by Bo.');
});

test('a sync asked for while one runs joins it; a failing desk is retried with a growing wait and said in the status', async (t) => {
  const server = await startCouch(t);
  const a = await open(t, { syncInBackground: { intervalMs: 200, soonMs: 50, maxBackoffMs: 400 } });
  await a.joinDesk({ url: server.url, analyst: 'Ana' });
  await until('the first background sync', async () => (await a.getDesk()).lastSyncAt);
  await a.addArticle({ title: 'Market shelled', text: 'Residents said the market was shelled overnight.' });
  // Two asked together: one sync, the same result (a second sync after the first would push nothing).
  const [one, two] = await Promise.all([a.syncDesk(), a.syncDesk()]);
  assert.deepEqual(one, two);
  assert.equal((await a.getDesk()).pendingUp, 0);

  await server.stop();
  const failure = await until('a background failure', async () => (await a.getDesk()).lastFailure);
  assert.equal(failure.kind, 'unavailable');
  const later = await until('another try', async () => {
    const now = (await a.getDesk()).lastFailure;
    return now && now.at !== failure.at && now;
  });
  assert.equal(later.since, failure.since, 'offline since the first failure');

  // Back on the same address: the schedule finds it again on its own.
  await startCouch(t, { port: server.port });
  await until('a sync that works again', async () => (await a.getDesk()).lastFailure === null);
});
