// Many subscriptions at once: request caps that wake only who can start, batched archive.json writes, and a lost batch that re-fetches but never duplicates.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { RequestLimits } from '../../core/monitoring/request-limits.ts';
import { SubscriptionWrites } from '../../core/monitoring/subscription-writes.ts';
import { Subscription } from '../../core/model.ts';
import { openRegistry, REGISTRY_FILE, RegistryStore } from '../../core/store/registry-file.ts';
import { feedServer } from './helpers/feed-server.ts';
import { defer, openFor, tempDir } from './helpers/temp-dir.ts';

process.env.NEWSDESK_ALLOW_PRIVATE_NETWORK = '1';

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('request limits: never over the caps, first come first served per host, one start per slot freed', async () => {
  const limits = new RequestLimits(3, 2);
  const inFlight = new Map<string, number>();
  let total = 0;
  let most = 0;
  const started: string[] = [];
  const gates: (() => void)[] = [];
  const job = (host: string, n: number) =>
    limits.run(host, async () => {
      started.push(`${host}${n}`);
      total++;
      inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
      most = Math.max(most, total);
      assert.ok(inFlight.get(host)! <= 2, `at most 2 on ${host}`);
      await new Promise<void>((open) => gates.push(open));
      total--;
      inFlight.set(host, inFlight.get(host)! - 1);
    });
  const all = [
    ...Array.from({ length: 5 }, (_, n) => job('a', n)),
    ...Array.from({ length: 3 }, (_, n) => job('b', n)),
  ];
  await tick();
  assert.deepEqual(started, ['a0', 'a1', 'b0'], 'a third request to host a waits; b takes the last slot');
  assert.equal(limits.queued, 5);
  gates.shift()!(); // a0 ends: a2 is next for host a
  await tick();
  assert.deepEqual(started.slice(3), ['a2']);
  assert.equal(limits.queued, 4, 'one slot freed, one request started, the rest still asleep');
  while (gates.length) {
    gates.shift()!();
    await tick();
  }
  await Promise.all(all);
  assert.equal(most, 3);
  assert.deepEqual(
    started.filter((s) => s.startsWith('a')),
    ['a0', 'a1', 'a2', 'a3', 'a4'],
  );
  assert.equal(limits.queued, 0);
});

async function registryWith(t: Parameters<typeof tempDir>[0], ids: string[]) {
  const dir = await tempDir(t);
  const store = new RegistryStore(await openRegistry(dir, []));
  await store.update((draft) => {
    for (const id of ids)
      draft.subscriptions.push(
        Subscription.parse({ id, url: `https://example.org/${id}.xml`, createdAt: new Date().toISOString() }),
      );
  });
  const onDisk = async () =>
    (JSON.parse(await readFile(join(dir, REGISTRY_FILE), 'utf8')) as { subscriptions: Subscription[] }).subscriptions;
  return { store, onDisk };
}

test('subscription writes: one archive.json write per batch, on size or after a wait, and the rest on flush', async (t) => {
  const ids = ['s1', 's2', 's3', 's4'].map(() => crypto.randomUUID());
  const { store, onDisk } = await registryWith(t, ids);
  const before = store.changes;
  const writes = new SubscriptionWrites(store, 2, 60_000);
  writes.add(ids[0]!, { failures: 1 });
  writes.add(ids[0]!, { lastError: 'boom' }); // the same subscription again: merged, still one
  await tick();
  assert.equal(store.changes, before, 'one subscription pending: not written yet');
  writes.add(ids[1]!, { failures: 2 });
  writes.add(ids[2]!, { failures: 3 });
  await writes.flush();
  assert.equal(store.changes, before + 2, 'a full batch of two, then the one left on flush');
  const subs = await onDisk();
  assert.deepEqual(
    subs.map((s) => [s.failures, s.lastError]),
    [
      [1, 'boom'],
      [2, null],
      [3, null],
      [0, null],
    ],
  );

  const timed = new SubscriptionWrites(store, 100, 20);
  timed.add(ids[3]!, { failures: 4 });
  await new Promise((resolve) => setTimeout(resolve, 150));
  assert.equal((await onDisk())[3]!.failures, 4, 'written after the wait, without a flush');

  // Unfollowed while its refresh ran: the write leaves it gone.
  await store.update((draft) => void draft.subscriptions.splice(0, 1));
  const late = new SubscriptionWrites(store);
  late.add(ids[0]!, { failures: 9 });
  await late.flush();
  assert.deepEqual(
    (await onDisk()).map((s) => s.id),
    ids.slice(1),
  );
});

