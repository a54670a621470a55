// The clipper's guard: no token no write, revocation at once, web pages refused, sizes and PNGs checked, pairing that expires or is refused, a port in use.
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import fc from 'fast-check';
import { openArchive } from '../../core/archive.ts';
import { REFUSAL_COOLDOWN_MS } from '../../core/clipper/pairing.ts';
import { articlePage, EXTENSION, PARAGRAPHS, PNG_URL, startClipper } from './helpers/clipper-client.ts';
import { defer, tempDir } from './helpers/temp-dir.ts';

const page = (title = 'Floods close the harbour road') => ({
  kind: 'page',
  url: 'https://herald.example.org/world/floods',
  title,
  html: articlePage(title, PARAGRAPHS),
  screenshot: PNG_URL,
  capturedAt: new Date().toISOString(),
});

test('a clip without a valid token gets 401 and nothing is written', async (t) => {
  const { send, files, pair } = await startClipper(t);
  await pair();
  const before = await files();
  for (const authorization of [undefined, 'Bearer', 'Bearer not-a-token-but-long-enough', 'Basic abc']) {
    const answer = await send('/clipper/v1/clip', {
      body: page(),
      headers: authorization ? { authorization } : {},
    });
    assert.equal(answer.status, 401, String(authorization));
    assert.equal(answer.body.error.code, 'unauthorized');
  }
  assert.deepEqual(await files(), before);
});

test('a revoked token stops working at once', async (t) => {
  const { send, archive, pair, files } = await startClipper(t);
  const token = await pair();
  const headers = { authorization: `Bearer ${token}` };
  assert.equal((await send('/clipper/v1/clip', { body: page('First'), headers })).status, 201);
  const [client] = (await archive.getClipper()).clients;
  const revoked = await archive.revokeClipperClient(client!.id);
  assert.ok(revoked.revokedAt);
  const before = await files();
  const refused = await send('/clipper/v1/clip', { body: page('Second story entirely'), headers });
  assert.equal(refused.status, 401);
  assert.deepEqual(await files(), before);
  assert.equal((await send('/clipper/v1/status', { headers })).body.paired, false);
});

test('a token paired by one extension is refused from another extension’s origin', async (t) => {
  const { send, pair } = await startClipper(t);
  const token = await pair();
  const other = await send('/clipper/v1/clip', {
    body: page(),
    headers: { authorization: `Bearer ${token}`, origin: 'moz-extension://0a1b2c3d-other' },
  });
  assert.equal(other.status, 401);
});

test('web pages are refused: no CORS for them, 403 on pair and clip; preflight only for extensions', async (t) => {
  const { send, pair, files } = await startClipper(t);
  const token = await pair();
  const before = await files();
  for (const origin of ['https://evil.example', 'http://127.0.0.1:8080', 'null']) {
    const paired = await send('/clipper/v1/pair', { body: { name: 'x' }, headers: { origin } });
    assert.equal(paired.status, 403, origin);
    assert.equal(paired.body.error.code, 'forbidden');
    assert.equal(paired.headers['access-control-allow-origin'], undefined);
    const clipped = await send('/clipper/v1/clip', {
      body: page(),
      headers: { origin, authorization: `Bearer ${token}` },
    });
    assert.equal(clipped.status, 403);
    const status = await send('/clipper/v1/status', { headers: { origin } });
    assert.equal(status.headers['access-control-allow-origin'], undefined);
    const preflight = await send('/clipper/v1/clip', { method: 'OPTIONS', headers: { origin } });
    assert.equal(preflight.status, 403);
    assert.equal(preflight.headers['access-control-allow-origin'], undefined);
  }
  assert.deepEqual(await files(), before);
  const allowed = await send('/clipper/v1/clip', {
    method: 'OPTIONS',
    headers: { origin: EXTENSION, 'access-control-request-method': 'POST' },
  });
  assert.equal(allowed.status, 204);
  assert.equal(allowed.headers['access-control-allow-origin'], EXTENSION);
  assert.equal(allowed.headers['access-control-allow-methods'], 'GET, POST');
  assert.equal(allowed.headers['access-control-allow-headers'], 'Authorization, Content-Type');
  // DNS rebinding: a page on another name that resolves to 127.0.0.1 sends its own Host.
  const rebound = await send('/clipper/v1/status', { headers: { host: 'evil.example:80' } });
  assert.equal(rebound.status, 403);
});

