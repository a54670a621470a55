// Entities from a user's seat: tag words, review suggestions, reject one for good, merge and undo; plus the docs screenshots.
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');

// Our own fixture text, in the shape of a wire report: a dateline, a spokesperson, a group and its acronym.
const REPORT = [
  'KAROVSK, 12 March (Test Agency) - Fighters of the Northern Vigil Front entered Karovsk on Tuesday, said Anna Kessler, a spokesperson for the Varnian Relief Council.',
  'The NVF denied shelling the port. Anna Kessler said at least 40 families had fled Karovsk by boat.',
].join('\n\n');
const TITLE = 'Front enters Karovsk';

test('tags words, confirms and rejects suggestions, merges two entities and undoes it', async ({ library, page }) => {
  await library.addArticle({ text: REPORT, title: TITLE, source: 'Test Agency', publishedAt: '2026-03-13' });
  await library.open(TITLE);
  const tagging = library.tagging;
  // An article opened for the first time gets its suggestions: the panel says when they are done.
  await expect(tagging.panel).not.toContainText('Suggesting…');

  // A new person from selected words: confirmed, and in the registry.
  await tagging.tag('Anna Kessler', { type: 'person' });
  await expect(tagging.mention('Anna Kessler').first()).toHaveClass(/confirmed/);
  // Suggested again, the registry now finds her second mention; one click confirms every suggestion of her.
  await page.keyboard.press('s');
  await expect(tagging.panel).not.toContainText('Suggesting…');
  await expect(tagging.mention('Anna Kessler')).toHaveCount(2);
  await tagging.group('Anna Kessler').getByRole('button', { name: 'Confirm Anna Kessler' }).click();
  await expect(tagging.text.locator('mark.mention.confirmed').filter({ hasText: 'Anna Kessler' })).toHaveCount(2);

  // Rejected for good: a suggestion of the second "Karovsk" goes, and is not offered again.
  await tagging.tag('Karovsk', { type: 'location' });
  await page.keyboard.press('s');
  await expect(tagging.panel).not.toContainText('Suggesting…');
  const second = tagging.mention('Karovsk').nth(1);
  await expect(second).toHaveClass(/suggested/);
  await second.click();
  await tagging.card.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(tagging.mention('Karovsk')).toHaveCount(1);
  await page.keyboard.press('s');
  await expect(tagging.panel).not.toContainText('Suggesting…');
  await expect(tagging.mention('Karovsk')).toHaveCount(1);

  // Two names of one group, merged in the registry, then the merge undone.
  await tagging.tag('Northern Vigil Front', { type: 'group' });
  await tagging.tag('NVF', { type: 'group' });
  await tagging.openRegistry();
  await expect(tagging.entityRows).toHaveCount(4);
  await tagging.openEntity('Northern Vigil Front');
  await tagging.entityPage.getByRole('button', { name: 'Merge…' }).click();
  const picker = tagging.entityPage.getByLabel('Entity name');
  await picker.fill('NVF');
  await tagging.entityPage.getByRole('option').filter({ hasText: 'NVF' }).click();
  await expect(tagging.entityPage.getByRole('list', { name: 'Aliases' })).toContainText('NVF');
  await expect(tagging.entityRows).toHaveCount(3);
  await expect(library.notice).toContainText('Merged “NVF” into this entity');
  await expect(tagging.entityPage.getByRole('img', { name: /Articles per month/ })).toBeVisible();
  await library.notice.getByRole('button', { name: 'Undo' }).click();
  await expect(library.notice).toContainText('Undid the merge');
  await expect(tagging.entityRows).toHaveCount(4);
  await expect(tagging.entityPage.getByRole('list', { name: 'Aliases' })).toHaveCount(0);

  // Aliases are edited on the entity's page, and found by the registry's filter.
  await tagging.entityPage.getByRole('button', { name: 'Edit' }).click();
  const editor = tagging.entityPage.getByRole('form', { name: 'Edit entity' });
  await editor.getByLabel(/^Aliases/).fill('Vigil Front\nNorthern Vigil');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(tagging.entityPage.getByRole('list', { name: 'Aliases' }).getByRole('listitem')).toHaveText([
    'Vigil Front',
    'Northern Vigil',
  ]);
  await tagging.registry.getByLabel('Filter entities').fill('vigil fr');
  await expect(tagging.entityRows).toHaveCount(1);
  await tagging.registry.getByLabel('Filter entities').fill('');

  // From the entity page back to the article, whose NVF mention is NVF's again.
  await tagging.openEntity('NVF');
  await tagging.entityPage.getByRole('button', { name: TITLE }).click();
  await expect(library.readerTitle).toHaveText(TITLE);
  await tagging.mention('NVF').click();
  await expect(tagging.card).toContainText('NVF');
  await expect(tagging.card).toContainText('Tagged · ');
});