test('subscription writes: a batch the registry refuses fails the flush, and archive.json is unchanged', async (t) => {
  const id = crypto.randomUUID();
  const { store, onDisk } = await registryWith(t, [id]);
  const writes = new SubscriptionWrites(store);
  writes.add(id, { failures: -1 });
  await assert.rejects(writes.flush(), /archive\.json unreadable/);
  assert.equal((await onDisk())[0]!.failures, 0);
});

test('many feeds refreshed together: a clear error for each failing one, the others saved and recorded', async (t) => {
  const text = (n: number, k: number) =>
    `Report ${n}-${k}: officials in district ${n} said crews had reached village ${k} after the storm, and that roads would reopen within days. `.repeat(
      4,
    );
  const server = createServer((req, res) => {
    const feed = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? '');
    const n = Number(feed?.[1]);
    if (feed && n % 5 === 4) return void res.writeHead(500).end('down');
    if (feed) {
      const base = `http://${req.headers.host}`;
      const entries = [0, 1, 2]
        .map((k) => `<item><title>Item ${n}-${k}</title><link>${base}/page/${n}-${k}</link></item>`)
        .join('');
      res.writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: `"f${n}"` });
      return void res.end(`<rss version="2.0"><channel><title>Feed ${n}</title>${entries}</channel></rss>`);
    }
    const page = /^\/page\/(\d+)-(\d+)$/.exec(req.url ?? '');
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(
      `<html><head><title>Item ${page[1]}-${page[2]}</title></head><body><article><h1>Item ${page[1]}-${page[2]}</h1><p>${text(Number(page[1]), Number(page[2]))}</p></article></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  defer(t, () => new Promise((resolve) => server.close(resolve)));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const archive = await openFor(t, await tempDir(t));
  const feeds = 25;
  await archive.followFeeds(
    `<opml version="2.0"><body>${Array.from({ length: feeds }, (_, n) => `<outline text="F${n}" xmlUrl="${base}/feed/${n}.xml"/>`).join('')}</body></opml>`,
  );
  const results = await archive.refreshSubscriptions();
  assert.equal(results.length, feeds);
  for (const [n, result] of results.entries()) {
    if (n % 5 === 4) {
      assert.equal(result.status, 'failed');
      assert.match(result.errors[0]!, /500/);
    } else assert.deepEqual([result.status, result.new, result.errors], ['ok', 3, []]);
  }
  assert.equal((await archive.listArticles()).total, 20 * 3);
  // Everything is recorded by the time the refresh returns: the failures, and every GUID seen.
  const subs = await archive.listSubscriptions();
  assert.equal(subs.filter((s) => s.failures === 1 && /500/.test(s.lastError ?? '')).length, 5);
  assert.equal(subs.filter((s) => s.lastNewAt).length, 20);
  const again = await archive.refreshSubscriptions();
  assert.ok(again.every((r) => r.new === 0));
});

test('a crash before the batch is written: the next refresh saves nothing twice', async (t) => {
  const server = await feedServer(
    t,
    ['india', 'juliet'].map((id) => ({
      id,
      title: `Story ${id}`,
      body: `Officials said the ${id} convoy reached the northern villages on Friday after days of delays.\nAid groups said more trucks were waiting at the border crossing for permission to enter.`,
    })),
  );
  server.items[1]!.page = 'broken'; // juliet is saved from the feed's own content
  const dir = await tempDir(t);
  let archive = await openArchive(dir);
  await archive.followFeeds(`${server.base}/feed.xml`);
  const [first] = await archive.refreshSubscriptions();
  assert.equal(first!.new, 2);
  await archive.close();
  // As if the process died after saving the articles and before their subscription's batch: no GUIDs, no validators.
  const file = join(dir, REGISTRY_FILE);
  const registry = JSON.parse(await readFile(file, 'utf8')) as { subscriptions: Subscription[] };
  Object.assign(registry.subscriptions[0]!, { seen: [], etag: null, lastModified: null, lastCheckedAt: null });
  await writeFile(file, JSON.stringify(registry));
  archive = await openFor(t, dir);
  server.requests.length = 0;
  const [second] = await archive.refreshSubscriptions();
  assert.equal(second!.status, 'ok');
  assert.equal(second!.new, 0);
  assert.equal((await archive.listArticles()).total, 2, 'no duplicate');
  assert.deepEqual(
    server.requests.map((r) => r.path),
    ['/feed.xml'],
    'their links are known to the archive: not fetched again',
  );
  assert.equal((await archive.listSubscriptions())[0]!.lastError, null);
});
