// The contract over HTTP: token on every call, zod-checked bodies, JSON errors with proper status codes.
import assert from 'node:assert/strict';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { serveArchive, type RunningServer } from '../../core/serve.ts';
import { send } from './helpers/raw-request.ts';
import { defer, openFor, tempDir } from './helpers/temp-dir.ts';

async function start(t: TestContext) {
  const dir = await tempDir(t);
  const archive = await openFor(t, join(dir, 'data'));
  const uiDir = join(dir, 'ui');
  await mkdir(uiDir);
  await writeFile(join(uiDir, 'index.html'), '<!doctype html><title>Newsdesk</title>');
  await writeFile(join(dir, 'secret.txt'), 'outside the UI folder');
  const server = await serveArchive({ archive, uiDir });
  defer(t, () => server.close());
  const articleFiles = async () => (await readdir(join(dir, 'data', 'articles')).catch(() => [])).length;
  return { server, archive, articleFiles };
}

function api(server: RunningServer, method: string, body: string, headers: Record<string, string> = {}) {
  return send(server, `/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-newsdesk-token': server.token, ...headers },
    body,
  });
}

test('it listens on 127.0.0.1 only and prints a URL with a fresh token', async (t) => {
  const { server } = await start(t);
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  // Bound to loopback only: another address of this machine gets no answer.
  const others = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && i.family === 'IPv4' && !i.internal);
  for (const other of others) {
    const reached = await fetch(`http://${other!.address}:${server.port}/`).then(
      () => true,
      () => false,
    );
    assert.equal(reached, false, `reachable on ${other!.address}`);
  }
  const other = await serveArchive({ archive: (await start(t)).archive });
  defer(t, () => other.close());
  assert.notEqual(other.token, server.token);
});

test('no token, or a wrong one, gives 401 and writes nothing', async (t) => {
  const { server, articleFiles } = await start(t);
  const body = JSON.stringify([{ text: 'x' }]);
  for (const headers of [
    { 'x-newsdesk-token': '' },
    { 'x-newsdesk-token': 'wrong' },
    { 'x-newsdesk-token': server.token + 'x' },
  ]) {
    const res = await api(server, 'addArticle', body, headers);
    assert.equal(res.status, 401);
    assert.equal(JSON.parse(res.body).error.code, 'unauthorized');
  }
  // The UI's files hold no data and load without it (tests/core/serve-token.test.ts); a download does not.
  assert.equal(
    (await send(server, '/export', { method: 'POST', headers: { 'content-type': 'application/json' } })).status,
    401,
  );
  assert.equal(await articleFiles(), 0);
});

test('a malformed body gives 400 with a message and writes nothing', async (t) => {
  const { server, articleFiles } = await start(t);
  const cases: [string, RegExp][] = [
    ['{not json', /not valid JSON/],
    ['{"text": "x"}', /must be a JSON array/],
    ['[{"text": ""}]', /addArticle: argument 1 › text: the text cannot be empty/],
    ['[{"text": "x", "url": "javascript:alert(1)"}]', /url: expected an http\(s\) URL/],
    ['[{"text": "x", "script": "<b>"}]', /^“script” is not a field this accepts\.$/],
    [`[{"text": "${'x'.repeat(5_200_000)}"}]`, /^This text is 5\.2 million characters; the limit is 2 million\.$/],
    ['[]', /addArticle: /],
  ];
  for (const [body, message] of cases) {
    const res = await api(server, 'addArticle', body);
    assert.equal(res.status, 400, body);
    const reply = JSON.parse(res.body);
    assert.equal(reply.ok, false);
    assert.equal(reply.error.code, 'invalid');
    assert.match(reply.error.message, message);
  }
  assert.equal((await api(server, 'addArticle', '[{"text":"x"}]', { 'content-type': 'text/plain' })).status, 400);
  assert.equal(await articleFiles(), 0);
});

test('a refused argument names its fields in `issues`, so a form marks them without reading the message', async (t) => {
  const { server } = await start(t);
  const res = await api(server, 'addArticle', JSON.stringify([{ text: ' ', url: 'ftp://x', title: '' }]));
  const { error } = JSON.parse(res.body);
  assert.equal(error.code, 'invalid');
  assert.deepEqual(error.issues.map((issue: { path: unknown[] }) => issue.path).sort(), [
    [0, 'text'],
    [0, 'title'],
    [0, 'url'],
  ]);
  assert.ok(error.issues.every((issue: { message: string }) => issue.message.length > 0));
});

