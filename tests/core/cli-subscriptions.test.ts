// `newsdesk follow`, `subscriptions`, `refresh`, `unfollow`, `pause` and `resume` in a child process, against a real feed server where one is needed.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { checkSubscriptionArgs } from '../../core/cli-subscriptions.ts';
import type { Options } from '../../core/cli-usage.ts';
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

test('subscriptions ID changes one; --opml exports; pause and resume the schedule or one subscription', async (t) => {
  const dir = await tempDir(t);
  const setup = await openArchive(dir);
  const [a, b] = [
    (await setup.followFeeds('https://wire.example/world.xml')).followed[0]!.id,
    (await setup.followFeeds('https://news.example/feed.xml')).followed[0]!.id,
  ];
  await setup.close();
  const cli = (...args: string[]) => runCli([...args, '--data-dir', dir]);

  const changed = await cli(
    'subscriptions',
    a,
    '--folder',
    'Wires',
    '--every',
    '60',
    '--title',
    'World Wire',
    '--json',
  );
  assert.equal(changed.code, 0, changed.stderr);
  assert.deepEqual(
    (({ id, folder, everyMinutes, title }) => ({ id, folder, everyMinutes, title }))(lines(changed.stdout)[0]!),
    { id: a, folder: 'Wires', everyMinutes: 60, title: 'World Wire' },
  );
  const opml = await cli('subscriptions', '--opml');
  assert.equal(opml.code, 0, opml.stderr);
  assert.match(
    opml.stdout,
    /<opml version="2.0">[\s\S]*<outline text="Wires">\s*<outline type="rss" text="World Wire" title="World Wire" xmlUrl="https:\/\/wire.example\/world.xml"\/>/,
  );
  assert.match(opml.stdout, /xmlUrl="https:\/\/news.example\/feed.xml"/);

  assert.equal((await cli('pause', b)).code, 0);
  const paused = await cli('pause');
  assert.equal(paused.code, 0, paused.stderr);
  assert.match(paused.stdout, /refreshing on schedule is paused/);
  let archive = await openArchive(dir);
  assert.equal((await archive.getSettings()).refreshPaused, true);
  assert.deepEqual(
    (await archive.listSubscriptions()).map((s) => [s.id, s.paused]),
    [
      [a, false],
      [b, true],
    ],
  );
  await archive.close();
  assert.equal((await cli('resume')).code, 0);
  archive = await openArchive(dir);
  assert.equal((await archive.getSettings()).refreshPaused, false);
  assert.equal((await archive.listSubscriptions()).find((s) => s.id === b)!.paused, true, 'resume alone: the schedule');
  await archive.close();

  const noId = await cli('subscriptions', '--folder', 'Wires');
  assert.equal(noId.code, 2);
  assert.match(noId.stderr, /change one subscription: give its ID/);
});

test('the subscription commands refuse what they cannot mean, before opening the archive', () => {
  const check = (rest: string[], values: Options) => () => checkSubscriptionArgs('subscriptions', rest, values);
  assert.throws(check(['x'], { opml: true }), /--opml lists them all/);
  assert.throws(check(['x', 'y'], {}), /at most one ID/);
  assert.throws(check(['x'], { every: 'soon' }), /--every must be a whole number of minutes, not "soon"/);
  assert.doesNotThrow(check(['x'], { every: '15' }));
});
