// The desk's sync records on disk, against a real PouchDB Server: a sync SIGKILLed between a merged document's write and its record keeps the conflict with both values (one killed before the write is settled at open, a record the disk refuses at the next sync); records in the older one-line format still serve as merge bases.
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import type { ArticlePatch } from '../../core/model.ts';
import { startCouch } from './helpers/couch-server.ts';
import { runCli, spawnCli } from './helpers/run-cli.ts';
import { defer, openFor, tempDir } from './helpers/temp-dir.ts';

/** Ana's archive and Bo's data folder (closed) on one desk, both holding one synced article. */
async function sharedArticle(t: TestContext) {
  const server = await startCouch(t);
  const a = await openFor(t, await tempDir(t));
  await a.joinDesk({ url: server.url, analyst: 'Ana' });
  const article = await a.addArticle({ title: 'Bridge taken', text: 'The bridge at Karovsk fell on Tuesday.' });
  await a.syncDesk();
  const two = await tempDir(t);
  const b = await openArchive(two);
  await b.joinDesk({ url: server.url, analyst: 'Bo' });
  await b.syncDesk();
  await b.close();
  return { server, a, two, article };
}

/** Then Bo retitles it offline, and Ana retitles it (changing `also` too) and syncs: Bo's next sync merges, the title in conflict. */
async function retitledBothWays(t: TestContext, also: ArticlePatch = {}) {
  const shared = await sharedArticle(t);
  const b = await openArchive(shared.two);
  await b.updateArticle(shared.article.id, { title: 'Bo’s title' });
  await b.close();
  await shared.a.updateArticle(shared.article.id, { title: 'Ana’s title', ...also });
  await shared.a.syncDesk();
  return shared;
}

/** A `newsdesk sync` of `dir` that kills itself at a point of the merge (NEWSDESK_KILL_AT, a test hook). */
async function syncKilledAt(dir: string, point: 'merge-written' | 'merge-intended') {
  const child = spawnCli(['sync', '--data-dir', dir], { NEWSDESK_KILL_AT: point });
  const signal = await new Promise((resolve) => child.on('exit', (_code, killed) => resolve(killed)));
  assert.equal(signal, 'SIGKILL');
}

test('a kill between a merged write and its record keeps the conflict and both its values', async (t) => {
  const { a, two, article } = await retitledBothWays(t);
  // Bo's sync merges Ana's title with his: a conflict. It is killed right after writing the merged
  // article (which holds the desk's value, Ana's), before the record that holds the conflict.
  await syncKilledAt(two, 'merge-written');

  const again = await runCli(['sync', '--json', '--data-dir', two]);
  assert.equal(again.code, 0, again.stderr);
  assert.equal((JSON.parse(again.stdout) as { conflicts: number }).conflicts, 1);
  const reopened = await openArchive(two);
  try {
    const [conflict] = await reopened.listDeskConflicts();
    assert.equal(conflict?.field, 'title');
    assert.deepEqual(
      conflict.values.map((side) => [side.value, side.by]),
      [
        ['Ana’s title', 'Ana'],
        ['Bo’s title', 'Bo'],
      ],
    );
    assert.equal((await reopened.getArticle(article.id)).title, 'Ana’s title');
  } finally {
    await reopened.close();
  }
  // And it reached the desk: Ana sees both values too.
  assert.equal((await a.syncDesk()).conflicts, 1);
  assert.deepEqual(
    (await a.listDeskConflicts())[0]?.values.map((side) => side.value),
    ['Ana’s title', 'Bo’s title'],
  );
});

