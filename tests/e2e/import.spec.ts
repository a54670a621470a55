// Capture from a user's seat: files, drops, a URL and pastes imported with progress and results; hostile pages stay inert.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page, Request, Route } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/capture');
const fixture = (name: string): string => join(FIXTURES, name);

/**
 * Slows every importDocument call, so a test can watch the progress and press Cancel mid-batch. It
 * delays the HTTP API, which the desktop app does not use: those tests run in the browser only.
 */
async function slowImports(page: Page, ms: number): Promise<void> {
  await page.route('**/api/importDocument', async (route: Route) => {
    await new Promise((done) => setTimeout(done, ms));
    await route.continue();
  });
}

test('imports several files with progress, then lists saved, duplicate and failed rows', async ({
  library,
  page,
  shell,
}) => {
  test.skip(shell === 'electron', 'Watching the progress needs the HTTP API slowed down');
  const dialog = library.importDialog;
  await page.keyboard.press('i');
  await expect(dialog.dialog).toBeVisible();
  await expect(dialog.dialog.getByRole('tab', { name: 'Files' })).toHaveAttribute('aria-selected', 'true');

  await slowImports(page, 250);
  await dialog.fileInput.setInputFiles([
    fixture('jsonld-newsarticle.html'),
    fixture('opengraph-only.html'),
    fixture('feed-rss.xml'),
    fixture('bad/binary.html'),
  ]);
  // Progress is real: one file at a time, its name shown, the bar moving.
  await expect(dialog.progress.getByRole('heading')).toHaveText(/Importing [12] of 4/);
  await expect(dialog.progress).toContainText(/Reading (jsonld-newsarticle|opengraph-only)\.html/);
  await dialog.waitUntilFinished();
  await expect(dialog.progressBar).toHaveAttribute('aria-valuenow', '4');
  await expect(dialog.progress.getByRole('heading')).toHaveText('Import finished');
  await expect(dialog.progress).toContainText('Read 4 items');

  await dialog.expectStatus('jsonld-newsarticle.html', 'saved');
  await dialog.expectStatus('opengraph-only.html', 'saved');
  // A feed gives one row per entry.
  expect(await dialog.row('feed-rss.xml').count()).toBeGreaterThan(1);
  await dialog.expectStatus('binary.html', 'failed');
  await expect(dialog.row('binary.html').locator('.result-error')).not.toBeEmpty();

  const counts = await dialog.counts();
  expect(counts.failed).toBe(1);
  expect(counts.saved).toBe((await dialog.resultRows.count()) - 1);
  await expect(library.articleCount).toHaveText(`${counts.saved} articles`);

  // The same article again (here its AMP copy, with the same canonical URL) is a duplicate naming the one kept.
  await dialog.importFiles([fixture('duplicate-of-jsonld.html'), fixture('jsonld-newsarticle.html')]);
  await dialog.expectStatus('duplicate-of-jsonld.html', 'duplicate');
  await dialog.expectStatus('jsonld-newsarticle.html', 'duplicate');
  const row = dialog.row('duplicate-of-jsonld.html');
  await expect(row).toContainText('Velmora evacuates 4,000 as Drava levee gives way');
  await expect(row).toContainText('Already in the archive');
  await row.getByRole('button', { name: 'Open existing' }).click();
  await expect(dialog.dialog).toBeHidden();
  await expect(library.readerTitle).toHaveText('Velmora evacuates 4,000 as Drava levee gives way');
  await expect(library.provenance).toContainText('jsonld-newsarticle.html');
  await expect(library.articleCount).toHaveText(`${counts.saved} articles`);
});

