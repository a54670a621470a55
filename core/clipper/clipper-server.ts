// The clipper's own HTTP server on 127.0.0.1 (protocol v1, docs/clipper.md): status, pairing and clips, answering CORS only for extension origins.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { z } from 'zod';
import { appInfo } from '../app-info.ts';
import { describeIssues, HTTP_STATUS, toErrorBody } from '../errors.ts';
import { refuseMalformedRequests, requestUrl, sendJson } from '../http-json.ts';
import { ClipBody, MAX_CLIP_BODY_BYTES, MAX_PAIR_BODY_BYTES, PairBody } from './clip-body.ts';
import { ClipperError } from './clipper-error.ts';
import type { Pairing } from './pairing.ts';
import type { ClipAnswer } from './save-clip.ts';

export const CLIPPER_PATH = '/clipper/v1/';
const HOST = '127.0.0.1';
/** Only a browser extension's own origin may pair and clip; a web page's origin never may. */
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[A-Za-z0-9._-]+$/;
/** A clip may hold 64 MB while it is read and saved: a few at once (auto-capture opening tabs), not unbounded. */
const MAX_CLIPS_IN_FLIGHT = 4;
/** A clip that has not arrived in this long is dropped; Node's default (5 minutes) holds a slot far longer. */
const REQUEST_TIMEOUT_MS = 60_000;

export type ClipperHandlers = {
  pairing: Pairing;
  save(clip: z.output<typeof ClipBody>): Promise<ClipAnswer>;
};

export type RunningClipper = { url: string; port: number; close(): Promise<void> };

/** Listens on 127.0.0.1:port (0: any free port); rejects when the port cannot be had (EADDRINUSE). */
export async function startClipperServer(handlers: ClipperHandlers, port: number): Promise<RunningClipper> {
  const { version } = appInfo();
  let clipsInFlight = 0;
  const server = createServer({ requestTimeout: REQUEST_TIMEOUT_MS }, (req, res) => {
    handle(req, res).catch((error: unknown) => sendError(res, error));
  });
  refuseMalformedRequests(server);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Vary', 'Origin');
    const origin = req.headers.origin;
    const fromExtension = typeof origin === 'string' && EXTENSION_ORIGIN.test(origin);
    if (fromExtension) res.setHeader('Access-Control-Allow-Origin', origin);
    // A site whose name resolves to 127.0.0.1 (DNS rebinding) sends its own Host.
    const host = req.headers.host ?? '';
    if (host !== `${HOST}:${portOf(server)}` && host !== `localhost:${portOf(server)}`)
      throw new ClipperError(403, 'forbidden', 'The clipper only answers requests addressed to 127.0.0.1.');
    const path = requestUrl(req.url, `http://${HOST}`)?.pathname;
    if (path === undefined) throw new ClipperError(400, 'invalid', 'The request names no path this server can read.');
    if (!path.startsWith(CLIPPER_PATH)) throw new ClipperError(404, 'not_found', `${path} is not served here.`);
    const route = path.slice(CLIPPER_PATH.length);
    if (req.method === 'OPTIONS') return preflight(res, fromExtension);
    if (route !== 'status' && origin !== undefined && !fromExtension)
      throw new ClipperError(403, 'forbidden', 'Only the Newsdesk extension may pair or clip, not a web page.');
    const token = req.headers.authorization;
    const client = handlers.pairing.authenticate(token, fromExtension ? origin : undefined);
    if (route === 'status' && req.method === 'GET')
      return sendJson(res, 200, { app: 'newsdesk', version, paired: client !== null });
    if (route === 'pair' && req.method === 'POST') {
      const body = await readJson(req, MAX_PAIR_BODY_BYTES, PairBody);
      return sendJson(res, 202, handlers.pairing.request(body.name, fromExtension ? origin : ''));
    }
    const poll = /^pair\/(pr_[A-Za-z0-9_-]{22})$/.exec(route);
    if (poll && req.method === 'GET') return sendJson(res, 200, handlers.pairing.poll(poll[1]!));
    if (route === 'clip' && req.method === 'POST') {
      // Before the body is read: nothing of an unpaired request is parsed, let alone written.
      if (!client)
        throw new ClipperError(401, 'unauthorized', 'This extension is not paired with Newsdesk (or was revoked).');
      if (clipsInFlight >= MAX_CLIPS_IN_FLIGHT)
        throw new ClipperError(429, 'too_many', 'Newsdesk is still saving earlier clips: try again in a moment.');
      clipsInFlight++;
      let answer;
      try {
        const clip = await readJson(req, MAX_CLIP_BODY_BYTES, ClipBody);
        // Revoked while its body arrived (a slow upload can take minutes): refused, nothing written.
        if (!handlers.pairing.authenticate(token, fromExtension ? origin : undefined))
          throw new ClipperError(401, 'unauthorized', 'This extension was revoked while it sent the clip.');
        answer = await handlers.save(clip);
      } finally {
        clipsInFlight--;
      }
      await handlers.pairing.touch(client);
      return sendJson(res, answer.status === 'saved' ? 201 : 200, answer);
    }
    throw new ClipperError(404, 'not_found', `${req.method} ${path} is not part of the clipper's protocol.`);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // After listening, a socket error must not take the app down.
  server.on('error', (error) => console.error('Newsdesk clipper:', error));
  return {
    port: portOf(server),
    url: `http://${HOST}:${portOf(server)}${CLIPPER_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function preflight(res: ServerResponse, fromExtension: boolean): void {
  if (!fromExtension) throw new ClipperError(403, 'forbidden', 'Only the Newsdesk extension may call the clipper.');
  res.writeHead(204, {
    'Access-Control-Allow-Methods': 'GET, POST',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type',
    'Access-Control-Max-Age': '600',
  });
  res.end();
}

/** The body, read up to `max` bytes (refused as soon as it goes over), parsed as JSON and checked against `schema`. */
async function readJson<S extends z.ZodType>(req: IncomingMessage, max: number, schema: S): Promise<z.output<S>> {
  if (!req.headers['content-type']?.toLowerCase().startsWith('application/json'))
    throw new ClipperError(400, 'invalid', 'Send the body as JSON (Content-Type: application/json).');
  const tooLarge = () => new ClipperError(413, 'too_large', `The request is over ${max} bytes.`);
  if (Number(req.headers['content-length'] ?? 0) > max) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw tooLarge();
    chunks.push(chunk);
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new ClipperError(400, 'invalid', `The body is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const tooBig = parsed.error.issues.some((issue) => issue.code === 'too_big');
  throw new ClipperError(tooBig ? 413 : 400, tooBig ? 'too_large' : 'invalid', describeIssues(parsed.error));
}

function portOf(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

function sendError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) return void res.destroy();
  const { status, code, message } =
    error instanceof ClipperError ? error : { ...toErrorBody(error), status: HTTP_STATUS[toErrorBody(error).code] };
  // A body left unread (refused early) is not waited for: the connection closes after the answer.
  if (!res.req.readableEnded) res.setHeader('Connection', 'close');
  sendJson(res, status, { error: { code, message } });
}