test('too large is 413 (declared, or a field over its limit); a screenshot that is not a PNG is 400', async (t) => {
  const { send, pair, files, port } = await startClipper(t);
  const headers = { authorization: `Bearer ${await pair()}` };
  const before = await files();
  const huge = await send('/clipper/v1/clip', { body: { ...page(), html: 'a'.repeat(20_000_001) }, headers });
  assert.equal(huge.status, 413);
  assert.equal(huge.body.error.code, 'too_large');
  const longSelection = await send('/clipper/v1/clip', {
    body: { ...page(), kind: 'selection', selection: 'b'.repeat(200_001) },
    headers,
  });
  assert.equal(longSelection.status, 413);
  // Declared over the limit: answered before the body is read.
  const declared = await new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/clipper/v1/clip',
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(500_000_000) },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.write('{"kind":"page"');
  });
  assert.equal(declared, 413);
  const gif = `data:image/png;base64,${Buffer.from('GIF89a not a png at all').toString('base64')}`;
  for (const screenshot of [gif, 'data:image/jpeg;base64,/9j/4AAQ', 'data:image/png;base64,%%%%']) {
    const bad = await send('/clipper/v1/clip', { body: { ...page(), screenshot }, headers });
    assert.equal(bad.status, 400, screenshot);
    assert.equal(bad.body.error.code, 'invalid');
  }
  for (const body of [
    { ...page(), url: 'javascript:alert(1)' },
    { ...page(), kind: 'page', html: undefined },
    { ...page(), kind: 'link' },
    { ...page(), capturedAt: 'yesterday' },
  ]) {
    const answer = await send('/clipper/v1/clip', { body, headers });
    assert.equal(answer.status, 400, JSON.stringify(body).slice(0, 80));
  }
  const notJson = await send('/clipper/v1/clip', { raw: '{"kind":', headers });
  assert.equal(notJson.status, 400);
  assert.deepEqual(await files(), before);
});

test('pairing requests expire after 5 minutes, can be refused, and at most 5 wait', async (t) => {
  const { send, archive } = await startClipper(t);
  // One waiting request per origin: five extensions, each its own.
  const from = (n: number) => ({ origin: `chrome-extension://extension${n}` });
  const ask = async (n: number) =>
    (await send('/clipper/v1/pair', { body: { name: 'Chromium' }, headers: from(n) })).body.requestId as string;
  const poll = async (id: string) => (await send(`/clipper/v1/pair/${id}`)).body;
  const refused = await ask(0);
  await archive.refuseClipperRequest(refused);
  assert.deepEqual(await poll(refused), { state: 'refused' });
  await assert.rejects(archive.approveClipperRequest(refused), /refused/);

  const waiting = [await ask(1), await ask(2), await ask(3), await ask(4), await ask(5)];
  const sixth = await send('/clipper/v1/pair', { body: { name: 'one too many' }, headers: from(6) });
  assert.equal(sixth.status, 429);
  assert.equal(sixth.body.error.code, 'too_many');

  t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
  t.mock.timers.tick(5 * 60_000);
  assert.deepEqual(await poll(waiting[0]!), { state: 'expired' });
  await assert.rejects(archive.approveClipperRequest(waiting[1]!), /expired/);
  assert.deepEqual((await archive.getClipper()).pending, []);
  assert.equal((await send('/clipper/v1/pair', { body: { name: 'again' }, headers: from(0) })).status, 202);
  assert.equal((await send('/clipper/v1/pair/pr_aaaaaaaaaaaaaaaaaaaaaa')).status, 404);
  assert.deepEqual((await archive.getClipper()).clients, []);
});

test('a port in use leaves the clipper off, reported in the status, and the archive opens', async (t) => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  defer(t, () => new Promise((resolve) => blocker.close(resolve)));
  const port = (blocker.address() as AddressInfo).port;
  const archive = await openArchive(await tempDir(t), { clipper: { port } });
  defer(t, () => archive.close());
  const status = await archive.getStatus();
  assert.equal(status.clipper.state, 'failed');
  assert.match(status.clipper.state === 'failed' ? status.clipper.message : '', new RegExp(`port ${port} .* in use`));
  assert.equal((await archive.getClipper()).server.state, 'failed');
  const added = await archive.addArticle({ text: 'The archive works without its clipper.' });
  assert.ok(added.id);
});