test('a saved row opens its article; Cancel stops after the current file', async ({ library, page, shell }) => {
  test.skip(shell === 'electron', 'Cancelling mid-batch needs the HTTP API slowed down');
  const dialog = library.importDialog;
  await dialog.open();
  await slowImports(page, 600);
  await dialog.fileInput.setInputFiles([
    fixture('byline-in-markup.html'),
    fixture('no-metadata.html'),
    fixture('syndicated-a.html'),
    fixture('syndicated-b.html'),
  ]);
  await expect(dialog.progress).toContainText('Reading byline-in-markup.html');
  await dialog.cancelButton.click();
  await dialog.waitUntilFinished();
  await expect(dialog.progress.getByRole('heading')).toHaveText(/Import cancelled after [12] of 4/);
  await expect(dialog.progress).toContainText(/[23] items were not imported/);
  const imported = await dialog.resultRows.count();
  expect(imported).toBeLessThan(4);
  await expect(library.articleCount).toHaveText(new RegExp(`^${imported} articles?$`));

  const title = await dialog.row('byline-in-markup.html').locator('.result-title').innerText();
  await dialog.row('byline-in-markup.html').locator('td.col-source').click();
  await expect(dialog.dialog).toBeHidden();
  await expect(library.readerTitle).toHaveText(title);
  await expect(library.row(title)).toBeVisible();
  // The results stay until Done: the status bar offers them again.
  await library.notice.getByRole('button', { name: 'Show results' }).click();
  await expect(dialog.resultRows).toHaveCount(imported);
});

test('a hostile page imports as inert text: nothing runs, nothing remote loads', async ({ library, page }) => {
  const origin = new URL(page.url()).origin;
  const requests: string[] = [];
  const foreign: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (request: Request) => requests.push(request.url()));
  page.on('dialog', (alert) => {
    dialogs.push(`${alert.type()}: ${alert.message()}`);
    void alert.dismiss();
  });
  await page.context().route('**/*', (route: Route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    foreign.push(url);
    return route.abort();
  });

  await library.importDialog.importFiles([fixture('hostile.html')]);
  await library.importDialog.expectStatus('hostile.html', 'saved');
  const title = await library.importDialog.row('hostile.html').locator('.result-title').innerText();
  await library.importDialog.row('hostile.html').locator('.result-title').click();
  await expect(library.readerTitle).toHaveText(title);
  await expect(library.readerText.locator('p').first()).toBeVisible();
  // Give timers, delayed handlers and lazy loads in the page every chance to fire.
  await library.reader.hover();
  await library.readerText.click();
  await page.waitForTimeout(800);

  expect(dialogs, 'dialogs opened by the page').toEqual([]);
  expect(foreign, 'requests to anywhere but the app').toEqual([]);
  expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
  expect(await page.title()).toBe(`${title} – Newsdesk`);

  const reader = await library.reader.evaluate((root) => {
    const elements = [root, ...root.querySelectorAll('*')];
    return {
      handlers: elements.flatMap((el) =>
        el
          .getAttributeNames()
          .filter((name) => name.toLowerCase().startsWith('on'))
          .map((name) => `${el.tagName}[${name}]`),
      ),
      dangerous: [
        ...root.querySelectorAll('iframe, frame, form, script, object, embed, img, style, link, meta, base'),
      ].map((el) => el.tagName),
      scriptLinks: [...root.querySelectorAll('[href], [src], [action], [formaction]')]
        .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? '')
        .filter((value) => /^\s*(javascript|data|vbscript):/i.test(value)),
    };
  });
  expect(reader).toEqual({ handlers: [], dangerous: [], scriptLinks: [] });
  // Whatever the fixture's scripts would set, had any of them run.
  const markers = await page.evaluate(() =>
    Object.keys(window).filter((key) => /pwn|hack|xss|evil|hostile|injected/i.test(key)),
  );
  expect(markers).toEqual([]);
  // The fixture's own scripts: one stores page state, the consent script writes localStorage.
  expect(await page.evaluate(() => '__APP_STATE__' in window)).toBe(false);
  expect(await page.evaluate(() => localStorage.getItem('es_consent_v3'))).toBeNull();
  // The captured bytes are evidence, kept and named but never rendered.
  await expect(library.provenance).toContainText('text/html');
  await expect(library.provenance).toContainText('.capture.');
});

