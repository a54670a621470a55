// The library from a user's seat: add, read, edit, delete, restore, samples, keyboard, errors; plus the docs screenshot.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLE_COUNT = readdirSync(join(ROOT, 'assets/samples')).filter((name) => name.endsWith('.json')).length;

// Our own fixture text: a made-up report in the shape monitors deal with (a dateline, attributions, a hedge).
const REPORT = [
  'VELMORA, 3 June (Test Agency) - Two bridges over the Aster river were damaged overnight, local officials said.',
  'A spokesman for the provincial council said repairs would take "at least a month", according to a statement.',
  'Residents reportedly crossed by boat on Tuesday morning.',
].join('\n\n');

test('adds, reads, edits, deletes and restores an article, and keeps it across a reload', async ({ library, page }) => {
  await expect(library.emptyState).toBeVisible();
  await library.addArticle({
    text: REPORT,
    title: 'Bridges damaged over the Aster river',
    source: 'Test Agency',
    url: 'https://news.example.org/aster-bridges',
    publishedAt: '2024-06-03',
    byline: 'A. Reporter',
    tags: 'bridges, Velmora',
    notes: 'Check the council statement.',
  });

  await expect(library.row('Bridges damaged over the Aster river')).toBeVisible();
  await expect(library.articleCount).toHaveText('1 article');

  await library.open('Bridges damaged over the Aster river');
  await expect(library.reader.getByText('Residents reportedly crossed by boat on Tuesday morning.')).toBeVisible();
  await expect(library.reader.getByTestId('article-text').locator('p')).toHaveCount(3);
  await expect(library.reader.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText([
    'bridges',
    'Velmora',
  ]);
  await expect(library.reader.getByRole('region', { name: 'Notes' })).toContainText('Check the council statement.');
  // The fingerprint is of exactly what was pasted.
  const sha256 = createHash('sha256').update(REPORT, 'utf8').digest('hex');
  await expect(library.provenance.getByTestId('sha256')).toHaveText(sha256);
  await expect(library.provenance).toContainText('Pasted text');

  await library.editOpenArticle({ title: 'Two bridges damaged over the Aster river' });
  await expect(library.readerTitle).toHaveText('Two bridges damaged over the Aster river');
  await expect(library.row('Two bridges damaged over the Aster river')).toBeVisible();

  await library.deleteOpenArticle();
  await expect(library.notice).toContainText('Moved “Two bridges damaged over the Aster river” to the trash');
  await expect(library.emptyState).toBeVisible();

  await library.showTrash();
  await library.open('Two bridges damaged over the Aster river');
  await library.restoreOpenArticle();
  await expect(library.rows).toHaveCount(0);
  await expect(library.list).toContainText('The trash is empty.');

  await library.showLibrary();
  await expect(library.row('Two bridges damaged over the Aster river')).toBeVisible();

  await page.reload();
  await library.waitUntilReady();
  await expect(library.row('Two bridges damaged over the Aster river')).toBeVisible();
  await library.open('Two bridges damaged over the Aster river');
  await expect(library.provenance.getByTestId('sha256')).toHaveText(sha256);
  // The one-time token must not linger in the address bar (or in screenshots of it), nor become a cookie
  // (one scoped to 127.0.0.1 would reach every server there); the reload above found it in the tab's storage.
  expect(page.url()).not.toContain('token=');
  expect(await page.context().cookies()).toEqual([]);
});

test('the empty library offers the sample articles', async ({ library }) => {
  await expect(library.emptyState).toContainText('Newsdesk keeps the articles you monitor');
  await library.loadSamples();
  await expect(library.rows).toHaveCount(SAMPLE_COUNT);
  await expect(library.articleCount).toHaveText(`${SAMPLE_COUNT} articles`);
  await expect(library.notice).toContainText(`Added ${SAMPLE_COUNT} sample articles`);
  // The newest is opened, so the reader is never blank once there is something to read.
  await expect(library.readerTitle).toHaveText(
    (await library.rows.first().getByRole('gridcell').first().textContent())!,
  );
});

test('sorts by a column when its header is clicked, and again the other way', async ({ library }) => {
  await library.loadSamples();
  const titleHeader = library.list.getByRole('columnheader', { name: 'Title' });
  const titles = library.rows.locator('[role="gridcell"]:first-child');
  await expect(library.list.getByRole('columnheader', { name: 'Captured' })).toHaveAttribute('aria-sort', 'descending');

  await titleHeader.getByRole('button').click();
  await expect(titleHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(titles.first()).toHaveText('Aid convoy turned back after overnight shelling of Karovsk port');
  const ascending = await titles.allTextContents();

  await titleHeader.getByRole('button').click();
  await expect(titleHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(titles).toHaveText([...ascending].reverse());
});

test('keyboard: j/k move through the list, ? lists the shortcuts, n opens a new article, t shows the trash', async ({
  library,
  page,
}) => {
  await library.loadSamples();
  const titles = await library.rows.locator('[role="gridcell"]:first-child').allTextContents();
  await expect(library.readerTitle).toHaveText(titles[0]!);

  await page.keyboard.press('j');
  await expect(library.selectedRow).toHaveText(new RegExp(titles[1]!));
  await expect(library.readerTitle).toHaveText(titles[1]!);
  await page.keyboard.press('j');
  await expect(library.readerTitle).toHaveText(titles[2]!);
  await page.keyboard.press('k');
  await expect(library.readerTitle).toHaveText(titles[1]!);
  await page.keyboard.press('Enter');
  await expect(library.reader).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(library.list).toBeFocused();

  await page.keyboard.press('?');
  await expect(library.helpDialog).toBeVisible();
  // One row per shortcut of renderer/shortcuts.ts (the table the key handler reads too): 28, and the inbox's 7.
  await expect(library.helpDialog.getByRole('row')).toHaveCount(35);
  await expect(library.helpDialog).toContainText('Undo the last rejection of suggestions');
  await expect(library.helpDialog).toContainText('Make a claim of the selected words');
  await expect(library.helpDialog).toContainText('Next article');
  await page.keyboard.press('Escape');
  await expect(library.helpDialog).toBeHidden();

  await page.keyboard.press('n');
  await expect(library.articleDialog).toBeVisible();
  await expect(library.field('text')).toBeFocused();
  // Typing is typing: shortcut letters go into the field.
  await page.keyboard.type('jk');
  await expect(library.field('text')).toHaveValue('jk');
  await page.keyboard.press('Escape');
  await expect(library.articleDialog).toBeHidden();
  await expect(library.readerTitle).toHaveText(titles[1]!);

  await page.keyboard.press('e');
  await expect(library.articleDialog).toBeVisible();
  await expect(library.field('title')).toHaveValue(titles[1]!);
  await page.keyboard.press('Escape');

  await page.keyboard.press('#');
  await expect(library.rows).toHaveCount(SAMPLE_COUNT - 1);
  await page.keyboard.press('t');
  await expect(page.getByRole('grid', { name: 'Trash' })).toBeVisible();
  await expect(library.rows).toHaveText([new RegExp(titles[1]!)]);
  await expect(library.readerTitle).toHaveText(titles[1]!);
  await page.keyboard.press('r');
  await expect(library.rows).toHaveCount(0);
  await page.keyboard.press('t');
  await expect(library.rows).toHaveCount(SAMPLE_COUNT);
});

test('a long list stays virtualized and j keeps the selection in view', async ({ library, page }) => {
  const count = 260; // more than one page of rows (200)
  await library.seed(
    Array.from({ length: count }, (_, i) => ({
      text: `Body of report ${i}.`,
      title: `Report ${String(i).padStart(3, '0')}`,
      source: 'Seed Wire',
    })),
  );
  await expect(library.articleCount).toHaveText(`${count} articles`);
  await expect(library.list).toHaveAttribute('aria-rowcount', String(count + 1));
  // Only the rows on screen (plus a margin) exist in the page.
  expect(await library.rows.count()).toBeLessThan(80);

  await library.list.getByRole('columnheader', { name: 'Title' }).getByRole('button').click();
  await library.open('Report 000');
  for (let i = 0; i < 40; i++) await page.keyboard.press('j');
  await expect(library.readerTitle).toHaveText('Report 040');
  await expect(library.selectedRow).toBeInViewport();

  // The last page arrives as it scrolls into view.
  await page.keyboard.press('End');
  await expect(library.readerTitle).toHaveText('Report 259');
  await expect(library.selectedRow).toBeInViewport();
});

test('an invalid article shows the archive’s message in the dialog and saves nothing', async ({ library }) => {
  await library.openNewArticleDialog();
  await library.fillArticle({ title: 'No text at all' });
  await library.articleDialog.getByRole('button', { name: 'Add article' }).click();
  await expect(library.articleDialog.getByRole('alert')).toContainText('the text cannot be empty');
  await expect(library.field('text')).toHaveAttribute('aria-invalid', 'true');

  await library.fillArticle({ text: 'Some text.', url: 'not a url' });
  await library.articleDialog.getByRole('button', { name: 'Add article' }).click();
  await expect(library.articleDialog.getByRole('alert')).toContainText('expected an http(s) URL');
  await expect(library.field('url')).toHaveAttribute('aria-invalid', 'true');

  await library.articleDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(library.articleDialog).toBeHidden();
  await expect(library.emptyState).toBeVisible();
  await expect(library.articleCount).toHaveText('0 articles');
});

test('a damaged article file is reported, moved aside and listed as a problem', async ({ library, dataDir }) => {
  await library.addArticle({ text: REPORT, title: 'Soon to be damaged' });
  await library.addArticle({ text: 'Another report.', title: 'Still fine' });
  // Suggestions are written into the file in the background: damage it only after they are, or
  // that write could put a good file back first.
  for (const title of ['Soon to be damaged', 'Still fine']) {
    await library.open(title);
    await expect(library.tagging.panel).not.toContainText('Suggesting…');
  }
  const [file] = readdirSync(join(dataDir, 'articles'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .filter((name) => readFileSync(join(dataDir, 'articles', name), 'utf8').includes('Soon to be damaged'));
  writeFileSync(join(dataDir, 'articles', file!), '{"schemaVersion": 1, "article": {"title": trunc');

  await library.row('Soon to be damaged').click();
  await expect(library.readerPlaceholder).toContainText('This article could not be opened');
  await expect(library.notice).toContainText('it was moved to');
  await expect(library.row('Soon to be damaged')).toHaveCount(0);
  await library.statusBar.getByRole('button', { name: '1 file moved aside' }).click();
  const problems = library.page.getByRole('dialog', { name: 'Files that needed attention' });
  await expect(problems).toContainText('not valid JSON');
  await expect(problems).toContainText('.corrupt-');
});

test('losing the server shows in the status bar without blocking the window', async ({
  library,
  page,
  shell,
  stopServer,
}) => {
  test.skip(shell === 'electron', 'The desktop app has no server to lose');
  await library.loadSamples();
  await stopServer();
  await page.keyboard.press('j');
  await expect(library.notice).toContainText('Cannot reach the Newsdesk server');
  await page.keyboard.press('?');
  await expect(library.helpDialog).toBeVisible();
});

// Rewrites the committed image only when asked (UPDATE_SCREENSHOTS=1), so an ordinary run leaves the tree clean.
test('screenshot of the main view for the docs', async ({ library, page }, testInfo) => {
  test.skip(testInfo.project.name !== 'chromium', 'The docs screenshot is taken once, in the browser run');
  await page.setViewportSize({ width: 1400, height: 900 });
  await library.loadSamples();
  await library.open('Aid convoy turned back after overnight shelling of Karovsk port');
  await expect(library.tagging.panel).not.toContainText('Suggesting…');
  await expect(library.provenance).toBeInViewport();
  const path = process.env.UPDATE_SCREENSHOTS
    ? join(ROOT, 'docs/screenshots/main-view.png')
    : testInfo.outputPath('main-view.png');
  await page.screenshot({ path });
});
