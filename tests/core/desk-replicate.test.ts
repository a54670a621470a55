// Watches and each analyst's reading state on the team desk (real PouchDB Server): the same watch everywhere with alerts of its own, and reading state that follows its analyst from laptop to laptop, nobody else's. Also getDesk's `syncing`.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { Archive } from '../../core/archive.ts';
import { stateDocId } from '../../core/sync/reading-docs.ts';
import { archivesOnDesk, startCouch } from './helpers/couch-server.ts';
import { defer, openFor, tempDir } from './helpers/temp-dir.ts';
import { tcpProxy } from './helpers/tcp-proxy.ts';

const TEXT = 'Aid convoys reached Karovsk on Thursday after the road reopened, officials said.';

/** The ids of the desk's documents that start with `prefix`. */
async function deskIds(url: string, prefix: string): Promise<string[]> {
  const range = `startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(`${prefix}\uffff`))}`;
  const all = (await (await fetch(`${url}/_all_docs?${range}`)).json()) as { rows: { id: string }[] };
  return all.rows.map((row) => row.id);
}

const readingOf = async (archive: Archive, id: string) => {
  const { state, starred } = (await archive.getArticle(id)).reading;
  return { state, starred };
};

/** A mark strictly later than the previous one (markedAt has millisecond precision). */
const nextMillisecond = () => new Promise((resolve) => setTimeout(resolve, 2));

test('a watch made on one laptop is on the others with the same id, alerts there on its own, renames conflict once, deletes follow', async (t) => {
  const { archives } = await archivesOnDesk(t, 'Ana', 'Bo');
  const [a, b] = archives as [Archive, Archive];
  const watch = await a.createWatch({ name: 'Convoys', target: { kind: 'search', query: 'convoys' }, notify: true });
  assert.equal((await a.syncDesk()).pushed, 1);
  assert.equal((await b.syncDesk()).pulled, 1);
  const [there] = await b.listWatches();
  assert.deepEqual(
    { ...there, createdAt: null },
    { ...watch, createdAt: null, notify: false, alerts: 0, unseen: 0 },
    'the same watch; a system notification only once this analyst asks for one',
  );
  assert.equal(there!.createdAt, watch.createdAt);
  // Notifications are each desktop's own: turning them on sends nothing.
  await b.updateWatch(watch.id, { notify: true });
  assert.equal((await b.getDesk()).pendingUp, 0);

  // An article saved on B matches: B raises its own alert; A raises its own once the article reaches it.
  const saved = await b.addArticle({ title: 'Convoys reach Karovsk', text: TEXT });
  await b.searchService.settled();
  assert.deepEqual(
    (await b.listAlerts({})).map((alert) => [alert.watchId, alert.articleId]),
    [[watch.id, saved.id]],
  );
  assert.equal((await b.syncDesk()).pushed, 1, 'the article; alerts stay here');
  await a.syncDesk();
  await a.searchService.settled();
  assert.deepEqual(
    (await a.listAlerts({})).map((alert) => [alert.watchId, alert.articleId]),
    [[watch.id, saved.id]],
  );

  // Renamed on both sides: a conflict on its name on both, resolved once for all.
  await a.updateWatch(watch.id, { name: 'Convoys north' });
  await b.updateWatch(watch.id, { name: 'Convoys south' });
  await a.syncDesk();
  assert.equal((await b.syncDesk()).conflicts, 1);
  assert.equal((await a.syncDesk()).conflicts, 1);
  const [conflict] = await a.listDeskConflicts();
  assert.equal(conflict!.id, `watch:${watch.id}#name`);
  assert.deepEqual(conflict!.values.map((side) => [side.value, side.by]).sort(), [
    ['Convoys north', 'Ana'],
    ['Convoys south', 'Bo'],
  ]);
  assert.equal(conflict!.title, (await a.listWatches())[0]!.name);
  await a.resolveDeskConflict(conflict!.id, { value: 'Convoys (all)' });
  await a.syncDesk();
  await b.syncDesk();
  for (const archive of [a, b]) {
    assert.deepEqual(
      (await archive.listWatches()).map((w) => [w.id, w.name]),
      [[watch.id, 'Convoys (all)']],
    );
    assert.deepEqual(await archive.listDeskConflicts(), []);
  }
  assert.equal((await b.listWatches())[0]!.notify, true, "B's notification choice survives the desk's edits");

  // Deleted on A: gone on B too, its alerts with it.
  await a.deleteWatch(watch.id);
  await a.syncDesk();
  await b.syncDesk();
  assert.deepEqual(await b.listWatches(), []);
  assert.deepEqual(await b.listAlerts({}), []);
  for (const archive of [a, b]) assert.deepEqual(await archive.syncDesk(), { pushed: 0, pulled: 0, conflicts: 0 });
});