test('a syndicated pair is one story: the reader shows “Also published by” the other outlet', async ({ library }) => {
  const dialog = library.importDialog;
  await dialog.importFiles([fixture('syndicated-a.html'), fixture('syndicated-b.html')]);
  await dialog.expectStatus('syndicated-a.html', 'saved');
  await dialog.expectStatus('syndicated-b.html', 'saved');
  const a = dialog.row('syndicated-a.html');
  const b = dialog.row('syndicated-b.html');
  const [titleA, titleB] = [await a.locator('.result-title').innerText(), await b.locator('.result-title').innerText()];
  const [sourceA, sourceB] = [
    await a.locator('td.col-source').innerText(),
    await b.locator('td.col-source').innerText(),
  ];
  expect(sourceA).not.toBe(sourceB);

  await a.locator('.result-title').click();
  await expect(library.readerTitle).toHaveText(titleA);
  await expect(library.story).toContainText(`Also published by ${sourceB}`);
  await library.story.getByRole('button', { name: titleB }).click();
  await expect(library.readerTitle).toHaveText(titleB);
  await expect(library.story).toContainText(`Also published by ${sourceA}`);
});

test('an Arabic page in windows-1256 reads right to left', async ({ library, page }, testInfo) => {
  await library.importDialog.importFiles([fixture('arabic-windows-1256.html')]);
  await library.importDialog.expectStatus('arabic-windows-1256.html', 'saved');
  await library.importDialog.row('arabic-windows-1256.html').locator('.result-title').click();
  await expect(library.readerTitle).toHaveText(/[\u0600-\u06FF]/);
  await expect(library.readerText).toHaveAttribute('lang', 'ar');
  const directions = await library.readerText
    .locator('p')
    .evaluateAll((paragraphs) => paragraphs.map((p) => getComputedStyle(p).direction));
  expect(directions.length).toBeGreaterThan(0);
  expect(new Set(directions)).toEqual(new Set(['rtl']));
  expect(await library.readerTitle.evaluate((h1) => getComputedStyle(h1).direction)).toBe('rtl');
  await expect(library.provenance).toContainText('windows-1256');
  await page.screenshot({ path: testInfo.outputPath('reader-arabic.png') });
});

test('a two-sentence brief is an article; a page of only links is saved whole, with its mark', async ({
  library,
  page,
}, testInfo) => {
  const brief = testInfo.outputPath('brief.html');
  const links = testInfo.outputPath('flood-index.html');
  writeFileSync(
    brief,
    '<!doctype html><html><head><title>Dam inspection ends</title></head><body><article><h1>Dam inspection ends</h1>' +
      '<p>Engineers finished inspecting the Karovsk dam on Monday. No cracks were found, the ministry said.</p>' +
      '</article></body></html>',
  );
  const items = Array.from({ length: 6 }, (_, i) => `<li><a href="/flood-${i}">Flood update number ${i}</a></li>`);
  writeFileSync(
    links,
    `<!doctype html><html><head><title>Flood index</title></head><body><ul>${items.join('')}</ul></body></html>`,
  );
  await library.importDialog.importFiles([brief, links]);
  await library.importDialog.expectStatus('brief.html', 'saved');
  await library.importDialog.expectStatus('flood-index.html', 'saved');

  await library.importDialog.row('brief.html').locator('.result-title').click();
  await expect(library.readerText).toContainText('No cracks were found, the ministry said.');
  await expect(library.reader.getByTestId('extraction-mark')).toHaveCount(0);

  await library.open('Flood index');
  const mark = library.reader.getByTestId('extraction-mark');
  await expect(mark).toHaveAttribute('data-extraction', 'fallback');
  await expect(mark).toContainText('Page text: no article found');
  await expect(library.readerText).toContainText('Flood update number 5');
  await page.screenshot({ path: testInfo.outputPath('reader-fallback.png') });
});

test('files and folders dropped on the window import, hidden files skipped', async ({ library, page }) => {
  await expect(library.emptyState).toBeVisible();
  const files = ['byline-in-markup.html', 'no-metadata.html'].map((name) => ({
    name,
    data: readFileSync(fixture(name)).toString('base64'),
  }));
  const dataTransfer = await page.evaluateHandle((contents) => {
    const transfer = new DataTransfer();
    const bytes = (base64: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    for (const { name, data } of contents) transfer.items.add(new File([bytes(data)], name, { type: 'text/html' }));
    transfer.items.add(new File(['junk'], '.DS_Store'));
    return transfer;
  }, files);

  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(page.getByTestId('drop-overlay')).toContainText('Drop to import');
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByTestId('drop-overlay')).toBeHidden();

  const dialog = library.importDialog;
  await expect(dialog.dialog).toBeVisible();
  await dialog.waitUntilFinished();
  await expect(dialog.resultRows).toHaveCount(2);
  await dialog.expectStatus('byline-in-markup.html', 'saved');
  await dialog.expectStatus('no-metadata.html', 'saved');
  await dialog.finish();
  await expect(library.rows).toHaveCount(2);
  // With the library empty until now, the first imported article is opened.
  await expect(library.readerTitle).not.toBeEmpty();
});

