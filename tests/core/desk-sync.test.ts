// Team desk replication against a real CouchDB-protocol server (PouchDB Server on 127.0.0.1): what one archive saves the others get, and merges lose no edit.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Archive } from '../../core/archive.ts';
import { archivesOnDesk, getDoc, pushLeaf } from './helpers/couch-server.ts';

const PAGE = `<!doctype html><html><head><title>Convoys return</title></head><body><article><h1>Convoys return</h1><p>${'The road to Karovsk reopened for aid convoys on Thursday, officials said. '.repeat(4)}</p></article></body></html>`;
const TEXT =
  'Fighters took the bridge at Karovsk on Tuesday, a regional official said. At least 12 people were killed.';

/** Every file of the data folder beside the article files that starts with the id, by name, with its bytes. */
async function filesOf(archive: Archive, id: string): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  for (const entry of await readdir(join(archive.dataDir, 'articles'), { recursive: true, withFileTypes: true }))
    if (entry.isFile() && entry.name.startsWith(id) && !entry.name.endsWith('.json'))
      found.set(entry.name, await readFile(join(entry.parentPath, entry.name)));
  return found;
}

const span = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

test('three archives on one desk: what one saves the others receive, same ids, originals byte for byte, indexes caught up', async (t) => {
  const { archives } = await archivesOnDesk(t, 'Ana', 'Bo', 'Cy');
  const [a, b, c] = archives as [Archive, Archive, Archive];
  const [page] = await a.importDocument({
    name: 'convoys.html',
    data: Buffer.from(PAGE).toString('base64'),
    origin: 'https://example.org/convoys',
  });
  const typed = await a.addArticle({ title: 'Bridge taken', source: 'Wire One', text: TEXT, tags: ['front'] });
  const town = await a.createEntity({ name: 'Karovsk', type: 'location', aliases: ['Karovsk city'] });
  const collection = await a.createCollection({ name: 'Karovsk week' });
  await a.addToCollection(collection.id, [typed.id, page!.id!]);
  const saved = await a.saveSearch({ name: 'Convoys', query: 'convoys' });
  const claim = (await a.addClaim(typed.id, span(TEXT, 'At least 12 people were killed'))).claims[0]!;
  const { group } = await a.groupClaims({
    members: [{ articleId: typed.id, claimId: claim.id }],
    label: 'Karovsk toll',
  });

  const first = await a.syncDesk();
  assert.deepEqual(first, { pushed: 6, pulled: 0, conflicts: 0 });
  for (const other of [b, c]) assert.deepEqual(await other.syncDesk(), { pushed: 0, pulled: 6, conflicts: 0 });

  const original = await filesOf(a, page!.id!);
  assert.equal(original.size, 1, 'the captured page is kept beside its article');
  for (const other of [b, c]) {
    assert.deepEqual(await other.getArticle(typed.id), {
      ...(await a.getArticle(typed.id)),
      updatedAt: (await other.getArticle(typed.id)).updatedAt,
      // New to this analyst: unread here, whatever the sender's reading state (not replicated).
      reading: { state: 'unread', starred: false },
    });
    assert.deepEqual(await filesOf(other, page!.id!), original, 'the original arrives byte for byte');
    assert.equal(
      (await other.getArticle(page!.id!)).provenance.sha256,
      (await a.getArticle(page!.id!)).provenance.sha256,
    );
    assert.deepEqual(
      (await other.listEntities({})).map((e) => [e.id, e.name, e.aliases]),
      [[town.id, 'Karovsk', ['Karovsk city']]],
    );
    assert.deepEqual(
      (await other.listCollections()).map((x) => [x.id, x.articles]),
      [[collection.id, 2]],
    );
    assert.deepEqual(
      (await other.listSavedSearches()).map((x) => x.id),
      [saved.id],
    );
    assert.deepEqual(
      (await other.listClaimGroups()).map((x) => x.group.id),
      [group.id],
    );
    // The catalog and the search index learned of them through the store's normal writes.
    assert.equal((await other.listArticles({})).total, 2);
    await other.searchService.ready();
    assert.deepEqual(
      (await other.search({ query: 'convoys' })).hits.map((h) => h.id),
      [page!.id],
    );
  }
  // Nothing to do once everyone is current; a second sync sends and brings nothing.
  for (const archive of archives) assert.deepEqual(await archive.syncDesk(), { pushed: 0, pulled: 0, conflicts: 0 });
  assert.equal((await c.getDesk()).pendingUp, 0);
  // Reading state is each analyst's own: starring and archiving here sends Cy's state only, and changes nothing there.
  await c.markArticles([typed.id], { state: 'archived', starred: true });
  assert.equal((await c.getDesk()).pendingUp, 1, "Cy's state of that article");
  assert.deepEqual(await c.syncDesk(), { pushed: 1, pulled: 0, conflicts: 0 });
  for (const other of [a, b]) assert.deepEqual(await other.syncDesk(), { pushed: 0, pulled: 0, conflicts: 0 });
  assert.deepEqual((await a.getArticle(typed.id)).reading, { state: 'read', starred: false });
  assert.deepEqual((await b.getArticle(typed.id)).reading, { state: 'unread', starred: false });
  assert.equal((await c.getArticle(typed.id)).reading.starred, true);
});

