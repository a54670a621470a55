// The desk's status against a real PouchDB Server: changes waiting to come down, and the last failure kept in desk.json for a one-shot `newsdesk desk status`.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Archive } from '../../core/archive.ts';
import { archivesOnDesk, startCouch } from './helpers/couch-server.ts';
import { runCli } from './helpers/run-cli.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

test('pendingDown counts what the desk holds for us; a failed sync is remembered as "offline since" until one works', async (t) => {
  const server = await startCouch(t);
  const a = await openFor(t, await tempDir(t));
  const bDir = await tempDir(t);
  let b = await openFor(t, bDir);
  await a.joinDesk({ url: server.url, analyst: 'Ana' });
  await b.joinDesk({ url: server.url, analyst: 'Bo' });

  await a.addArticle({ title: 'Bridge taken', text: 'Fighters took the bridge at Karovsk, officials said.' });
  await a.addArticle({ title: 'Port closed', text: 'The port of Lanvik closed after shelling, officials said.' });
  await a.syncDesk();
  // A's own pushes are not waiting for A; B has two to come (counted again after its sync).
  assert.equal((await a.getDesk()).pendingDown, 0);
  const before = await b.getDesk();
  assert.deepEqual([before.pendingDown, before.pendingUp, before.lastFailure, before.offline], [2, 0, null, null]);
  await b.syncDesk();
  assert.equal((await b.getDesk()).pendingDown, 0);

  await b.addArticle({ title: 'Market shelled', text: 'Residents said the market was shelled overnight.' });
  await server.stop();
  await assert.rejects(b.syncDesk(), /Cannot reach the desk/);
  const offline = await b.getDesk();
  assert.equal(offline.pendingDown, null, 'unknown while the desk cannot be asked');
  assert.equal(offline.pendingUp, 1);
  assert.equal(offline.lastFailure?.kind, 'unavailable');
  assert.match(offline.offline ?? '', /ECONNREFUSED/);
  const since = offline.lastFailure!.since;
  await new Promise((resolve) => setTimeout(resolve, 5));
  await assert.rejects(b.syncDesk());
  const again = (await b.getDesk()).lastFailure!;
  assert.equal(again.since, since, 'offline since the first failure');
  assert.ok(again.at > since);

  // Another process (the CLI, one shot) reads it from desk.json.
  await b.close();
  assert.equal(
    (JSON.parse(await readFile(join(bDir, 'desk.json'), 'utf8')) as { lastFailure: { since: string } }).lastFailure
      .since,
    since,
  );
  const status = await runCli(['desk', 'status', '--data-dir', bDir]);
  assert.equal(status.code, 0, status.stderr);
  assert.match(status.stdout, new RegExp(`Offline since ${since} \\(last try .*\\): Cannot reach the desk`));
  assert.match(status.stdout, /Changes waiting to come down: unknown/);

  // The desk back (a new one on the same address): the next sync works and the failure is gone.
  await startCouch(t, { port: server.port });
  b = await openFor(t, bDir);
  await b.syncDesk();
  const back = await b.getDesk();
  assert.deepEqual([back.lastFailure, back.offline, back.pendingDown, back.pendingUp], [null, null, 0, 0]);
});

test('the counts follow every change though they are kept between calls: edits, reading, the registry, watches, a sync, a resolution', async (t) => {
  const { url, archives } = await archivesOnDesk(t, 'Ana', 'Bo');
  const [a, b] = archives as [Archive, Archive];
  const counts = async (archive: Archive) => {
    const status = await archive.getDesk();
    return [status.pendingUp, status.conflicts];
  };
  const article = await a.addArticle({ title: 'Bridge taken', text: 'Fighters took the bridge at Karovsk.' });
  assert.deepEqual(await counts(a), [1, 0]);
  assert.deepEqual(await counts(a), [1, 0], 'asked again, nothing changed');
  await a.createEntity({ name: 'Karovsk', type: 'location' });
  assert.deepEqual(await counts(a), [2, 0]);
  await a.syncDesk();
  assert.deepEqual(await counts(a), [0, 0]);
  await a.markArticles([article.id], { starred: true });
  assert.deepEqual(await counts(a), [1, 0], "the analyst's reading state goes up as its own document");
  await a.syncDesk();
  assert.deepEqual(await counts(a), [0, 0]);
  const watch = await a.createWatch({ name: 'Karovsk', target: { kind: 'search', query: 'Karovsk' } });
  assert.deepEqual(await counts(a), [1, 0], 'a new watch (watches.json, not archive.json)');
  await a.syncDesk();
  assert.deepEqual(await counts(a), [0, 0]);
  await a.updateWatch(watch.id, { name: 'Karovsk bridge' });
  assert.deepEqual(await counts(a), [1, 0], 'a renamed watch');
  await a.syncDesk();
  assert.deepEqual(await counts(a), [0, 0]);
  await b.syncDesk();
  await a.updateArticle(article.id, { title: 'Ana’s title' });
  assert.deepEqual(await counts(a), [1, 0]);
  await b.updateArticle(article.id, { title: 'Bo’s title' });
  await b.syncDesk();
  await a.syncDesk();
  assert.deepEqual(await counts(a), [0, 1], 'the merge went up with its conflict');
  await a.resolveDeskConflict(`article:${article.id}#title`, { take: 'mine' });
  assert.deepEqual(await counts(a), [1, 0]);
  await a.joinDesk({ url, analyst: 'Ana K.' });
  assert.deepEqual(
    await counts(a),
    [2, 0],
    'joined again under another name: the starred article’s state goes up under it',
  );
  await a.leaveDesk();
  assert.deepEqual(await counts(a), [0, 0]);
});
