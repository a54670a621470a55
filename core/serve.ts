// The contract over HTTP on 127.0.0.1: serves the built UI, POST /api/:method and POST /export (a download), the API and downloads guarded by a per-run token sent as a header.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { ArchiveApi } from './api.ts';
import type { Archive } from './archive.ts';
import { invokeMethod } from './gate.ts';
import { ArchiveError, HTTP_STATUS, toErrorBody } from './errors.ts';
import { refuseMalformedRequests, requestUrl, sendJson } from './http-json.ts';
import { contentTypeFor, resolveUiFile } from './ui-files.ts';

export type ServeOptions = {
  archive: ArchiveApi;
  /** The built UI (dist/renderer); without it only the API is served. */
  uiDir?: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  /** Exports as downloads (browser mode's save location): without it POST /export is not served. */
  exportStream?: Archive['exportStream'];
};

export type RunningServer = { url: string; port: number; token: string; close(): Promise<void> };

/** Above this a request body is refused: room for a file at the 20 MB import limit, base64-encoded. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;
const HOST = '127.0.0.1';

/** The same policy as the desktop window: our own scripts and styles, no remote anything. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export async function serveArchive(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let linkUsed = false;
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => sendError(res, error));
  });
  refuseMalformedRequests(server);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    const url = requestUrl(req.url, `http://${HOST}`);
    if (!url) throw new ArchiveError('invalid', 'The request names no path this server can read.');
    // A page on another site that resolves its own name to 127.0.0.1 (DNS rebinding) sends its own Host.
    const host = req.headers.host ?? '';
    if (host !== `${HOST}:${port()}` && host !== `localhost:${port()}`)
      throw new ArchiveError('unauthorized', 'This server only answers requests addressed to 127.0.0.1.');
    // The token travels in a header only: a cookie would go to every server on 127.0.0.1, whatever its port.
    const api = /^\/api\/([A-Za-z]+)$/.exec(url.pathname);
    if (api || url.pathname === '/export') {
      const presented = req.headers['x-newsdesk-token'];
      if (typeof presented !== 'string' || !sameSecret(presented, token))
        throw new ArchiveError(
          'unauthorized',
          'Missing or wrong X-Newsdesk-Token header: open the URL that `newsdesk serve` printed.',
        );
      return api ? handleApi(req, res, api[1]!) : handleExport(req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new ArchiveError('not_found', `${req.method} ${url.pathname} is not served here.`);
    // The UI's files hold no data, so they load without the token (a reload of the tab has none in its URL).
    if (isEntry(url.pathname) && url.searchParams.has('token')) admitLink(url.searchParams.get('token')!, req.method);
    return serveFile(res, url.pathname);
  }

  /**
   * The printed URL opens one tab, once: the page moves its token into that tab's sessionStorage, so the same
   * URL found later in history or a terminal's scrollback no longer opens the app.
   */
  function admitLink(presented: string, method: string | undefined): void {
    if (!sameSecret(presented, token))
      throw new ArchiveError('unauthorized', 'Wrong token in the URL: open the URL that `newsdesk serve` printed.');
    if (linkUsed)
      throw new ArchiveError(
        'unauthorized',
        'This link already opened Newsdesk once: use that tab (a reload keeps it), or restart `newsdesk serve` for a new link.',
      );
    // A HEAD (a link checker, a preview) shows nothing, so it does not use the link up.
    if (method === 'GET') linkUsed = true;
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') throw new ArchiveError('invalid', 'API calls are POST requests.');
    // A JSON content type cannot be sent cross-site without a CORS preflight, which we never grant.
    if (!req.headers['content-type']?.startsWith('application/json'))
      throw new ArchiveError('invalid', 'API calls need Content-Type: application/json.');
    const body = await readBody(req);
    let args: unknown;
    try {
      args = body.length ? JSON.parse(body) : [];
    } catch (error) {
      throw new ArchiveError('invalid', `The request body is not valid JSON: ${(error as Error).message}`);
    }
    const value = await invokeMethod(options.archive, method, args);
    sendJson(res, 200, { ok: true, value });
  }

  /** Streams an export as an attachment: the browser saves it where its downloads go. */
  async function handleExport(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') throw new ArchiveError('invalid', 'Exports are POST requests.');
    if (!req.headers['content-type']?.startsWith('application/json'))
      throw new ArchiveError('invalid', 'Exports need Content-Type: application/json.');
    if (!options.exportStream) throw new ArchiveError('not_found', 'This server does not export.');
    let request: unknown;
    try {
      request = JSON.parse(await readBody(req));
    } catch (error) {
      throw new ArchiveError('invalid', `The request body is not valid JSON: ${(error as Error).message}`);
    }
    // Checked at the archive's gate like any call: a bad request is a JSON error, before any header.
    const { plan, chunks } = await options.exportStream(request as Parameters<Archive['exportStream']>[0]);
    const iterator = chunks[Symbol.asyncIterator]();
    // The first chunk before the headers: a scope that fails (the index being built) is still a JSON error.
    let next = await iterator.next();
    res.writeHead(200, {
      'Content-Type': plan.mediaType,
      'Content-Disposition': `attachment; filename="${plan.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(plan.fileName)}`,
      'X-Newsdesk-Articles': String(plan.articles),
    });
    // A cancelled download closes the response: remembered, so the loop stops reading articles for it.
    let gone = res.destroyed;
    res.once('close', () => (gone = true));
    try {
      while (!next.done && !gone) {
        if (!res.write(next.value))
          await new Promise<void>((resolve) => {
            const done = () => {
              res.off('drain', done);
              res.off('close', done);
              resolve();
            };
            res.on('drain', done);
            res.on('close', done);
            if (gone) done();
          });
        if (gone) break;
        next = await iterator.next();
      }
      if (gone) await iterator.return?.();
      else res.end();
    } catch (error) {
      // Headers are gone: a cut connection is how the browser learns the download failed.
      await iterator.return?.();
      throw error;
    }
  }

  async function serveFile(res: ServerResponse, pathname: string): Promise<void> {
    if (!options.uiDir) throw new ArchiveError('not_found', 'This server has no UI to serve (only /api).');
    const file = resolveUiFile(options.uiDir, pathname);
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) throw new ArchiveError('not_found', `${pathname} is not part of the UI.`);
    res.writeHead(200, {
      'Content-Type': contentTypeFor(file),
      'Content-Length': info.size,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
    createReadStream(file).pipe(res);
  }

  function port(): number {
    const address = server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  return {
    port: port(),
    token,
    url: `http://${HOST}:${port()}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sameSecret(presented: string, token: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The UI's entry page, the one the printed URL names. */
function isEntry(pathname: string): boolean {
  return pathname === '/' || pathname === '/index.html';
}

async function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES)
    throw new ArchiveError('too_large', `The request body is over ${MAX_BODY_BYTES} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ArchiveError('too_large', `The request body is over ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = toErrorBody(error);
  sendJson(res, HTTP_STATUS[body.code], { ok: false, error: body });
}
