// Collections (hand-made and smart), and exports that land where the user pointed: never over a file, under a safe name, read back by a real CSV parser.
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { safeFileName } from '../../core/exporters/file-names.ts';
import { defer, openFor, tempDir } from './helpers/temp-dir.ts';
import { openArchive } from '../../core/archive.ts';

test('hand-made collections: add, remove, list, rename, delete; members survive a restart', async (t) => {
  const dir = await tempDir(t);
  let archive = await openArchive(dir);
  defer(t, () => archive.close());
  const a = await archive.addArticle({ title: 'One', text: 'first article about the port' });
  const b = await archive.addArticle({ title: 'Two', text: 'second article about the port' });
  const c = await archive.addArticle({ title: 'Three', text: 'third article about the hills' });
  const week = await archive.createCollection({ name: 'Port week', description: 'for Friday' });
  await assert.rejects(archive.createCollection({ name: 'port WEEK' }), /already a collection called "Port week"/);

  assert.deepEqual(await archive.addToCollection(week.id, [a.id, b.id, a.id]), { changed: 2, unchanged: 0 });
  assert.deepEqual(await archive.addToCollection(week.id, [a.id]), { changed: 0, unchanged: 1 });
  await assert.rejects(
    archive.addToCollection(week.id, [c.id, '00000000-0000-4000-8000-000000000000']),
    /no article with id 00000000-0000-4000-8000-000000000000: nothing was changed/,
  );
  assert.deepEqual((await archive.getArticle(c.id)).collectionIds, [], 'nothing was changed');
  assert.deepEqual(await archive.removeFromCollection(week.id, [b.id]), { changed: 1, unchanged: 0 });

  await archive.close();
  archive = await openArchive(dir);
  defer(t, () => archive.close());
  const [listed] = await archive.listCollections();
  assert.equal(listed!.name, 'Port week');
  assert.equal(listed!.articles, 1);
  assert.deepEqual(
    (await archive.listArticles({ collectionId: week.id })).items.map((i) => i.id),
    [a.id],
  );
  await archive.searchService.settled();
  assert.deepEqual(
    (await archive.search({ query: 'collection:"port week"' })).hits.map((h) => h.id),
    [a.id],
  );

  await archive.updateCollection(week.id, { name: 'Harbour week' });
  assert.equal((await archive.search({ query: 'collection:"Harbour week" port' })).total, 1);
  // Trashed articles leave the count, and come back with a restore.
  await archive.deleteArticle(a.id);
  assert.equal((await archive.listCollections())[0]!.articles, 0);
  await archive.restoreArticle(a.id);

  assert.deepEqual(await archive.deleteCollection(week.id), { removedFrom: 1 });
  assert.deepEqual(await archive.listCollections(), []);
  assert.deepEqual((await archive.getArticle(a.id)).collectionIds, [], 'the article stays, out of the collection');
  await assert.rejects(archive.search({ query: 'collection:"Harbour week"' }), /no collection called/);
});

test('smart collections are a query: counted, exported, refused for hand edits', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  await archive.addArticle({ title: 'Port reopens', text: 'the port reopened on Monday' });
  await archive.addArticle({ title: 'Port closes', text: 'the port closed again' });
  await archive.addArticle({ title: 'Hills', text: 'fighting in the hills' });
  await assert.rejects(archive.createCollection({ name: 'Bad', query: 'title:"unclosed' }), /not closed/);
  const smart = await archive.createCollection({ name: 'Port', query: 'port' });
  await archive.searchService.settled();
  assert.equal((await archive.listCollections())[0]!.articles, 2);
  const one = (await archive.listArticles()).items[0]!;
  await assert.rejects(archive.addToCollection(smart.id, [one.id]), /smart collection/);
  await assert.rejects(archive.updateCollection(smart.id, { query: null }), /smart collection/);
  await assert.rejects(archive.listArticles({ collectionId: smart.id }), /smart collection/);
  await assert.rejects(
    archive.search({ query: 'collection:Port' }),
    /smart collection: search its query instead \(port\)/,
  );
  const plan = await archive.planExport({ scope: { collectionId: smart.id }, format: 'csv', table: 'articles' });
  assert.equal(plan.articles, 2);
  assert.equal(plan.fileName, `newsdesk Port ${new Date().toISOString().slice(0, 10)}.articles.csv`);
});

