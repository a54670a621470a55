// `newsdesk inbox` and `newsdesk mark` as a user runs them, on a real temp archive.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from './helpers/run-cli.ts';
import { tempDir } from './helpers/temp-dir.ts';

test('inbox lists by reading state; mark changes it; mistakes get one clear line', async (t) => {
  const dir = await tempDir(t);
  const env = { NEWSDESK_DATA_DIR: join(dir, 'data') };
  const ids: string[] = [];
  for (const name of ['first', 'second', 'third']) {
    const file = join(dir, `${name}.txt`);
    await writeFile(file, `The ${name} report on the crossing.`);
    const added = await runCli(['add', '--text-file', file, '--title', name, '--json'], env);
    assert.equal(added.code, 0, added.stderr);
    ids.push(JSON.parse(added.stdout).id);
  }
  const [first, second, third] = ids as [string, string, string];

  const unread = await runCli(['mark', first, third, '--unread'], env);
  assert.equal(unread.code, 0, unread.stderr);
  assert.match(unread.stdout, /Marked 2 article\(s\)/);
  const listed = await runCli(['inbox', '--unread', '--json'], env);
  assert.equal(listed.code, 0, listed.stderr);
  const items = JSON.parse(listed.stdout) as { id: string; reading: { state: string } }[];
  assert.deepEqual(
    items.map((i) => i.id),
    [third, first],
    'a JSON array, newest first',
  );
  assert.equal(items[0]!.reading.state, 'unread');

  const starred = await runCli(['mark', second, '--starred', '--archived', '--json'], env);
  assert.deepEqual(JSON.parse(starred.stdout), { changed: 1, unchanged: 0 });
  assert.deepEqual(
    JSON.parse((await runCli(['inbox', '--starred', '--json'], env)).stdout).map((i: { id: string }) => i.id),
    [second],
  );
  const human = await runCli(['inbox'], env);
  assert.match(human.stdout, /2 of 2 article\(s\); 2 unread, 1 starred, 1 archived/);
  assert.match(human.stdout, new RegExp(`● +${third}`));

  const noFlag = await runCli(['mark', first], env);
  assert.equal(noFlag.code, 2);
  assert.match(noFlag.stderr, /mark needs --read, --unread, --starred, --unstarred or --archived/);
  const two = await runCli(['mark', first, '--read', '--unread'], env);
  assert.equal(two.code, 2);
  const unknown = await runCli(['mark', '00000000-0000-4000-8000-000000000000', '--read'], env);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /no article with id 00000000-0000-4000-8000-000000000000/);
  const badId = await runCli(['mark', 'nope', '--read'], env);
  assert.equal(badId.code, 1);
  assert.match(badId.stderr, /article id/);
  assert.equal((await runCli(['inbox', '--unread', '--all'], env)).code, 2);
});
