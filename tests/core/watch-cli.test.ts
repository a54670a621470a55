// The watchlist commands of the real CLI: watch, alerts (newest first, JSON lines), digest through the report writer.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from './helpers/run-cli.ts';
import { tempDir } from './helpers/temp-dir.ts';

test('newsdesk watch, alerts and digest', async (t) => {
  const dir = await tempDir(t);
  const cli = (...args: string[]) => runCli([...args, '--data-dir', dir]);
  const watched = await cli('watch', '"karovsk dam"', '--name', 'Dam', '--json');
  assert.equal(watched.code, 0, watched.stderr);
  assert.equal(JSON.parse(watched.stdout).name, 'Dam');
  assert.equal((await cli('watch', 'dam')).code, 2, 'a watch needs a name');
  assert.match((await cli('watch', '"unclosed', '--name', 'Bad')).stderr, /query/i);

  for (const [name, text] of [
    ['one.txt', 'Engineers inspected the Karovsk dam on Monday. At least 3 workers were injured, officials said.'],
    ['two.txt', 'Rain is expected over the coast.'],
    ['three.txt', 'The Karovsk dam held overnight.'],
  ] as const) {
    await writeFile(join(dir, name), text);
    assert.equal((await cli('add', '--text-file', join(dir, name))).code, 0);
  }
  const listed = await cli('alerts', '--json');
  assert.equal(listed.code, 0, listed.stderr);
  const alerts = listed.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { watchName: string; article: { title: string } });
  assert.equal(alerts.length, 2);
  assert.match(alerts[0]!.article.title, /held overnight/, 'newest first');
  assert.equal((await cli('alerts', '--since', new Date(Date.now() + 60_000).toISOString(), '--json')).stdout, '');
  assert.match((await cli('alerts')).stdout, /2 alert\(s\)/);

  const out = join(dir, 'digest.md');
  const digest = await cli('digest', '--out', out);
  assert.equal(digest.code, 0, digest.stderr);
  const report = await readFile(out, 'utf8');
  assert.match(report, /Karovsk dam held overnight/);
  assert.match(report, /Engineers inspected/);
  assert.doesNotMatch(report, /Rain is expected/);
  const html = await cli('digest', '--out', join(dir, 'digest.html'));
  assert.equal(html.code, 0, html.stderr);
  assert.match(await readFile(join(dir, 'digest.html'), 'utf8'), /<html/i);
});