test('a kill before a merged write is settled as the archive opens: an edit made then cannot pass for the merge', async (t) => {
  const { a, two, article } = await retitledBothWays(t, { byline: 'Ana’s byline' });
  // Bo's sync is killed after its intent, before the merged article is written: nothing of Ana's is here.
  await syncKilledAt(two, 'merge-intended');
  // Bo reopens and edits another field before anything asks the desk: the intent must not then be
  // taken as written (the content is no longer the merge's starting point), or Ana's byline is lost.
  const offline = await openArchive(two);
  assert.equal((await offline.getArticle(article.id)).byline, '');
  await offline.updateArticle(article.id, { notes: 'Checked with the mayor’s office.' });
  await offline.close();

  const again = await runCli(['sync', '--json', '--data-dir', two]);
  assert.equal(again.code, 0, again.stderr);
  const reopened = await openArchive(two);
  try {
    const merged = await reopened.getArticle(article.id);
    assert.deepEqual(
      [merged.title, merged.byline, merged.notes],
      ['Ana’s title', 'Ana’s byline', 'Checked with the mayor’s office.'],
    );
    const [conflict] = await reopened.listDeskConflicts();
    assert.deepEqual(
      conflict?.values.map((side) => side.value),
      ['Ana’s title', 'Bo’s title'],
    );
  } finally {
    await reopened.close();
  }
  await a.syncDesk();
  const there = await a.getArticle(article.id);
  assert.deepEqual([there.byline, there.notes], ['Ana’s byline', 'Checked with the mayor’s office.']);
});

test('sync records written whole on one line (before their bodies moved to a second line) still give the merge its base', async (t) => {
  const { server, a, two, article } = await sharedArticle(t);
  // Each record as the version before wrote it: one JSON object, bodies included.
  const desks = join(two, 'desk');
  for (const desk of await readdir(desks))
    for (const name of await readdir(join(desks, desk))) {
      const file = join(desks, desk, name);
      const [head, tail] = (await readFile(file, 'utf8')).split('\n') as [string, string];
      const { parentRev, ...meta } = JSON.parse(head) as Record<string, unknown>;
      void parentRev;
      await writeFile(file, JSON.stringify({ ...meta, ...(JSON.parse(tail) as object) }));
    }

  // Different fields on each side: merged against the base, no conflict.
  const first = (await (await fetch(`${server.url}/article:${article.id}`)).json()) as { _rev: string };
  await a.updateArticle(article.id, { title: 'Bridge retaken' });
  await a.syncDesk();
  // The desk compacted: the common ancestor is only in Bo's record.
  await fetch(`${server.url}/_compact`, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
  const old = `${server.url}/article:${article.id}?rev=${first._rev}`;
  while ((await fetch(old)).ok) await new Promise((resolve) => setTimeout(resolve, 20));
  const reopened = await openArchive(two);
  try {
    await reopened.updateArticle(article.id, { notes: 'Checked with two sources.' });
    assert.deepEqual(await reopened.syncDesk(), { pushed: 1, pulled: 1, conflicts: 0 });
    const merged = await reopened.getArticle(article.id);
    assert.deepEqual([merged.title, merged.notes], ['Bridge retaken', 'Checked with two sources.']);
  } finally {
    await reopened.close();
  }
});

test('a record the disk refuses after a merged write: the next sync in the same process still keeps both values in conflict', async (t) => {
  const { a, two, article } = await retitledBothWays(t);
  const b = await openFor(t, two);

  // The article's record cannot be written: a folder stands where its file goes (as a full disk or an
  // I/O error would refuse it), after the merged article itself was written.
  const desk = join(b.dataDir, 'desk');
  const records = join(desk, (await readdir(desk))[0]!);
  const recordFile = join(records, `${encodeURIComponent(`article:${article.id}`)}.json`);
  await rm(recordFile);
  await mkdir(join(recordFile, 'in-the-way'), { recursive: true });
  defer(t, () => rm(recordFile, { recursive: true, force: true }));
  await assert.rejects(b.syncDesk());
  assert.equal((await b.getArticle(article.id)).title, 'Ana’s title', 'the merged article was written');

  await rm(recordFile, { recursive: true });
  const again = await b.syncDesk();
  assert.equal(again.conflicts, 1);
  const conflict = (await b.listDeskConflicts()).find((c) => c.field === 'title');
  assert.deepEqual(conflict?.values.map((side) => side.value).sort(), ['Ana’s title', 'Bo’s title']);
  assert.equal((await a.syncDesk()).conflicts, 1, 'and the desk has it');
});
