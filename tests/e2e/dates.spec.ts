// Honest dates from a user's seat: an article nobody dated reads "date unknown" and stays off the timeline, never shown at its capture day.
import { expect, test } from './fixtures.ts';

// Our own invented reports: one the outlet dated, one pasted without any date (no dateline either).
const DATED = 'At least 27 civilians were killed in the shelling of Karovsk, according to a UN official.';
const UNDATED = 'Local officials said 31 civilians were killed in the shelling of Karovsk.';

test('an undated article shows "date unknown" in the lists and is not plotted at its capture day', async ({
  library,
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await library.seed([
    { text: DATED, title: 'Shelling kills 27 in Karovsk', source: 'Daily Observer', publishedAt: '2026-03-13' },
    { text: UNDATED, title: 'Karovsk counts its dead', source: 'Karovsk Courier' },
  ]);
  const { claims, search, tagging } = library;
  const today = new Date().toISOString().slice(0, 10);

  // The library's Published column says so; the capture day stays in its own column.
  const row = page.getByRole('row').filter({ hasText: 'Karovsk counts its dead' });
  await expect(row.locator('.published-date')).toHaveText('date unknown');
  await expect(row.locator('.published-date')).toHaveAttribute('title', /captured \d{4}-\d\d-\d\d/);

  // Each article read once, so the rules have suggested their claims.
  for (const title of ['Shelling kills 27 in Karovsk', 'Karovsk counts its dead']) {
    await library.open(title);
    await expect(tagging.panel).not.toContainText('Suggesting…');
  }

  // Search results: the publication day, or "date unknown", never today's capture day.
  await page.keyboard.press('/');
  await search.type('karovsk');
  await search.expectCount('2 articles');
  await expect(search.hit('Shelling kills 27').locator('.hit-meta')).toContainText('2026-03-13');
  const undated = search.hit('Karovsk counts its dead').locator('.hit-meta');
  await expect(undated).toContainText('date unknown');
  await expect(undated).not.toContainText(today);
  await page.screenshot({ path: testInfo.outputPath('search-date-unknown.png') });

  // The timeline: the dated figure plotted, the undated one left out and counted.
  await claims.openView();
  await expect(claims.list).toContainText('31 civilians');
  await expect(claims.timeline.locator('circle')).toHaveCount(1);
  await expect(claims.timeline.locator('circle title')).toHaveText(/Daily Observer, 2026-03-13/);
  await expect(claims.view.getByTestId('timeline-undated')).toHaveText(
    '1 figure not plotted: no event or publication date.',
  );
  await expect(claims.list.getByRole('listitem').filter({ hasText: '31 civilians' })).toContainText('date unknown');
  await page.screenshot({ path: testInfo.outputPath('timeline-undated.png') });
});
