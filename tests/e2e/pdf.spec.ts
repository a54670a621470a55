// PDFs from a user's seat: a report printed by Chromium and a scan picked in the Import dialog, read in the reader with their marks.
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const pdf = (name: string): string => join(ROOT, 'tests/fixtures/capture/pdf', name);

test('a PDF imports through the dialog and reads with its PDF mark and page markers', async ({ library }, testInfo) => {
  const dialog = library.importDialog;
  await dialog.importFiles([pdf('flash-update.pdf')]);
  await dialog.expectStatus('flash-update.pdf', 'saved');
  const title = 'Karovsk Valley: Flood Flash Update No. 3';
  await expect(dialog.row('flash-update.pdf').locator('.result-title')).toHaveText(title);
  await dialog.row('flash-update.pdf').locator('.result-title').click();
  await expect(library.readerTitle).toHaveText(title);

  const mark = library.reader.getByTestId('extraction-mark');
  await expect(mark).toHaveAttribute('data-extraction', 'pdf');
  await expect(mark).toHaveText(/^PDF\s*text layer · 2 pages$/);
  await expect(library.reader.locator('.reader-source')).toHaveText('Marta Ilves');

  const text = library.readerText;
  await expect(text).toContainText('the market quarter and the industrial zone of Lindqvar');
  await expect(text).toContainText('the cross-border corridor carried twelve trucks');
  // One marker per page, p. 2 at the head of the paragraph page 2 begins with.
  await expect(text.locator('.page-marker')).toHaveText(['p. 1', 'p. 2']);
  const outlook = text.locator('p', { has: library.page.locator('[data-page="2"]') });
  await expect(outlook).toHaveText(/^p\. 2\s*Outlook$/);
  await outlook.scrollIntoViewIfNeeded();

  await expect(library.provenance).toContainText('application/pdf');
  await expect(library.provenance).toContainText(/Made by\s*Skia\/PDF/);
  await library.page.screenshot({ path: testInfo.outputPath('pdf-reader.png') });
});

test('a scanned PDF shows its OCR pages while it is read, then its OCR mark and confidence', async ({
  library,
}, testInfo) => {
  const dialog = library.importDialog;
  await dialog.open();
  await dialog.fileInput.setInputFiles([pdf('scan-en.pdf')]);
  // The dialog asks the archive which page it is on: OCR takes long enough (~1 s a page) to see it.
  await expect(dialog.progress.getByTestId('page-progress')).toHaveText(/OCR, page [12] of 2/, { timeout: 15_000 });
  await dialog.waitUntilFinished();
  await dialog.expectStatus('scan-en.pdf', 'saved');
  await dialog.row('scan-en.pdf').locator('.result-title').click();
  await expect(library.readerTitle).toHaveText('Ministry of Water Resources');

  const mark = library.reader.getByTestId('extraction-mark');
  await expect(mark).toHaveAttribute('data-extraction', 'ocr');
  await expect(mark).toHaveText(/^OCR\s*read by OCR, \d{2,3}% confidence · in ara, eng, fra · 2 pages$/);
  await expect(library.readerText).toContainText('Engineers completed the inspection of the Karovsk dam');
  await expect(library.readerText.locator('.page-marker')).toHaveText(['p. 1', 'p. 2']);
  await library.page.screenshot({ path: testInfo.outputPath('ocr-reader.png') });
});
