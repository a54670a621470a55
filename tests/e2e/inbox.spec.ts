// The inbox from a monitor's seat: unread articles seeded through the API, counts, keyboard triage, a star, and "new since you last looked".
import { expect, test } from './fixtures.ts';
import { InboxPage } from './pages/inbox.ts';

// Our own invented items, added oldest first, so the inbox lists them in reverse.
const ITEMS = [
  'Convoy reaches Veldt',
  'Bridge shelled near Karovsk',
  'Ceasefire talks adjourn',
  'Curfew lifted in Ostrava',
].map((title) => ({
  title,
  text: `${title}. Officials confirmed it on Tuesday, residents said.`,
  source: 'Coastal Herald',
}));

test('sees unread counts, triages with the keyboard, stars one, and is told what is new', async ({
  library,
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1400, height: 800 });
  await library.seed(ITEMS);
  const inbox = new InboxPage(page);
  const listed = await inbox.call<{ items: { id: string }[] }>('listArticles', [{}]);
  // As a subscription's refresh will save them: unread.
  await inbox.call('markArticles', [listed.items.map((i) => i.id), { state: 'unread' }]);

  await page.keyboard.press('Shift+I');
  await expect(inbox.list).toBeVisible();
  await expect(inbox.rows).toHaveText([/Curfew lifted/, /Ceasefire talks/, /Bridge shelled/, /Convoy reaches/]);
  // The first row opens in the reader, which reads it: 3 of 4 left unread.
  await expect(page.getByRole('heading', { name: 'Curfew lifted in Ostrava' })).toBeVisible();
  await expect(inbox.filterCount('Unread')).toHaveText('3');
  await expect(inbox.list.locator('.inbox-row.unread')).toHaveCount(3);
  await expect(inbox.row('Curfew lifted')).not.toHaveClass(/unread/);

  // j reads the next; s stars it; e archives it.
  await inbox.list.focus();
  await page.keyboard.press('j');
  await expect(inbox.cursorRow()).toContainText('Ceasefire talks');
  await expect(inbox.filterCount('Unread')).toHaveText('2');
  await page.keyboard.press('s');
  await expect(inbox.row('Ceasefire talks').locator('.inbox-star')).toHaveText('★');
  await expect(inbox.filterCount('Starred')).toHaveText('1');
  await page.screenshot({ path: testInfo.outputPath('inbox-triage.png') });
  await page.keyboard.press('e');
  await expect(inbox.row('Ceasefire talks')).toHaveAttribute('data-state', 'archived');
  await expect(inbox.filterCount('Archived')).toHaveText('1');

  // u makes the open one unread again; k goes back up; Shift+A from the third reads everything above.
  await page.keyboard.press('j');
  await expect(inbox.filterCount('Unread')).toHaveText('1');
  await page.keyboard.press('u');
  await expect(inbox.row('Bridge shelled')).toHaveClass(/unread/);
  await expect(inbox.filterCount('Unread')).toHaveText('2');
  await page.keyboard.press('Shift+A');
  await expect(inbox.row('Bridge shelled')).not.toHaveClass(/unread/);
  await expect(inbox.filterCount('Unread')).toHaveText('1');
  await expect(inbox.row('Convoy reaches')).toHaveClass(/unread/);

  // Bulk: select two rows with Ctrl+click and star them both.
  await inbox.row('Curfew lifted').click({ modifiers: ['Control'] });
  await inbox.row('Convoy reaches').click({ modifiers: ['Control'] });
  await expect(page.getByRole('toolbar', { name: 'Selected articles' })).toContainText('2 selected');
  // Picking rows reads none of them.
  await expect(inbox.row('Convoy reaches')).toHaveClass(/unread/);
  await page.getByRole('toolbar', { name: 'Selected articles' }).getByRole('button', { name: 'Star' }).click();
  await expect(inbox.filterCount('Starred')).toHaveText('3');
  await expect(inbox.filterCount('Unread')).toHaveText('1');
  await page.screenshot({ path: testInfo.outputPath('inbox.png') });

  // The Starred filter lists them; the marks are in the archive.
  await page
    .getByRole('navigation', { name: 'Inbox filters' })
    .getByRole('button', { name: /^Starred/ })
    .click();
  await expect(inbox.rows).toHaveCount(3);
  const starred = await inbox.call<{ items: { title: string }[] }>('listInbox', [{ filter: 'starred' }]);
  expect(starred.items.map((i) => i.title)).toEqual([
    'Curfew lifted in Ostrava',
    'Ceasefire talks adjourn',
    'Convoy reaches Veldt',
  ]);

  // Next visit: nothing new; then one more arrives and is new.
  await page.reload();
  await inbox.show();
  await expect(page.getByText('Nothing new since you last looked')).toBeVisible();
  await library.seed([{ title: 'Aid flights resume', text: 'Aid flights resumed on Wednesday, the agency said.' }]);
  await inbox.show();
  await expect(page.getByText('1 new since you last looked')).toBeVisible();
  await expect(inbox.row('Aid flights resume').locator('.new-mark')).toHaveText('New');
});
