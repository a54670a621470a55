// Prints an export's HTML report to PDF in a hidden window of its own session: no file, no scripts, no network, only that one page.
import { BrowserWindow, session } from 'electron';
import { isPrintRequest, PRINT_SCHEME, PRINT_URL, printResponse } from './print-page.ts';

/**
 * The report's bytes are served from memory at PRINT_URL by a handler on a session made for this one
 * print, loaded with JavaScript off, printed, and the session's handler removed. No file: URL (which
 * would need file access in some session) and no data: URL (Chromium caps their length).
 */
export async function* printPdf(html: AsyncIterable<string | Uint8Array>): AsyncIterable<Uint8Array> {
  const parts: Buffer[] = [];
  for await (const chunk of html)
    parts.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  const report = new Uint8Array(Buffer.concat(parts));
  const printing = session.fromPartition(`newsdesk-pdf-${Date.now()}`, { cache: false });
  printing.protocol.handle(PRINT_SCHEME, (request) => printResponse(request.url, report));
  printing.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isPrintRequest(details.url) }));
  printing.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  printing.setPermissionCheckHandler(() => false);
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      session: printing,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    },
  });
  try {
    await window.loadURL(PRINT_URL);
    yield await window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
  } finally {
    window.destroy();
    printing.protocol.unhandle(PRINT_SCHEME);
  }
}
