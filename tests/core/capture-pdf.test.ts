// Importing PDFs into a real archive: a Chromium-printed report, scans OCR'd in English and Arabic, and the PDFs that must fail.
// The fixtures (tests/fixtures/capture/pdf/) were made once by its make-fixtures.mjs with Debian's Chromium and qpdf.
import assert from 'node:assert/strict';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Archive } from '../../core/archive.ts';
import { importTargets } from '../../core/cli-import.ts';
import type { CaptureProgress, ImportResult } from '../../core/model.ts';
import { FIXTURES } from './helpers/capture-fixtures.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

const PDFS = join(FIXTURES, 'pdf');

async function importPdf(archive: Archive, name: string): Promise<ImportResult> {
  const bytes = await readFile(join(PDFS, name));
  const results = await archive.importDocument({ name, data: bytes.toString('base64') });
  assert.equal(results.length, 1);
  return results[0]!;
}

/** The page (from 1) an offset of the text is on. */
function pageOf(pageStarts: number[], offset: number): number {
  return pageStarts.findLastIndex((start) => start <= offset) + 1;
}

test('a PDF printed by Chromium: its text in paragraphs, hyphenation undone, pages, metadata, the file kept', async (t) => {
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const result = await importPdf(archive, 'flash-update.pdf');
  assert.equal(result.status, 'saved', result.error ?? '');
  const article = await archive.getArticle(result.id!);

  assert.equal(article.title, 'Karovsk Valley: Flood Flash Update No. 3');
  assert.equal(article.byline, 'Marta Ilves');
  assert.match(article.publishedAt ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
  assert.equal(article.language, 'en');
  assert.equal(article.extraction, 'pdf');
  assert.equal(article.ocrConfidence, null);

  // Lines joined into paragraphs; "in­dus‐/trial" (a soft hyphen Chromium broke at) rejoined, "cross-/border" kept.
  assert.ok(article.text.includes('the market quarter and the industrial zone of Lindqvar on Tuesday night'));
  assert.ok(article.text.includes('open; the cross-border corridor carried twelve trucks'));
  assert.ok(article.text.includes('The humanitarian coordination cell met twice'));
  assert.ok(article.text.includes('\n\nAccess remains the main constraint.'), 'paragraphs apart by a blank line');

  assert.equal(article.pageStarts.length, 2);
  assert.equal(article.pageStarts[0], 0);
  assert.equal(pageOf(article.pageStarts, article.text.indexOf('The second convoy reached Marrowfield')), 2);
  assert.equal(pageOf(article.pageStarts, article.text.indexOf('Drinking water is the most urgent need')), 1);
  assert.equal(article.text.slice(article.pageStarts[1]).split('\n')[0], 'Outlook');

  const original = await readFile(join(PDFS, 'flash-update.pdf'));
  const month = article.capturedAt.slice(0, 7).replace('-', '/');
  assert.match(article.provenance.attachment ?? '', /\.capture\.pdf$/);
  assert.deepEqual(await readFile(join(dir, 'articles', month, article.provenance.attachment!)), original);
  assert.equal(article.provenance.mediaType, 'application/pdf');
  assert.match(article.provenance.producer, /^Skia\/PDF m\d+ \(from HeadlessChrome\/[\d.]+\)$/);
  assert.deepEqual(article.provenance.ocrLanguages, []);
  assert.deepEqual(
    (await archive.search({ query: 'extraction:pdf' })).hits.map((hit) => hit.id),
    [article.id],
  );
});

test('a scanned PDF (images of text, no text layer) is OCR’d page by page, with progress and a confidence', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const seen: CaptureProgress[] = [];
  const poll = setInterval(() => {
    void archive.getStatus().then((status) => status.capture && seen.push(status.capture));
  }, 10);
  const result = await importPdf(archive, 'scan-en.pdf').finally(() => clearInterval(poll));
  assert.equal(result.status, 'saved', result.error ?? '');
  const article = await archive.getArticle(result.id!);
  assert.equal(article.extraction, 'ocr');
  assert.ok(article.ocrConfidence! > 0.8 && article.ocrConfidence! <= 1, `confidence ${article.ocrConfidence}`);
  assert.equal(article.title, 'Ministry of Water Resources', 'the scan’s metadata title is a file name');
  for (const words of [
    'Engineers completed the inspection of the Karovsk dam',
    'spillway gates were opened',
    'keep away from the riverbanks',
  ])
    assert.ok(article.text.includes(words), `OCR text lacks "${words}":\n${article.text}`);
  assert.equal(pageOf(article.pageStarts, article.text.indexOf('Schools in the lower districts')), 2);
  assert.ok(!article.text.includes('Page 2'), 'the page number at the top of page 2 is not text');
  assert.deepEqual(article.provenance.ocrLanguages, ['ara', 'eng', 'fra']);
  assert.ok(
    seen.some((p) => p.ocr && p.page === 2 && p.pages === 2 && p.item === 'scan-en.pdf'),
    `OCR progress was shown: ${JSON.stringify(seen)}`,
  );
  assert.equal((await archive.getStatus()).capture, null);
});

