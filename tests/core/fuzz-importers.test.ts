// Issue 17 fuzzing of the importers: mutated real HTML pages, feeds and PDFs through importDocument, and a followed feed refreshed mutated, are saved (readable back) or fail with a clear error, within a time limit, never a rejection.
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { openArchive } from '../../core/archive.ts';
import type { ImportResult } from '../../core/model.ts';
import { assertClearError, assertClearMessage, fuzzRuns, mutated } from './helpers/fuzz.ts';
import { defer, openFor, tempDir } from './helpers/temp-dir.ts';

const CAPTURE = fileURLToPath(new URL('../fixtures/capture/', import.meta.url));
/** A mutated file that takes longer than this to import counts as a hang. */
const TIME_LIMIT_MS = 20_000;

type Fixture = { name: string; bytes: Buffer; mediaType?: string };

/** Declared types, charsets the decoder must honour or refuse among them. */
const MEDIA_TYPES = [
  'application/pdf',
  'text/html; charset=koi8-r',
  'text/html; charset=utf-16',
  'text/html; charset=utf-16be',
  'text/html; charset=bogus',
  'text/plain; charset=windows-1256',
  'application/atom+xml',
  'application/feed+json',
  'image/png',
];

async function fixtures(folder: string, pattern: RegExp): Promise<Fixture[]> {
  const names = (await readdir(folder)).filter((name) => pattern.test(name));
  return Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(folder, name)) })));
}

/**
 * An archive whose OCR language has no data installed: a PDF mutated into a scan is then refused at once
 * ("cannot be OCR'd") instead of spending seconds a page in Tesseract, which the capture tests cover.
 */
async function archiveWithoutOcr(t: TestContext, settings: Record<string, unknown> = {}) {
  const dir = await tempDir(t);
  await (await openArchive(dir)).close();
  const file = join(dir, 'archive.json');
  const registry = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  await writeFile(file, JSON.stringify({ ...registry, settings: { ocrLanguages: ['rus'], ...settings } }));
  return openFor(t, dir);
}

async function withinLimit<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${TIME_LIMIT_MS} ms`)), TIME_LIMIT_MS);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** The mutated file named as it was, or under another type's extension (the importer sniffs bytes too). */
function damagedFiles(files: Fixture[], extensions: string[]): fc.Arbitrary<Fixture> {
  return fc
    .tuple(
      fc.nat(files.length - 1),
      fc.option(fc.constantFrom(...extensions), { nil: undefined }),
      fc.option(fc.constantFrom(...MEDIA_TYPES), { nil: undefined, freq: 3 }),
    )
    .chain(([index, extension, mediaType]) => {
      const { name, bytes } = files[index]!;
      const renamed = extension ? name.replace(/\.[^.]+$/, extension) : name;
      return mutated(bytes).map((damaged) => ({ name: renamed, bytes: damaged, mediaType }));
    });
}

function checkResults(results: ImportResult[], input: string): void {
  assert.ok(Array.isArray(results) && results.length > 0, 'one result per item at least');
  for (const result of results) {
    assert.ok(['saved', 'duplicate', 'failed'].includes(result.status), result.status);
    if (result.status === 'failed') assertClearMessage(result.error, input);
    else assert.equal(typeof (result.id ?? result.duplicateOf), 'string', `${result.status} without an id`);
  }
}

async function importsOrFails(archive: Awaited<ReturnType<typeof openFor>>, file: Fixture): Promise<void> {
  let results: ImportResult[];
  try {
    results = await withinLimit(
      archive.importDocument({
        name: file.name,
        data: file.bytes.toString('base64'),
        ...(file.mediaType ? { mediaType: file.mediaType } : {}),
      }),
      file.name,
    );
  } catch (error) {
    return assertClearError(error, file.name);
  }
  checkResults(results, file.name);
  // Saved means readable: the article reads back.
  for (const { id } of results.filter((r) => r.status === 'saved'))
    assert.equal((await archive.getArticle(id!)).id, id);
}

test('mutated HTML pages and feeds are saved or fail with a clear per-file error, never a rejection or a hang', async (t) => {
  const archive = await archiveWithoutOcr(t);
  const files = [
    ...(await fixtures(CAPTURE, /\.(html|xml|txt)$/)),
    ...(await fixtures(join(CAPTURE, 'bad'), /\.html$/)),
    ...(await fixtures(join(CAPTURE, 'saved-page'), /\.html$/)),
  ];
  await fc.assert(
    fc.asyncProperty(damagedFiles(files, ['.html', '.xml', '.txt', '.md', '.pdf', '']), (file) =>
      importsOrFails(archive, file),
    ),
    fuzzRuns(17_10, 25),
  );
});

test('mutated PDFs are saved or fail with a clear per-file error, never a rejection or a hang', async (t) => {
  const archive = await archiveWithoutOcr(t);
  const files = await fixtures(join(CAPTURE, 'pdf'), /\.pdf$/);
  await fc.assert(
    fc.asyncProperty(damagedFiles(files, ['.html']), (file) => importsOrFails(archive, file)),
    fuzzRuns(17_11, 20),
  );
});

test('a followed feed that comes back mutated refreshes to a result per feed with clear errors, never a rejection', async (t) => {
  const archive = await archiveWithoutOcr(t, { allowPrivateNetwork: true });
  let feed: Buffer = Buffer.alloc(0);
  const server = createServer((req, res) => {
    if (req.url === '/feed.xml') return void res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(feed);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      `<html><body><article><h1>Story</h1><p>${'The harbour road reopened on Thursday. '.repeat(20)}</p></article></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  defer(t, () => new Promise((resolve) => server.close(resolve)));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The fixture feed with its links on this server, so no item is fetched from elsewhere.
  const original = Buffer.from(
    (await readFile(join(CAPTURE, 'feed-rss.xml'), 'utf8')).replace(/https?:\/\/[^/"<\s]+/g, base),
  );
  const { followed } = await archive.followFeeds(`${base}/feed.xml`);
  const id = followed[0]!.id;
  await fc.assert(
    fc.asyncProperty(mutated(original), async (bytes) => {
      feed = bytes;
      const results = await withinLimit(archive.refreshSubscriptions([id]), 'the refresh');
      assert.equal(results.length, 1);
      assert.ok(['ok', 'not-modified', 'failed', 'offline'].includes(results[0]!.status), results[0]!.status);
      for (const error of results[0]!.errors) assertClearMessage(error, bytes.toString('latin1'));
    }),
    fuzzRuns(17_14, 5),
  );
});
