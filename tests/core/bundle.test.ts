// Newsdesk bundles: exported from one archive, imported into another (empty, or holding part of it), nothing duplicated; hostile bundles refused whole.
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Article } from '../../core/model.ts';
import {
  assertRefused,
  docOf,
  entriesOf,
  exportBundle,
  PAGE,
  resealed,
  SECOND,
  seed,
  zipOf,
} from './helpers/bundle-zips.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

/** What must survive the trip unchanged: everything but the time of the last write. */
const stable = (a: Article) => ({ ...a, updatedAt: undefined });

test('a bundle imported into an empty archive holds the same articles, entities, claims, groups, originals and collection', async (t) => {
  const from = await seed(t);
  const path = await exportBundle(t, from.archive, from.collection.id);
  const dir = await tempDir(t);
  const to = await openFor(t, dir);

  const report = await to.importBundle({ name: 'b.zip', data: (await readFile(path)).toString('base64') });
  assert.equal(report.articles.added, 3);
  assert.equal(report.articles.alreadyHere, 0);
  assert.equal(report.entities.added, 2);
  assert.deepEqual(report.entities.matched, []);
  assert.equal(report.claimGroups.added, 1);
  assert.deepEqual(report.collections.added, ['Karovsk week']);
  assert.equal(report.originals, 1);

  for (const id of [from.a.id, from.b.id, from.page.id!]) {
    assert.deepEqual(stable(await to.getArticle(id)), stable(await from.archive.getArticle(id)));
  }
  await assert.rejects(to.getArticle(from.c.id), /no article/, 'the article outside the collection stays behind');
  assert.deepEqual(
    (await to.listEntities()).map((e) => [e.id, e.name, e.aliases, e.articles]).sort(),
    [
      [from.front.id, 'Northern Vigil Front', ['NVF'], 2],
      [from.town.id, 'Karovsk', [], 1],
    ].sort(),
  );
  const [group] = await to.listClaimGroups();
  assert.equal(group!.group.label, 'Karovsk casualties');
  assert.equal(group!.claims.length, 2);
  const [collection] = await to.listCollections();
  assert.equal(collection!.name, 'Karovsk week');
  assert.equal(collection!.articles, 3);

  // The captured page came along, byte for byte, beside its article.
  const original = await to.getArticle(from.page.id!);
  const files = await readdir(join(dir, 'articles'), { recursive: true });
  const attachment = files.find((f) => f.endsWith(original.provenance.attachment!));
  assert.ok(attachment, 'the original is in the articles folder');
  assert.equal((await readFile(join(dir, 'articles', attachment))).toString(), PAGE);

  // Searchable at once, by its collection too.
  await to.searchService.settled();
  const found = await to.search({ query: 'collection:"Karovsk week" market' });
  assert.deepEqual(
    found.hits.map((h) => h.id),
    [from.b.id],
  );

  // Importing the same bundle again adds nothing.
  const again = await to.importBundleFile(path);
  assert.equal(again.articles.added, 0);
  assert.equal(again.articles.alreadyHere, 3);
  assert.equal(again.entities.added, 0);
  assert.equal((await to.listArticles()).total, 3);
  assert.equal((await to.listEntities()).length, 2);
  assert.equal((await to.listCollections()).length, 1);
});

test('into an archive holding part of it: the article it has is kept, entities matched by name and alias, none duplicated', async (t) => {
  const from = await seed(t);
  const path = await exportBundle(t, from.archive, from.collection.id);
  const to = await openFor(t, await tempDir(t));
  // The same story captured here on its own (another id, the same text), and the same entities under other ids.
  const mine = await to.addArticle({ title: 'My copy', source: 'Wire One', text: SECOND, notes: 'checked by me' });
  const front = await to.createEntity({ name: 'NVF', type: 'group' });
  const town = await to.createEntity({ name: 'Karovsk', type: 'location' });
  const person = await to.createEntity({ name: 'Northern Vigil Front', type: 'person' });

  const report = await to.importBundleFile(path);
  assert.equal(report.articles.added, 2);
  assert.equal(report.articles.alreadyHere, 1);
  assert.equal(report.entities.added, 0);
  assert.deepEqual(report.entities.matched.map((m) => [m.bundleName, m.localName, m.by]).sort(), [
    ['Karovsk', 'Karovsk', 'name'],
    ['Northern Vigil Front', 'NVF', 'alias'],
  ]);

  assert.equal((await to.listArticles()).total, 3);
  const kept = await to.getArticle(mine.id);
  assert.equal(kept.title, 'My copy', 'an article already here keeps its own edits');
  assert.equal(kept.notes, 'checked by me');
  const imported = await to.getArticle(from.a.id);
  const pointedAt = new Set(imported.mentions.map((m) => m.entityId));
  assert.deepEqual([...pointedAt].sort(), [front.id, town.id].sort(), 'mentions point at this archive’s entities');
  assert.deepEqual(imported.claims[0]!.placeIds, [town.id]);
  assert.ok(!pointedAt.has(person.id), 'a person of the same name is not the group');
  assert.equal((await to.listEntities()).length, 3);

  const [collection] = await to.listCollections();
  assert.equal(collection!.articles, 3, 'the article already here joined the bundle’s collection');
  const members = await to.listArticles({ collectionId: collection!.id });
  assert.deepEqual(members.items.map((i) => i.id).sort(), [from.a.id, from.page.id!, mine.id].sort());
});

