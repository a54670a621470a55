// Importing into a real archive: provenance kept beside the article, duplicates refused, syndicated copies grouped, bad input explained.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Archive } from '../../core/archive.ts';
import { runCli } from './helpers/run-cli.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';
import { FIXTURES } from './helpers/capture-fixtures.ts';

async function importFixture(archive: Archive, name: string) {
  const bytes = await readFile(join(FIXTURES, name));
  return archive.importDocument({ name, data: bytes.toString('base64') });
}

test('a saved page keeps its captured bytes beside the article, with their sha256', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const [result] = await importFixture(archive, 'jsonld-newsarticle.html');
  assert.equal(result?.status, 'saved', result?.error ?? '');
  const article = await archive.getArticle(result!.id!);
  const original = await readFile(join(FIXTURES, 'jsonld-newsarticle.html'));
  const month = article.capturedAt.slice(0, 7).replace('-', '/');
  const kept = await readFile(join(dir, 'articles', month, article.provenance.attachment!));
  assert.deepEqual(kept, original);
  assert.equal(article.provenance.sha256, createHash('sha256').update(original).digest('hex'));
  assert.equal(article.provenance.bytes, original.length);
  assert.equal(article.provenance.method, 'file');
  assert.equal(article.provenance.mediaType, 'text/html');
  assert.equal(article.provenance.origin, 'jsonld-newsarticle.html');
});

test('an exact duplicate (same canonical URL, or same text) is not saved twice and names the original', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const [first] = await importFixture(archive, 'jsonld-newsarticle.html');
  const [again] = await importFixture(archive, 'jsonld-newsarticle.html');
  assert.deepEqual([again?.status, again?.duplicateOf], ['duplicate', first?.id]);
  const [variant] = await importFixture(archive, 'duplicate-of-jsonld.html');
  assert.deepEqual([variant?.status, variant?.duplicateOf], ['duplicate', first?.id]);
  assert.equal((await archive.listArticles()).total, 1);
});

test('the same text under another name is a duplicate', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const expected = JSON.parse(await readFile(join(FIXTURES, 'expected.json'), 'utf8'));
  const original = expected['same-text-other-url.txt']?.duplicateOf as string;
  assert.ok(original, 'expected.json names the fixture whose text it repeats');
  const [first] = await importFixture(archive, original);
  const [copy] = await importFixture(archive, 'same-text-other-url.txt');
  assert.deepEqual([copy?.status, copy?.duplicateOf], ['duplicate', first?.id]);
});

test('a syndicated copy joins the story of the original; a different story on the same event does not', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const [a] = await importFixture(archive, 'syndicated-a.html');
  const [b] = await importFixture(archive, 'syndicated-b.html');
  const [other] = await importFixture(archive, 'unrelated-same-topic.html');
  for (const r of [a, b, other]) assert.equal(r?.status, 'saved', r?.error ?? '');
  assert.equal(b?.storyId, a?.id, 'the copy joins the first article’s story');
  assert.equal((await archive.getArticle(a!.id!)).storyId, a?.id, 'and the first article is marked too');
  assert.equal(other?.storyId, null);
  assert.deepEqual(
    (await archive.getStory(a!.id!)).map((x) => x.id),
    [b?.id],
  );
  assert.deepEqual(
    (await archive.getStory(b!.id!)).map((x) => x.id),
    [a?.id],
  );
  assert.deepEqual(await archive.getStory(other!.id!), []);
});

test('RSS and Atom entries become articles, one result each', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const rss = await importFixture(archive, 'feed-rss.xml');
  const atom = await importFixture(archive, 'feed-atom.xml');
  assert.ok(rss.length >= 2 && atom.length >= 2, `${rss.length} + ${atom.length} results`);
  for (const r of [...rss, ...atom]) {
    assert.ok(r.item.includes(' › '), r.item);
    assert.ok(r.status === 'saved' || r.error, JSON.stringify(r));
  }
  const saved = [...rss, ...atom].filter((r) => r.status === 'saved');
  assert.ok(saved.length >= 3);
  const article = await archive.getArticle(saved[0]!.id!);
  assert.equal(article.provenance.method, 'feed');
  assert.match(article.provenance.mediaType, /rss|atom/);
});

test('an OPML list fetches each feed; offline, each fails at once with a clear message and nothing is saved', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const started = Date.now();
  const results = await importFixture(archive, 'feeds.opml');
  assert.ok(results.length >= 3);
  for (const r of results) {
    assert.equal(r.status, 'failed');
    assert.match(r.error!, /Could not reach .*(offline|ENOTFOUND|EAI_AGAIN)|did not answer/);
  }
  assert.ok(Date.now() - started < 15_000, 'fails fast');
  assert.equal((await archive.listArticles()).total, 0);
});

test('a URL offline fails at once, names the host, and saves nothing', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const [result] = await archive.importUrl('https://news.invalid/story/1');
  assert.equal(result?.status, 'failed');
  assert.match(result!.error!, /Could not reach news\.invalid/);
  assert.match(result!.error!, /Nothing was saved/);
  assert.equal((await archive.listArticles()).total, 0);
});

