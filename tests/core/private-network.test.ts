// Private addresses: a feed URL the user typed may reach one (its own origin only), an OPML entry or an item link may not, unless allowed in settings.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { feedServer, type Item } from './helpers/feed-server.ts';
import { defer, openFor, tempDir } from './helpers/temp-dir.ts';
import { openArchive } from '../../core/archive.ts';

// Neither the environment nor the setting allows private networks in this file, unless a test says so.
delete process.env.NEWSDESK_ALLOW_PRIVATE_NETWORK;

const story: Item = {
  id: 'india',
  title: 'Story india about the india operation',
  body: 'Officials in the northern province said on Saturday that the india operation had continued through the night, with residents reporting heavy damage.\nA spokesman for the regional administration told reporters that emergency crews were working to reach villages cut off since Thursday.',
};
const opmlOf = (url: string) => `<opml version="2.0"><body><outline text="Local" xmlUrl="${url}"/></body></opml>`;

test('a typed feed URL on 127.0.0.1 refreshes; its item links to 127.0.0.1 are refused and the feed content kept', async (t) => {
  const server = await feedServer(t, [story]);
  const archive = await openFor(t, await tempDir(t));
  const { followed } = await archive.followFeeds(`${server.base}/feed.xml`);
  assert.equal(followed[0]!.typed, true);
  const [result] = await archive.refreshSubscriptions();
  assert.equal(result!.status, 'ok', result!.errors.join('\n'));
  assert.equal(result!.new, 1);
  assert.match(result!.errors[0]!, /private network \(127\.0\.0\.1\).*saved the feed's own content instead/);
  assert.deepEqual(
    server.requests.map((r) => r.path),
    ['/feed.xml'],
    'the item link was never requested',
  );
  const [summary] = (await archive.listArticles()).items;
  const saved = await archive.getArticle(summary!.id);
  assert.equal(saved.extraction, 'feed');
  assert.match(saved.text, /Summary only/);
});

test('an OPML entry on 127.0.0.1 is refused; typing the same URL later makes it typed', async (t) => {
  const server = await feedServer(t, [story]);
  const archive = await openFor(t, await tempDir(t));
  const { followed } = await archive.followFeeds(opmlOf(`${server.base}/feed.xml`));
  assert.equal(followed[0]!.typed, false);
  const [refused] = await archive.refreshSubscriptions();
  assert.equal(refused!.status, 'failed');
  assert.match(refused!.errors[0]!, /private network \(127\.0\.0\.1\)/);
  assert.equal(server.requests.length, 0, 'no request reached the server');
  // The user types the same URL: it is theirs now.
  const again = await archive.followFeeds(`${server.base}/feed.xml`);
  assert.deepEqual(again.skipped, [{ url: `${server.base}/feed.xml`, reason: 'already followed' }]);
  assert.equal((await archive.listSubscriptions())[0]!.typed, true);
  assert.equal((await archive.refreshSubscriptions())[0]!.status, 'ok');
});

test('a typed URL may redirect on its own origin, not to another private host', async (t) => {
  const target = await feedServer(t, [story]);
  const redirector = createServer((req, res) => {
    if (req.url === '/same') return void res.writeHead(301, { Location: '/feed.xml' }).end();
    if (req.url === '/away') return void res.writeHead(302, { Location: `${target.base}/feed.xml` }).end();
    res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
    res.end(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Second Host</title><item><title>Bridge reopens</title><guid>b1</guid><description>The bridge reopened to traffic on Monday after repairs.</description></item></channel></rss>`,
    );
  });
  await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.2', resolve));
  defer(t, () => new Promise((resolve) => redirector.close(resolve)));
  const base = `http://127.0.0.2:${(redirector.address() as AddressInfo).port}`;
  const archive = await openFor(t, await tempDir(t));
  await archive.followFeeds(`${base}/same`);
  await archive.followFeeds(`${base}/away`);
  const results = await archive.refreshSubscriptions();
  const same = results.find((r) => r.url.endsWith('/same'))!;
  const away = results.find((r) => r.url.endsWith('/away'))!;
  assert.equal(same.status, 'ok', same.errors.join('\n'));
  assert.equal(same.new, 1);
  assert.equal(away.status, 'failed');
  assert.match(away.errors[0]!, /private network \(127\.0\.0\.1\)/);
  assert.equal(target.requests.length, 0, 'the other host was never asked');
});

test('archive.json settings.allowPrivateNetwork lets an OPML entry and its items reach 127.0.0.1; old subscriptions are not typed', async (t) => {
  const server = await feedServer(t, [story]);
  const dir = await tempDir(t);
  const first = await openArchive(dir);
  await first.followFeeds(opmlOf(`${server.base}/feed.xml`));
  assert.equal((await first.getSettings()).allowPrivateNetwork, false);
  await first.close();
  const file = join(dir, 'archive.json');
  const registry = JSON.parse(await readFile(file, 'utf8'));
  // As written before `typed` existed.
  for (const sub of registry.subscriptions) delete sub.typed;
  await writeFile(file, JSON.stringify({ ...registry, settings: { allowPrivateNetwork: true } }));
  const archive = await openFor(t, dir);
  assert.equal((await archive.listSubscriptions())[0]!.typed, false);
  const [result] = await archive.refreshSubscriptions();
  assert.equal(result!.status, 'ok', result!.errors.join('\n'));
  assert.deepEqual(result!.errors, []);
  const saved = await archive.getArticle((await archive.listArticles()).items[0]!.id);
  assert.equal(saved.extraction, 'article', 'the page itself, fetched from 127.0.0.1');
});
