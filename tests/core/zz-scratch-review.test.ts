import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { startCouch } from './helpers/couch-server.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

const PAGE = `<!doctype html><html><head><title>Convoys return</title></head><body><article><h1>Convoys return</h1><p>${'The road to Karovsk reopened for aid convoys on Thursday, officials said. '.repeat(40)}</p></article></body></html>`;

test('a file over this laptop import limit stops every sync', async (t) => {
  const server = await startCouch(t);
  const a = await openFor(t, await tempDir(t));
  await a.joinDesk({ url: server.url, analyst: 'Ana' });
  await a.importDocument({ name: 'convoys.html', data: Buffer.from(PAGE).toString('base64'), origin: 'https://example.org/c' });
  await a.syncDesk();

  const dir = await tempDir(t);
  await (await openArchive(dir)).close();
  const file = join(dir, 'archive.json');
  const json = JSON.parse(await readFile(file, 'utf8'));
  json.settings = { ...json.settings, maxImportBytes: 1000 };
  await writeFile(file, JSON.stringify(json));
  const b = await openArchive(dir);
  t.after(() => b.close());
  await b.joinDesk({ url: server.url, analyst: 'Bo' });
  await b.addArticle({ title: 'Bo own', text: 'Something Bo wrote here today.' });
  for (let i = 0; i < 2; i++) {
    const r = await b.syncDesk().then((x) => x, (e: Error) => e.message);
    console.log('sync', i, r);
  }
  console.log('pendingUp', (await b.getDesk()).pendingUp);
});