test('a “Save page as, complete” folder imports its page once, never its assets', async ({ library }) => {
  const dialog = library.importDialog;
  await dialog.open();
  await dialog.dialog.getByLabel('Choose a folder…').setInputFiles(fixture('saved-page'));
  await dialog.waitUntilFinished();
  await expect(dialog.resultRows).toHaveCount(1);
  await dialog.expectStatus('saved-page/Story title.html', 'saved');
  await expect(dialog.row('Story title.html')).toContainText('Snow closes Kessel Pass, stranding hundreds of lorries');
});

test('a URL offline fails at once with a clear message; pasted HTML is read as a page', async ({ library }) => {
  const dialog = library.importDialog;
  const started = Date.now();
  await dialog.importUrl('https://news.example.invalid/2024/06/03/bridges');
  expect(Date.now() - started).toBeLessThan(10_000);
  await dialog.expectStatus('news.example.invalid', 'failed');
  await expect(dialog.row('news.example.invalid').locator('.result-error')).not.toBeEmpty();
  await expect(library.articleCount).toHaveText('0 articles');

  // A page's source as copied from a browser: long enough to read as an article, not a teaser.
  const paragraphs = [
    'VELMORA, 5 June - The ferry across the Aster river resumed on Wednesday after two days of repairs to the landing stage, the harbour office said in a statement.',
    'Passengers reported queues of up to an hour at the pier on the east bank, where the operator added a second boat for the morning rush.',
    'The harbour office said the new landing stage had passed a load test on Tuesday evening and would be inspected again at the end of the month.',
    'Both road bridges remain closed to lorries, and the council said a decision on reopening them to cars would be taken on Friday.',
  ];
  await dialog.importPasted(
    [
      '<!doctype html><html lang="en"><head><title>Ferry service resumes on the Aster</title>',
      '<meta property="og:site_name" content="Velmora Courier"></head><body><article>',
      '<h1>Ferry service resumes on the Aster</h1><p class="byline">By T. Writer</p>',
      ...paragraphs.map((paragraph) => `<p>${paragraph}</p>`),
      '</article></body></html>',
    ].join('\n'),
  );
  await dialog.expectStatus('pasted.html', 'saved');
  await expect(dialog.row('pasted.html')).toContainText('Ferry service resumes on the Aster');
  await dialog.importPasted('Just a line of plain text about the ferry, pasted as it is.');
  await dialog.expectStatus('pasted.txt', 'saved');
});

// Rewrites the committed image only when asked (UPDATE_SCREENSHOTS=1), so an ordinary run leaves the tree clean.
test('screenshot of the import results for the docs', async ({ library, page }, testInfo) => {
  test.skip(testInfo.project.name !== 'chromium', 'The docs screenshot is taken once, in the browser run');
  await page.setViewportSize({ width: 1400, height: 900 });
  // One batch with every outcome: pages, a feed's entries, an AMP copy of a page already taken, two bad files.
  await library.importDialog.importFiles([
    fixture('jsonld-newsarticle.html'),
    fixture('syndicated-a.html'),
    fixture('syndicated-b.html'),
    fixture('arabic-windows-1256.html'),
    fixture('opengraph-only.html'),
    fixture('duplicate-of-jsonld.html'),
    fixture('bad/binary.html'),
    fixture('feed-rss.xml'),
  ]);
  const path = process.env.UPDATE_SCREENSHOTS
    ? join(ROOT, 'docs/screenshots/import.png')
    : testInfo.outputPath('import.png');
  await page.screenshot({ path });
});
