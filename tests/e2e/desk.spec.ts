// The team desk from two analysts' seats: two browser-mode servers join one PouchDB Server desk through the Desk panel, a claim's status crosses with who set it, a title edited on both is a conflict resolved in the panel.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { startDesk, type Desk } from './desk-couch.ts';
import { expect, startServer, stopServer, test } from './fixtures.ts';
import { LibraryPage } from './pages/library-page.ts';
import { rememberToken } from './pages/server-token.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WIRE = [
  'KAROVSK, 12 March (Test Wire) - At least 27 civilians were killed in shelling of Karovsk on Tuesday, according to a UN official cited by Test Wire.',
  'The Northern Vigil Front denied the attack.',
].join('\n\n');
const TITLE = 'Shelling kills 27 in Karovsk';

// Alice's archive is the fixture's page; Bob's is a second `newsdesk serve` started below.
// Background sync off: the test decides when each side syncs (the schedule is tested in tests/core).
const MANUAL = { NEWSDESK_DESK_AUTOSYNC: '0' };
test.use({ archiveEnv: { ...MANUAL, NEWSDESK_DESK_USER: 'alice', NEWSDESK_DESK_PASSWORD: 'alice-pw' } });

let desk: Desk;
test.beforeEach(async () => {
  desk = await startDesk({ alice: 'alice-pw', bob: 'bob-pw' });
});
test.afterEach(async () => desk.stop());

function panelOf(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Team desk' });
}

async function joinDesk(page: Page, analyst: string, user: string): Promise<void> {
  await page.getByTestId('desk-status').click();
  const panel = panelOf(page);
  const form = panel.getByRole('form', { name: 'Join a desk' });
  await expect(form).toContainText('never typed here');
  await form.getByLabel('Desk database URL').fill(desk.url);
  await form.getByLabel('Your name on the desk').fill(analyst);
  await form.getByLabel(/^User name/).fill(user);
  await form.getByRole('button', { name: 'Join desk' }).click();
  await expect(panel.getByTestId('desk-connection')).toHaveText('Not synced yet');
  await expect(panel).toContainText(analyst);
  await expect(panel).toContainText(desk.url);
  await expect(panel).toContainText(`user ${user}`);
}

/** Sync now from the open panel; resolves with the result line. */
async function sync(page: Page): Promise<string> {
  const panel = panelOf(page);
  if (!(await panel.isVisible())) await page.getByTestId('desk-status').click();
  await panel.getByRole('button', { name: 'Sync now' }).click();
  await expect(panel.getByRole('button', { name: 'Sync now' })).toBeEnabled({ timeout: 30_000 });
  const result = panel.getByTestId('desk-result');
  await expect(result).toBeVisible();
  return (await result.textContent()) ?? '';
}

async function closePanel(page: Page): Promise<void> {
  await panelOf(page).getByRole('button', { name: 'Close' }).click();
  await expect(panelOf(page)).toBeHidden();
}

async function setClaimStatus(library: LibraryPage, status: string): Promise<void> {
  const claim = library.claims.claim('At least 27 civilians');
  await claim.getByRole('button', { name: /^Claim:/ }).click();
  await claim.getByRole('button', { name: 'Edit' }).click();
  await library.claims.editor.getByLabel('Status').selectOption(status);
  await library.claims.editor.getByRole('button', { name: 'Save claim' }).click();
  await expect(library.claims.editor).toBeHidden();
}

/** Edits the open article's title (e: the claims panel has an Edit button of its own). */
async function retitle(library: LibraryPage, title: string): Promise<void> {
  await library.page.keyboard.press('e');
  await expect(library.articleDialog).toBeVisible();
  await library.fillArticle({ title });
  await library.articleDialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(library.articleDialog).toBeHidden();
}