// ---- hostile and damaged bundles ----

test('a bundle with a path leaving its folder, a zip bomb, a wrong checksum, an extra or missing file is refused whole', async (t) => {
  const from = await seed(t);
  const good = await entriesOf(await exportBundle(t, from.archive, from.collection.id));
  const manifest = good.find(([name]) => name === 'manifest.json')!;
  const article = good.find(([name]) => name.startsWith('articles/'))!;

  await assertRefused(t, await zipOf(t, [...good, ['../../escape.json', '{}']]), /invalid relative path|never has/);
  await assertRefused(t, await zipOf(t, [...good, ['/etc/cron.d/evil', 'x']]), /absolute path|never has/);
  await assertRefused(
    t,
    await zipOf(t, [...good, ['articles\\..\\..\\evil.json', 'x']]),
    /invalid characters|never has/,
  );
  await assertRefused(
    t,
    await zipOf(t, [...good, ['originals/00000000-0000-4000-8000-000000000000.capture.html', Buffer.alloc(64 << 20)]]),
    /zip bomb/,
  );
  const tampered = good.map(([name, data]): [string, Buffer] =>
    name === article[0] ? [name, Buffer.from(data.toString().replace('Karovsk', 'Karovsx'))] : [name, data],
  );
  await assertRefused(t, await zipOf(t, tampered), /does not match its checksum/);
  await assertRefused(t, await zipOf(t, [...good, ['entities.json', '[]']]), /twice/);
  await assertRefused(
    t,
    await zipOf(
      t,
      good.filter(([name]) => name !== article[0]),
    ),
    /in its manifest but not in the bundle/,
  );
  await assertRefused(
    t,
    await zipOf(
      t,
      good.filter(([name]) => name !== 'manifest.json'),
    ),
    /no manifest/,
  );
  await assertRefused(t, await zipOf(t, [manifest]), /in its manifest but not in the bundle/);

  const notZip = join(await tempDir(t), 'not.zip');
  await writeFile(notZip, 'PK but not really a zip file');
  await assertRefused(t, notZip, /not a zip file/);
});

test('a bundle whose documents do not fit the schema is refused, even with matching checksums', async (t) => {
  const { createHash } = await import('node:crypto');
  const id = '11111111-1111-4111-8111-111111111111';
  const doc = JSON.stringify({ schemaVersion: 1, article: { id, title: '<script>alert(1)</script>' } });
  const files = [
    { path: `articles/${id}.json`, bytes: doc.length, sha256: createHash('sha256').update(doc).digest('hex') },
  ];
  const manifest = JSON.stringify({
    format: 'newsdesk-bundle',
    formatVersion: 1,
    schemaVersion: 1,
    app: { name: 'Newsdesk', version: '0' },
    createdAt: new Date().toISOString(),
    scope: 'x',
    counts: { articles: 1, originals: 0, entities: 0, claimGroups: 0, collections: 0 },
    files,
  });
  await assertRefused(
    t,
    await zipOf(t, [
      [`articles/${id}.json`, doc],
      ['manifest.json', manifest],
    ]),
    /does not fit the bundle format/,
  );
});

test('a bundle article naming another article’s original is refused, and nothing here is written over', async (t) => {
  const from = await seed(t);
  const entries = await entriesOf(await exportBundle(t, from.archive, from.collection.id));
  const page = await from.archive.getArticle(from.page.id!);
  // Article a claims the page's original as its own, in the page's month.
  const forged = entries.map(([name, data]): [string, Buffer] => {
    if (name !== `articles/${from.a.id}.json`) return [name, data];
    const doc = docOf(data);
    doc.article.provenance.attachment = page.provenance.attachment;
    doc.article.capturedAt = page.capturedAt;
    return [name, Buffer.from(JSON.stringify(doc))];
  });
  await assertRefused(t, await resealed(t, forged), /names an original that is not its own/);
});

test('two copies of one text in a bundle are imported once, the second joining its collections', async (t) => {
  const from = await seed(t);
  const entries = await entriesOf(await exportBundle(t, from.archive, from.collection.id));
  const [, first] = entries.find(([name]) => name === `articles/${from.a.id}.json`)!;
  const copy = docOf(first);
  copy.article.id = '22222222-2222-4222-8222-222222222222';
  const withCopy = await resealed(t, [
    ...entries,
    [`articles/${copy.article.id}.json`, Buffer.from(JSON.stringify(copy))],
  ]);
  const to = await openFor(t, await tempDir(t));
  const report = await to.importBundleFile(withCopy);
  assert.equal(report.articles.added, 3);
  assert.equal(report.articles.alreadyHere, 1);
  assert.equal((await to.listArticles()).total, 3);
});

test('a bundle collection whose name a smart collection here has is added under another name', async (t) => {
  const from = await seed(t);
  const path = await exportBundle(t, from.archive, from.collection.id);
  const to = await openFor(t, await tempDir(t));
  await to.createCollection({ name: 'karovsk WEEK', query: 'karovsk' });
  const report = await to.importBundleFile(path);
  assert.deepEqual(report.collections.added, ['Karovsk week (imported)']);
  const names = (await to.listCollections()).map((c) => c.name).sort();
  assert.deepEqual(names, ['Karovsk week (imported)', 'karovsk WEEK']);
});
