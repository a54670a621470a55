// Following feeds against a real HTTP server that changes its feed between refreshes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { feedServer, type Item } from './helpers/feed-server.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

process.env.NEWSDESK_ALLOW_PRIVATE_NETWORK = '1';

const body = (topic: string) =>
  [
    `Officials in the northern province said on Saturday that ${topic} had continued through the night, with residents reporting heavy damage to homes and roads.`,
    `A spokesman for the regional administration told reporters that emergency crews were working to reach villages cut off since Thursday, and that more help was expected.`,
    `Aid groups warned that supplies of water and fuel were running low, and called on all sides to allow convoys through the mountain passes before the weather turns.`,
  ].join('\n');

const items = (...ids: string[]): Item[] =>
  ids.map((id) => ({ id, title: `Story ${id} about ${id}`, body: body(`the ${id} operation`) }));

test('new items are saved with the full page; a second refresh is conditional and saves nothing; a new item arrives next', async (t) => {
  const server = await feedServer(t, items('alpha', 'bravo'));
  const archive = await openFor(t, await tempDir(t));
  const { followed } = await archive.followFeeds(`${server.base}/feed.xml`, { folder: 'Wires', everyMinutes: 15 });
  assert.equal(followed.length, 1);
  const id = followed[0]!.id;

  const [first] = await archive.refreshSubscriptions();
  assert.deepEqual(
    { ...first, errors: first!.errors },
    { subscription: id, url: `${server.base}/feed.xml`, status: 'ok', new: 2, errors: [] },
  );
  const list = await archive.listArticles();
  assert.equal(list.total, 2);
  const saved = await archive.getArticle(list.items.find((a) => a.title.includes('alpha'))!.id);
  assert.match(saved.text, /emergency crews were working/, 'the linked page, not the feed summary');
  assert.deepEqual(saved.feed, { subscriptionId: id, guid: 'guid-alpha', title: 'Local Wire' });
  assert.equal(saved.extraction, 'article');
  // The page states no date and no outlet: the feed's item date and the feed's title stand in.
  assert.equal(saved.publishedAt?.slice(0, 16), '2026-03-14T09:30');
  assert.equal(saved.source, 'Local Wire');
  // A followed feed's items land in the inbox unread, and the inbox counts them by feed.
  assert.deepEqual(saved.reading, { state: 'unread', starred: false });
  const inbox = await archive.listInbox({ filter: 'unread' });
  assert.equal(inbox.items.length, 2);

  const [sub] = await archive.listSubscriptions();
  assert.equal(sub!.title, 'Local Wire');
  assert.equal(sub!.folder, 'Wires');
  assert.equal(sub!.everyMinutes, 15);
  assert.ok(sub!.lastCheckedAt && sub!.lastNewAt);
  assert.equal(sub!.failures, 0);

  server.requests.length = 0;
  const [second] = await archive.refreshSubscriptions([id]);
  assert.equal(second!.status, 'not-modified');
  assert.equal(second!.new, 0);
  assert.equal(server.requests.length, 1, 'only the feed was asked for');
  assert.equal(server.requests[0]!.headers['if-none-match'], '"v1"');
  assert.match(String(server.requests[0]!.headers['user-agent']), /^Newsdesk\//);
  assert.equal((await archive.listArticles()).total, 2);

  server.items.unshift({ ...items('charlie')[0]!, pageDate: '2026-03-13T18:00:00+01:00' });
  server.version++;
  server.requests.length = 0;
  const [third] = await archive.refreshSubscriptions([id]);
  assert.equal(third!.status, 'ok');
  assert.equal(third!.new, 1);
  assert.deepEqual(
    server.requests.map((r) => r.path),
    ['/feed.xml', '/story/charlie'],
    'the items already saved are not fetched again',
  );
  assert.equal((await archive.listArticles()).total, 3);
  const charlie = (await archive.listArticles()).items.find((a) => a.title.includes('charlie'))!;
  assert.equal(
    (await archive.getArticle(charlie.id)).publishedAt,
    '2026-03-13T18:00:00+01:00',
    "the page's own date wins",
  );
});

test('a broken link is reported, the feed item saved from its own content, the rest go on', async (t) => {
  const server = await feedServer(t, items('delta', 'echo'));
  server.items[0]!.page = 'broken';
  const archive = await openFor(t, await tempDir(t));
  await archive.followFeeds(`${server.base}/feed.xml`);
  const [result] = await archive.refreshSubscriptions();
  assert.equal(result!.status, 'ok');
  assert.equal(result!.new, 2);
  assert.equal(result!.errors.length, 1);
  assert.match(result!.errors[0]!, /Story delta.*404.*feed's own content/);
  const list = await archive.listArticles();
  const fromFeed = await archive.getArticle(list.items.find((a) => a.title.includes('delta'))!.id);
  assert.equal(fromFeed.extraction, 'feed');
  assert.match(fromFeed.text, /Summary only/);
});

test('failures count up, back off the schedule, and a good refresh clears them', async (t) => {
  const server = await feedServer(t, items('foxtrot'));
  const archive = await openFor(t, await tempDir(t));
  const { followed } = await archive.followFeeds(`${server.base}/feed.xml`, { everyMinutes: 10 });
  server.failWith = 500;
  for (let i = 1; i <= 3; i++) {
    const [result] = await archive.refreshSubscriptions();
    assert.equal(result!.status, 'failed');
    assert.match(result!.errors[0]!, /500/);
  }
  const [sub] = await archive.listSubscriptions();
  assert.equal(sub!.failures, 3);
  assert.match(sub!.lastError!, /500/);
  // 10 minutes doubled three times.
  assert.equal(Date.parse(sub!.nextCheckAt) - Date.parse(sub!.lastCheckedAt!), 80 * 60_000);
  server.failWith = null;
  const [ok] = await archive.refreshSubscriptions([followed[0]!.id]);
  assert.equal(ok!.status, 'ok');
  const [after] = await archive.listSubscriptions();
  assert.equal(after!.failures, 0);
  assert.equal(after!.lastError, null);
});

test('an OPML list follows each feed once; unfollow keeps the articles', async (t) => {
  const server = await feedServer(t, items('golf'));
  const archive = await openFor(t, await tempDir(t));
  const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Desk</title></head><body>
    <outline text="Wires"><outline text="Local" title="Local Wire" type="rss" xmlUrl="${server.base}/feed.xml"/>
    <outline text="Bad" xmlUrl="javascript:alert(1)"/></outline></body></opml>`;
  const result = await archive.followFeeds(opml, { folder: 'Imported' });
  assert.equal(result.followed.length, 1);
  assert.equal(result.followed[0]!.title, 'Local Wire');
  assert.deepEqual(result.skipped, [{ url: 'javascript:alert(1)', reason: 'not an http(s) URL' }]);
  const exported = await archive.subscriptionsAsOpml();
  const other = await openFor(t, await tempDir(t));
  const imported = await other.followFeeds(exported);
  assert.deepEqual(
    imported.followed.map((s) => [s.url, s.title]),
    [[`${server.base}/feed.xml`, 'Local Wire']],
  );
  const again = await archive.followFeeds(`${server.base}/feed.xml`);
  assert.deepEqual(again.skipped, [{ url: `${server.base}/feed.xml`, reason: 'already followed' }]);
  await archive.refreshSubscriptions();
  await archive.unfollowFeed(result.followed[0]!.id);
  assert.deepEqual(await archive.listSubscriptions(), []);
  assert.equal((await archive.listArticles()).total, 1);
});

test('a feed from an OPML list on a private address is refused without NEWSDESK_ALLOW_PRIVATE_NETWORK', async (t) => {
  const server = await feedServer(t, items('hotel'));
  const archive = await openFor(t, await tempDir(t));
  // From a list, not typed: tests/core/private-network.test.ts covers a URL the user typed.
  await archive.followFeeds(`<opml version="2.0"><body><outline xmlUrl="${server.base}/feed.xml"/></body></opml>`);
  process.env.NEWSDESK_ALLOW_PRIVATE_NETWORK = '0';
  t.after(() => (process.env.NEWSDESK_ALLOW_PRIVATE_NETWORK = '1'));
  const [result] = await archive.refreshSubscriptions();
  assert.equal(result!.status, 'failed');
  assert.match(result!.errors[0]!, /private network \(127\.0\.0\.1\)/);
  assert.equal(server.requests.length, 0, 'no request reached the server');
  assert.equal((await archive.listArticles()).total, 0);
});

test('two refreshes of one feed at once (the schedule and a click) fetch it once and agree', async (t) => {
  const server = await feedServer(t, items('golf', 'hotel'));
  const archive = await openFor(t, await tempDir(t));
  const id = (await archive.followFeeds(`${server.base}/feed.xml`)).followed[0]!.id;
  const [byClick, bySchedule, twice] = await Promise.all([
    archive.refreshSubscriptions([id]),
    archive.refreshSubscriptions(),
    archive.refreshSubscriptions([id, id]),
  ]);
  assert.deepEqual(byClick, bySchedule);
  assert.deepEqual(twice, [byClick![0], byClick![0]]);
  assert.equal(byClick![0]!.new, 2);
  assert.equal(server.requests.filter((r) => r.path === '/feed.xml').length, 1);
  assert.equal((await archive.listArticles()).total, 2);
  // Done, it is not joined again: the next refresh asks the server (conditionally).
  assert.equal((await archive.refreshSubscriptions([id]))[0]!.status, 'not-modified');
});