test('files over the size cap are refused before they are read; the cap is configurable', async (t) => {
  const dir = await tempDir(t);
  const big = join(dir, 'big.html');
  await writeFile(big, `<html><body><p>${'x'.repeat(21_000_000)}</p></body></html>`);
  const result = await runCli(['import', big, '--data-dir', join(dir, 'data'), '--json']);
  assert.equal(result.code, 1);
  assert.match(JSON.parse(result.stdout.split('\n')[0]!).error, /over the import size limit \(21\.0 MB > 20\.0 MB\)/);
  const small = await runCli([
    'import',
    join(FIXTURES, 'plain.txt'),
    '--max-size',
    '0.001',
    '--data-dir',
    join(dir, 'data'),
    '--json',
  ]);
  assert.match(JSON.parse(small.stdout.split('\n')[0]!).error, /over the import size limit/);
  // Without --max-size, the archive's own limit (archive.json's settings), as the app applies it.
  const registry = join(dir, 'data', 'archive.json');
  await writeFile(
    registry,
    JSON.stringify({ ...JSON.parse(await readFile(registry, 'utf8')), settings: { maxImportBytes: 100 } }),
  );
  const bySetting = await runCli(['import', join(FIXTURES, 'plain.txt'), '--data-dir', join(dir, 'data'), '--json']);
  assert.match(JSON.parse(bySetting.stdout.split('\n')[0]!).error, /over the import size limit \(0\.0 MB > 0\.0 MB\)/);
});

test('a folder of mixed good and bad files: the good are saved, each bad one explained, nothing half-saved', async (t) => {
  const dir = await tempDir(t);
  const folder = join(dir, 'inbox');
  await mkdir(folder);
  for (const name of ['jsonld-newsarticle.html', 'opengraph-only.html', 'plain.txt', 'notes.md'])
    await cp(join(FIXTURES, name), join(folder, name));
  await cp(join(FIXTURES, 'bad'), join(folder, 'bad'), { recursive: true });
  await cp(join(FIXTURES, 'saved-page'), join(folder, 'saved-page'), { recursive: true });
  await writeFile(join(folder, 'data.json'), '{}');
  const data = join(dir, 'data');
  const result = await runCli(['import', folder, '--data-dir', data, '--json']);
  assert.equal(result.code, 1, 'some failed');
  const results = result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { item: string; status: string; error: string | null; id: string | null });
  const byName = (part: string) => results.find((r) => r.item.includes(part));
  for (const good of [
    'jsonld-newsarticle.html',
    'opengraph-only.html',
    'plain.txt',
    'notes.md',
    'malformed.html',
    '«ü»',
  ])
    assert.equal(byName(good)?.status, 'saved', `${good}: ${byName(good)?.error}`);
  assert.match(byName('empty.html')!.error!, /is empty/);
  assert.match(byName('binary.html')!.error!, /PNG image/);
  // A page of headlines is saved as its readable text, marked, rather than refused.
  assert.equal(byName('only-nav.html')!.status, 'saved');
  assert.match(byName('data.json')!.error!, /\.json files are not imported/);
  const savedPages = results.filter((r) => r.item.includes('saved-page'));
  assert.deepEqual(
    savedPages.map((r) => r.status),
    ['saved'],
    'the page once, not its assets',
  );
  assert.match(result.stderr, /saved, 0 duplicate\(s\), 3 failed/);

  // Every article file has its attachment and nothing else is left behind.
  const files = (await readdir(join(data, 'articles'), { recursive: true })).filter((f) => /\.\w+$/.test(f));
  const saved = results.filter((r) => r.status === 'saved');
  assert.equal(files.filter((f) => f.endsWith('.json')).length, saved.length);
  assert.equal(files.filter((f) => f.includes('.capture.')).length, saved.length);
  assert.deepEqual(
    files.filter((f) => f.endsWith('.tmp')),
    [],
  );
});

test('hostile HTML is saved without anything that runs or loads', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const [result] = await importFixture(archive, 'hostile.html');
  assert.equal(result?.status, 'saved', result?.error ?? '');
  const { html, text } = await archive.getArticle(result!.id!);
  for (const bad of [
    '<script',
    'onerror',
    'onload',
    'javascript:',
    '<iframe',
    '<form',
    '<object',
    '<embed',
    '<base',
    '<meta',
    '<link',
    '<style',
    '<img',
    'evil.example',
    'tracker.example',
  ])
    assert.ok(!html.toLowerCase().includes(bad), `sanitized HTML still has ${bad}`);
  assert.ok(!text.includes('PWNED'));
});

test('a page with no article is saved whole, marked fallback, and found apart with extraction:fallback', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const [article] = await importFixture(archive, 'jsonld-newsarticle.html');
  // Nothing but a list of links: both extractors keep nothing, and the page's text is what is saved.
  const links = Array.from({ length: 6 }, (_, i) => `<li><a href="/story-${i}">Flood story number ${i}</a></li>`);
  const page = `<!doctype html><html><head><title>Flood index</title></head><body><ul>${links.join('')}</ul></body></html>`;
  const [index] = await archive.importDocument({ name: 'index.html', data: Buffer.from(page).toString('base64') });
  assert.equal(index?.status, 'saved', index?.error ?? '');
  const saved = await archive.getArticle(index!.id!);
  assert.equal(saved.extraction, 'fallback');
  assert.match(saved.text, /Flood story number 5/);
  const ids = async (query: string) => (await archive.search({ query })).hits.map((hit) => hit.id);
  assert.deepEqual(await ids('extraction:fallback'), [index!.id]);
  assert.deepEqual(await ids('-extraction:fallback'), [article!.id]);
  await assert.rejects(archive.search({ query: 'extraction:article' }), /-extraction:fallback|not a way text is got/);
});
