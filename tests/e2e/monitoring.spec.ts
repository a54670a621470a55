// Monitoring from a monitor's seat: follow a feed served on 127.0.0.1, see unread counts, triage by keyboard, star, watch an entity, refresh, see the alert.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures.ts';
import { InboxPage } from './pages/inbox.ts';
import { Tagging } from './pages/tagging.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** `UPDATE_SCREENSHOTS=1` writes the pictures into docs/screenshots; otherwise into the test's output. */
const shot = (name: string, outputPath: (name: string) => string) =>
  process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs/screenshots', name) : outputPath(name);

// Feed items are fetched from 127.0.0.1, which the archive refuses unless told otherwise.
test.use({ archiveEnv: { NEWSDESK_ALLOW_PRIVATE_NETWORK: '1' } });

type Story = { slug: string; title: string; body: string };

// Invented stories: each page's body says more than the feed's one-line description.
const STORIES: Story[] = [
  {
    slug: 'convoy',
    title: 'Aid convoy reaches Veldt after three days',
    body: 'The convoy of eleven trucks crossed the last checkpoint on Tuesday morning. Drivers said the road south of the river was cratered in several places. Aid workers unloaded flour, medicine and water purification tablets at the town hall.',
  },
  {
    slug: 'bridge',
    title: 'Bridge shelled near Karovsk',
    body: 'Residents reported heavy shelling of the old rail bridge overnight. The regional administration said repairs would take weeks. No casualties were reported by the local hospital, which stayed open through the night.',
  },
  {
    slug: 'talks',
    title: 'Ceasefire talks adjourn without agreement',
    body: 'Negotiators left the lakeside hotel on Wednesday without a joint statement. Mediators said a further round could be held next month. Both delegations accused the other of stalling on the exchange of prisoners.',
  },
];

const LATER: Story = {
  slug: 'brigade',
  title: 'Fighters seen moving toward Ostrava',
  body: 'Witnesses said fighters of the NVB moved through the villages east of Ostrava at dawn. The group did not comment. Farmers said they had left their fields for the second time this month as the column passed.',
};

