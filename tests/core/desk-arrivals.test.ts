// Articles pulled from the team desk behave like saved ones: unread for this analyst, known to the importer's duplicate checks, and news to the watches.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startCouch } from './helpers/couch-server.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

const page = (title: string, body: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${body.repeat(4)}</p></article></body></html>`;
const CONVOYS = page('Convoys return', 'The road to Karovsk reopened for aid convoys on Thursday, officials said. ');
const OTHER = page(
  'Port closed',
  'The port of Lanvik closed to shipping after overnight shelling, the harbour master said. ',
);
const doc = (html: string, origin: string) => ({
  name: 'page.html',
  data: Buffer.from(html).toString('base64'),
  origin,
});

test('a pulled article is unread here, alerts a watch, and a later import of the same page is its duplicate', async (t) => {
  const server = await startCouch(t);
  const a = await openFor(t, await tempDir(t));
  const b = await openFor(t, await tempDir(t));
  await a.joinDesk({ url: server.url, analyst: 'Ana' });
  await b.joinDesk({ url: server.url, analyst: 'Bo' });
  // B has imported before: its duplicate caches are built, so they must learn of what the desk brings.
  const [other] = await b.importDocument(doc(OTHER, 'https://example.org/port'));
  assert.equal(other!.status, 'saved');
  const watch = await b.createWatch({ name: 'Convoys', target: { kind: 'search', query: 'convoys' } });

  const [saved] = await a.importDocument(doc(CONVOYS, 'https://example.org/convoys'));
  await a.syncDesk();
  assert.equal((await b.syncDesk()).pulled, 1);

  const pulled = await b.getArticle(saved!.id!);
  assert.deepEqual(pulled.reading, { state: 'unread', starred: false }, 'new to this analyst');
  assert.deepEqual((await a.getArticle(saved!.id!)).reading, { state: 'read', starred: false });
  const alerts = await b.listAlerts({});
  assert.deepEqual(
    alerts.map((alert) => [alert.watchId, alert.articleId]),
    [[watch.id, saved!.id]],
    'the watch alerts for the article that came from the desk',
  );
  // The same page again, by URL and (from another address) by content: a duplicate of the pulled one.
  const [again] = await b.importDocument(doc(CONVOYS, 'https://example.org/convoys'));
  assert.deepEqual([again!.status, again!.duplicateOf], ['duplicate', saved!.id]);
  const [moved] = await b.importDocument(doc(CONVOYS, 'https://mirror.example.net/convoys-copy'));
  assert.deepEqual([moved!.status, moved!.duplicateOf], ['duplicate', saved!.id]);
  // A pulled article B already had keeps B's reading state: only new ones start unread.
  await b.markArticles([saved!.id!], { state: 'read', starred: true });
  await a.updateArticle(saved!.id!, { notes: 'Seen by Ana.' });
  await a.syncDesk();
  await b.syncDesk();
  assert.equal((await b.getArticle(saved!.id!)).notes, 'Seen by Ana.');
  assert.deepEqual(
    { ...(await b.getArticle(saved!.id!)).reading, markedAt: null },
    {
      state: 'read',
      starred: true,
      markedAt: null,
    },
  );
  assert.equal((await b.listAlerts({})).length, 1, 'an edit of it is not news again');
});