test('CSV tables read back with a CSV parser: UTF-8, quotes and newlines intact, formula cells escaped', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const hostile = await archive.addArticle({
    title: '=HYPERLINK("http://evil.example","click")',
    source: '+cmd|/C calc!A0',
    byline: '@SUM(1+1)',
    notes: 'line one\nline "two", with a comma',
    text: 'مقاتلون سيطروا على الجسر، قال مسؤول.\n\n-2 figures and a tab',
    tags: ['-minus', 'ok'],
  });
  const entity = await archive.createEntity({ name: '=1+1 Brigade', type: 'group', aliases: ['Brigade'] });
  await archive.tagSpan(hostile.id, { start: 0, end: 7, entityId: entity.id });
  const claim = (await archive.addClaim(hostile.id, { start: 0, end: 35 })).claims[0]!;
  await archive.updateClaim(hostile.id, claim.id, {
    claimant: { text: '', start: null, end: null, name: 'مسؤول', entityId: null },
    via: ['Reuters', 'MENAFN'],
  });
  const out = await tempDir(t);
  const read = async (table: 'articles' | 'mentions' | 'entities' | 'claims') => {
    const { path } = await archive.exportToFile({ scope: { library: true }, format: 'csv', table }, out);
    return parse(await readFile(path), { bom: true, columns: true }) as Record<string, string>[];
  };

  const [row] = await read('articles');
  assert.equal(row!.title, `'=HYPERLINK("http://evil.example","click")`);
  assert.equal(row!.source, "'+cmd|/C calc!A0");
  assert.equal(row!.byline, "'@SUM(1+1)");
  assert.equal(row!.notes, 'line one\nline "two", with a comma');
  assert.equal(row!.tags, "'-minus; ok");
  assert.equal(row!.entities, "'=1+1 Brigade");
  assert.equal(row!.mentions, '1');
  const [mention] = await read('mentions');
  assert.equal(mention!.exact, 'مقاتلون');
  assert.equal(mention!.start, '0');
  const [entityRow] = await read('entities');
  assert.equal(entityRow!.name, "'=1+1 Brigade");
  assert.equal(entityRow!.aliases, 'Brigade; مقاتلون', 'tagging the Arabic words made them an alias');
  assert.equal(entityRow!.articles, '1');
  const [claimRow] = await read('claims');
  assert.equal(claimRow!.claimant, 'مسؤول');
  assert.equal(claimRow!.via, 'Reuters; MENAFN');
  assert.match(claimRow!.text!, /^مقاتلون سيطروا على الجسر، قال مسؤول/);
});

test('exports go where the user pointed, never over a file, under names safe on Windows and macOS', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  await archive.addArticle({ title: 'One', text: 'some words' });
  const out = await tempDir(t);
  const request = { scope: { library: true as const }, format: 'csv' as const, table: 'articles' as const };

  const taken = join(out, 'taken.csv');
  await writeFile(taken, 'mine');
  await assert.rejects(archive.exportToFile(request, taken), (e: Error & { code?: string }) => e.code === 'exists');
  assert.equal(await readFile(taken, 'utf8'), 'mine', 'an existing file is never overwritten');
  await assert.rejects(archive.exportToFile(request, join(out, 'missing', 'x.csv')), /There is no folder/);

  // A collection's name becomes a file name in the folder pointed at, not a path out of it.
  for (const name of ['../../escape', 'CON', 'a:b*c?"d|e<f>', '...', 'trailing. ']) {
    const collection = await archive.createCollection({ name, query: 'words' });
    await archive.searchService.settled();
    const result = await archive.exportToFile({ ...request, scope: { collectionId: collection.id } }, out);
    assert.equal(join(result.path, '..'), out, `${name} stays in the folder`);
  }
  const names = (await readdir(out)).sort();
  assert.ok(
    names.every((n) => !/[<>:"|?*\\/]/.test(n) && !n.startsWith('.')),
    names.join(', '),
  );
  assert.equal(names.length, 6, 'no temp file is left behind');

  assert.equal(safeFileName('CON', '.csv'), 'newsdesk CON.csv');
  assert.equal(safeFileName('lpt1.report', '.csv'), 'newsdesk lpt1.report.csv');
  assert.equal(safeFileName('  ..hidden', '.md'), 'hidden.md');
  assert.equal(safeFileName('', '.md'), 'newsdesk.md');
  assert.equal(safeFileName('e\u0301te\u0301', '.md'), 'été.md', 'NFC, as macOS would not store it otherwise');
  assert.ok(Buffer.byteLength(safeFileName('ش'.repeat(300), '.newsdesk.zip')) <= 200);
});

test('a collection deleted while articles are being added to it leaves no article pointing at it', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const ids: string[] = [];
  for (let i = 0; i < 120; i++) ids.push((await archive.addArticle({ text: `article number ${i}` })).id);
  const doomed = await archive.createCollection({ name: 'Doomed' });
  const adding = archive.addToCollection(doomed.id, ids);
  const deleting = archive.deleteCollection(doomed.id);
  await Promise.allSettled([adding, deleting]);
  for (const id of ids) assert.deepEqual((await archive.getArticle(id)).collectionIds, [], id);
  assert.deepEqual(await archive.listCollections(), []);
});

test('an export counts what it wrote: an article file gone since is skipped and said', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  await archive.addArticle({ title: 'One', text: 'first words' });
  const gone = await archive.addArticle({ title: 'Two', text: 'second words' });
  const { rm } = await import('node:fs/promises');
  const files = await readdir(join(dir, 'articles'), { recursive: true });
  await rm(
    join(
      dir,
      'articles',
      files.find((f) => f.endsWith(`${gone.id}.json`))!,
    ),
  );
  const result = await archive.exportToFile(
    { scope: { library: true }, format: 'csv', table: 'articles' },
    await tempDir(t),
  );
  assert.equal(result.articles, 1);
  assert.equal(result.skipped, 1);
  const rows = parse(await readFile(result.path), { bom: true, columns: true }) as Record<string, string>[];
  assert.deepEqual(
    rows.map((r) => r.title),
    ['One'],
  );
});

test('a query of members is read when the call is made: a query that does not parse is said first', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  await archive.searchService.settled();
  await assert.rejects(archive.addToCollection('col_000000000000', { query: 'title:(' }), { code: 'invalid' });
  const smart = await archive.createCollection({ name: 'Smart', query: 'port' });
  await assert.rejects(archive.removeFromCollection(smart.id, { query: '"unclosed' }), {
    code: 'invalid',
    message: /quoted phrase is not closed/,
  });
  await assert.rejects(archive.addToCollection('col_000000000000', { query: 'port' }), { code: 'not_found' });
});