function pageHtml(story: Story): string {
  const paragraphs = story.body
    .split('. ')
    .map((s) => `<p>${s.replace(/\.$/, '')}.</p>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><title>${story.title}</title><meta name="author" content="Staff reporter"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>${story.title}</h1>${paragraphs}${paragraphs.replace(/<p>/g, '<p class="more">')}</article>
<footer>© Coastal Herald</footer></body></html>`;
}

/** A news site on 127.0.0.1 whose RSS feed can gain items between refreshes; it honours If-None-Match. */
async function startFeedSite() {
  const stories = [...STORIES];
  const seen = { conditional: 0 };
  let base = '';
  const feed = () =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Coastal Herald Wire</title><link>${base}/</link>` +
    stories
      .map(
        (s, i) =>
          `<item><title>${s.title}</title><link>${base}/news/${s.slug}</link><guid>${s.slug}</guid>` +
          `<pubDate>${new Date(Date.UTC(2026, 11, 1, 8 + i)).toUTCString()}</pubDate><description>${s.title}.</description></item>`,
      )
      .join('') +
    '</channel></rss>';
  const server: Server = createServer((request, response) => {
    if (request.url === '/feed.xml') {
      const body = feed();
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 12)}"`;
      if (request.headers['if-none-match']) seen.conditional++;
      if (request.headers['if-none-match'] === etag) return void response.writeHead(304).end();
      return void response.writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: etag }).end(body);
    }
    const story = stories.find((s) => request.url === `/news/${s.slug}`);
    if (story) return void response.writeHead(200, { 'Content-Type': 'text/html' }).end(pageHtml(story));
    response.writeHead(404).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/feed.xml`,
    seen,
    publish: (story: Story) => stories.push(story),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

test('follows a local feed, triages it by keyboard, watches an entity and sees the alert a refresh raises', async ({
  library,
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const site = await startFeedSite();
  try {
    const inbox = new InboxPage(page);
    await inbox.show();
    const side = page.getByRole('navigation', { name: 'Inbox filters' });
    await side.getByRole('button', { name: 'Follow…' }).click();

    const feeds = page.getByRole('dialog', { name: 'Subscriptions' });
    await feeds.getByLabel('Feed URL').fill(site.url);
    await feeds.getByLabel('Folder').fill('Wires');
    await feeds.getByRole('button', { name: 'Follow', exact: true }).click();
    await expect(feeds.getByText('Following 1 feed.')).toBeVisible();
    await expect(feeds.getByText('Refreshed 1 feed: 3 new articles.')).toBeVisible({ timeout: 30_000 });
    const feedRow = feeds
      .getByRole('table', { name: 'Followed feeds' })
      .getByRole('row', { name: /Coastal Herald Wire/ });
    await expect(feedRow).toContainText('Wires');
    await expect(feedRow.locator('.subs-health')).toHaveText('OK');
    await page.screenshot({ path: shot('subscriptions.png', (n) => testInfo.outputPath(n)) });
    await feeds.getByRole('button', { name: 'Close' }).click();

    // The inbox, empty behind the dialog, shows what arrived (a list with rows would offer them instead).
    await expect(inbox.rows).toHaveCount(3);
    // The first row opens in the reader, which reads it; the feed's count and the Unread count agree.
    await expect(inbox.filterCount('Unread')).toHaveText('2');
    await expect(side.getByRole('button', { name: /Coastal Herald Wire/ }).locator('.badge')).toHaveText('2');
    await expect(side.getByRole('button', { name: /^Wires/ }).locator('.badge')).toHaveText('2');
    // The reader holds the linked page's full text, not the feed's one-line description.
    const reader = page.getByRole('article', { name: 'Reader' });
    await expect(reader.getByTestId('article-text')).toContainText(/(cratered|Negotiators|rail bridge)/);

    await inbox.list.focus();
    await page.keyboard.press('j');
    await expect(inbox.filterCount('Unread')).toHaveText('1');
    await page.keyboard.press('s');
    await expect(inbox.cursorRow().locator('.inbox-star')).toHaveText('★');
    await expect(inbox.filterCount('Starred')).toHaveText('1');
    await page.keyboard.press('j');
    await page.keyboard.press('e');
    await expect(inbox.cursorRow()).toHaveAttribute('data-state', 'archived');
    await expect(inbox.filterCount('Unread')).toHaveCount(0);
    await expect(side.getByRole('button', { name: /Coastal Herald Wire/ }).locator('.badge')).toHaveCount(0);

    // Watch an armed group from its page, by its full name; the new item names it only by its alias.
    await inbox.call('createEntity', [{ name: 'Northern Volunteer Brigade', type: 'group', aliases: ['NVB'] }]);
    const tagging = new Tagging(page);
    await tagging.openRegistry();
    await tagging.openEntity('Northern Volunteer Brigade');
    await tagging.entityPage.getByRole('button', { name: 'Watch…' }).click();
    const watchDialog = page.getByRole('dialog', { name: 'Watch' });
    await watchDialog.getByLabel(/system notification/).check();
    await watchDialog.getByRole('button', { name: 'Watch', exact: true }).click();
    await expect(library.notice).toContainText('Watching “Northern Volunteer Brigade”');

    site.publish(LATER);
    const conditionalBefore = site.seen.conditional;
    await inbox.show();
    await side.getByRole('button', { name: 'Manage…' }).click();
    await feeds.getByRole('button', { name: 'Refresh all now' }).click();
    await expect(feeds.getByText('Refreshed 1 feed: 1 new article.')).toBeVisible({ timeout: 30_000 });
    expect(site.seen.conditional, 'the refresh asked with the ETag it was given').toBeGreaterThan(conditionalBefore);
    await feeds.getByRole('button', { name: 'Close' }).click();
    // Rows are listed: the new one is offered, not slipped in above the cursor.
    await expect(inbox.rows).toHaveCount(2);
    await page.getByRole('button', { name: 'Show 1 new' }).click();
    await expect(inbox.rows).toHaveCount(3);
    await expect(inbox.rows.first()).toContainText(LATER.title);

    // The status bar's watchlist counts it and the notice names the watch and the article.
    await expect(page.getByTestId('watch-alerts')).toHaveText('Watchlist · 1 new', { timeout: 10_000 });
    await expect(library.notice).toContainText(`Watch alert: Northern Volunteer Brigade: ${LATER.title}`);
    await page.getByTestId('watch-alerts').click();
    const panel = page.getByRole('dialog', { name: 'Watchlist' });
    const watchRow = panel.getByRole('list', { name: 'Watches' }).getByRole('listitem').filter({ hasText: 'Northern' });
    await expect(watchRow).toContainText('1 alert');
    await expect(watchRow.getByRole('checkbox')).toBeChecked();
    await page.screenshot({ path: shot('watchlist.png', (n) => testInfo.outputPath(n)) });
    await panel.getByRole('button', { name: LATER.title }).click();
    await expect(library.readerTitle).toHaveText(LATER.title);
    await expect(page.getByTestId('watch-alerts')).toHaveText('Watchlist', { timeout: 10_000 });

    // The day's digest goes through the export dialog, offered first.
    await page.getByTestId('watch-alerts').click();
    await panel.getByRole('button', { name: 'Digest of the last day…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export' });
    await expect(exportDialog.getByRole('radio', { name: /last day's digest: 1 alert, \d+ articles?/ })).toBeChecked();
    await exportDialog.getByRole('button', { name: 'Close' }).click();
  } finally {
    await site.close();
  }
});

test('watches the search typed in the search box, with notifications left off', async ({ library, page }) => {
  await library.seed([
    { title: 'Dam inspected', text: 'Engineers inspected the Karovsk dam on Monday.', source: 'Herald' },
  ]);
  await page.getByRole('searchbox', { name: 'Search the archive' }).fill('"karovsk dam"');
  await page.getByRole('button', { name: 'Watch…' }).click();
  const watchDialog = page.getByRole('dialog', { name: 'Watch' });
  await expect(watchDialog.getByLabel('Name')).toHaveValue('"karovsk dam"');
  await watchDialog.getByLabel('Name').fill('Karovsk dam');
  await watchDialog.getByRole('button', { name: 'Watch', exact: true }).click();
  await expect(library.notice).toContainText('Watching “Karovsk dam”');

  const inbox = new InboxPage(page);
  const watches = await inbox.call<{ name: string; notify: boolean; target: unknown }[]>('listWatches', []);
  expect(watches).toEqual([
    expect.objectContaining({ name: 'Karovsk dam', notify: false, target: { kind: 'search', query: '"karovsk dam"' } }),
  ]);
  // Only articles saved from now on raise alerts: the one already there does not.
  await library.seed([{ title: 'Dam repaired', text: 'Crews repaired the Karovsk dam overnight.', source: 'Herald' }]);
  await expect(page.getByTestId('watch-alerts')).toHaveText('Watchlist · 1 new', { timeout: 10_000 });
});
