// The archive through its contract on a real data folder: add, list, read, edit, trash, restore, reopen.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { invokeMethod } from '../../core/gate.ts';
import { DEFAULT_MAX_IMPORT_BYTES, DEFAULT_OCR_LANGUAGES } from '../../core/model.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

test('an added article is listed, read back and kept across a reopen', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const added = await archive.addArticle({
    text: 'Troops entered the town on Tuesday.\r\nResidents fled.',
    title: 'Troops enter town',
    source: 'Example Wire',
    url: 'https://example.org/a',
    publishedAt: '2024-11-29T10:00:00+02:00',
    tags: ['conflict', 'conflict'],
  });
  assert.equal(added.text, 'Troops entered the town on Tuesday.\nResidents fled.');
  assert.deepEqual(added.tags, ['conflict']);
  assert.equal(added.provenance.method, 'pasted');
  assert.match(added.provenance.sha256, /^[0-9a-f]{64}$/);

  const month = added.capturedAt.slice(0, 7).replace('-', '/');
  const onDisk = JSON.parse(await readFile(join(dir, 'articles', month, `${added.id}.json`), 'utf8'));
  assert.equal(onDisk.schemaVersion, 1);
  assert.equal(onDisk.article.title, 'Troops enter town');

  await archive.close();
  const again = await openFor(t, dir);
  const page = await again.listArticles();
  assert.equal(page.total, 1);
  assert.equal(page.items[0]!.title, 'Troops enter town');
  assert.equal('text' in page.items[0]!, false, 'the list carries no article text');
  assert.deepEqual(await again.getArticle(added.id), added);
});

test('a title is made from the first line when none is given', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const added = await archive.addArticle({ text: '\n\n  First line here  \nmore' });
  assert.equal(added.title, 'First line here');
});

test('edit, trash and restore change what is listed, and persist', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const a = await archive.addArticle({ text: 'one', title: 'One' });
  const b = await archive.addArticle({ text: 'two', title: 'Two' });

  const edited = await archive.updateArticle(a.id, { title: 'One, edited', notes: 'check the figure', tags: ['x'] });
  assert.equal(edited.title, 'One, edited');
  assert.equal(edited.text, 'one', 'the text is untouched');
  assert.ok(edited.updatedAt >= a.updatedAt);

  await archive.deleteArticle(b.id);
  assert.deepEqual(
    (await archive.listArticles()).items.map((x) => x.id),
    [a.id],
  );
  assert.deepEqual(
    (await archive.listArticles({ trash: true })).items.map((x) => x.id),
    [b.id],
  );
  assert.equal((await archive.getStatus()).trash, 1);
  await archive.close();

  const again = await openFor(t, dir);
  assert.equal((await again.listArticles({ trash: true })).total, 1);
  await again.restoreArticle(b.id);
  const titles = (await again.listArticles({ sort: 'title', order: 'asc' })).items.map((x) => x.title);
  assert.deepEqual(titles, ['One, edited', 'Two']);
});

test('listing sorts by each field and pages', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  await archive.addArticle({ text: 'x', title: 'banana', source: 'B', publishedAt: '2024-01-02' });
  await archive.addArticle({ text: 'x', title: 'Apple', source: 'c', publishedAt: '2024-01-03T00:30:00+02:00' });
  await archive.addArticle({ text: 'x', title: 'cherry', source: 'a' });

  const titles = async (query: Parameters<typeof archive.listArticles>[0]) =>
    (await archive.listArticles(query)).items.map((x) => x.title);
  assert.deepEqual(await titles({ sort: 'title', order: 'asc' }), ['Apple', 'banana', 'cherry']);
  assert.deepEqual(await titles({ sort: 'source', order: 'desc' }), ['Apple', 'banana', 'cherry']);
  // 2024-01-03T00:30+02:00 is 2024-01-02T22:30Z, after midnight UTC of the 2nd; undated sorts oldest.
  assert.deepEqual(await titles({ sort: 'publishedAt', order: 'desc' }), ['Apple', 'banana', 'cherry']);
  assert.deepEqual(await titles({ sort: 'capturedAt', order: 'asc' }), ['banana', 'Apple', 'cherry']);
  const page = await archive.listArticles({ sort: 'title', order: 'asc', offset: 1, limit: 1 });
  assert.deepEqual([page.total, page.offset, page.items.map((x) => x.title)], [3, 1, ['banana']]);
});