test('a rejection is undone, a single suggestion and a whole entity, by the notice, z and Ctrl+Z', async ({
  library,
  page,
}, testInfo) => {
  const text = [
    'Anna Kessler of the Varnian Relief Council said on Tuesday that the convoy reached Karovsk.',
    'Kessler added that the Varnian Relief Council would return to Karovsk within a week.',
  ].join('\n\n');
  await library.addArticle({ text, title: 'Convoy reaches Karovsk', source: 'Test Agency' });
  await library.open('Convoy reaches Karovsk');
  const { tagging, notice } = library;
  await expect(tagging.panel).not.toContainText('Suggesting…');
  const council = tagging.mention('Varnian Relief Council');
  await expect(council).toHaveCount(2);
  await expect(council.nth(0)).toHaveClass(/suggested/);

  // "Reject all 2" from the card, then the notice's Undo: both come back as suggestions.
  await council.nth(0).click();
  await tagging.card.getByRole('button', { name: 'Reject all 2' }).click();
  await expect(council).toHaveCount(0);
  await expect(notice).toContainText('Rejected 2 mentions of “Varnian Relief Council”');
  await page.screenshot({ path: testInfo.outputPath('undo-notice.png') });
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(notice).toContainText('Undone: 2 mentions are back');
  await expect(council).toHaveCount(2);
  await expect(council.nth(1)).toHaveClass(/suggested/);

  // One suggestion rejected with x, taken back with z.
  const places = tagging.mention('Karovsk');
  await expect(places).toHaveCount(2);
  await places.nth(1).click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('x');
  await expect(places).toHaveCount(1);
  await expect(notice).toContainText('Rejected “Karovsk”');
  await page.keyboard.press('z');
  await expect(places).toHaveCount(2);

  // The whole entity from the side panel, taken back with Ctrl+Z; the undo is saved, not just shown.
  await tagging.group('Varnian Relief Council').getByRole('button', { name: 'Reject Varnian Relief Council' }).click();
  await expect(council).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(council).toHaveCount(2);
  await page.reload();
  await library.open('Convoy reaches Karovsk');
  await expect(council).toHaveCount(2);
  await expect(places).toHaveCount(2);
  // Nothing left to undo: z does nothing more.
  await page.keyboard.press('z');
  await expect(council).toHaveCount(2);
});

// Rewrites the committed images only when asked (UPDATE_SCREENSHOTS=1), so an ordinary run leaves the tree clean.
// Our own short reports: one in Turkish, which the tagger has no rules for, and one in German, which it has.
const TURKISH = [
  'Karovsk limanına dün gece top atışı yapıldı, yardım konvoyu geri döndü.',
  'Varnia Yardım Konseyi sözcüsü Anna Kessler, en az kırk ailenin kenti tekneyle terk ettiğini söyledi.',
  'Anna Kessler konvoyun bugün yeniden yola çıkacağını açıkladı.',
].join('\n\n');
const GERMAN =
  'Die Sprecherin Anna Kessler sagte am Dienstag in Wien, mindestens vierzig Familien hätten Karovsk verlassen.';

test('the side panel says when a language gets registry names only, and registry names are still found', async ({
  library,
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await library.seed([
    { text: TURKISH, title: 'Karovsk limanı', source: 'Test Ajansı', publishedAt: '2026-03-13', language: 'tr' },
    {
      text: GERMAN,
      title: 'Familien verlassen Karovsk',
      source: 'Testagentur',
      publishedAt: '2026-03-13',
      language: 'de',
    },
  ]);
  const { tagging } = library;
  await library.open('Karovsk limanı');
  await expect(tagging.panel).not.toContainText('Suggesting…');
  await expect(tagging.panel).toContainText('Only registry names are suggested in Turkish articles.');
  // With an empty registry nothing is suggested: no capitalized Turkish word became a name.
  await expect(tagging.panel).toContainText('No entities yet');
  await page.screenshot({ path: testInfo.outputPath('entities-registry-only.png') });

  // A name put in the registry is then found in the Turkish text.
  await tagging.tag('Anna Kessler', { type: 'person' });
  await tagging.panel.getByRole('button', { name: 'Suggest again' }).click();
  await expect(tagging.mention('Anna Kessler')).toHaveCount(2);
  await expect(tagging.panel).toContainText('Only registry names are suggested in Turkish articles.');

  // German has its own rules: no such line, and its names are suggested.
  await library.open('Familien verlassen Karovsk');
  await expect(tagging.panel).not.toContainText('Suggesting…');
  await expect(tagging.mention('Wien')).toHaveCount(1);
  await expect(tagging.panel).not.toContainText('Only registry names');
});

test('screenshots of the reader with its entities and of the registry, for the docs', async ({
  library,
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'chromium', 'The docs screenshots are taken once, in the browser run');
  const shot = (name: string) =>
    process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs/screenshots', name) : testInfo.outputPath(name);
  await page.setViewportSize({ width: 1400, height: 900 });
  await library.loadSamples();
  await library.open('Aid convoy turned back after overnight shelling of Karovsk port');
  const tagging = library.tagging;
  await expect(tagging.panel).not.toContainText('Suggesting…');
  await expect(tagging.text.locator('mark.mention').first()).toBeVisible();
  // Confirm all but the last entity, so the picture shows both confirmed and suggested mentions.
  const confirm = tagging.panel.getByRole('button', { name: /^Confirm / });
  for (let left = await confirm.count(); left > 1; left--) {
    await confirm.first().click();
    await expect(confirm).toHaveCount(left - 1);
  }
  await page.screenshot({ path: shot('entities-reader.png') });
  await tagging.openRegistry();
  await tagging.openEntity('Karovsk');
  await expect(tagging.entityPage.getByRole('img', { name: /Articles per month/ })).toBeVisible();
  await page.screenshot({ path: shot('entities-registry.png') });
});
