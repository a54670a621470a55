// The desktop shell: one instance, one window on the archive, the app:// scheme, and a quit that flushes the archive first.
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, safeStorage, session } from 'electron';
import { openArchive, type Archive } from '../core/archive.ts';
import { deskCredentials } from '../core/cli-desk.ts';
import { ArchiveError } from '../core/errors.ts';
import { buildAppMenu } from './app-menu.ts';
import { printPdf } from './export-pdf.ts';
import { registerAppScheme, serveAppFiles } from './app-protocol.ts';
import { APP_ENTRY_URL, isAppUrl } from './app-url.ts';
import { DeskKeychain } from './desk-keychain.ts';
import { registerArchiveIpc, registerDeskPasswordIpc, type SenderCheck } from './ipc.ts';
import { notifyWatchAlerts } from './watch-notify.ts';
import { guardAllWebContents, lockDownSession } from './window-security.ts';

// dist/main.js sits next to dist/preload.cjs and dist/renderer/ (inside app.asar when packaged).
const DIST = fileURLToPath(new URL('.', import.meta.url));
const RENDERER_DIR = join(DIST, 'renderer');
const PRELOAD = join(DIST, 'preload.cjs');
const ICON = join(DIST, '..', 'assets', 'icon.png');
/** Long enough for any real flush; a hung disk must not make the app impossible to quit. */
const CLOSE_TIMEOUT_MS = 10_000;

// The same folder in development and when packaged (the npm name is lowercase, the product name is not).
app.setName('Newsdesk');
app.setPath('userData', join(app.getPath('appData'), 'Newsdesk'));
const customDataDir = process.env.NEWSDESK_DATA_DIR;
const dataDir = resolve(customDataDir || join(app.getPath('userData'), 'archive'));
if (customDataDir) {
  // Chromium's single-instance lock lives in userData: one per data folder lets two archives (or
  // parallel e2e tests, each with a fresh folder) run side by side, while a second launch on the
  // same folder still just focuses the first.
  const key = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  app.setPath('userData', join(app.getPath('userData'), 'profiles', key));
}

// Both must happen before `ready`.
registerAppScheme();
app.enableSandbox();
guardAllWebContents();

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail('Newsdesk could not start', error));
}

/** The native save dialog for exports, over the window; the archive still refuses to overwrite a file. */
async function chooseExportPath(suggestedName: string): Promise<string | null> {
  const options = { title: 'Export', defaultPath: join(app.getPath('documents'), suggestedName) };
  const { canceled, filePath } = mainWindow
    ? await dialog.showSaveDialog(mainWindow, options)
    : await dialog.showSaveDialog(options);
  return canceled || !filePath ? null : filePath;
}

async function start(): Promise<void> {
  // safeStorage is usable only once the app is ready.
  const keychain = new DeskKeychain(join(app.getPath('userData'), 'desk-password.json'), safeStorage);
  const fromEnvironment = deskCredentials('', []);
  let archive: Archive;
  try {
    archive = await openArchive(dataDir, {
      // The desk's password, kept encrypted by the OS keychain (the Desk panel saves it); else the environment's, as for the CLI.
      deskCredentials: async (desk) => (await keychain.credentials(desk)) ?? fromEnvironment(desk),
      tagInBackground: true,
      refreshInBackground: true,
      // A joined team desk syncs while the app is open (core/sync/desk-scheduler.ts).
      syncInBackground: true,
      // The browser extension's way in (docs/clipper.md): a port in use leaves it off, reported in the status bar's data.
      clipper: true,
      chooseExportPath,
      printPdf,
    });
  } catch (error) {
    // 'locked': the folder is open in another process (another window, `newsdesk serve`, the CLI).
    const title =
      error instanceof ArchiveError && error.code === 'locked'
        ? 'The archive is already open'
        : 'Newsdesk could not open its archive';
    fail(title, error);
    return;
  }
  if (archive.clipper.state === 'failed') console.error(`Newsdesk: ${archive.clipper.message}`);
  lockDownSession(session.defaultSession);
  serveAppFiles(RENDERER_DIR);
  // Our page's top frame only: the CSP allows no frames, but if one ever loads it gets no archive.
  const isOurPage: SenderCheck = (frame) => frame?.parent === null && isAppUrl(frame.url);
  // Leaving the desk from the window forgets its password (desk-keychain.ts).
  const unregisterIpc = registerArchiveIpc(archive, isOurPage, (method, reply) =>
    keychain.afterArchiveCall(method, reply),
  );
  const unregisterPassword = registerDeskPasswordIpc(keychain, isOurPage);
  const stopNotifying = notifyWatchAlerts(archive, () => mainWindow);
  closeArchiveBeforeQuit(archive, () => {
    stopNotifying();
    unregisterIpc();
    unregisterPassword();
  });
  Menu.setApplicationMenu(buildAppMenu(app.isPackaged));
  mainWindow = createWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Newsdesk',
    icon: ICON,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  // Always the built UI over app://, never a dev server: the CSP, the IPC sender check and the
  // request filter all assume this one origin. UI work without Electron: `npm run web`.
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('Newsdesk: the UI failed to load:', error));
  return window;
}

/**
 * The first quit is held until the archive has finished its writes and released the folder lock;
 * the second (ours) goes through. Closing the last window quits too (Electron's default). If the
 * close hangs we quit anyway: every write is temp-file-then-rename, and the next start takes over
 * a lock whose owner is gone.
 */
function closeArchiveBeforeQuit(archive: Archive, stopCalls: () => void): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    stopCalls();
    const timedOut = delay(CLOSE_TIMEOUT_MS, 'timed out' as const, { ref: false });
    Promise.race([archive.close(), timedOut])
      .then((result) => {
        if (result)
          console.error(`Newsdesk: the archive did not close within ${CLOSE_TIMEOUT_MS} ms; quitting anyway.`);
      })
      .catch((error: unknown) => console.error('Newsdesk: closing the archive failed:', error))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}

function fail(title: string, error: unknown): void {
  dialog.showErrorBox(title, error instanceof Error ? error.message : String(error));
  app.exit(1);
}
