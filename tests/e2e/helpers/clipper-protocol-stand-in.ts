// A stand-in for the app's clipper server (protocol v1, docs/clipper.md on the app's branch): just enough to test the extension against.
// The app's real server replaces it once both branches meet (`newsdesk serve --clipper-port 0`); it keeps no archive.
import { randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedClip = Record<string, unknown> & { kind: string; url: string; title: string };
type PairRequest = { requestId: string; code: string; name: string; state: string; token?: string; given: boolean };

export type StandIn = {
  /** http://127.0.0.1:PORT/clipper/v1/ */
  url: string;
  port: number;
  /** Every accepted clip, in order. */
  clips: ReceivedClip[];
  /** Approves the pending request showing this code, as the user does in the app. */
  approve(code: string): void;
  /** Forgets every token, as revoking in the app does. */
  revokeAll(): void;
  close(): Promise<void>;
};

const MAX_BODY = 40 * 1024 * 1024;

export async function startClipperStandIn(): Promise<StandIn> {
  const requests = new Map<string, PairRequest>();
  const tokens = new Set<string>();
  const clips: ReceivedClip[] = [];
  const saved = new Map<string, { id: string; title: string }>();

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) =>
      error instanceof SyntaxError
        ? reply(response, 400, failure('invalid', 'The body is not JSON.'))
        : reply(response, 500, failure('internal', String(error))),
    );
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const origin = request.headers.origin;
    const fromExtension = origin !== undefined && /^(chrome|moz)-extension:\/\//.test(origin);
    if (fromExtension) response.setHeader('Access-Control-Allow-Origin', origin);
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (request.method === 'OPTIONS') {
      if (!fromExtension) return reply(response, 403, failure('origin', 'Origin not allowed.'));
      response.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      response.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      return void response.writeHead(204).end();
    }
    const authorized = tokens.has((request.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (request.method === 'GET' && path === '/clipper/v1/status')
      return reply(response, 200, { app: 'newsdesk', version: '0.0.0-stand-in', paired: authorized });
    if (request.method === 'GET' && path.startsWith('/clipper/v1/pair/')) {
      const pairing = requests.get(decodeURIComponent(path.slice('/clipper/v1/pair/'.length)));
      if (!pairing) return reply(response, 404, failure('not_found', 'No such pairing request.'));
      const giveToken = pairing.state === 'approved' && !pairing.given;
      if (giveToken) pairing.given = true;
      return reply(response, 200, { state: pairing.state, ...(giveToken ? { token: pairing.token } : {}) });
    }
    if (origin !== undefined && !fromExtension) return reply(response, 403, failure('origin', 'Origin not allowed.'));
    if (request.method === 'POST' && path === '/clipper/v1/pair') {
      const body = await readJson(request);
      if (typeof body.name !== 'string' || body.name.length > 100)
        return reply(response, 400, failure('invalid', 'name'));
      if ([...requests.values()].filter((r) => r.state === 'pending').length >= 5)
        return reply(response, 429, failure('too_many', 'Too many pairing requests.'));
      const requestId = `pr_${randomBytes(8).toString('hex')}`;
      const code = String(randomInt(0, 10_000)).padStart(4, '0');
      requests.set(requestId, { requestId, code, name: body.name, state: 'pending', given: false });
      return reply(response, 202, { requestId, code });
    }
    if (request.method === 'POST' && path === '/clipper/v1/clip') {
      if (!authorized) return reply(response, 401, failure('unauthorized', 'Pair the clipper with Newsdesk first.'));
      const body = (await readJson(request)) as ReceivedClip;
      const problem = invalidClip(body);
      if (problem) return reply(response, 400, failure('invalid', problem));
      const key = body.kind === 'link' ? String(body.linkUrl) : `${body.kind} ${body.url} ${body.selection ?? ''}`;
      const existing = saved.get(key);
      if (existing) return reply(response, 200, { status: 'duplicate', ...existing });
      clips.push(body);
      const article = { id: `stand-in-${clips.length}`, title: body.title };
      saved.set(key, article);
      return reply(response, 201, { status: 'saved', ...article });
    }
    reply(response, 404, failure('not_found', 'No such route.'));
  }

  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/clipper/v1/`,
    port,
    clips,
    approve(code) {
      const pairing = [...requests.values()].find((r) => r.code === code && r.state === 'pending');
      if (!pairing) throw new Error(`no pending pairing request shows code ${code}`);
      pairing.state = 'approved';
      pairing.token = randomBytes(32).toString('base64url');
      tokens.add(pairing.token);
    },
    revokeAll: () => tokens.clear(),
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        // The browser keeps its connections alive; close() alone would wait for them.
        server.closeAllConnections();
      }),
  };
}

function invalidClip(body: ReceivedClip): string | null {
  if (!['page', 'selection', 'link'].includes(body.kind)) return 'kind';
  if (typeof body.url !== 'string' || typeof body.title !== 'string') return 'url and title';
  if (typeof body.capturedAt !== 'string' || Number.isNaN(Date.parse(body.capturedAt))) return 'capturedAt';
  if (body.kind === 'selection' && typeof body.selection !== 'string') return 'selection';
  if (body.kind === 'link' && typeof body.linkUrl !== 'string') return 'linkUrl';
  if (body.screenshot !== undefined && !String(body.screenshot).startsWith('data:image/png;base64,'))
    return 'screenshot';
  return null;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

const failure = (code: string, message: string) => ({ error: { code, message } });

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
