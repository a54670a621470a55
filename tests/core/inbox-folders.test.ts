// Unread counts per folder: the feeds' counts grouped by their subscription's folder, titled by the subscription as it is now.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { saveFromFeed } from './helpers/feed-articles.ts';
import { defer, tempDir } from './helpers/temp-dir.ts';

test('counts per folder; a renamed or moved feed counts under its new name and folder at once', async (t) => {
  const dir = await tempDir(t);
  let archive = await openArchive(dir);
  defer(t, () => archive.close());
  const follow = async (url: string, folder?: string) =>
    (await archive.followFeeds(url, folder ? { folder } : {})).followed[0]!.id;
  const reuters = await follow('https://wire.example/reuters.xml', 'Wires');
  const afp = await follow('https://wire.example/afp.xml', 'Wires');
  const un = await follow('https://un.example/news.xml', 'Agencies');
  const blog = await follow('https://blog.example/feed.xml');
  const gone = await follow('https://gone.example/feed.xml', 'Wires');
  await archive.updateSubscription(reuters, { title: 'Reuters World' });
  await archive.unfollowFeed(gone);
  await archive.close();

  const ids = await saveFromFeed(dir, [
    { title: 'Alpha', feed: 'Reuters (old name)', sub: reuters },
    { title: 'Bravo', feed: 'Reuters (old name)', sub: reuters },
    { title: 'Charlie', feed: 'AFP', sub: afp },
    { title: 'Delta', feed: 'UN News', sub: un },
    { title: 'Echo', feed: 'A blog', sub: blog },
    { title: 'Foxtrot', feed: 'Gone Wire', sub: gone },
  ]);
  archive = await openArchive(dir);
  await archive.markArticles([ids[0]!], { state: 'read' });
  await archive.markArticles([ids[2]!], { state: 'archived' });

  const { counts } = await archive.listInbox({ filter: 'unread' });
  assert.deepEqual(counts.folders, [
    { folder: 'Agencies', unread: 1, total: 1, feeds: 1 },
    { folder: 'Wires', unread: 1, total: 2, feeds: 1 },
  ]);
  assert.deepEqual(
    counts.feeds.map((f) => [f.title, f.folder, f.unread, f.total]),
    [
      ['A blog', '', 1, 1],
      ['Gone Wire', '', 1, 1],
      ['Reuters World', 'Wires', 1, 2],
      ['UN News', 'Agencies', 1, 1],
    ],
    "the subscription's current title; an unfollowed feed keeps its saved title and no folder; archived AFP not counted",
  );

  // archive.json changes, no article does: the counts must not be the cached ones.
  await archive.updateSubscription(un, { folder: 'Wires' });
  await archive.updateSubscription(blog, { title: 'Field Notes', folder: 'Blogs' });
  const after = (await archive.listInbox({})).counts;
  assert.deepEqual(after.folders, [
    { folder: 'Blogs', unread: 1, total: 1, feeds: 1 },
    { folder: 'Wires', unread: 2, total: 3, feeds: 2 },
  ]);
  assert.equal(after.feeds.find((f) => f.subscriptionId === blog)!.title, 'Field Notes');

  // The folder filter lists the folder's feeds as they are now (UN moved into Wires), archived left out.
  const wires = await archive.listInbox({ folder: 'Wires' });
  assert.deepEqual(wires.items.map((i) => i.title).sort(), ['Alpha', 'Bravo', 'Delta']);
  assert.deepEqual((await archive.listInbox({ folder: 'Wires', filter: 'unread' })).items.map((i) => i.title).sort(), [
    'Bravo',
    'Delta',
  ]);
  assert.equal((await archive.listInbox({ folder: 'No such folder' })).total, 0);
});
