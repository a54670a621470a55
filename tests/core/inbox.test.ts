// The inbox on a real archive: reading states, bulk marks, counts from the catalog after a reopen, old files, search filters.
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { saveFromFeed } from './helpers/feed-articles.ts';
import { defer, openFor, tempDir } from './helpers/temp-dir.ts';

const MISSING = '00000000-0000-4000-8000-000000000000';
// Subscription ids are UUIDs, as the subscriptions' store makes them.
const [SUB_1, SUB_2, SUB_3] = [
  '11111111-1111-4111-8111-111111111111',
  '22222222-2222-4222-8222-222222222222',
  '33333333-3333-4333-8333-333333333333',
];

test('hand-saved articles are read; marks in bulk; counts survive a reopen from the catalog', async (t) => {
  const dir = await tempDir(t);
  let archive = await openArchive(dir);
  defer(t, () => archive.close());
  const pasted = await archive.addArticle({ title: 'Pasted', text: 'a pasted note about the port' });
  assert.deepEqual(pasted.reading, { state: 'read', starred: false });
  assert.equal(pasted.feed, null);
  await archive.close();

  const [a, b, c] = await saveFromFeed(dir, [
    { title: 'Alpha shelling', feed: 'Reuters World', sub: SUB_1 },
    { title: 'Bravo ceasefire', feed: 'Reuters World', sub: SUB_1 },
    { title: 'Charlie aid convoy', feed: 'UN News', sub: SUB_2 },
  ]);
  archive = await openArchive(dir);
  defer(t, () => archive.close());

  let page = await archive.listInbox({ filter: 'unread' });
  assert.deepEqual(
    page.items.map((i) => i.id),
    [c, b, a],
    'newest first',
  );
  assert.equal(page.items[0]!.reading.state, 'unread');
  assert.deepEqual(
    { unread: page.counts.unread, inbox: page.counts.inbox, starred: 0, archived: 0 },
    { unread: 3, inbox: 4, starred: page.counts.starred, archived: page.counts.archived },
  );
  assert.deepEqual(page.counts.feeds, [
    { subscriptionId: SUB_1, title: 'Reuters World', folder: '', unread: 2, total: 2 },
    { subscriptionId: SUB_2, title: 'UN News', folder: '', unread: 1, total: 1 },
  ]);
  assert.deepEqual(page.counts.folders, [], 'no subscription followed here: no folders');
  assert.deepEqual(
    (await archive.listInbox({ filter: 'unread', subscriptionId: SUB_1 })).items.map((i) => i.id),
    [b, a],
  );

  assert.deepEqual(await archive.markArticles([a!, b!, a!], { starred: true }), { changed: 2, unchanged: 0 });
  assert.deepEqual(await archive.markArticles([a!], { starred: true }), { changed: 0, unchanged: 1 });
  assert.deepEqual(await archive.markArticles([c!], { state: 'archived' }), { changed: 1, unchanged: 0 });
  await assert.rejects(
    archive.markArticles([a!, MISSING], { state: 'read' }),
    /no article with id .*nothing was changed/,
  );
  assert.equal((await archive.getArticle(a!)).reading.state, 'unread', 'nothing was changed');
  await assert.rejects(archive.markArticles([a!], {}), /say a state, starred, or both/);
  await assert.rejects(archive.markArticles([a!], { state: 'done' as 'read' }), /state/);
  await assert.rejects(
    archive.markArticles(
      Array.from({ length: 5001 }, () => a!),
      { state: 'read' },
    ),
    /5000|5,000/,
  );

  // Mark all above read: in the unread listing (b, a), through a: both; the starred stay starred.
  await archive.markArticles([pasted.id], { state: 'unread' });
  page = await archive.listInbox({ filter: 'unread' });
  assert.deepEqual(
    page.items.map((i) => i.id),
    [b, a, pasted.id],
  );
  assert.deepEqual(await archive.markReadThrough({ filter: 'unread' }, a!), { changed: 2, unchanged: 0 });
  await assert.rejects(archive.markReadThrough({ filter: 'unread' }, c!), /not in this inbox listing/);

  await archive.close();
  archive = await openArchive(dir);
  defer(t, () => archive.close());
  page = await archive.listInbox();
  assert.equal(page.counts.unread, 1);
  assert.equal(page.counts.starred, 2);
  assert.equal(page.counts.archived, 1);
  assert.equal(page.counts.inbox, 3);
  assert.deepEqual(
    (await archive.listInbox({ filter: 'starred' })).items.map((i) => i.id),
    [b, a],
  );
  assert.deepEqual(
    (await archive.listInbox({ filter: 'archived' })).items.map((i) => i.id),
    [c],
  );
  const { markedAt, ...reading } = (await archive.getArticle(b!)).reading;
  assert.deepEqual(reading, { state: 'read', starred: true });
  assert.ok(markedAt, 'when this analyst marked it (a desk sends marked states only)');
  // The trash is not the inbox.
  await archive.deleteArticle(pasted.id);
  assert.equal((await archive.listInbox()).counts.unread, 0);
});

