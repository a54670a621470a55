// The app:// scheme: serves the built UI from disk with the same CSP as `newsdesk serve`, and nothing else.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/serve.ts';
import { APP_SCHEME, contentTypeFor, resolveAppFile } from './app-url.ts';
import { PRINT_SCHEME } from './print-page.ts';

/**
 * Must run before `ready`, once (a second call replaces the first). Standard gives the page a real
 * origin (so 'self' in the CSP means us and relative URLs resolve); secure makes it a secure context;
 * supportFetchAPI lets fetch() read our files. No corsEnabled and no bypassCSP: nothing else may read
 * from it, and our own CSP applies. The PDF printer's scheme is only standard, so its one URL parses
 * the same everywhere; it is handled in the printing session alone (electron/export-pdf.ts).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: PRINT_SCHEME, privileges: { standard: true } },
  ]);
}

/** Call once the app is ready. `root` is dist/renderer (inside app.asar when packaged; Electron's fs reads it). */
export function serveAppFiles(root: string): void {
  protocol.handle(APP_SCHEME, (request) => respond(root, request));
}

async function respond(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const file = resolveAppFile(root, request.url);
  if (!file) return plain(404, 'Not found');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    // Missing, a directory, unreadable: all the same to the page.
    return plain(404, 'Not found');
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: {
      'Content-Type': contentTypeFor(file),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    },
  });
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });
}
