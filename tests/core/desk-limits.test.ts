// The desk at the edges of this laptop, against a real PouchDB Server: a file over this archive's import limit, a record the disk refuses after a merged write.
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { openArchive, type Archive } from '../../core/archive.ts';
import { startCouch } from './helpers/couch-server.ts';
import { defer, openFor, tempDir } from './helpers/temp-dir.ts';

const PAGE = `<!doctype html><html><head><title>Convoys return</title></head><body><article><h1>Convoys return</h1><p>${'The road to Karovsk reopened for aid convoys on Thursday, officials said. '.repeat(6)}</p></article></body></html>`;

/** An archive whose archive.json says files over `bytes` are refused (as `settings.maxImportBytes` set by hand). */
async function archiveWithLimit(t: Parameters<typeof tempDir>[0], bytes: number): Promise<Archive> {
  const dir = await tempDir(t);
  await (await openArchive(dir)).close();
  const file = join(dir, 'archive.json');
  const registry = JSON.parse(await readFile(file, 'utf8')) as { settings?: Record<string, unknown> };
  await writeFile(file, JSON.stringify({ ...registry, settings: { ...registry.settings, maxImportBytes: bytes } }));
  return openFor(t, dir);
}

test('a file from the desk over this archive’s import limit: the article comes without it, said, and the sync goes on both ways', async (t) => {
  const server = await startCouch(t);
  const a = await openFor(t, await tempDir(t));
  await a.joinDesk({ url: server.url, analyst: 'Ana' });
  const [page] = await a.importDocument({ name: 'convoys.html', data: Buffer.from(PAGE).toString('base64') });
  await a.syncDesk();

  const b = await archiveWithLimit(t, 200);
  await b.joinDesk({ url: server.url, analyst: 'Bo' });
  const own = await b.addArticle({ title: 'Bridge taken', text: 'Fighters took the bridge at Karovsk on Tuesday.' });
  const result = await b.syncDesk();
  assert.equal(result.pushed, 1, 'Bo’s own article still goes up');
  assert.match(result.incomplete?.find((item) => item.id === `article:${page!.id}`)?.reason ?? '', /saved without it/);
  assert.equal((await b.getArticle(page!.id!)).title, 'Convoys return');
  assert.equal((await b.getDesk()).pendingUp, 0);
  await a.syncDesk();
  assert.equal((await a.getArticle(own.id)).title, 'Bridge taken');
});

test('a record the disk refuses after a merged write: the next sync in the same process still keeps both values in conflict', async (t) => {
  const server = await startCouch(t);
  const a = await openFor(t, await tempDir(t));
  await a.joinDesk({ url: server.url, analyst: 'Ana' });
  const article = await a.addArticle({ title: 'Bridge taken', text: 'The bridge at Karovsk fell on Tuesday.' });
  await a.syncDesk();
  const b = await openFor(t, await tempDir(t));
  await b.joinDesk({ url: server.url, analyst: 'Bo' });
  await b.syncDesk();
  await b.updateArticle(article.id, { title: 'Bo’s title' });
  await a.updateArticle(article.id, { title: 'Ana’s title' });
  await a.syncDesk();

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