test('a valid call answers 200 with the value; unknown methods and ids give 404', async (t) => {
  const { server, articleFiles } = await start(t);
  const added = await api(server, 'addArticle', JSON.stringify([{ text: 'Body', title: 'Over HTTP' }]));
  assert.equal(added.status, 200);
  const { ok, value } = JSON.parse(added.body);
  assert.equal(ok, true);
  assert.equal(value.title, 'Over HTTP');
  assert.equal(await articleFiles(), 1);
  const listed = JSON.parse((await api(server, 'listArticles', '[]')).body);
  assert.equal(listed.value.total, 1);
  assert.equal((await api(server, 'dropEverything', '[]')).status, 404);
  assert.equal((await api(server, 'getArticle', '["00000000-0000-4000-8000-000000000000"]')).status, 404);
  assert.equal((await api(server, 'constructor', '[]')).status, 404, 'only contract methods are callable');
  // The local methods take paths on this machine: the CLI's, never a browser's.
  for (const local of ['exportToFile', 'importBundleFile', 'addFromFile', 'importFile', 'exportStream'])
    assert.equal((await api(server, local, '["/etc/passwd"]')).status, 404, local);
});

test('bodies over the cap are refused with 413', async (t) => {
  const { server } = await start(t);
  const res = await api(server, 'addArticle', JSON.stringify([{ text: 'x'.repeat(33 * 1024 * 1024) }]));
  assert.equal(res.status, 413);
});

test('the UI is served with the token in the URL, with a strict CSP', async (t) => {
  const { server } = await start(t);
  const first = await send(server, `/?token=${server.token}`);
  assert.equal(first.status, 200);
  assert.match(first.body, /<title>Newsdesk/);
  assert.match(String(first.headers['content-security-policy']), /script-src 'self'/);
  assert.match(String(first.headers['content-security-policy']), /frame-ancestors 'none'/);
});

test('paths cannot leave the UI folder and other hosts are refused', async (t) => {
  const { server } = await start(t);
  const headers = { 'x-newsdesk-token': server.token };
  for (const path of [
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/missing.js',
    '/%E0%A4%A',
    '/a%00b',
  ]) {
    const res = await send(server, path, { headers });
    assert.equal(res.status, 404, path);
    assert.doesNotMatch(res.body, /outside the UI folder/);
  }
  const rebound = await send(server, '/', { headers: { ...headers, host: 'evil.example:80' } });
  assert.equal(rebound.status, 401);
});

// Found by tests/core/fuzz-http.test.ts.
test('a path starting with // is a path, not a 500 "Invalid URL" nor another host’s /api', async (t) => {
  const { server, articleFiles } = await start(t);
  for (const path of ['//', '//a/api/addArticle']) {
    const direct = await send(server, path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-newsdesk-token': server.token },
      body: JSON.stringify([{ text: 'x' }]),
    });
    assert.equal(direct.status, 404, `${path}: ${direct.body}`);
    assert.equal(JSON.parse(direct.body).error.code, 'not_found');
  }
  assert.equal(await articleFiles(), 0);
});

// Found by tests/core/fuzz-http.test.ts: node's parser answered these with a bare "400 Bad Request" and no body.
test('bytes that are not well-formed HTTP get a JSON 400 too', async (t) => {
  const { server } = await start(t);
  const answer = await new Promise<string>((resolve) => {
    const socket = connect(server.port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk));
    socket.on('close', () => resolve(text));
    // A DELETE with a body and no length: the body is read as the next request's head.
    socket.write(`DELETE /api/getStatus HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n[{}]\r\n\r\n`);
  });
  const last = answer.slice(answer.lastIndexOf('HTTP/1.1 '));
  assert.match(last, /^HTTP\/1\.1 400 /);
  assert.deepEqual(JSON.parse(last.slice(last.indexOf('\r\n\r\n') + 4)), {
    ok: false,
    error: { code: 'invalid', message: 'This is not well-formed HTTP; the connection is closed.' },
  });
});