test('edits of different fields made offline on both sides both survive, in either order of syncing', async (t) => {
  for (const order of ['ab', 'ba']) {
    const { archives } = await archivesOnDesk(t, 'Ana', 'Bo');
    const [a, b] = archives as [Archive, Archive];
    const article = await a.addArticle({ title: 'Bridge taken', text: TEXT, tags: ['front'] });
    const entity = await a.createEntity({ name: 'Karovsk', type: 'location' });
    await a.syncDesk();
    await b.syncDesk();
    // Offline: different fields, different tags, different claims on each side.
    await a.updateArticle(article.id, { title: 'Bridge at Karovsk taken', tags: ['front', 'bridge'] });
    await a.addClaim(article.id, span(TEXT, 'Fighters took the bridge'));
    await a.updateEntity(entity.id, { description: 'A river town' });
    await b.updateArticle(article.id, { notes: 'Check the toll', tags: ['front', 'toll'] });
    await b.addClaim(article.id, span(TEXT, 'At least 12 people were killed'));
    await b.updateEntity(entity.id, { aliases: ['Karovsk town'] });
    const [first, second] = order === 'ab' ? [a, b] : [b, a];
    await first.syncDesk();
    const merged = await second.syncDesk();
    assert.equal(merged.conflicts, 0, `${order}: no conflict`);
    await first.syncDesk();
    for (const archive of [a, b]) {
      const got = await archive.getArticle(article.id);
      assert.equal(got.title, 'Bridge at Karovsk taken', order);
      assert.equal(got.notes, 'Check the toll', order);
      assert.deepEqual([...got.tags].sort(), ['bridge', 'front', 'toll'], order);
      assert.deepEqual(
        got.claims.map((c) => c.text).sort(),
        ['At least 12 people were killed', 'Fighters took the bridge'],
        order,
      );
      const town = (await archive.listEntities({})).find((e) => e.id === entity.id)!;
      assert.deepEqual([town.description, town.aliases], ['A river town', ['Karovsk town']], order);
      assert.deepEqual(await archive.listDeskConflicts(), [], order);
    }
    // Converged: nothing left to send either way.
    assert.deepEqual(await a.syncDesk(), { pushed: 0, pulled: 0, conflicts: 0 });
    assert.deepEqual(await b.syncDesk(), { pushed: 0, pulled: 0, conflicts: 0 });
  }
});

test('the same field changed on both sides is a conflict with both values on both sides, resolved once for everyone', async (t) => {
  const { archives } = await archivesOnDesk(t, 'Ana', 'Bo', 'Cy');
  const [a, b, c] = archives as [Archive, Archive, Archive];
  const article = await a.addArticle({ title: 'Bridge taken', text: TEXT });
  for (const archive of archives) await archive.syncDesk();
  await a.updateArticle(article.id, { title: 'Ana’s title' });
  await b.updateArticle(article.id, { title: 'Bo’s title' });
  await a.syncDesk();
  assert.equal((await b.syncDesk()).conflicts, 1);
  await a.syncDesk();
  await c.syncDesk();
  for (const archive of archives) {
    const [conflict, ...more] = await archive.listDeskConflicts();
    assert.equal(more.length, 0);
    assert.equal(conflict!.id, `article:${article.id}#title`);
    assert.deepEqual(
      conflict!.values.map((v) => [v.value, v.by]),
      [
        ['Ana’s title', 'Ana'],
        ['Bo’s title', 'Bo'],
      ],
    );
    assert.ok(
      conflict!.values.every((v) => v.at),
      'each value says when',
    );
  }
  // Bo keeps his: resolved once, on his laptop, for everyone.
  assert.deepEqual(await b.resolveDeskConflict(`article:${article.id}#title`, { take: 'mine' }), []);
  await b.syncDesk();
  for (const archive of [a, c]) assert.equal((await archive.syncDesk()).conflicts, 0);
  for (const archive of archives) {
    assert.equal((await archive.getArticle(article.id)).title, 'Bo’s title');
    assert.deepEqual(await archive.listDeskConflicts(), []);
  }
  // A value typed by hand resolves too, and is checked like any edit.
  await a.updateArticle(article.id, { title: 'One' });
  await c.updateArticle(article.id, { title: 'Two' });
  await a.syncDesk();
  await c.syncDesk();
  await assert.rejects(c.resolveDeskConflict(`article:${article.id}#title`, { value: '' }), /title/);
  await c.resolveDeskConflict(`article:${article.id}#title`, { value: 'Agreed title' });
  await c.syncDesk();
  await a.syncDesk();
  await b.syncDesk();
  for (const archive of archives) assert.equal((await archive.getArticle(article.id)).title, 'Agreed title');
});