test('an Arabic scan is OCR’d in Arabic', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const result = await importPdf(archive, 'scan-ar.pdf');
  assert.equal(result.status, 'saved', result.error ?? '');
  const article = await archive.getArticle(result.id!);
  assert.equal(article.extraction, 'ocr');
  assert.equal(article.language, 'ar');
  assert.equal(article.title, 'وزارة الموارد المائية');
  for (const words of ['أكمل المهندسون فحص السد', 'الحماية المدنية', 'ضفاف النهر'])
    assert.ok(article.text.includes(words), `OCR text lacks "${words}":\n${article.text}`);
});

test('OCR languages whose data is missing are named; with none installed a scan fails and says why', async (t) => {
  const dir = await tempDir(t);
  // Settings live in archive.json (a hand edit is how they change): open once to make it, then edit it.
  await (await openFor(t, dir)).close();
  const registry = join(dir, 'archive.json');
  const withSettings = async (settings: object) => {
    const json = JSON.parse(await readFile(registry, 'utf8'));
    await writeFile(registry, JSON.stringify({ ...json, settings }));
    return openFor(t, dir);
  };

  const partly = await withSettings({ ocrLanguages: ['eng', 'xyz'] });
  const saved = await importPdf(partly, 'scan-en.pdf');
  assert.equal(saved.status, 'saved', saved.error ?? '');
  assert.match(
    saved.warning ?? '',
    /No OCR language data installed for xyz \(the npm packages @tesseract\.js-data\/xyz\)/,
  );
  assert.deepEqual((await partly.getArticle(saved.id!)).provenance.ocrLanguages, ['eng']);
  await partly.close();

  const none = await withSettings({ ocrLanguages: ['xyz'] });
  const failed = await importPdf(none, 'scan-ar.pdf');
  assert.equal(failed.status, 'failed');
  assert.match(
    failed.error ?? '',
    /scan-ar\.pdf is a scan \(no text layer\) and cannot be OCR'd: No OCR language data installed for xyz/,
  );
});

test('a password-protected PDF and a truncated one fail, each saying why', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const encrypted = await importPdf(archive, 'encrypted.pdf');
  assert.equal(encrypted.status, 'failed');
  assert.match(encrypted.error ?? '', /encrypted\.pdf is protected by a password/);
  const truncated = await importPdf(archive, 'truncated.pdf');
  assert.equal(truncated.status, 'failed');
  assert.match(truncated.error ?? '', /truncated\.pdf is an incomplete PDF/);
  const garbage = await archive.importDocument({
    name: 'fake.pdf',
    data: Buffer.from('%PDF-1.7\nnot really a pdf\n%%EOF\n').toString('base64'),
  });
  assert.equal(garbage[0]?.status, 'failed');
  assert.match(garbage[0]?.error ?? '', /fake\.pdf (is not a readable PDF|could not be read as a PDF)/);
  assert.equal((await archive.listArticles()).total, 0);
});

test('a folder with bad PDFs among good files: the good ones are saved, each bad one explained', async (t) => {
  const dir = await tempDir(t);
  const folder = join(dir, 'inbox');
  await mkdir(folder);
  for (const name of ['flash-update.pdf', 'encrypted.pdf', 'truncated.pdf'])
    await cp(join(PDFS, name), join(folder, name));
  await cp(join(FIXTURES, 'plain.txt'), join(folder, 'plain.txt'));
  await cp(join(FIXTURES, 'jsonld-newsarticle.html'), join(folder, 'story.html'));
  const archive = await openFor(t, join(dir, 'data'));
  const results: ImportResult[] = [];
  await importTargets(archive, [folder], 20_000_000, { onResult: (r) => results.push(r) });
  const status = Object.fromEntries(results.map((r) => [r.item.replace(/^inbox\//, ''), r.status]));
  assert.deepEqual(status, {
    'encrypted.pdf': 'failed',
    'flash-update.pdf': 'saved',
    'plain.txt': 'saved',
    'story.html': 'saved',
    'truncated.pdf': 'failed',
  });
  assert.equal((await archive.listArticles()).total, 3);
});

test('a PDF served over HTTP imports by its URL, by its type or by its bytes alone', async (t) => {
  const pdf = await readFile(join(PDFS, 'flash-update.pdf'));
  const server = createServer((request, response) => {
    if (request.url === '/reports/flash-update.pdf') response.writeHead(200, { 'Content-Type': 'application/pdf' });
    else if (request.url === '/download?id=3') response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    else return response.writeHead(404).end();
    response.end(pdf);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  t.after(() => new Promise<void>((closed) => server.close(() => closed())));
  const { port } = server.address() as AddressInfo;

  const archive = await openFor(t, await tempDir(t));
  const url = `http://127.0.0.1:${port}/reports/flash-update.pdf`;
  const [result] = await archive.importUrl(url);
  assert.equal(result?.status, 'saved', result?.error ?? '');
  const article = await archive.getArticle(result!.id!);
  assert.equal(article.url, url);
  assert.equal(article.source, '127.0.0.1');
  assert.equal(article.provenance.method, 'url');
  assert.equal(article.provenance.mediaType, 'application/pdf');
  assert.equal(article.extraction, 'pdf');
  assert.equal(article.pageStarts.length, 2);

  const [same] = await archive.importUrl(`http://127.0.0.1:${port}/download?id=3`);
  assert.equal(same?.status, 'duplicate', 'the same text by another address is a duplicate');
  assert.equal(same?.duplicateOf, article.id);
});