test('two archives on one desk: a claim status crosses with who set it, a conflict is shown and resolved', async ({
  library: alice,
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1300, height: 860 });
  const bobDir = await mkdtemp(join(tmpdir(), 'newsdesk-e2e-bob-'));
  const bobServer = await startServer(bobDir, {
    ...MANUAL,
    NEWSDESK_DESK_USER: 'bob',
    NEWSDESK_DESK_PASSWORD: 'bob-pw',
  });
  const bobContext = await page
    .context()
    .browser()!
    .newContext({ viewport: { width: 1300, height: 860 } });
  try {
    const bobPage = await bobContext.newPage();
    await bobPage.goto(bobServer.url);
    rememberToken(bobPage, bobServer.url);
    const bob = new LibraryPage(bobPage);
    await bob.waitUntilReady();

    // Alice saves an article; its claim is suggested (the suggesters finish before the first sync).
    await alice.seed([{ text: WIRE, title: TITLE, source: 'Daily Observer', publishedAt: '2026-03-13' }]);
    await alice.open(TITLE);
    await alice.claims.openPanel();
    await expect(alice.claims.panel).not.toContainText('Suggesting…');
    await expect(alice.claims.claim('At least 27 civilians')).toBeVisible();

    // Both join through the panel; the status bar says so.
    await expect(page.getByTestId('desk-status')).toHaveText('Desk');
    await joinDesk(page, 'Alice Analyst', 'alice');
    expect(await sync(page)).toMatch(/^Synced: [1-9]\d* sent, 0 received, 0 conflicts/);
    await closePanel(page);
    await expect(page.getByTestId('desk-status')).toHaveText('Desk · synced just now');
    await joinDesk(bobPage, 'Bob Analyst', 'bob');
    expect(await sync(bobPage)).toMatch(/^Synced: \d+ sent, [1-9]\d* received, 0 conflicts/);
    await closePanel(bobPage);
    await bob.open(TITLE);
    await bob.claims.openPanel();
    await expect(bob.claims.claim('At least 27 civilians')).not.toContainText('Corroborated');

    // Alice confirms a mention and corroborates the claim; after A's sync then B's, Bob sees both, and that she did it.
    await alice.tagging.mention('Karovsk').first().click();
    await alice.tagging.card.getByRole('button', { name: 'Confirm', exact: true }).click();
    await expect(alice.tagging.mention('Karovsk').first()).toHaveClass(/confirmed/);
    await setClaimStatus(alice, 'corroborated');
    await expect(alice.claims.claim('At least 27 civilians')).toContainText('Corroborated');
    await page.getByTestId('desk-status').click();
    // The article, and the registry's new entity for Karovsk (confirming the suggestion made it).
    await expect(panelOf(page).getByTestId('desk-pending')).toHaveText('2 changes');
    expect(await sync(page)).toMatch(/^Synced: 2 sent, 0 received/);
    await closePanel(page);
    expect(await sync(bobPage)).toMatch(/^Synced: \d+ sent, 2 received, 0 conflicts/);
    await closePanel(bobPage);
    await expect(bob.claims.claim('At least 27 civilians')).toContainText('Corroborated');
    await expect(bob.tagging.mention('Karovsk').first()).toHaveAttribute('title', /Confirmed by Alice Analyst · /);
    const bobsClaim = bob.claims.claim('At least 27 civilians');
    await bobsClaim.getByRole('button', { name: /^Claim:/ }).click();
    await bobsClaim.getByRole('button', { name: 'Edit' }).click();
    await expect(bob.claims.editor.getByTestId('claim-attribution')).toContainText('Status set by Alice Analyst · ');
    await bob.claims.editor.getByLabel('Status').focus();
    await bobPage.screenshot({ path: join(ROOT, 'docs/screenshots/claim-attribution.png') });
    await bob.claims.editor.getByRole('button', { name: 'Cancel' }).click();
    await expect(bob.claims.editor).toBeHidden();

    // Both retitle the article before syncing: the same field changed on two laptops.
    await retitle(alice, 'Shelling kills 27 in Karovsk, UN says');
    await retitle(bob, 'Karovsk shelling: 27 dead');
    await sync(page);
    expect(await sync(bobPage)).toMatch(/1 conflict$/);
    await closePanel(bobPage);
    await expect(bobPage.getByTestId('desk-status')).toHaveText('Desk · 1 conflict');
    await sync(page);
    await expect(page.getByTestId('desk-status')).toHaveText(/Desk · (1 conflict|syncing…)/);

    // Alice's panel lists it with both values and who set each.
    const conflict = panelOf(page).getByRole('list', { name: 'Conflicts' }).getByRole('listitem');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText('title');
    await expect(conflict).toContainText('Shelling kills 27 in Karovsk, UN says');
    await expect(conflict).toContainText('Karovsk shelling: 27 dead');
    await expect(conflict).toContainText('Alice Analyst (you)');
    await expect(conflict).toContainText('Bob Analyst');
    await page.screenshot({ path: join(ROOT, 'docs/screenshots/desk.png') });

    // Resolved with an edited value, once, for everyone.
    await conflict.getByRole('button', { name: 'Edit…' }).click();
    await conflict.getByLabel('Resolved value').fill('Karovsk shelling kills 27, UN says');
    await conflict.getByRole('button', { name: 'Resolve with this value' }).click();
    await expect(panelOf(page)).toContainText('No conflicts');
    expect(await sync(page)).toMatch(/^Synced: 1 sent, .* 0 conflicts$/);
    await closePanel(page);
    await expect(alice.readerTitle).toHaveText('Karovsk shelling kills 27, UN says');
    expect(await sync(bobPage)).toMatch(/ 0 conflicts$/);
    await expect(panelOf(bobPage)).toContainText('No conflicts');
    await closePanel(bobPage);
    await expect(bob.readerTitle).toHaveText('Karovsk shelling kills 27, UN says');
    await expect(bobPage.getByTestId('desk-status')).toHaveText('Desk · synced just now');

    // Both set the claim's status: a conflict of that claim's status alone, named by the claim's words.
    await setClaimStatus(alice, 'disputed');
    await setClaimStatus(bob, 'false');
    await sync(page);
    await closePanel(page);
    expect(await sync(bobPage)).toMatch(/1 conflict$/);
    await closePanel(bobPage);
    await sync(page);
    const status = panelOf(page).getByRole('list', { name: 'Conflicts' }).getByRole('listitem');
    await expect(status).toHaveCount(1);
    await expect(status).toContainText(/Claim “At least 27 civilians[^”]*” · status/);
    await expect(status).toContainText('Alice Analyst (you)');
    await status.getByRole('button', { name: 'Keep mine' }).click();
    await expect(panelOf(page)).toContainText('No conflicts');
    await sync(page);
    await closePanel(page);
    expect(await sync(bobPage)).toMatch(/ 0 conflicts$/);
    await closePanel(bobPage);
    await expect(bob.claims.claim('At least 27 civilians')).toContainText('Disputed');

    // The desk goes away: said plainly, in the status bar and the panel, and nothing changes.
    await desk.stop();
    await page.keyboard.press('Shift+D');
    await expect(panelOf(page).getByRole('button', { name: 'Sync now' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(panelOf(page).getByTestId('desk-connection')).toHaveText(/^Offline: Cannot reach the desk/);
    await expect(panelOf(page).getByTestId('desk-result')).toBeHidden();
    await closePanel(page);
    await expect(page.getByTestId('desk-status')).toHaveText('Desk · offline');
    await expect(alice.readerTitle).toHaveText('Karovsk shelling kills 27, UN says');

    // Leaving keeps everything local.
    await bobPage.getByTestId('desk-status').click();
    bobPage.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('Nothing in this archive is lost');
      void dialog.accept();
    });
    await panelOf(bobPage).getByRole('button', { name: 'Leave desk' }).click();
    await expect(panelOf(bobPage).getByRole('form', { name: 'Join a desk' })).toBeVisible();
    await closePanel(bobPage);
    await expect(bob.row('Karovsk shelling kills 27, UN says')).toBeVisible();
  } finally {
    await bobContext.close();
    await stopServer(bobServer.server);
    await rm(bobDir, { recursive: true, force: true });
  }
});
