// `newsdesk export` and `newsdesk import BUNDLE.zip` on the command line, and POST /export (browser mode's download) over HTTP.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { serveArchive } from '../../core/serve.ts';
import { defer, openFor, tempDir } from './helpers/temp-dir.ts';
import { runCli } from './helpers/run-cli.ts';

test('export a collection as a bundle from the CLI, import it elsewhere, and the second export refuses to overwrite', async (t) => {
  const from = await tempDir(t);
  const archive = await openArchive(from);
  const one = await archive.addArticle({ title: 'Port talks', source: 'Wire', text: 'Talks on the port resumed.' });
  await archive.addArticle({ title: 'Hills', text: 'Shelling in the hills.' });
  const collection = await archive.createCollection({ name: 'Port file' });
  await archive.addToCollection(collection.id, [one.id]);
  await archive.close();
  const out = await tempDir(t);

  const exported = await runCli([
    'export',
    '--format',
    'bundle',
    '--collection',
    'port FILE',
    '--out',
    out,
    '--data-dir',
    from,
  ]);
  assert.equal(exported.code, 0, exported.stderr);
  assert.match(exported.stdout, /Wrote 1 article\(s\), 0 claim\(s\), 0 entities \(Port file\) to .*\.newsdesk\.zip/);
  const [name] = await readdir(out);
  const bundle = join(out, name!);

  const again = await runCli([
    'export',
    '--format',
    'bundle',
    '--collection',
    'Port file',
    '--out',
    bundle,
    '--data-dir',
    from,
  ]);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already exists: choose another name/);

  const to = await tempDir(t);
  const imported = await runCli(['import', bundle, '--data-dir', to]);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /1 article\(s\) added, 0 already here/);
  assert.match(imported.stdout, /collections: Port file \(new\)/);
  const twice = await runCli(['import', bundle, '--data-dir', to, '--json']);
  assert.equal(JSON.parse(twice.stdout).articles.alreadyHere, 1);

  const csv = await runCli([
    'export',
    '--format',
    'csv',
    '--table',
    'articles',
    '--query',
    'port',
    '--out',
    out,
    '--data-dir',
    to,
  ]);
  assert.equal(csv.code, 0, csv.stderr);
  const written = (await readdir(out)).find((n) => n.endsWith('.articles.csv'))!;
  assert.match(await readFile(join(out, written), 'utf8'), /Port talks/);
});

test('export refuses bad arguments with one line and exit 2; an unknown collection is named', async (t) => {
  const dir = await tempDir(t);
  const out = await tempDir(t);
  const cases: [string[], RegExp][] = [
    [['export', '--out', out], /needs --format/],
    [['export', '--format', 'docx', '--out', out], /--format must be one of bundle, csv/],
    [['export', '--format', 'csv'], /needs --out PATH/],
    [['export', '--format', 'csl', '--table', 'claims', '--out', out], /--table is for --format csv/],
    [['export', '--format', 'csv', '--table', 'people', '--out', out], /--table must be one of/],
    [['export', '--format', 'csv', '--collection', 'a', '--query', 'b', '--out', out], /not both/],
  ];
  for (const [args, message] of cases) {
    const result = await runCli([...args, '--data-dir', dir]);
    assert.equal(result.code, 2, args.join(' '));
    assert.match(result.stderr, message);
    assert.equal(result.stderr.trim().split('\n').length, 1);
  }
  const missing = await runCli(['export', '--format', 'csv', '--collection', 'Nope', '--out', out, '--data-dir', dir]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no collection called "Nope"/);
  const pdf = await runCli(['export', '--format', 'pdf', '--out', out, '--data-dir', dir]);
  assert.equal(pdf.code, 1);
  assert.match(pdf.stderr, /PDF is printed by the desktop app/);
  assert.deepEqual(await readdir(out), [], 'nothing was written');
  const hostile = join(out, 'not-a-bundle.zip');
  await (await import('node:fs/promises')).writeFile(hostile, 'not a zip');
  const refused = await runCli(['import', hostile, '--data-dir', dir]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /refused and nothing was imported: it is not a zip file/);
});

test('POST /export streams a download with its name; no token, no export; a bad request is a JSON error', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  await archive.addArticle({ title: 'Ceasefire holds', text: 'The ceasefire held overnight.' });
  const server = await serveArchive({ archive, exportStream: (r) => archive.exportStream(r) });
  defer(t, () => server.close());
  const url = `http://127.0.0.1:${server.port}/export`;
  const body = JSON.stringify({ scope: { library: true }, format: 'markdown' });

  const denied = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  assert.equal(denied.status, 401);

  const headers = { 'content-type': 'application/json', 'x-newsdesk-token': server.token };
  const bad = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ scope: { everything: 1 }, format: 'csv' }),
  });
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error.code, 'invalid');

  const csv = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ scope: { library: true }, format: 'csv', table: 'articles' }),
  });
  assert.equal(csv.status, 200);
  assert.match(
    csv.headers.get('content-disposition')!,
    /^attachment; filename="newsdesk library \d{4}-\d{2}-\d{2}\.articles\.csv"/,
  );
  assert.equal(csv.headers.get('x-newsdesk-articles'), '1');
  assert.match(await csv.text(), /Ceasefire holds/);
});

test('a download cancelled half-way stops the export: nothing keeps reading, the status clears', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  for (let i = 0; i < 150; i++)
    await archive.addArticle({ title: `Story ${i}`, text: `${'words of a long enough story '.repeat(200)}${i}` });
  const server = await serveArchive({ archive, exportStream: (r) => archive.exportStream(r) });
  defer(t, () => server.close());
  const controller = new AbortController();
  const response = await fetch(`http://127.0.0.1:${server.port}/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-newsdesk-token': server.token },
    body: JSON.stringify({ scope: { library: true }, format: 'bundle' }),
    signal: controller.signal,
  });
  const reader = response.body!.getReader();
  await reader.read();
  controller.abort();
  const started = Date.now();
  while ((await archive.getStatus()).export && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 50));
  assert.equal((await archive.getStatus()).export, null, 'the export under way ended with the download');
});
