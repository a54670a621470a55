import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { SyncRecords } from '../../core/sync/desk-files.ts';
import { startCouch } from './helpers/couch-server.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

test('a record write failing after a merged write: next sync in the same process', async (t) => {
  const server = await startCouch(t);
  const a = await openFor(t, await tempDir(t));
  await a.joinDesk({ url: server.url, analyst: 'Ana' });
  const article = await a.addArticle({ title: 'Bridge taken', text: 'The bridge at Karovsk fell on Tuesday.' });
  await a.syncDesk();
  const b = await openArchive(await tempDir(t));
  t.after(() => b.close());
  await b.joinDesk({ url: server.url, analyst: 'Bo' });
  await b.syncDesk();
  await b.updateArticle(article.id, { title: 'Bo title' });
  await a.updateArticle(article.id, { title: 'Ana title' });
  await a.syncDesk();

  const put = SyncRecords.prototype.put;
  let failed = false;
  SyncRecords.prototype.put = async function (record) {
    if (!failed && record.id === `article:${article.id}` && record.conflicts.length) {
      failed = true;
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    }
    return put.call(this, record);
  };
  await assert.rejects(b.syncDesk());
  SyncRecords.prototype.put = put;
  console.log('title after failed sync', (await b.getArticle(article.id)).title);
  const again = await b.syncDesk();
  console.log('second sync', again, await b.listDeskConflicts());
  console.log('title', (await b.getArticle(article.id)).title);
  assert.equal(again.conflicts, 1, 'Bo title must stay offered');
});
