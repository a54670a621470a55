// A reviewed-only report from a user's seat: confirm one suggested claim, export the HTML report from the dialog, and read that it holds only that one.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { expect, test } from './fixtures.ts';

// Our own invented report: two attributed figures the rules suggest as claims.
const TEXT = [
  'At least 14 civilians were killed in the shelling of Velmora, a UN official said.',
  'Local medics said 40 wounded people had been taken to the district hospital overnight.',
].join('\n\n');

test('a reviewed-only HTML report holds only the confirmed claim, and says what it left out', async ({
  library,
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await library.seed([{ text: TEXT, title: 'Velmora shelled', source: 'Test Wire', publishedAt: '2026-03-11' }]);
  const { claims, tagging } = library;

  // Two suggested claims; the monitor confirms the UN's figure and leaves the medics' unreviewed.
  await library.open('Velmora shelled');
  await expect(tagging.panel).not.toContainText('Suggesting…');
  await claims.openPanel();
  await expect(claims.panel.getByRole('listitem')).toHaveCount(2);
  const killed = claims.claim('14 civilians');
  await killed.getByRole('button', { name: /^Claim:/ }).click();
  await killed.getByRole('button', { name: 'Confirm' }).click();
  await expect(killed.locator('.claim-row')).toHaveClass(/confirmed/);

  // The dialog: a report is reviewed-only by default, and says so.
  await page.keyboard.press('Shift+S');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'The whole library' }).check();
  await dialog.getByLabel('Format').selectOption({ label: 'Report (HTML)' });
  await expect(dialog.getByRole('radio', { name: 'Only what a person confirmed' })).toBeChecked();
  await expect(dialog.getByTestId('export-review-note')).toHaveText(/^Only what a person confirmed/);
  // A spreadsheet holds every suggestion unless asked; back to the report, back to its default.
  await dialog.getByLabel('Format').selectOption({ label: 'Spreadsheet (CSV)' });
  await expect(dialog.getByRole('radio', { name: 'Every suggestion, reviewed or not' })).toBeChecked();
  await expect(dialog.getByTestId('export-review-note')).toHaveText('Every suggestion included, reviewed or not.');
  await dialog.getByLabel('Format').selectOption({ label: 'Report (HTML)' });
  await expect(dialog.getByRole('radio', { name: 'Only what a person confirmed' })).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath('export-dialog-reviewed.png') });

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export and download' }).click();
  const saved = testInfo.outputPath('report.html');
  await (await downloading).saveAs(saved);
  expect(await readFile(saved, 'utf8')).toContain('Only what a person confirmed: 1 claim;');

  // The report itself, opened in Chromium: one claim in the table, the one confirmed.
  await page.goto(pathToFileURL(saved).href);
  const rows = page.locator('table.claims tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('14 civilians');
  await expect(page.locator('.review-scope')).toHaveText(
    /^Only what a person confirmed: 1 claim; \d+ unreviewed suggestions? left out \(1 claim, \d+ mentions?\)\.$/,
  );
  await expect(page.locator('.pending')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('report-reviewed.png') });
});