test("an analyst's reading state follows them to their other laptop, never to anyone else's", async (t) => {
  const { url, archives } = await archivesOnDesk(t, 'Alice', 'Alice', 'Bob');
  const [a1, a2, b] = archives as [Archive, Archive, Archive];
  const ids: string[] = [];
  for (const title of ['One', 'Two', 'Three', 'Untouched'])
    ids.push((await a1.addArticle({ title, text: `${title}: ${TEXT}` })).id);
  const [one, two, three, untouched] = ids as [string, string, string, string];
  await a1.syncDesk();
  await b.syncDesk();
  assert.deepEqual(await deskIds(url, 'state:'), [], 'no state for articles nobody marked');

  await a1.markArticles([one], { state: 'read', starred: true });
  await a1.markArticles([two], { state: 'archived' });
  await a1.markArticles([three], { state: 'archived', starred: true });
  // Edited after it was marked: on the desk its article comes after its state, which must wait for it.
  await a1.updateArticle(three, { notes: 'Check with the mayor' });
  assert.equal((await a1.getDesk()).pendingUp, 4, 'three states and the edit');
  await a1.syncDesk();
  assert.equal((await deskIds(url, 'state:')).length, 3);

  // Alice's second laptop joins and takes everything at once: her states with their articles.
  await a2.syncDesk();
  assert.deepEqual(await readingOf(a2, one), { state: 'read', starred: true });
  assert.deepEqual(await readingOf(a2, two), { state: 'archived', starred: false });
  assert.deepEqual(await readingOf(a2, three), { state: 'archived', starred: true });
  assert.equal((await a2.getArticle(three)).notes, 'Check with the mayor');
  assert.deepEqual(await readingOf(a2, untouched), { state: 'unread', starred: false });
  assert.deepEqual(await a2.syncDesk(), { pushed: 0, pulled: 0, conflicts: 0 }, 'nothing sent back');

  // Bob takes none of it; his own marks are his and leave hers alone.
  assert.equal((await b.getDesk()).pendingDown, 1, "the edit of Three; Alice's states are not Bob's to pull");
  await b.syncDesk();
  for (const id of ids) assert.deepEqual(await readingOf(b, id), { state: 'unread', starred: false });
  await b.markArticles([one], { state: 'archived' });
  await b.syncDesk();
  assert.equal((await deskIds(url, 'state:')).length, 4);
  assert.equal((await a2.getDesk()).pendingDown, 0, "Bob's state is nothing for Alice's laptops");
  await a2.syncDesk();
  assert.deepEqual(await readingOf(a2, one), { state: 'read', starred: true });
  await b.syncDesk();
  assert.deepEqual(await readingOf(b, one), { state: 'archived', starred: false });

  // Both of Alice's laptops mark One offline: the later mark wins, without a conflict.
  await a1.markArticles([one], { state: 'archived' });
  await nextMillisecond();
  await a2.markArticles([one], { state: 'unread', starred: false });
  await a2.syncDesk();
  assert.deepEqual(await a1.syncDesk(), { pushed: 1, pulled: 1, conflicts: 0 });
  await a2.syncDesk();
  for (const laptop of [a1, a2]) assert.deepEqual(await readingOf(laptop, one), { state: 'unread', starred: false });
  assert.deepEqual(await readingOf(b, one), { state: 'archived', starred: false });
  assert.equal((await deskIds(url, 'state:')).length, 4);
});

test('a state that reaches a laptop in an earlier sync than its article is set on the article when it comes', async (t) => {
  const { url, archives } = await archivesOnDesk(t, 'Alice', 'Alice');
  const [a1, a2] = archives as [Archive, Archive];
  const article = await a1.addArticle({ title: 'Late', text: TEXT });
  // Her state is on the desk (another of her laptops sent it) before the article is.
  const markedAt = new Date().toISOString();
  const state = { articleId: article.id, analyst: 'Alice', state: 'archived', starred: true, markedAt };
  const put = await fetch(`${url}/${encodeURIComponent(stateDocId('Alice', article.id))}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...state, deskBy: 'Alice', deskAt: markedAt, deskConflicts: [] }),
  });
  assert.equal(put.status, 201);
  assert.equal((await a2.syncDesk()).pulled, 1);
  assert.equal((await a2.getDesk()).pendingUp, 0, 'kept for the article, not sent back');
  await a1.syncDesk();
  await a2.syncDesk();
  assert.deepEqual(await readingOf(a2, article.id), { state: 'archived', starred: true });
  assert.deepEqual(await a2.syncDesk(), { pushed: 0, pulled: 0, conflicts: 0 });
  assert.deepEqual(await readingOf(a1, article.id), { state: 'archived', starred: true });
});

/** A TCP proxy to the desk that holds back every request containing `marker` until released. */
async function holdProxy(t: TestContext, targetPort: number, marker: string) {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held: () => void = () => undefined;
  const holding = new Promise<void>((resolve) => (held = resolve));
  const { port } = await tcpProxy(t, targetPort, {
    request: async (chunk) => {
      if (chunk.includes(marker)) {
        held();
        await released;
      }
      return true;
    },
  });
  // First of the cleanups (they run last in, first out): nothing stays held while the proxy closes.
  defer(t, async () => release());
  return { port, holding, release };
}

test('getDesk says a sync is running while one does, whoever started it', async (t) => {
  const server = await startCouch(t);
  // The pull's batches ask for 200 changes (the status's count asks for 1,000): the sync waits there.
  const proxy = await holdProxy(t, server.port, 'limit=200');
  const a = await openFor(t, await tempDir(t));
  await a.joinDesk({ url: server.url.replace(`:${server.port}/`, `:${proxy.port}/`), analyst: 'Ana' });
  assert.equal((await a.getDesk()).syncing, false);
  const sync = a.syncDesk();
  await proxy.holding;
  const during = await a.getDesk();
  assert.equal(during.syncing, true);
  assert.equal(during.pendingDown, 0, 'the status still answers');
  proxy.release();
  await sync;
  assert.equal((await a.getDesk()).syncing, false);
});