test('a delete against an edit is a conflict, not a silent loss; so is trashing an article someone edited', async (t) => {
  const { archives } = await archivesOnDesk(t, 'Ana', 'Bo');
  const [a, b] = archives as [Archive, Archive];
  const entity = await a.createEntity({ name: 'Karovsk', type: 'location' });
  const article = await a.addArticle({ title: 'Bridge taken', text: TEXT });
  await a.syncDesk();
  await b.syncDesk();
  await a.deleteEntity(entity.id);
  await a.deleteArticle(article.id);
  await b.updateEntity(entity.id, { name: 'Karovsk (town)' });
  await b.updateArticle(article.id, { notes: 'Confirmed by two sources' });
  await a.syncDesk();
  assert.equal((await b.syncDesk()).conflicts, 2);
  await a.syncDesk();
  for (const archive of [a, b]) {
    // Bo's edits are there on both sides, the deletes offered as the other choice.
    assert.equal((await archive.listEntities({})).find((e) => e.id === entity.id)?.name, 'Karovsk (town)');
    const kept = await archive.getArticle(article.id);
    assert.deepEqual([kept.deletedAt, kept.notes], [null, 'Confirmed by two sources']);
    const conflicts = await archive.listDeskConflicts();
    assert.deepEqual(conflicts.map((c) => c.id).sort(), [
      `article:${article.id}#deletedAt`,
      `entity:${entity.id}#deleted`,
    ]);
    const deleted = conflicts.find((c) => c.field === 'deleted')!;
    assert.deepEqual(deleted.values.map((v) => [v.value, v.by]).sort(), [
      [false, 'Bo'],
      [true, 'Ana'],
    ]);
  }
  // Ana insists on her delete; Bo's edit of the article stays and the article is trashed as she wanted.
  await a.resolveDeskConflict(`entity:${entity.id}#deleted`, { take: 'mine' });
  await a.resolveDeskConflict(`article:${article.id}#deletedAt`, { take: 'mine' });
  await a.syncDesk();
  await b.syncDesk();
  for (const archive of [a, b]) {
    assert.equal(
      (await archive.listEntities({})).some((e) => e.id === entity.id),
      false,
    );
    const trashed = await archive.getArticle(article.id);
    assert.ok(trashed.deletedAt);
    assert.equal(trashed.notes, 'Confirmed by two sources');
    assert.deepEqual(await archive.listDeskConflicts(), []);
  }
});

test('two leaves on the desk (two laptops pushed from the same parent) are merged into one version, the loser closed', async (t) => {
  const { url, archives } = await archivesOnDesk(t, 'Ana', 'Cy');
  const [a, c] = archives as [Archive, Archive];
  const article = await a.addArticle({ title: 'Bridge taken', text: TEXT });
  for (const archive of archives) await archive.syncDesk();
  const parent = await getDoc(url, `article:${article.id}`);
  await a.updateArticle(article.id, { title: 'New title' });
  await a.syncDesk();
  // Bo's laptop pushed its own child of the same parent meanwhile.
  await pushLeaf(url, parent, { notes: 'New notes', deskBy: 'Bo', deskAt: new Date().toISOString() });
  const forked = (await (await fetch(`${url}/article:${article.id}?conflicts=true`)).json()) as Record<string, unknown>;
  assert.equal((forked._conflicts as string[]).length, 1, 'two leaves on the desk');
  assert.equal((await c.syncDesk()).conflicts, 0);
  const got = await c.getArticle(article.id);
  assert.deepEqual([got.title, got.notes], ['New title', 'New notes']);
  assert.deepEqual(await a.syncDesk(), { pushed: 0, pulled: 1, conflicts: 0 });
  const mine = await a.getArticle(article.id);
  assert.deepEqual([mine.title, mine.notes], ['New title', 'New notes']);
  const doc = (await (await fetch(`${url}/article:${article.id}?conflicts=true`)).json()) as Record<string, unknown>;
  assert.equal(doc._conflicts, undefined, 'one live version left on the desk');
  assert.equal(doc.title, 'New title');
  // A merge names the author of the latest change it holds (not the merger: two merges of the same leaves are one revision).
  assert.equal(doc.deskBy, 'Bo');
  for (const archive of archives) assert.deepEqual(await archive.syncDesk(), { pushed: 0, pulled: 0, conflicts: 0 });
});