test('any JSON body gets a JSON answer, never a 5xx', async (t) => {
  const { send, pair } = await startClipper(t);
  const headers = { authorization: `Bearer ${await pair()}` };
  const clipLike = fc.record(
    {
      kind: fc.constantFrom('page', 'selection', 'link', 'other'),
      url: fc.oneof(fc.webUrl(), fc.string()),
      title: fc.string(),
      html: fc.string(),
      selection: fc.string(),
      linkUrl: fc.string(),
      screenshot: fc.oneof(fc.string(), fc.constant(PNG_URL)),
      capturedAt: fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.string(),
      ),
    },
    { requiredKeys: [] },
  );
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.jsonValue(), clipLike), fc.boolean(), async (body, toPair) => {
      const answer = await send(toPair ? '/clipper/v1/pair' : '/clipper/v1/clip', { body, headers });
      assert.ok(answer.status < 500, `${answer.status} ${JSON.stringify(answer.body)}`);
      assert.ok(answer.body && (answer.body.error?.code || answer.body.status || answer.body.requestId));
    }),
    { numRuns: 150 },
  );
});

test('one waiting request per origin; after a refusal the same origin waits before asking again', async (t) => {
  const { send, archive } = await startClipper(t);
  const ask = async () => send('/clipper/v1/pair', { body: { name: 'Chromium' }, headers: { origin: EXTENSION } });
  const first = (await ask()).body.requestId as string;
  const second = (await ask()).body.requestId as string;
  // Pressing Pair again replaces the first request: the app shows one prompt for it, not two.
  assert.deepEqual(
    (await archive.getClipper()).pending.map((p) => p.id),
    [second],
  );
  assert.equal((await send(`/clipper/v1/pair/${first}`)).body.state, 'refused');
  await archive.refuseClipperRequest(second);
  const again = await ask();
  assert.equal(again.status, 429);
  assert.match(again.body.error.message, /refused this extension a moment ago/);
  t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
  t.mock.timers.tick(REFUSAL_COOLDOWN_MS);
  assert.equal((await ask()).status, 202);
});

test('approve and refuse at once: one answer wins, one client is stored', async (t) => {
  const { send, archive } = await startClipper(t);
  const asked = await send('/clipper/v1/pair', { body: { name: 'Chromium' }, headers: { origin: EXTENSION } });
  const id = asked.body.requestId as string;
  const answers = await Promise.allSettled([
    archive.approveClipperRequest(id),
    archive.refuseClipperRequest(id),
    archive.approveClipperRequest(id),
  ]);
  assert.deepEqual(
    answers.map((a) => a.status),
    ['fulfilled', 'rejected', 'rejected'],
  );
  assert.equal((await archive.getClipper()).clients.length, 1);
  const polled = await send(`/clipper/v1/pair/${id}`, { headers: { origin: EXTENSION } });
  assert.equal(polled.body.state, 'approved');
  assert.ok(polled.body.token);
});

test('a clip whose token is revoked while its body arrives is refused, and nothing is written', async (t) => {
  const { archive, port, pair, files } = await startClipper(t);
  const token = await pair();
  const before = await files();
  const body = JSON.stringify(page('Sent slowly'));
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/clipper/v1/clip',
        method: 'POST',
        headers: {
          host: `127.0.0.1:${port}`,
          origin: EXTENSION,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    // The headers and a little of the body now; the rest after the revocation.
    req.write(body.slice(0, 10));
    setTimeout(async () => {
      const [client] = (await archive.getClipper()).clients;
      await archive.revokeClipperClient(client!.id);
      req.end(body.slice(10));
    }, 100);
  });
  const { status } = await answer;
  assert.equal(status, 401);
  const after = (await files()).filter((f) => !f.startsWith('clipper.json'));
  assert.deepEqual(
    after,
    before.filter((f) => !f.startsWith('clipper.json')),
  );
  assert.equal((await archive.listArticles()).total, 0);
});

// Found by tests/core/fuzz-http.test.ts: the URL parser read `//` as a host and threw, answered as a 500.
test('a path starting with // is a 404 in JSON, not a 500', async (t) => {
  const clipper = await startClipper(t);
  for (const path of ['//', '//x/clipper/v1/status']) {
    const answer = await clipper.send(path);
    assert.equal(answer.status, 404, path);
    assert.equal(answer.body.error.code, 'not_found');
  }
});
