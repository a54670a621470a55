// Collections and exports from a user's seat: make a collection, add to it from the reader and from search results, export it and read the download.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, test } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');

// Our own invented stories.
const STORIES = [
  {
    title: 'Bridge at Karovsk falls',
    text: 'Fighters took the bridge at Karovsk, officials said.',
    source: 'Wire One',
  },
  {
    title: 'Karovsk market shelled',
    text: 'The market in Karovsk was shelled overnight, residents said.',
    source: 'Daily Two',
  },
  { title: 'Talks in Veldt', text: 'Negotiators met in Veldt to discuss a ceasefire.', source: 'Coastal Herald' },
];

test('makes a collection, adds to it from the reader and from search results, and exports it as CSV', async ({
  library,
  page,
}, testInfo) => {
  test.skip(await page.evaluate(() => 'archive' in window), 'the desktop app saves through a native save dialog');
  await library.seed(STORIES);
  const picker = page.getByLabel('Collection', { exact: true });

  // A new collection is listed at once (empty).
  await page.getByRole('button', { name: 'New collection' }).click();
  await page.getByLabel('Collection name').fill('Karovsk week');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(library.notice).toContainText('Made the collection “Karovsk week”');
  await expect(picker).toHaveValue(/^col_/);
  await expect(library.rows).toHaveCount(0);

  // From the reader: the picker, and `b` to reach it from the keyboard.
  await picker.selectOption({ label: 'All articles' });
  await expect(library.rows).toHaveCount(3);
  await library.open('Bridge at Karovsk falls');
  await library.reader.getByLabel('Add to collection').selectOption({ label: 'Karovsk week' });
  await expect(library.notice).toContainText('Added 1 article to “Karovsk week”');
  await expect(library.reader.locator('.collection-chip')).toHaveText(/Karovsk week/);

  // From search results: everything the query finds (the one already in is counted apart).
  await page.keyboard.press('/');
  await library.search.type('karovsk');
  await library.search.expectCount('2 articles');
  await page.getByLabel('Add all results to a collection').selectOption({ label: 'Karovsk week' });
  await expect(library.notice).toContainText('Added 1 article to “Karovsk week” (1 already in it)');
  await library.search.box.focus();
  await page.keyboard.press('Escape');

  await picker.selectOption({ label: 'Karovsk week (2)' });
  await expect(library.rows).toHaveCount(2);
  await library.open('Karovsk market shelled');
  await library.reader.getByRole('button', { name: 'Remove from Karovsk week' }).click();
  await expect(library.rows).toHaveCount(1);
  await library.open('Bridge at Karovsk falls');
  await page.keyboard.press('b');
  await expect(library.reader.getByLabel('Add to collection')).toBeHidden(); // in every hand-made collection already

  // The export dialog offers the collection first, counts what it will write, and downloads it.
  await page.keyboard.press('Shift+S');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('radio', { name: /The collection “Karovsk week”/ })).toBeChecked();
  await dialog.getByLabel('Format').selectOption({ label: 'Spreadsheet (CSV)' });
  await dialog.getByLabel('Table').selectOption({ label: 'Articles' });
  await expect(dialog.getByRole('status')).toContainText(/^1 article, \d+ claims?, \d+ entit/);
  await expect(dialog.getByRole('status')).toContainText(/newsdesk Karovsk week \d{4}-\d{2}-\d{2}\.articles\.csv/);
  await page.screenshot({
    path: process.env.UPDATE_SCREENSHOTS
      ? join(ROOT, 'docs/screenshots/export-dialog.png')
      : testInfo.outputPath('export-dialog.png'),
  });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export and download' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^newsdesk Karovsk week \d{4}-\d{2}-\d{2}\.articles\.csv$/);
  const saved = testInfo.outputPath('export.csv');
  await download.saveAs(saved);
  const rows = parse(await readFile(saved), { bom: true, columns: true }) as Record<string, string>[];
  expect(rows.map((r) => r.title)).toEqual(['Bridge at Karovsk falls']);
  expect(rows[0]!.collections).toBe('Karovsk week');
  await expect(dialog).toBeHidden();
  await expect(library.notice).toContainText('Exported 1 article as “newsdesk Karovsk week');

  // A bundle of the whole library downloads too, as a zip.
  await page.keyboard.press('Shift+S');
  await dialog.getByRole('radio', { name: 'The whole library' }).check();
  await dialog.getByLabel('Format').selectOption({ label: 'Newsdesk bundle' });
  await expect(dialog.getByRole('status')).toContainText('3 articles');
  const bundle = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export and download' }).click();
  const zip = testInfo.outputPath('library.newsdesk.zip');
  await (await bundle).saveAs(zip);
  expect((await readFile(zip)).subarray(0, 2).toString()).toBe('PK');
});