test('bad arguments are refused with a clear error and change nothing', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  await assert.rejects(archive.addArticle({ text: '   ' }), { code: 'invalid', message: /text cannot be empty/ });
  await assert.rejects(archive.addArticle({ text: 'x', url: 'javascript:alert(1)' }), { code: 'invalid' });
  await assert.rejects(archive.addArticle({ text: 'x', publishedAt: 'last Tuesday' }), {
    message: /expected an ISO date/,
  });
  await assert.rejects(archive.getArticle('00000000-0000-4000-8000-000000000000'), { code: 'not_found' });
  const a = await archive.addArticle({ text: 'x', title: 'kept' });
  await assert.rejects(archive.updateArticle(a.id, { title: '' }), { code: 'invalid' });
  await assert.rejects(archive.updateArticle(a.id, {}), { message: /nothing to change/ });
  await assert.rejects(archive.updateArticle(a.id, { text: 'sneaky' } as never), { code: 'invalid' });
  assert.equal((await archive.getArticle(a.id)).title, 'kept');
  assert.equal((await archive.listArticles()).total, 1);
});

test('concurrent edits of one article all land, one after another', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const a = await archive.addArticle({ text: 'x', title: 'start' });
  await Promise.all(Array.from({ length: 20 }, (_, i) => archive.updateArticle(a.id, { tags: [`t${i}`] })));
  await Promise.all([archive.updateArticle(a.id, { title: 'final' }), archive.updateArticle(a.id, { notes: 'n' })]);
  const got = await archive.getArticle(a.id);
  assert.equal(got.title, 'final');
  assert.equal(got.notes, 'n');
});

test('the shipped samples load once, with provenance', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const first = await archive.loadSamples();
  assert.ok(first.added >= 3, `loaded ${first.added} samples`);
  assert.deepEqual(await archive.loadSamples(), { added: 0 });
  const page = await archive.listArticles();
  assert.equal(page.total, first.added);
  const article = await archive.getArticle(page.items[0]!.id);
  assert.equal(article.provenance.method, 'sample');
  assert.ok(article.text.length > 100);
});

test('an update names only what changes: absent or undefined fields are kept', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const a = await archive.addArticle({ text: 'x', title: 'T', source: 'S', byline: 'B', tags: ['k'] });
  const updated = await archive.updateArticle(a.id, { title: 'T2', source: undefined });
  assert.deepEqual([updated.title, updated.source, updated.byline, updated.tags], ['T2', 'S', 'B', ['k']]);
});

test('loading the samples twice at once adds them once', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const [a, b] = await Promise.all([archive.loadSamples(), archive.loadSamples()]);
  assert.equal(a.added + b.added, (await archive.listArticles()).total);
  // Either may get there first (both read the samples before queueing); the other adds nothing.
  assert.equal(Math.min(a.added, b.added), 0);
  assert.ok(Math.max(a.added, b.added) > 0);
});

