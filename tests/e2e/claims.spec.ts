// Claims from a user's seat: review a suggestion, make and edit a claim, group claims across outlets, read the timeline.
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');

// Our own invented stories: a wire report run by one outlet, and a local paper with another figure.
const WIRE = [
  'KAROVSK, 12 March (Test Wire) - At least 27 civilians were killed in shelling of Karovsk on Tuesday, according to a UN official cited by Test Wire.',
  'The Northern Vigil Front denied the attack. Fighters have reportedly seized the port.',
].join('\n\n');
const LOCAL = [
  'Local officials said 31 civilians were killed in the shelling of Karovsk on Tuesday.',
  'Witnesses counted 12 destroyed houses near the bridge.',
].join('\n\n');

test('reviews, makes, edits and groups claims, and the timeline shows both figures', async ({
  library,
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await library.seed([
    { text: WIRE, title: 'Shelling kills 27 in Karovsk', source: 'Daily Observer', publishedAt: '2026-03-13' },
    { text: LOCAL, title: 'Karovsk counts its dead', source: 'Karovsk Courier', publishedAt: '2026-03-12' },
  ]);
  const { claims, tagging } = library;

  // A suggested claim, confirmed.
  await library.open('Shelling kills 27 in Karovsk');
  await expect(tagging.panel).not.toContainText('Suggesting…');
  await claims.openPanel();
  const killed = claims.claim('At least 27 civilians');
  await expect(killed).toContainText('a UN official → Test Wire');
  await expect(killed).toContainText('at least 27 civilians killed');
  await killed.getByRole('button', { name: /^Claim:/ }).click();
  await expect(library.readerText.locator('.in-claim').first()).toBeVisible();
  await killed.getByRole('button', { name: 'Confirm' }).click();
  await expect(killed.locator('.claim-row')).toHaveClass(/confirmed/);

  // A claim of the user's own, from selected words (c), then every field edited.
  await library.open('Karovsk counts its dead');
  // The side panel stays on Claims from one article to the next.
  await expect(claims.panel).toBeVisible();
  await expect(claims.panel).not.toContainText('Suggesting…');
  await tagging.tag('Karovsk', { type: 'location' });
  await tagging.select('Witnesses counted 12 destroyed houses near the bridge');
  await page.keyboard.press('c');
  await expect(claims.editor).toBeVisible();
  // The editor opens wide enough for every field: none is cut off at its right edge, nothing scrolls sideways.
  const box = (await claims.editor.boundingBox())!;
  expect(box.width).toBeGreaterThan(600);
  for (const field of await claims.editor.locator('input:not([type=checkbox]), select, textarea').all()) {
    const at = (await field.boundingBox())!;
    expect(at.x + at.width, 'a field is cut off on the right').toBeLessThanOrEqual(box.x + box.width + 0.5);
    expect(at.width, 'a field squeezed to nothing').toBeGreaterThan(20);
  }
  expect(await claims.editor.evaluate((form) => form.scrollWidth <= form.clientWidth)).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('claim-editor.png') });
  await claims.editor.getByLabel(/^Claimant/).fill('Witnesses');
  await claims.editor.getByLabel('Kind').selectOption('attack');
  await claims.editor.getByLabel('Status').selectOption('corroborated');
  await claims.editor.getByLabel('Reviewer note').fill('Seen on satellite images.');
  // Its place, from the registry (the words name none).
  await claims.editor.getByRole('button', { name: 'Add a place from the registry' }).click();
  await claims.editor.getByLabel('Entity name').fill('Karov');
  await claims.editor.getByRole('option').filter({ hasText: 'Karovsk' }).first().click();
  await expect(claims.editor.getByRole('list', { name: 'Places' })).toContainText('Karovsk');
  await claims.editor.getByRole('button', { name: 'Save claim' }).click();
  await expect(claims.editor).toBeHidden();
  // The claim just made is the active one (the rules may have suggested one over the same words too).
  const houses = claims.active;
  await expect(houses).toContainText('Witnesses');
  await expect(houses).toContainText('Corroborated');
  await expect(houses).toContainText('Attack');

  // The local figure, as suggested (claimed by local officials), grouped with the wire's.
  const local = claims.claim('31 civilians were killed').first();
  await expect(local).toContainText('Local officials');
  await local.getByRole('button', { name: /^Claim:/ }).click();
  await local.getByRole('button', { name: 'Same claim elsewhere…' }).click();
  const matches = local.getByRole('region', { name: 'Matching claims' });
  await expect(matches).toContainText('Daily Observer');
  await matches
    .getByRole('listitem')
    .filter({ hasText: 'At least 27' })
    .getByRole('button', { name: 'Group with this' })
    .click();
  await expect(library.notice).toContainText('Grouped: 2 claims from 2 independent sources');

  // Across the archive: both figures on the timeline, the group with its sources and its conflict.
  await claims.openView();
  await expect(claims.timeline).toBeVisible();
  await expect(claims.timeline.locator('circle')).toHaveCount(2);
  await expect(claims.view.locator('.timeline-legend')).toContainText('Daily Observer');
  await expect(claims.view.locator('.timeline-legend')).toContainText('Karovsk Courier');

  // Filtered to the place given by hand: the witnesses' claim, not the wire's.
  await claims.view.getByLabel('Place').selectOption({ label: 'Karovsk' });
  await expect(claims.list).toContainText('Witnesses counted');
  await expect(claims.list).not.toContainText('At least 27');
  await claims.view.getByLabel('Place').selectOption({ label: 'Anywhere' });
  await expect(claims.list).toContainText('At least 27');
  const group = claims.groups.getByRole('listitem').first();
  await expect(group).toContainText('2 independent sources');
  await expect(group).toContainText('conflicting figures');
  await group.getByRole('button').click();
  await expect(claims.groups.getByRole('region', { name: 'Group detail' })).toContainText('27 against 31');
  await expect(claims.view.getByTestId('claim-count')).toHaveText('2 claims');
  const path = process.env.UPDATE_SCREENSHOTS
    ? join(ROOT, 'docs/screenshots/claims.png')
    : testInfo.outputPath('claims.png');
  await page.screenshot({ path });

  // And back to the article from a claim.
  await claims.list
    .getByRole('listitem')
    .filter({ hasText: 'At least 27' })
    .getByRole('button', { name: /At least 27/ })
    .click();
  await expect(library.readerTitle).toHaveText('Shelling kills 27 in Karovsk');
});
