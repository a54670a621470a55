// renderer/library-pages.ts: the library list fetched a page at a time; answers for an older view or reload are dropped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticlePage, ArticleSummary, ListQuery } from '../../core/model.ts';
import { LibraryPages, PAGE_SIZE, type ListView } from '../../renderer/library-pages.ts';

const LIBRARY: ListView = { sort: 'capturedAt', order: 'desc', trash: false };
/** Where no request should fail. */
const unexpected = (error: unknown) => assert.fail(`unexpected failure: ${String(error)}`);
const row = (id: string) => ({ id, title: id }) as ArticleSummary;

/** A fake archive of `total` rows named by list and position; each request waits until answered. */
function fakeArchive(size: number) {
  let total = size;
  const asked: { query: ListQuery; answer: () => void; fail: (error: Error) => void }[] = [];
  const fetchPage = (query: ListQuery) =>
    new Promise<ArticlePage>((resolve, reject) => {
      const offset = query.offset ?? 0;
      const prefix = `${query.trash ? 'trash' : 'lib'}-${query.sort}-`;
      const count = Math.max(0, Math.min(query.limit ?? PAGE_SIZE, total - offset));
      const items = Array.from({ length: count }, (_, i) => row(`${prefix}${offset + i}`));
      asked.push({ query, answer: () => resolve({ total, offset, items }), fail: reject });
    });
  const answerAll = async () => {
    for (const request of asked.splice(0)) request.answer();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { fetchPage, asked, answerAll, setTotal: (next: number) => (total = next) };
}

test('rows arrive a page at a time, only for the pages asked for', async () => {
  const archive = fakeArchive(1000);
  const pages = new LibraryPages(archive.fetchPage, LIBRARY, unexpected);
  assert.equal(pages.total, null);
  const loaded = pages.ensure(0, PAGE_SIZE + 10);
  assert.deepEqual(
    archive.asked.map((r) => r.query.offset),
    [0, PAGE_SIZE],
  );
  await archive.answerAll();
  await loaded;
  assert.equal(pages.total, 1000);
  assert.equal(pages.at(PAGE_SIZE + 5)?.id, `lib-capturedAt-${PAGE_SIZE + 5}`);
  assert.equal(pages.at(3 * PAGE_SIZE), undefined);
  assert.equal(pages.indexOf(`lib-capturedAt-${PAGE_SIZE + 5}`), PAGE_SIZE + 5);
  assert.equal(pages.indexOf('lib-capturedAt-900'), -1);
});

test('a page already loaded or on its way is not asked for twice', async () => {
  const archive = fakeArchive(1000);
  const pages = new LibraryPages(archive.fetchPage, LIBRARY, unexpected);
  void pages.ensure(0, 10);
  void pages.ensure(5, 20);
  assert.equal(archive.asked.length, 1);
  await archive.answerAll();
  void pages.ensure(0, 10);
  assert.equal(archive.asked.length, 0);
});

test('pages past the end are not asked for once the total is known', async () => {
  const archive = fakeArchive(PAGE_SIZE + 1);
  const pages = new LibraryPages(archive.fetchPage, LIBRARY, unexpected);
  void pages.ensure(0, 0);
  await archive.answerAll();
  void pages.ensure(0, 5 * PAGE_SIZE);
  assert.deepEqual(
    archive.asked.map((r) => r.query.offset),
    [PAGE_SIZE],
  );
});

test('an answer asked for before a refresh is dropped; the fresh one is kept', async () => {
  const archive = fakeArchive(1000);
  const pages = new LibraryPages(archive.fetchPage, LIBRARY, unexpected);
  void pages.ensure(0, 10);
  const [stale] = archive.asked.splice(0);
  const refreshed = pages.refresh();
  assert.equal(archive.asked.length, 1, 'the refresh asks again');
  stale!.answer();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(pages.at(0), undefined);
  await archive.answerAll();
  await refreshed;
  assert.equal(pages.at(0)?.id, 'lib-capturedAt-0');
});

test('a re-sort keeps the old rows up until the new ones arrive; another list clears them at once', async () => {
  const archive = fakeArchive(1000);
  const pages = new LibraryPages(archive.fetchPage, LIBRARY, unexpected);
  void pages.ensure(0, 10);
  await archive.answerAll();

  const resorted = pages.setView({ ...LIBRARY, sort: 'title', order: 'asc' });
  assert.equal(pages.at(0)?.id, 'lib-capturedAt-0');
  assert.equal(archive.asked[0]!.query.sort, 'title');
  await archive.answerAll();
  await resorted;
  assert.equal(pages.at(0)?.id, 'lib-title-0');

  void pages.setView({ ...LIBRARY, sort: 'title', order: 'asc', trash: true });
  assert.equal(pages.at(0), undefined);
  assert.equal(pages.total, null);
  await archive.answerAll();
  assert.equal(pages.at(0)?.id, 'trash-title-0');
});

test('when the total shrinks, rows past the new end go at once, before their own pages answer', async () => {
  const archive = fakeArchive(3 * PAGE_SIZE);
  const pages = new LibraryPages(archive.fetchPage, LIBRARY, unexpected);
  void pages.ensure(0, 3 * PAGE_SIZE - 1);
  await archive.answerAll();
  assert.equal(pages.at(2 * PAGE_SIZE)?.id, `lib-capturedAt-${2 * PAGE_SIZE}`);

  archive.setTotal(10);
  void pages.refresh();
  assert.equal(archive.asked.length, 3);
  // Until the fresh answers arrive, the rows on screen stay up.
  assert.equal(pages.at(2 * PAGE_SIZE)?.id, `lib-capturedAt-${2 * PAGE_SIZE}`);
  archive.asked.shift()!.answer();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(pages.total, 10);
  assert.equal(pages.at(9)?.id, 'lib-capturedAt-9');
  assert.equal(pages.at(PAGE_SIZE), undefined);
  assert.equal(pages.at(2 * PAGE_SIZE), undefined);
});

test('a failed page is reported, and asked for again next time', async () => {
  const archive = fakeArchive(1000);
  const errors: unknown[] = [];
  const pages = new LibraryPages(archive.fetchPage, LIBRARY, (error) => errors.push(error));
  const loading = pages.ensure(0, 10);
  archive.asked.splice(0)[0]!.fail(new Error('Cannot reach the Newsdesk server'));
  await loading;
  assert.equal(errors.length, 1);
  assert.equal(pages.at(0), undefined);
  void pages.ensure(0, 10);
  assert.equal(archive.asked.length, 1);
});

test('listeners hear of every change, until they unsubscribe', async () => {
  const archive = fakeArchive(1000);
  const pages = new LibraryPages(archive.fetchPage, LIBRARY, unexpected);
  let heard = 0;
  const unsubscribe = pages.subscribe(() => heard++);
  const before = pages.getVersion();
  void pages.ensure(0, 10);
  await archive.answerAll();
  assert.equal(heard, 1);
  assert.ok(pages.getVersion() > before);
  unsubscribe();
  void pages.refresh();
  assert.equal(heard, 1);
});
