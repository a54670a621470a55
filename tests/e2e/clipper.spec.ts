// The browser clipper loaded into Debian's Chromium: pair through its popup, save a page and a selection, as the app receives them.
import { chromium, expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startClipperStandIn, type StandIn } from './helpers/clipper-protocol-stand-in.ts';

const EXTENSION = resolve(import.meta.dirname, '../../dist/clipper');

/**
 * The app's clipper endpoint: the one parameter that changes when the app's side is merged
 * (then `newsdesk serve --clipper-port 0` and the port it prints).
 */
async function startApp(): Promise<{ port: number; app: StandIn; stop: () => Promise<void> }> {
  const app = await startClipperStandIn();
  return { port: app.port, app, stop: () => app.close() };
}

/** An article page on 127.0.0.1 whose script adds a paragraph after load, so only the rendered DOM has it. */
async function startPages(): Promise<{ url: string; server: Server }> {
  const html = `<!doctype html><html><head><title>Bridge at Karovsk reopens</title></head><body>
    <article><h1>Bridge at Karovsk reopens</h1><p id="lead">The bridge reopened to aid convoys on Thursday, officials said.</p></article>
    <script>setTimeout(() => { const p = document.createElement('p'); p.id = 'late'; p.textContent = 'Added by the page after load.'; document.querySelector('article').append(p); }, 50);</script>
    </body></html>`;
  const server = createServer((_request, response) =>
    response.writeHead(200, { 'Content-Type': 'text/html' }).end(html),
  );
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/article`, server };
}

/**
 * What a click on the toolbar button does: Chrome grants activeTab for the page's tab. Headless Chromium has no
 * toolbar to click; DevTools' Extensions.triggerAction (with --enable-unsafe-extension-debugging) does the same.
 */
async function clickToolbarButton(context: BrowserContext, extensionId: string, page: Page): Promise<void> {
  const browser = await context.browser()!.newBrowserCDPSession();
  const { targetInfos } = await browser.send('Target.getTargets', { filter: [{ type: 'tab', exclude: false }] });
  const tab = targetInfos.find((target) => target.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  await browser.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
  await browser.detach();
}

test.describe('browser clipper', () => {
  let userDataDir: string;
  let context: BrowserContext;
  let worker: Worker;

  // Playwright reads a hook's fixtures from this destructuring, so an empty one must stay.
  // eslint-disable-next-line no-empty-pattern
  test.beforeEach(async ({}, testInfo) => {
    // An extension loads into Debian's Chromium only; the Electron project has nothing to add here.
    test.skip(testInfo.project.name !== 'chromium', 'The clipper is tested in Chromium only');
    if (!existsSync(join(EXTENSION, 'manifest.json')))
      throw new Error('dist/clipper is missing: run `npm run build` first.');
    userDataDir = await mkdtemp(join(tmpdir(), 'newsdesk-clipper-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        `--disable-extensions-except=${EXTENSION}`,
        `--load-extension=${EXTENSION}`,
        '--enable-unsafe-extension-debugging',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  });

  test.afterEach(async () => {
    await context?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  test('pairs through the popup, then saves the rendered page and a selection with a screenshot', async () => {
    const extensionId = new URL(worker.url()).host;
    const { port, app, stop } = await startApp();
    const pages = await startPages();
    try {
      const article = await context.newPage();
      await article.goto(pages.url);
      await expect(article.locator('#late')).toHaveText('Added by the page after load.');

      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      await popup.getByText('Settings').click();
      await popup.getByLabel('App port').fill(String(port));
      await popup.getByRole('button', { name: 'Use this port' }).click();
      await expect(popup.locator('#status')).toHaveText(`Newsdesk 0.0.0-stand-in on port ${port}: not paired.`);

      await popup.getByRole('button', { name: 'Pair with Newsdesk' }).click();
      const code = popup.locator('#code');
      await expect(code).toHaveText(/^\d{4}$/);
      app.approve(await code.innerText()); // The user approves in the app the request showing the same code.
      await expect(popup.locator('#status')).toHaveText(/: paired\.$/);

      await article.bringToFront();
      await clickToolbarButton(context, extensionId, article);
      await popup.getByRole('button', { name: 'Save page' }).click();
      await expect(popup.locator('#outcome')).toHaveText('Saved: “Bridge at Karovsk reopens”');
      const page = app.clips[0]!;
      expect(page).toMatchObject({ kind: 'page', url: pages.url, title: 'Bridge at Karovsk reopens' });
      expect(page.html).toContain('<p id="late">Added by the page after load.</p>');
      expectPng(page.screenshot);
      expect(Date.parse(String(page.capturedAt))).toBeGreaterThan(Date.now() - 60_000);

      await article.evaluate(() => getSelection()!.selectAllChildren(document.getElementById('lead')!));
      await popup.getByRole('button', { name: 'Save selection' }).click();
      await expect(popup.locator('#outcome')).toHaveText('Saved: “Bridge at Karovsk reopens”');
      expect(app.clips[1]).toMatchObject({
        kind: 'selection',
        url: pages.url,
        selection: 'The bridge reopened to aid convoys on Thursday, officials said.',
      });
      expectPng(app.clips[1]!.screenshot);

      await popup.getByRole('button', { name: 'Save page' }).click();
      await expect(popup.locator('#outcome')).toHaveText('Already in the archive as “Bridge at Karovsk reopens”.');

      app.revokeAll();
      await popup.getByRole('button', { name: 'Save page' }).click();
      await expect(popup.locator('#outcome')).toContainText('pair again');
      await expect(popup.getByRole('button', { name: 'Pair with Newsdesk' })).toBeVisible();
      expect(app.clips).toHaveLength(2);
    } finally {
      await stop();
      await new Promise((done) => {
        pages.server.close(done);
        pages.server.closeAllConnections();
      });
    }
  });

  test('says so when the app is not listening, and offers nothing to save', async () => {
    const extensionId = new URL(worker.url()).host;
    const { port, stop } = await startApp();
    await stop(); // A port that was just free: nothing answers there now.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByText('Settings').click();
    await popup.getByLabel('App port').fill(String(port));
    await popup.getByRole('button', { name: 'Use this port' }).click();
    await expect(popup.locator('#status')).toHaveText(`Newsdesk is not reachable on port ${port}. Is the app open?`);
    await expect(popup.getByRole('button', { name: 'Save page' })).toBeHidden();
    await expect(popup.getByRole('button', { name: 'Pair with Newsdesk' })).toBeHidden();
  });
});

function expectPng(screenshot: unknown): void {
  expect(String(screenshot)).toMatch(/^data:image\/png;base64,/);
  const bytes = Buffer.from(String(screenshot).slice('data:image/png;base64,'.length), 'base64');
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.length).toBeGreaterThan(1000);
}
