// The desk's merge of one claim's fields on a real PouchDB Server: different fields both survive, the same field is a conflict of that field resolved by name; a later edit of a field in conflict; malformed conflicts from the wire refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Archive } from '../../core/archive.ts';
import { archivesOnDesk, getDoc } from './helpers/couch-server.ts';

const TEXT =
  'Fighters took the bridge at Karovsk on Tuesday, a regional official said. At least 12 people were killed.';
const WORDS = 'At least 12 people were killed';
const span = { start: TEXT.indexOf(WORDS), end: TEXT.indexOf(WORDS) + WORDS.length };

test('one claim edited on two laptops merges field by field; its status set both ways is a conflict of the status alone', async (t) => {
  const { url, archives } = await archivesOnDesk(t, 'Ana', 'Bo', 'Cy');
  const [a, b, c] = archives as [Archive, Archive, Archive];
  const article = await a.addArticle({ title: 'Bridge taken', text: TEXT });
  const claim = (await a.addClaim(article.id, span)).claims[0]!;
  for (const archive of archives) await archive.syncDesk();
  // Ana sets the status, Bo writes the review note: both stay, no conflict.
  await a.updateClaim(article.id, claim.id, { status: 'corroborated' });
  await b.updateClaim(article.id, claim.id, { reviewNote: 'Two sources' });
  await a.syncDesk();
  assert.equal((await b.syncDesk()).conflicts, 0);
  await a.syncDesk();
  for (const archive of [a, b]) {
    const got = (await archive.getArticle(article.id)).claims[0]!;
    assert.deepEqual([got.status, got.reviewNote], ['corroborated', 'Two sources']);
  }
  // Both set the status: a conflict of the status, named so, both values with who set them; the note merges.
  await a.updateClaim(article.id, claim.id, { status: 'disputed' });
  await b.updateClaim(article.id, claim.id, { status: 'false', reviewNote: 'Denied by the ministry' });
  await a.syncDesk();
  assert.equal((await b.syncDesk()).conflicts, 1);
  await a.syncDesk();
  await c.syncDesk();
  const id = `article:${article.id}#claims:${claim.id}.status`;
  for (const archive of archives) {
    const [conflict, ...more] = await archive.listDeskConflicts();
    assert.equal(more.length, 0);
    assert.equal(conflict!.id, id);
    assert.equal(conflict!.label, `Claim “${WORDS}” · status`);
    assert.deepEqual(
      conflict!.values.map((v) => [v.value, v.by]),
      [
        ['disputed', 'Ana'],
        ['false', 'Bo'],
      ],
    );
    assert.equal((await archive.getArticle(article.id)).claims[0]!.reviewNote, 'Denied by the ministry');
  }
  // Bo takes Ana's: resolved once for everyone, the note untouched.
  await b.resolveDeskConflict(id, { take: 'theirs' });
  for (const archive of [b, a, c]) await archive.syncDesk();
  for (const archive of archives) {
    const got = (await archive.getArticle(article.id)).claims[0]!;
    assert.deepEqual([got.status, got.reviewNote], ['disputed', 'Denied by the ministry']);
    assert.deepEqual(await archive.listDeskConflicts(), []);
  }
  // A whole-claim conflict an older Newsdesk left on the desk (`claims:<id>`) still reads and resolves, the claim as the value.
  const doc = await getDoc(url, `article:${article.id}`);
  const { _revisions, ...body } = doc;
  void _revisions;
  const held = (body.claims as { id: string }[])[0]!;
  const older = { ...held, status: 'retracted' };
  const put = await fetch(`${url}/article:${article.id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      ...body,
      deskConflicts: [
        {
          field: `claims:${claim.id}`,
          values: [
            { value: held, by: 'Ana', at: null },
            { value: older, by: 'Bo', at: null },
          ],
        },
      ],
    }),
  });
  assert.equal(put.status, 201);
  await c.syncDesk();
  const [whole] = await c.listDeskConflicts();
  assert.deepEqual([whole!.id, whole!.label], [`article:${article.id}#claims:${claim.id}`, `Claim “${WORDS}”`]);
  await c.resolveDeskConflict(whole!.id, { take: 'theirs' });
  assert.equal((await c.getArticle(article.id)).claims[0]!.status, 'retracted');
  assert.deepEqual(await c.listDeskConflicts(), []);
});

test('a field in conflict edited again here: the conflict offers the new value as mine, and Keep mine keeps it', async (t) => {
  const { archives } = await archivesOnDesk(t, 'Ana', 'Bo');
  const [a, b] = archives as [Archive, Archive];
  const article = await a.addArticle({ title: 'Bridge taken', text: TEXT });
  await a.syncDesk();
  await b.syncDesk();
  await a.updateArticle(article.id, { title: 'Ana’s first title' });
  await b.updateArticle(article.id, { title: 'Bo’s title' });
  await b.syncDesk();
  assert.equal((await a.syncDesk()).conflicts, 1);
  // Ana edits the title again (in the reader) before resolving.
  await a.updateArticle(article.id, { title: 'Ana’s second title' });
  const [conflict] = await a.listDeskConflicts();
  assert.deepEqual(
    conflict!.values.map((v) => [v.value, v.by]),
    [
      ['Ana’s second title', 'Ana'],
      ['Bo’s title', 'Bo'],
    ],
  );
  await a.syncDesk();
  await b.syncDesk();
  assert.deepEqual(
    (await b.listDeskConflicts())[0]!.values.map((v) => v.value),
    ['Ana’s second title', 'Bo’s title'],
    'the other laptop is offered the new value too',
  );
  await a.resolveDeskConflict(conflict!.id, { take: 'mine' });
  await a.syncDesk();
  await b.syncDesk();
  for (const archive of archives) {
    assert.equal((await archive.getArticle(article.id)).title, 'Ana’s second title');
    assert.deepEqual(await archive.listDeskConflicts(), []);
  }
});

test('a document whose deskConflicts is not a list of conflicts is refused, with a reason; nothing crashes', async (t) => {
  const { url, archives } = await archivesOnDesk(t, 'Ana', 'Bo');
  const [a, b] = archives as [Archive, Archive];
  const article = await a.addArticle({ title: 'Bridge taken', text: TEXT });
  const other = await a.addArticle({ title: 'Convoys return', text: TEXT });
  await a.syncDesk();
  await b.syncDesk();
  await b.updateArticle(article.id, { notes: 'edited here' });
  for (const [id, deskConflicts] of [
    [article.id, [{ field: 'title', values: 'Ana' }]],
    [other.id, 'nonsense'],
  ] as const) {
    const doc = await getDoc(url, `article:${id}`);
    const { _revisions, ...body } = doc;
    void _revisions;
    const put = await fetch(`${url}/article:${id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...body, title: 'Forged', deskConflicts }),
    });
    assert.equal(put.status, 201);
  }
  const result = await b.syncDesk();
  assert.deepEqual(result.refused?.map((r) => r.id).sort(), [`article:${article.id}`, `article:${other.id}`].sort());
  assert.ok(result.refused!.every((r) => /deskConflicts/.test(r.reason)));
  assert.deepEqual(await b.listDeskConflicts(), []);
  assert.equal((await b.getArticle(article.id)).title, 'Bridge taken');
  assert.equal((await b.getArticle(article.id)).notes, 'edited here');
});

test('a field a newer Newsdesk adds survives this laptop’s edits: merged, then edited again, the desk keeps it', async (t) => {
  const { url, archives } = await archivesOnDesk(t, 'Ana', 'Bo');
  const [a, b] = archives as [Archive, Archive];
  const article = await a.addArticle({ title: 'Bridge taken', text: TEXT });
  await a.syncDesk();
  await b.syncDesk();
  // A newer app on a third laptop adds a field this version does not know.
  const doc = await getDoc(url, `article:${article.id}`);
  const { _revisions, ...body } = doc;
  void _revisions;
  const future = { score: 0.7, checkedBy: ['Di'] };
  const put = await fetch(`${url}/article:${article.id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...body, title: 'Bridge at Karovsk taken', verification: future, deskBy: 'Di' }),
  });
  assert.equal(put.status, 201);
  // Bo edited offline meanwhile: his sync merges; then he edits again and syncs.
  await b.updateArticle(article.id, { notes: 'Check the toll' });
  await b.syncDesk();
  let onDesk = await getDoc(url, `article:${article.id}`);
  assert.deepEqual(
    [onDesk.title, onDesk.notes, onDesk.verification],
    ['Bridge at Karovsk taken', 'Check the toll', future],
  );
  await b.updateArticle(article.id, { notes: 'Toll checked' });
  await b.syncDesk();
  onDesk = await getDoc(url, `article:${article.id}`);
  assert.deepEqual([onDesk.notes, onDesk.verification], ['Toll checked', future]);
  // This version still reads the article as it knows it.
  assert.equal('verification' in (await b.getArticle(article.id)), false);
});

test('a watch’s field a newer Newsdesk adds survives this laptop’s rename', async (t) => {
  const { url, archives } = await archivesOnDesk(t, 'Ana', 'Bo');
  const [a, b] = archives as [Archive, Archive];
  const watch = await a.createWatch({ name: 'Dam', target: { kind: 'search', query: 'dam' } });
  await a.syncDesk();
  await b.syncDesk();
  const { _revisions, ...body } = await getDoc(url, `watch:${watch.id}`);
  void _revisions;
  const put = await fetch(`${url}/watch:${watch.id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...body, digest: 'daily', deskBy: 'Di' }),
  });
  assert.equal(put.status, 201);
  await b.syncDesk();
  await b.updateWatch(watch.id, { name: 'Karovsk dam' });
  await b.syncDesk();
  const onDesk = await getDoc(url, `watch:${watch.id}`);
  assert.deepEqual([onDesk.name, onDesk.digest], ['Karovsk dam', 'daily']);
});
