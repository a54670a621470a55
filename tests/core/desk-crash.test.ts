// A syncing process SIGKILLed between a merged document's write and its sync record, against a real PouchDB Server: the conflict, with both values, survives and is there after the next sync.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { startCouch } from './helpers/couch-server.ts';
import { runCli, spawnCli } from './helpers/run-cli.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

test('a kill between a merged write and its record keeps the conflict and both its values', async (t) => {
  const server = await startCouch(t);
  const a = await openFor(t, await tempDir(t));
  await a.joinDesk({ url: server.url, analyst: 'Ana' });
  const article = await a.addArticle({ title: 'Bridge taken', text: 'The bridge at Karovsk fell on Tuesday.' });
  await a.syncDesk();

  const two = await tempDir(t);
  const b = await openArchive(two);
  await b.joinDesk({ url: server.url, analyst: 'Bo' });
  await b.syncDesk();
  await b.updateArticle(article.id, { title: 'Bo’s title' });
  await b.close();
  await a.updateArticle(article.id, { title: 'Ana’s title' });
  await a.syncDesk();

  // Bo's sync merges Ana's title with his: a conflict. It is killed right after writing the merged
  // article (which holds the desk's value, Ana's), before the record that holds the conflict.
  const child = spawnCli(['sync', '--data-dir', two], { NEWSDESK_KILL_AT: 'merge-written' });
  const signal = await new Promise((resolve) => child.on('exit', (_code, killed) => resolve(killed)));
  assert.equal(signal, 'SIGKILL');

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
