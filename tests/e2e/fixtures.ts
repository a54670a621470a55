// Per-test fixtures: a fresh data folder and the app open on it, in Chromium via `newsdesk serve` or in Electron.
import { _electron, expect, test as base, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LibraryPage } from './pages/library-page.ts';
import { rememberToken } from './pages/server-token.ts';

export type AppOptions = {
  /** Which shell hosts the UI: the browser against `newsdesk serve`, or the desktop app. */
  shell: 'browser' | 'electron';
};

type TestFixtures = {
  /** An empty archive folder, removed after the test. */
  dataDir: string;
  library: LibraryPage;
  /** Stops `newsdesk serve` under the page (browser runs only), to see how the UI copes with losing it. */
  stopServer: () => Promise<void>;
  /** Internal: the page fixture's server, for stopServer. */
  serverProcess: { current: ChildProcess | null };
  /** More environment for the archive's process, e.g. NEWSDESK_ALLOW_PRIVATE_NETWORK for feeds served on 127.0.0.1. */
  archiveEnv: Record<string, string>;
};

type WorkerFixtures = {
  /** Chromium, launched on first use and shared by the worker's tests; never launched for Electron runs. */
  sharedBrowser: () => Promise<Browser>;
};

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const ELECTRON_DIR = join(ROOT, 'node_modules/electron');
/** The project's pinned Node (npm package `node`) when present, so the CLI runs on the Node it targets. */
const NODE = existsSync(join(ROOT, 'node_modules/.bin/node')) ? join(ROOT, 'node_modules/.bin/node') : process.execPath;

/**
 * Electron's binary is fetched from GitHub on first use, not by npm: find it from path.txt by hand,
 * because require('electron') would try (and here fail) to download it.
 */
export function electronBinary(): string | null {
  const pathFile = join(ELECTRON_DIR, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(ELECTRON_DIR, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/**
 * Starts `newsdesk serve` on a free port (its clipper too: never the fixed default, which parallel runs
 * would fight over) and resolves with the URL (token included) and the clipper's URL it prints.
 */
export async function startServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ url: string; clipperUrl: string | null; server: ChildProcess }> {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first.');
  const server = spawn(NODE, [CLI, 'serve', '--data-dir', dataDir, '--port', '0', '--clipper-port', '0'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`newsdesk serve printed no URL in 15 s:\n${output}`)), 15_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      // The clipper's line follows the URL's: wait for both.
      if (match && /^Clipper: .*$/m.test(output)) {
        clearTimeout(timer);
        resolveUrl(match[0]);
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`newsdesk serve exited with ${code}:\n${output}`));
    });
  });
  const clipperUrl = /^Clipper: (http:\/\/127\.0\.0\.1:\d+\/clipper\/v1\/)$/m.exec(output)?.[1] ?? null;
  return { url, clipperUrl, server };
}

export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((done) => server.once('exit', () => done()));
  server.kill('SIGTERM');
  // It closes the archive (flushing the catalog) on SIGTERM; only a hung server gets SIGKILL.
  const timer = setTimeout(() => server.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * The UI must run clean: a CSP violation or an uncaught error fails the test. Failed requests are left
 * out: the app reports those itself (tests check its status bar), and an invalid add answers 400.
 */
function watchForErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(`console: ${message.text()}`);
  });
  return problems;
}

export const test = base.extend<TestFixtures & AppOptions, WorkerFixtures>({
  shell: ['browser', { option: true }],
  archiveEnv: [{}, { option: true }],

  sharedBrowser: [
    async ({ playwright, launchOptions }, use) => {
      // Typed by assertion: the closure below assigns it, which narrowing cannot see.
      let launched = null as Promise<Browser> | null;
      await use(() => (launched ??= playwright.chromium.launch(launchOptions)));
      if (launched) await (await launched).close();
    },
    { scope: 'worker' },
  ],

  // Playwright reads a fixture's dependencies from this destructuring, so an empty one must stay.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  // eslint-disable-next-line no-empty-pattern
  serverProcess: async ({}, use) => use({ current: null }),

  // Replaces Playwright's page: the same specs get a browser tab or the Electron window.
  page: async ({ shell, dataDir, sharedBrowser, viewport, serverProcess, archiveEnv }, use, testInfo) => {
    let page: Page;
    let problems: string[];
    let stop: () => Promise<void>;
    if (shell === 'electron') {
      const executablePath = electronBinary();
      test.skip(
        !executablePath,
        'Electron runtime not installed: its binary downloads from GitHub, which this machine cannot reach',
      );
      const app = await _electron.launch({
        executablePath: executablePath!,
        // The project root, so Electron reads package.json (main, "type": "module", name, version).
        args: [ROOT],
        cwd: ROOT,
        env: { ...process.env, ...archiveEnv, NEWSDESK_DATA_DIR: dataDir } as Record<string, string>,
      });
      page = await app.firstWindow();
      problems = watchForErrors(page);
      if (viewport) await page.setViewportSize(viewport);
      stop = () => app.close();
    } else {
      const { url, server } = await startServer(dataDir, archiveEnv);
      serverProcess.current = server;
      const context = await (await sharedBrowser()).newContext({ viewport });
      page = await context.newPage();
      problems = watchForErrors(page);
      stop = async () => {
        await context.close();
        await stopServer(server);
      };
      await page.goto(url);
      rememberToken(page, url);
    }
    try {
      await use(page);
      if (testInfo.status === 'passed') expect(problems, 'errors in the page').toEqual([]);
    } finally {
      // Playwright's own screenshot-on-failure covers browser contexts only, not the Electron window.
      if (shell === 'electron' && testInfo.status !== testInfo.expectedStatus)
        await testInfo.attach('screenshot-on-failure', { body: await page.screenshot(), contentType: 'image/png' });
      await stop();
    }
  },

  stopServer: async ({ serverProcess }, use) => {
    await use(async () => {
      if (!serverProcess.current) throw new Error('stopServer: there is no server in this run (Electron?)');
      await stopServer(serverProcess.current);
    });
  },

  library: async ({ page }, use) => {
    const library = new LibraryPage(page);
    await library.waitUntilReady();
    await use(library);
  },
});

export { expect };
