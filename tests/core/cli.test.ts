// The CLI as a user runs it: add, list, show round-trip through a temp folder; bad arguments get one clear line.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from './helpers/run-cli.ts';
import { tempDir } from './helpers/temp-dir.ts';

test('add, then list, then show round-trips an article', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'story.txt');
  await writeFile(file, 'GENEVA (Example Wire) - Talks resumed on Monday.\n\nBoth sides attended.');
  const data = join(dir, 'data');

  const added = await runCli(
    [
      'add',
      '--text-file',
      file,
      '--title',
      'Talks resume',
      '--source',
      'Example Wire',
      '--url',
      'https://example.org/t',
      '--published',
      '2024-11-25',
      '--tag',
      'talks',
      '--json',
    ],
    { NEWSDESK_DATA_DIR: data },
  );
  assert.equal(added.code, 0, added.stderr);
  const article = JSON.parse(added.stdout);
  assert.match(article.id, /^[0-9a-f-]{36}$/);
  assert.equal(article.title, 'Talks resume');
  assert.equal(article.publishedAt, '2024-11-25');
  const bytes = await readFile(file);
  assert.equal(article.provenance.method, 'file');
  assert.equal(article.provenance.origin, 'story.txt');
  assert.equal(article.provenance.sha256, createHash('sha256').update(bytes).digest('hex'));
  assert.equal(article.provenance.bytes, bytes.length);

  const listed = await runCli(['list', '--data-dir', data, '--json']);
  assert.equal(listed.code, 0, listed.stderr);
  const items = JSON.parse(listed.stdout);
  assert.deepEqual(
    items.map((a: { id: string; title: string; source: string }) => [a.id, a.title, a.source]),
    [[article.id, 'Talks resume', 'Example Wire']],
  );

  const shown = await runCli(['show', article.id, '--data-dir', data, '--json']);
  assert.equal(shown.code, 0, shown.stderr);
  assert.deepEqual(JSON.parse(shown.stdout), article);

  const human = await runCli(['list', '--data-dir', data]);
  assert.match(human.stdout, /Talks resume/);
  assert.match(human.stdout, /1 of 1 article/);
});

test('update, delete and restore work from the command line', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'a.txt');
  await writeFile(file, 'text');
  const env = { NEWSDESK_DATA_DIR: dir };
  const { id } = JSON.parse((await runCli(['add', '--text-file', file, '--json'], env)).stdout);
  assert.equal((await runCli(['update', id, '--title', 'Renamed'], env)).code, 0);
  assert.equal((await runCli(['delete', id], env)).code, 0);
  assert.deepEqual(JSON.parse((await runCli(['list', '--json'], env)).stdout), []);
  assert.equal((await runCli(['restore', id], env)).code, 0);
  const [item] = JSON.parse((await runCli(['list', '--json'], env)).stdout);
  assert.equal(item.title, 'Renamed');
});

const BAD: [string, string[], RegExp][] = [
  ['no command', [], /no command given/],
  ['an unknown command', ['frobnicate'], /unknown command "frobnicate"/],
  ['an unknown option', ['list', '--colour'], /Unknown option '--colour'/],
  ['an option of another command', ['list', '--title', 'x'], /list does not take --title/],
  ['add without a file', ['add', '--json'], /add needs --text-file FILE/],
  ['a missing file', ['add', '--text-file', '/nonexistent/x.txt'], /cannot read \/nonexistent\/x.txt: no such file/],
  ['show without an id', ['show'], /show needs exactly one article ID/],
  ['show with a malformed id', ['show', 'abc'], /getArticle: argument 1: expected an article id/],
  ['show with an unknown id', ['show', '00000000-0000-4000-8000-000000000000'], /There is no article with id/],
  [
    'a bad sort',
    ['list', '--sort', 'colour'],
    /--sort: The sort must be one of: capturedAt, publishedAt, title, source\.$/m,
  ],
  [
    'a bad date and tag',
    ['update', '00000000-0000-4000-8000-000000000000', '--published', 'Tuesday', '--tag', ' '],
    /^newsdesk: --published: expected an ISO date such as 2024-11-29.*; --tag: a tag cannot be empty$/m,
  ],
  ['a bad limit', ['list', '--limit', 'ten'], /--limit must be a whole number/],
  ['a bad port', ['serve', '--port', '70000'], /--port must be between 0 and 65535/],
  ['import with nothing to import', ['import'], /import needs at least one file, folder or URL/],
  ['a bad --max-size', ['import', 'x.html', '--max-size', 'lots'], /--max-size must be a positive number/],
];

for (const [what, args, message] of BAD) {
  test(`${what} gives one clear line and a non-zero exit`, async (t) => {
    const dir = await tempDir(t);
    const result = await runCli([...args, '--data-dir', dir]);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /^newsdesk: /);
    assert.match(result.stderr, message);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.equal(result.stdout, '');
    const files = await readdir(join(dir, 'articles')).catch(() => []);
    assert.deepEqual(files, [], 'nothing was written');
  });
}

test('a text file over the limit is refused in a sentence that names the option', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'huge.txt');
  await writeFile(file, 'word '.repeat(1_040_000));
  const result = await runCli(['add', '--text-file', file, '--data-dir', dir]);
  assert.equal(result.code, 1);
  assert.equal(
    result.stderr.trim(),
    'newsdesk: --text-file: This text is 5.2 million characters; the limit is 2 million.',
  );
});

test('a binary file is refused', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'image.png');
  await writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
  const result = await runCli(['add', '--text-file', file, '--data-dir', dir]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /image.png is a PNG image, not a page or a text/);
});

test('serve that cannot start leaves the folder unlocked', async (t) => {
  const dir = await tempDir(t);
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  t.after(() => blocker.close());
  const port = String((blocker.address() as AddressInfo).port);
  const result = await runCli(['serve', '--port', port, '--data-dir', dir]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /EADDRINUSE/);
  assert.deepEqual(
    (await readdir(dir)).filter((f) => f.includes('lock')),
    [],
  );
});

// Found by tests/core/fuzz-cli.test.ts: the command table was searched with Object's own names too.
test('a command named like an object property (constructor, __proto__) is unknown, not a TypeError', async (t) => {
  const dir = await tempDir(t);
  for (const command of ['constructor', '__proto__']) {
    const result = await runCli([command, '--json', '--data-dir', dir]);
    assert.equal(result.code, 2);
    assert.equal(result.stderr.trim(), `newsdesk: unknown command "${command}" (try \`newsdesk --help\`)`);
  }
  assert.deepEqual(await readdir(dir), []);
});
