// Search from a user's seat: type a query, see the matched words highlighted, narrow by a facet, open a hit, save the search.
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');

// Our own invented stories, in three languages and from three outlets.
const STORIES = [
  {
    title: 'Shelling kills 27 in Karovsk',
    text: 'At least 27 civilians were killed in the shelling of Karovsk, according to a UN official. Residents fled towards the river.',
    source: 'Daily Observer',
    publishedAt: '2024-11-27',
    language: 'en',
  },
  {
    title: 'Karovsk mourns its dead',
    text: 'Funerals were held in Karovsk for the civilians killed in Tuesday’s shelling. Aid convoys reached the town.',
    source: 'Karovsk Courier',
    publishedAt: '2024-11-28',
    language: 'en',
  },
  {
    title: 'Ceasefire talks resume in Veldt',
    text: 'Negotiators met in Veldt. Delegates said the shelling of Karovsk overshadowed the talks.',
    source: 'Coastal Herald',
    publishedAt: '2024-12-02',
    language: 'en',
  },
  {
    title: 'Bombardements à Karovsk',
    text: 'Les bombardements de Karovsk ont fait au moins 27 morts parmi les civils, selon un responsable de l’ONU.',
    source: 'Le Veilleur',
    publishedAt: '2024-11-27',
    language: 'fr',
  },
];

test('types a query, sees highlighted hits, narrows by a facet, opens a hit and saves the search', async ({
  library,
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1400, height: 860 });
  await library.seed(STORIES);
  const { search } = library;

  // / goes to the box; results come as the words are typed.
  await page.keyboard.press('/');
  await expect(search.box).toBeFocused();
  await search.type('karovsk shelling');
  await search.expectCount('3 articles');
  const first = search.hit('Shelling kills 27 in Karovsk');
  await expect(first.locator('.hit-title mark')).toHaveText(['Shelling', 'Karovsk']);
  await expect(first.locator('.hit-snippet mark').first()).toBeVisible();
  await expect(
    search.hits
      .locator('.hit-snippet mark')
      .filter({ hasText: /^shelling$/i })
      .first(),
  ).toBeVisible();

  // A typo still finds the words; a half-typed phrase says what is wrong and keeps the results.
  await search.type('negotaitors~ karovsk');
  await search.expectCount('1 article');
  await expect(search.hit('Ceasefire talks resume in Veldt').locator('.hit-snippet mark').first()).toHaveText(
    'Negotiators',
  );
  await search.box.press('End');
  await search.box.pressSequentially(' "veldt');
  await expect(search.error).toContainText('quoted phrase is not closed');
  await expect(search.hits).toHaveCount(1);

  // Facets count what matched; a click narrows the query to that source.
  await search.type('karovsk');
  await search.expectCount('4 articles');
  await expect(search.facet('Language', 'fr')).toContainText('1');
  await expect(search.side.getByRole('region', { name: 'Month' })).toBeVisible();
  const screenshot = process.env.UPDATE_SCREENSHOTS
    ? join(ROOT, 'docs/screenshots/search.png')
    : testInfo.outputPath('search.png');
  await page.screenshot({ path: screenshot });
  await search.facet('Source', 'Karovsk Courier').click();
  await expect(search.box).toHaveValue('karovsk source:"Karovsk Courier"');
  await search.expectCount('1 article');

  // Opening a hit shows it in the reader beside the results; j/k move through them.
  await search.type('karovsk -source:"Le Veilleur"');
  await search.expectCount('3 articles');
  await search.hit('Karovsk mourns its dead').click();
  await expect(library.readerTitle).toHaveText('Karovsk mourns its dead');
  await search.results.getByRole('listbox').focus();
  await page.keyboard.press('j');
  await expect(search.hits.and(page.locator('[aria-selected="true"]'))).toHaveCount(1);

  // Saved, cleared, and run again from the list.
  await search.saved.getByRole('button', { name: 'Save this search…' }).click();
  await search.saved.getByLabel('Name of the saved search').fill('Karovsk, not in French');
  await search.saved.getByRole('button', { name: 'Save' }).click();
  await expect(library.notice).toContainText('Saved the search “Karovsk, not in French”');
  await search.box.focus();
  await page.keyboard.press('Escape');
  await expect(search.results).toBeHidden();
  await search.type('veldt');
  await search.expectCount('1 article');
  await search.saved.getByRole('button', { name: 'Karovsk, not in French', exact: true }).click();
  await expect(search.box).toHaveValue('karovsk -source:"Le Veilleur"');
  await search.expectCount('3 articles');
});

test('the reader follows the highlighted hit: after a search, with j/k, the arrow keys and a click', async ({
  library,
  page,
}) => {
  await library.seed(STORIES);
  const { search } = library;
  /** The highlighted hit is the only one, and the reader shows its article. */
  const expectReaderOn = async (title: string) => {
    await expect(search.highlighted).toHaveCount(1);
    await expect(search.highlighted.locator('.hit-title')).toHaveText(title);
    await expect(library.readerTitle).toHaveText(title);
  };

  // Reading an article the next search does not find: the first hit takes its place in the reader.
  await library.open('Bombardements à Karovsk');
  await page.keyboard.press('/');
  await search.type('shelling');
  await search.expectCount('3 articles');
  const titles = await search.hits.locator('.hit-title').allTextContents();
  expect(titles).not.toContain('Bombardements à Karovsk');
  await expectReaderOn(titles[0]!);

  // The keys move the highlight and the reader with it.
  await search.results.getByRole('listbox').focus();
  await page.keyboard.press('j');
  await expectReaderOn(titles[1]!);
  await page.keyboard.press('ArrowDown');
  await expectReaderOn(titles[2]!);
  await page.keyboard.press('k');
  await expectReaderOn(titles[1]!);
  await search.hit(titles[0]!).click();
  await expectReaderOn(titles[0]!);

  // A new search that still finds the article being read keeps it, highlighted where it now ranks.
  await search.hit(titles[2]!).click();
  await search.type('karovsk');
  await search.expectCount('4 articles');
  await expectReaderOn(titles[2]!);
  // One that does not: the reader moves to the new first hit, never staying on the old article.
  await search.type('veldt negotiators');
  await search.expectCount('1 article');
  await expectReaderOn('Ceasefire talks resume in Veldt');
  await search.type('funerals');
  await search.expectCount('1 article');
  await expectReaderOn('Karovsk mourns its dead');
});
