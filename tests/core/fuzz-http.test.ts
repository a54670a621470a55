// Issue 17 fuzzing over HTTP (`newsdesk serve` and the clipper's listener): random paths, headers and bodies, and raw requests with lying lengths, always get a JSON error with its status (never a 500 or a stack), change no file when refused, and leave the server up.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test, type TestContext } from 'node:test';
import fc from 'fast-check';
import { contract } from '../../core/api.ts';
import { HTTP_STATUS, type ErrorBody } from '../../core/errors.ts';
import { serveArchive, type RunningServer } from '../../core/serve.ts';
import { seed } from './helpers/bundle-zips.ts';
import {
  argumentSchemas,
  assertClearMessage,
  assertSameFiles,
  fingerprint,
  hostileValue,
  nearShape,
  quiet,
  fuzzRuns,
} from './helpers/fuzz.ts';
import { EXTENSION, startClipper } from './helpers/clipper-client.ts';
import { send } from './helpers/raw-request.ts';
import { defer, openFor, tempDir } from './helpers/temp-dir.ts';

const METHODS = Object.keys(contract);
const READ_ONLY = [
  'getStatus',
  'getSettings',
  'listArticles',
  'listEntities',
  'listCollections',
  'search',
  'listWatches',
];
/** Header values a client can send at all (node's client refuses control characters). */
const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 60,
});

async function start(t: TestContext) {
  const seeded = await seed(t);
  const server = await serveArchive({ archive: seeded.archive, exportStream: seeded.archive.exportStream });
  defer(t, () => server.close());
  return { ...seeded, server };
}

/** The value as JSON, or (a BigInt, a cycle: what JSON.stringify cannot say) a text that is not JSON. */
function json(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return '[1n, {"cycle": ...}]';
  }
}

const body = fc.oneof(
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.json(),
  fc.array(hostileValue, { maxLength: 3 }).map(json),
  fc.string({ maxLength: 50 }),
);

/** What came back is a JSON error of our shape with a clear message and the status its code maps to. */
function assertJsonError(status: number, text: string): ErrorBody {
  assert.doesNotMatch(text, /\n\s+at .+[(:]\d+/, 'no stack trace in the body');
  let reply: { ok: boolean; error: ErrorBody };
  try {
    reply = JSON.parse(text) as typeof reply;
  } catch {
    assert.fail(`not JSON (status ${status}): ${text.slice(0, 200)}`);
  }
  assert.equal(reply.ok, false);
  assert.equal(status, HTTP_STATUS[reply.error.code], `${reply.error.code} answered with ${status}`);
  assert.ok(
    status < 500 || ['unavailable', 'unreachable'].includes(reply.error.code),
    `${status}: ${reply.error.message}`,
  );
  assertClearMessage(reply.error.message);
  return reply.error;
}

async function assertStillServes(server: RunningServer): Promise<void> {
  const res = await send(server, '/api/getStatus', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-newsdesk-token': server.token },
    body: '[]',
  });
  assert.equal(res.status, 200, res.body);
}

test('random requests: a JSON error with its status, no write when refused, only an authorised JSON call succeeds', async (t) => {
  const { dir, server, archive, a, front } = await start(t);
  const plausible = fc.oneof(fc.constantFrom(a.id, front.id, 'bundle'), fc.string({ maxLength: 10 }), fc.integer());
  const request = fc.record({
    path: fc.oneof(
      fc.constantFrom(...METHODS).map((m) => `/api/${m}`),
      fc.constantFrom(
        '/export',
        '/api/',
        '/api/importBundleFile',
        '/api/exportToFile',
        '/api/__proto__',
        '/api/constructor',
      ),
      fc.stringMatching(/^\/[A-Za-z0-9%._~/?=&-]{0,40}$/),
    ),
    verb: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'),
    token: fc.oneof(fc.constant(server.token), fc.constant(undefined), headerText),
    // Not empty: node's client then sends its own Host, a right one.
    host: fc.oneof(
      fc.constant(`127.0.0.1:${server.port}`),
      fc.constant(`localhost:${server.port}`),
      headerText.filter((h) => h.trim() !== ''),
    ),
    type: fc.oneof(
      fc.constantFrom('application/json', 'application/json; charset=utf-8', undefined),
      fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'),
      headerText,
    ),
    extra: fc.dictionary(fc.stringMatching(/^x-[a-z]{1,8}$/), headerText, { maxKeys: 3 }),
    body: fc.oneof(
      body,
      fc.constantFrom(...METHODS).chain((m) => argsOf(m, plausible).map(json)),
    ),
  });
  await fc.assert(
    fc.asyncProperty(request, async ({ path, verb, token, host, type, extra, body }) => {
      const headers: Record<string, string> = { ...extra, host };
      if (token !== undefined) headers['x-newsdesk-token'] = token;
      if (type !== undefined) headers['content-type'] = type;
      await quiet(archive);
      const before = await fingerprint(dir);
      // Framed, so node's parser reads it whatever the verb (the raw test below sends unframed ones).
      if (verb !== 'GET') headers['content-length'] = String(Buffer.byteLength(body));
      const res = await send(server, path, { method: verb, headers, body: verb === 'GET' ? undefined : body });
      const hostOk = [`127.0.0.1:${server.port}`, `localhost:${server.port}`].includes(host.trim());
      const { pathname } = new URL(`http://127.0.0.1${path}`);
      // The UI's files need no token (they hold no data); the API and downloads do.
      const guarded = /^\/api\/[A-Za-z]+$/.test(pathname) || pathname === '/export';
      const authorised = hostOk && token === server.token;
      if (res.status === 200) {
        assert.ok(authorised && verb === 'POST' && type?.startsWith('application/json'), `200 for ${verb} ${path}`);
        return;
      }
      const error = assertJsonError(res.status, res.body);
      if (!hostOk || (guarded && token !== server.token))
        assert.equal(error.code, 'unauthorized', `${host} ${token}: ${error.message}`);
      assertSameFiles(before, await fingerprint(dir), `${verb} ${path} refused with "${error.message}"`);
    }),
    fuzzRuns(17_02, 60),
  );
  await assertStillServes(server);
});

