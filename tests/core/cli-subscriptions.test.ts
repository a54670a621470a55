// `newsdesk follow`, `subscriptions`, `refresh` and `unfollow` in a child process against a real feed server.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { feedServer } from './helpers/feed-server.ts';
import { runCli } from './helpers/run-cli.ts';
import { tempDir } from './helpers/temp-dir.ts';

const env = { NEWSDESK_ALLOW_PRIVATE_NETWORK: '1' };
const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

test('follow an OPML file, list, refresh (one JSON line each), unfollow', async (t) => {
  const body =
    'The ministry said on Monday that the new bridge over the river would open to traffic next month, after two years of work.\nEngineers told reporters the final inspections had found no faults, and that the old crossing would close for repairs once the new one opens.';
  const server = await feedServer(t, [{ id: 'one', title: 'Bridge to open next month', body }]);
  const dir = await tempDir(t);
  const opml = join(dir, 'feeds.opml');
  await writeFile(
    opml,
    `<opml version="2.0"><body><outline text="Local" xmlUrl="${server.base}/feed.xml"/></body></opml>`,
  );
  const data = join(dir, 'archive');

  const follow = await runCli(
    ['follow', opml, '--folder', 'Local', '--every', '45', '--json', '--data-dir', data],
    env,
  );
  assert.equal(follow.code, 0, follow.stderr);
  const [followed] = lines(follow.stdout);
  assert.equal(followed!.status, 'followed');
  assert.equal(followed!.everyMinutes, 45);
  assert.equal(followed!.folder, 'Local');

  const refresh = await runCli(['refresh', '--json', '--data-dir', data], env);
  assert.equal(refresh.code, 0, refresh.stderr);
  assert.deepEqual(lines(refresh.stdout), [
    { subscription: followed!.id, url: `${server.base}/feed.xml`, status: 'ok', new: 1, errors: [] },
  ]);
  const again = await runCli(['refresh', String(followed!.id), '--json', '--data-dir', data], env);
  assert.equal(lines(again.stdout)[0]!.status, 'not-modified');

  const list = await runCli(['subscriptions', '--json', '--data-dir', data], env);
  const [sub] = lines(list.stdout);
  assert.equal(sub!.title, 'Local Wire');
  assert.equal(sub!.failures, 0);

  server.failWith = 503;
  server.version++;
  const failed = await runCli(['refresh', '--data-dir', data], env);
  assert.equal(failed.code, 1);
  assert.match(failed.stdout, /failed .*503/s);

  const bad = await runCli(['unfollow', '--data-dir', data], env);
  assert.equal(bad.code, 2);
  const gone = await runCli(['unfollow', String(followed!.id), '--json', '--data-dir', data], env);
  assert.equal(gone.code, 0, gone.stderr);
  assert.equal((await runCli(['subscriptions', '--data-dir', data], env)).stdout.trim(), '');
});

test('follow URL is typed (may reach 127.0.0.1 without the variable); a file holding a URL is not an OPML list', async (t) => {
  const body =
    'The council said on Tuesday that the market square would be closed for a week while the old paving is replaced.\nTraders will move to the car park behind the town hall until the work is finished.';
  const server = await feedServer(t, [{ id: 'two', title: 'Market square to close', body }]);
  const dir = await tempDir(t);
  const data = join(dir, 'archive');
  const off = { NEWSDESK_ALLOW_PRIVATE_NETWORK: '0' };
  const follow = await runCli(['follow', `${server.base}/feed.xml`, '--json', '--data-dir', data], off);
  assert.equal(follow.code, 0, follow.stderr);
  assert.equal(lines(follow.stdout)[0]!.typed, true);
  const listed = join(dir, 'feeds.txt');
  await writeFile(listed, `${server.base}/other.xml\n`);
  const fromFile = await runCli(['follow', listed, '--data-dir', data], off);
  assert.equal(fromFile.code, 1);
  assert.match(fromFile.stderr, /feeds\.txt is not an OPML list/);
  const refresh = await runCli(['refresh', '--json', '--data-dir', data], off);
  assert.equal(refresh.code, 0, refresh.stdout + refresh.stderr);
  const [result] = lines(refresh.stdout);
  assert.equal(result!.new, 1);
  assert.match(String((result!.errors as string[])[0]), /private network/, 'the item link is still refused');
});
