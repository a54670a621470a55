// End-to-end tests: the same specs drive the UI in Debian's Chromium (against `newsdesk serve`) and in Electron.
import { defineConfig } from '@playwright/test';
import { electronBinary, type AppOptions } from './tests/e2e/fixtures.ts';

// Said once, in the main process: the list reporter does not show why tests were skipped.
if (!process.env.TEST_WORKER_INDEX && !electronBinary())
  console.log(
    'electron project: skipped, the Electron runtime is not installed (it downloads from GitHub on first use)',
  );

export default defineConfig<AppOptions>({
  testDir: 'tests/e2e',
  // Two cores: one browser at a time keeps timings honest and the machine responsive.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  outputDir: 'test-results',
  use: {
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        shell: 'browser',
        browserName: 'chromium',
        launchOptions: {
          // Playwright's own browser download is impossible here; Debian's Chromium is the one we test.
          executablePath: '/usr/bin/chromium',
          // Without the background-networking flags Chromium keeps retrying the unreachable network.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    {
      name: 'electron',
      use: { shell: 'electron' },
      // A report file opened in a browser page, not the app: the Chromium run covers it.
      testIgnore: ['**/export-report.spec.ts'],
    },
  ],
});