test('an entity merge made on one laptop reaches the others whole: the entity gone, the merge record kept, mentions re-pointed', async (t) => {
  const { archives } = await archivesOnDesk(t, 'Ana', 'Bo');
  const [a, b] = archives as [Archive, Archive];
  const kept = await a.createEntity({ name: 'Northern Vigil Front', type: 'group' });
  const dup = await a.createEntity({ name: 'NVF', type: 'group' });
  const article = await a.addArticle({ title: 'Bridge taken', text: TEXT });
  await a.tagSpan(article.id, { ...span(TEXT, 'Fighters'), entityId: dup.id });
  await a.syncDesk();
  await b.syncDesk();
  const merge = await a.mergeEntities(kept.id, dup.id);
  await a.syncDesk();
  await b.syncDesk();
  const entities = await b.listEntities({});
  assert.deepEqual(entities, await a.listEntities({}));
  assert.deepEqual(
    entities.map((e) => e.id),
    [kept.id],
  );
  assert.ok(entities[0]!.aliases.includes('NVF'));
  assert.deepEqual(
    (await b.getArticle(article.id)).mentions.map((m) => m.entityId),
    [kept.id],
  );
  // The merge record came along, so Bo can undo it and Ana gets the undo.
  await b.undoMerge(merge.id);
  await b.syncDesk();
  await a.syncDesk();
  assert.deepEqual((await a.listEntities({})).map((e) => e.id).sort(), [kept.id, dup.id].sort());
});

test('an attachment whose bytes do not match the sha256 its article records is refused, not saved, and the rest of the desk still comes in', async (t) => {
  const { url, archives } = await archivesOnDesk(t, 'Ana', 'Bo');
  const [a, b] = archives as [Archive, Archive];
  const [page] = await a.importDocument({ name: 'convoys.html', data: Buffer.from(PAGE).toString('base64') });
  await a.syncDesk();
  const docUrl = `${url}/article:${page!.id}`;
  const doc = (await (await fetch(docUrl)).json()) as { _attachments: Record<string, { content_type: string }> };
  const [name, meta] = Object.entries(doc._attachments)[0]!;
  const withBytes = (bytes: Buffer) => ({
    ...doc,
    _attachments: { [name]: { content_type: meta.content_type, data: bytes.toString('base64') } },
  });
  const put = async (body: unknown) =>
    (
      await fetch(docUrl, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json() as Promise<{ rev: string }>;
  const tampered = await put(withBytes(Buffer.from('<p>tampered</p>')));
  const typed = await a.addArticle({ title: 'Bridge taken', text: TEXT });
  await a.syncDesk();

  const result = await b.syncDesk();
  assert.equal(result.pulled, 1, 'the other article came in');
  assert.deepEqual(
    result.refused?.map((r) => r.id),
    [`article:${page!.id}`],
  );
  assert.match(
    result.refused![0]!.reason,
    new RegExp(`${name} of article:${page!.id} with bytes that do not match its recorded sha256`),
  );
  assert.deepEqual(
    (await b.listArticles({})).items.map((item) => item.id),
    [typed.id],
  );
  // Asked for again at each sync (the checkpoint moved past it), refused again while the desk holds those bytes.
  assert.deepEqual(
    (await b.syncDesk()).refused?.map((r) => r.id),
    [`article:${page!.id}`],
  );
  // Mended on the desk: it comes in, its original byte for byte.
  await put({ ...withBytes(Buffer.from(PAGE)), _rev: tampered.rev });
  assert.deepEqual(await b.syncDesk(), { pushed: 0, pulled: 1, conflicts: 0 });
  assert.deepEqual(await filesOf(b, page!.id!), await filesOf(a, page!.id!));
});
