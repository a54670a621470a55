// Prints an export's HTML report to PDF in a hidden window of its own session: no scripts, no network, only that one file.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, session } from 'electron';

/** The report's bytes into a temp file, loaded with JavaScript off, printed, and everything removed again. */
export async function* printPdf(html: AsyncIterable<string | Uint8Array>): AsyncIterable<Uint8Array> {
  const parts: Buffer[] = [];
  for await (const chunk of html)
    parts.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  const dir = await mkdtemp(join(app.getPath('temp'), 'newsdesk-pdf-'));
  const file = join(dir, 'report.html');
  await writeFile(file, Buffer.concat(parts));
  const url = pathToFileURL(file).href;
  // A session of its own: the app's session refuses file: URLs, and this one allows nothing else.
  const printing = session.fromPartition(`newsdesk-pdf-${Date.now()}`, { cache: false });
  printing.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== url }));
  printing.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      session: printing,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    },
  });
  try {
    await window.loadURL(url);
    yield await window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
  } finally {
    window.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