/** The arguments of a contract method: near its schema, or anything. */
function argsOf(method: string, plausible: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const schemas = argumentSchemas(contract[method as keyof typeof contract].args);
  return fc.oneof(fc.tuple(...schemas.map((s) => nearShape(s, plausible))), fc.array(plausible, { maxLength: 3 }));
}

/** Sends raw bytes and reads what comes back until the server closes or `waitMs` passes. */
function raw(server: RunningServer, bytes: Buffer, waitMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let text = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(text);
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('end', done);
    socket.on('close', done);
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? done() : reject(error)));
    socket.write(bytes);
  });
}

test('raw requests with lying lengths or damaged heads get a 4xx (never a 500 or a stack) and the server stays up', async (t) => {
  // An empty archive: these requests never get far enough to need data.
  const dir = await tempDir(t);
  const archive = await openFor(t, dir);
  const server = await serveArchive({ archive });
  defer(t, () => server.close());
  const head = fc.record({
    // Calls that only read: whatever part of these bytes the server takes for a request, nothing may change.
    method: fc.constantFrom(...READ_ONLY),
    length: fc.oneof(
      fc.constantFrom('0', '-1', 'abc', '1e3', '99999999999', '33554433', ' 5', '5, 6'),
      fc.nat(300).map(String),
    ),
    chunked: fc.boolean(),
    body: fc.oneof(fc.constant('[]'), fc.json(), fc.string({ maxLength: 100 })),
    damage: fc.option(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })), { nil: undefined }),
  });
  await fc.assert(
    fc.asyncProperty(head, async ({ method, length, chunked, body, damage }) => {
      let bytes = Buffer.from(
        `POST /api/${method} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Newsdesk-Token: ${server.token}\r\n` +
          `Content-Type: application/json\r\n${chunked ? 'Transfer-Encoding: chunked\r\n' : ''}Content-Length: ${length}\r\n\r\n${body}`,
        'latin1',
      );
      if (damage) {
        const at = damage[0] % bytes.length;
        bytes = Buffer.concat([bytes.subarray(0, at), damage[1], bytes.subarray(at)]);
      }
      await quiet(archive);
      const before = await fingerprint(dir);
      const answer = await raw(server, bytes, 150);
      assert.doesNotMatch(answer, /\n\s+at .+[(:]\d+/, 'no stack trace');
      for (const [, status] of answer.matchAll(/HTTP\/1\.1 (\d{3})/g)) assert.ok(Number(status) < 500, answer);
      assertSameFiles(before, await fingerprint(dir), answer);
    }),
    fuzzRuns(17_03, 25),
  );
  await assertStillServes(server);
});

test('the clipper listener: random paths, origins, tokens and bodies get a JSON answer, never a 5xx, and a refusal writes nothing', async (t) => {
  const clipper = await startClipper(t);
  const token = await clipper.pair();
  const request = fc.record({
    path: fc.oneof(
      fc.constantFrom('/clipper/v1/status', '/clipper/v1/pair', '/clipper/v1/clip', '/clipper/v1/pair/x', '//', '/'),
      fc.stringMatching(/^\/clipper\/v1\/[A-Za-z0-9%._~/-]{0,30}$/),
      fc.stringMatching(/^\/[A-Za-z0-9%._~/?=&-]{0,30}$/),
    ),
    verb: fc.constantFrom('GET', 'POST', 'POST', 'PUT', 'DELETE', 'OPTIONS'),
    origin: fc.oneof(fc.constantFrom(EXTENSION, 'https://example.org', undefined), headerText),
    authorization: fc.oneof(fc.constantFrom(`Bearer ${token}`, token, undefined), headerText),
    body: fc.oneof(
      body,
      fc
        .record(
          {
            kind: fc.constantFrom('page', 'selection', 'link'),
            url: fc.webUrl(),
            html: fc.string(),
            name: fc.string(),
          },
          { requiredKeys: [] },
        )
        .map(json),
    ),
  });
  await fc.assert(
    fc.asyncProperty(request, async ({ path, verb, origin, authorization, body }) => {
      const headers: Record<string, string> = { host: `127.0.0.1:${clipper.port}`, 'content-type': 'application/json' };
      if (origin !== undefined) headers.origin = origin;
      if (authorization !== undefined) headers.authorization = authorization;
      if (verb !== 'GET') headers['content-length'] = String(Buffer.byteLength(body));
      await quiet(clipper.archive);
      const before = await clipper.files();
      const res = await send(clipper, path, { method: verb, headers, body: verb === 'GET' ? undefined : body });
      assert.ok(res.status < 500, `${res.status}: ${res.body}`);
      assert.doesNotMatch(res.body, /\n\s+at .+[(:]\d+/, 'no stack trace in the body');
      if (res.status < 400 || (verb === 'OPTIONS' && !res.body)) return;
      const answer = JSON.parse(res.body) as { error: { code: string; message: string } };
      assertClearMessage(answer.error.message, body);
      assert.deepEqual(await clipper.files(), before, `${verb} ${path} refused with "${answer.error.message}"`);
    }),
    fuzzRuns(17_12, 150),
  );
});