test('search: is:unread, is:starred, is:archived and feed:"Name"', async (t) => {
  const dir = await tempDir(t);
  const [a, b, c] = await saveFromFeed(dir, [
    { title: 'Alpha shelling', feed: 'Reuters World', sub: SUB_1 },
    { title: 'Bravo shelling', feed: 'Reuters Africa', sub: SUB_3 },
    { title: 'Charlie shelling', feed: 'UN News', sub: SUB_2 },
  ]);
  const archive = await openFor(t, dir);
  const pasted = await archive.addArticle({ title: 'Delta shelling', text: 'pasted shelling report' });
  await archive.markArticles([b!], { state: 'archived', starred: true });
  await archive.searchService.ready();
  await archive.searchService.settled();
  const ids = async (query: string) => (await archive.search({ query, sort: 'newest' })).hits.map((h) => h.id).sort();
  assert.deepEqual(await ids('shelling is:unread'), [a, c].sort());
  assert.deepEqual(await ids('is:starred'), [b]);
  assert.deepEqual(await ids('is:archived'), [b]);
  assert.deepEqual(await ids('shelling -is:unread -is:archived'), [pasted.id]);
  assert.deepEqual(await ids('feed:"Reuters World"'), [a]);
  assert.deepEqual(await ids('feed:reuters'), [a, b].sort());
  assert.deepEqual(await ids('feed:"un news" OR feed:"reuters world"'), [a, c].sort());
  await assert.rejects(archive.search({ query: 'is:fresh' }), /not a reading state/);
  // A mark reaches the index before it returns.
  await archive.markArticles([a!], { state: 'read' });
  assert.deepEqual(await ids('is:unread'), [c]);
});

test('article files and catalogs written before reading states load as read', async (t) => {
  const dir = await tempDir(t);
  let archive = await openArchive(dir);
  defer(t, () => archive.close());
  const old = await archive.addArticle({ title: 'Old', text: 'an article from an older Newsdesk' });
  await archive.close();
  // Strip the new fields from the file, and the catalog's columns, as an older version wrote them.
  const { items } = { items: [old] };
  const file = join(dir, 'articles', old.capturedAt.slice(0, 4), old.capturedAt.slice(5, 7), `${items[0]!.id}.json`);
  const document = JSON.parse(await readFile(file, 'utf8'));
  delete document.article.reading;
  delete document.article.feed;
  await writeFile(file, JSON.stringify(document));
  const snapshotPath = join(dir, 'index', 'catalog.json');
  const snapshot = JSON.parse(await readFile(snapshotPath, 'utf8'));
  const drop = ['reading', 'feed'].map((name) => snapshot.columns.indexOf(name));
  snapshot.columns = snapshot.columns.filter((_: string, i: number) => !drop.includes(i));
  snapshot.rows = snapshot.rows.map((row: unknown[]) => row.filter((_, i) => !drop.includes(i)));
  await writeFile(snapshotPath, JSON.stringify(snapshot));
  await rm(join(dir, 'index', 'search.sqlite'), { force: true });

  archive = await openArchive(dir);
  defer(t, () => archive.close());
  assert.deepEqual((await archive.listInbox()).items[0]!.reading, { state: 'read', starred: false });
  const reread = await archive.getArticle(old.id);
  assert.deepEqual(reread.reading, { state: 'read', starred: false });
  assert.equal(reread.feed, null);
  // The index rebuilt from such files (in its worker) still holds the article.
  await archive.searchService.ready();
  assert.equal((await archive.search({ query: 'older' })).total, 1);
  await archive.markArticles([old.id], { state: 'unread' });
  assert.equal((await archive.search({ query: 'older is:unread' })).total, 1);
});

test('"new since you last looked": markInboxSeen answers the previous time', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  assert.equal((await archive.listInbox()).seenAt, null);
  assert.deepEqual(await archive.markInboxSeen(), { seenAt: null });
  const seen = (await archive.listInbox()).seenAt;
  assert.ok(seen && Date.parse(seen) <= Date.now());
  assert.deepEqual(await archive.markInboxSeen(), { seenAt: seen });
});