test('the settings in force: defaults, what archive.json says, and a hand-edited bad value replaced by its default', async (t) => {
  const dir = await tempDir(t);
  const first = await openArchive(dir);
  const ocrLanguages = [...DEFAULT_OCR_LANGUAGES];
  assert.deepEqual(await first.getSettings(), {
    maxImportBytes: DEFAULT_MAX_IMPORT_BYTES,
    ocrLanguages,
    refreshPaused: false,
    allowPrivateNetwork: false,
    clipperPort: 47118,
  });
  await first.close();
  const file = join(dir, 'archive.json');
  const registry = JSON.parse(await readFile(file, 'utf8'));
  await writeFile(
    file,
    JSON.stringify({
      ...registry,
      settings: { maxImportBytes: 1234, ocrLanguages: ['rus'], fromANewerNewsdesk: true },
    }),
  );
  const second = await openArchive(dir);
  assert.deepEqual(await second.getSettings(), {
    maxImportBytes: 1234,
    ocrLanguages: ['rus'],
    refreshPaused: false,
    allowPrivateNetwork: false,
    clipperPort: 47118,
  });
  // Unknown keys are kept in the file for the Newsdesk that wrote them.
  await second.createCollection({ name: 'Any write' });
  await second.close();
  assert.equal(JSON.parse(await readFile(file, 'utf8')).settings.fromANewerNewsdesk, true);
  await writeFile(
    file,
    JSON.stringify({ ...registry, settings: { maxImportBytes: 'twenty megabytes', ocrLanguages: ['../../etc'] } }),
  );
  const third = await openFor(t, dir);
  assert.deepEqual(await third.getSettings(), {
    maxImportBytes: DEFAULT_MAX_IMPORT_BYTES,
    ocrLanguages,
    refreshPaused: false,
    allowPrivateNetwork: false,
    clipperPort: 47118,
  });
  const [refused] = await third.importFile(Buffer.from('x'.repeat(100)), 'big.txt');
  assert.equal(refused?.status, 'saved', 'the default limit applies, not a broken one');
});

test('every method is checked at the gate, the local ones too; a closed archive takes no calls', async (t) => {
  const archive = await openArchive(await tempDir(t));
  await assert.rejects(archive.addFromFile({}, 'not bytes' as never, 'x.txt'), {
    code: 'invalid',
    message: /addFromFile: argument 2: expected bytes/,
  });
  await assert.rejects(archive.importFile(Buffer.from('x'), ''), {
    code: 'invalid',
    issues: [{ path: [1], message: 'a path cannot be empty' }],
  });
  await assert.rejects(archive.exportToFile({ scope: { library: true }, format: 'docx' } as never, '/tmp/x'), {
    code: 'invalid',
    message: /^The format must be one of: bundle, csv, /,
  });
  await assert.rejects(archive.listArticles({ limit: 0 }), {
    code: 'invalid',
    message: 'The limit is 0; the least it can be is 1.',
    issues: [{ path: [0, 'limit'], message: 'The limit is 0; the least it can be is 1.' }],
  });
  // Over a transport only the contract is reachable by name: local methods take paths on this machine.
  await assert.rejects(invokeMethod(archive, 'importBundleFile', ['/etc/passwd']), { code: 'not_found' });
  await assert.rejects(invokeMethod(archive, 'toString', []), { code: 'not_found' });
  await archive.close();
  await assert.rejects(archive.listArticles(), { message: /The archive is closed/ });
  await archive.close();
});

test('a pasted article without a language gets the one its text is in; a stated one is kept', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const french = await archive.addArticle({
    title: 'Alep',
    text: "Selon le Croissant-Rouge, au moins douze civils ont été tués lundi près d'Alep, où les secours manquent de tout.",
  });
  assert.equal(french.language, 'fr');
  const stated = await archive.addArticle({ title: 'Short', text: 'Ok.', language: 'de' });
  assert.equal(stated.language, 'de');
  const unknown = await archive.addArticle({ title: 'Short', text: 'Ok then.' });
  assert.equal(unknown.language, '', 'too little text to tell: no language, not a guess');
  // franc ranks this Hmong by a hair over English: a near-tie with English is English.
  const few = await archive.addArticle({ title: 'Few words', text: 'Paris and London. '.repeat(40) });
  assert.equal(few.language, 'en');
});
