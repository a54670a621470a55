// Browser mode's token (issue 17 A and D): no cookie ever, the header on every call, and the URL's token good for one page load of the entry only.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { serveArchive, type RunningServer } from '../../core/serve.ts';
import { send } from './helpers/raw-request.ts';
import { defer, openFor, tempDir } from './helpers/temp-dir.ts';

async function start(t: TestContext): Promise<RunningServer> {
  const dir = await tempDir(t);
  const archive = await openFor(t, join(dir, 'data'));
  await archive.addArticle({ title: 'Ceasefire holds', text: 'The ceasefire held overnight.' });
  const uiDir = join(dir, 'ui');
  await mkdir(join(uiDir, 'assets'), { recursive: true });
  await writeFile(join(uiDir, 'index.html'), '<!doctype html><title>Newsdesk</title>');
  await writeFile(join(uiDir, 'assets', 'main.js'), 'console.log("the UI");');
  const server = await serveArchive({ archive, uiDir, exportStream: (r) => archive.exportStream(r) });
  defer(t, () => server.close());
  return server;
}

const JSON_POST = { method: 'POST', body: '[]' } as const;
const EXPORT_BODY = JSON.stringify({ scope: { library: true }, format: 'markdown' });

function post(server: RunningServer, path: string, headers: Record<string, string>, body = '[]') {
  return send(server, path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

test('the page load sets no cookie, so no other server on 127.0.0.1 ever receives the token', async (t) => {
  const server = await start(t);
  const page = await send(server, `/?token=${server.token}`);
  assert.equal(page.status, 200);
  assert.equal(page.headers['set-cookie'], undefined);
  for (const path of ['/', '/index.html', '/assets/main.js'])
    assert.equal((await send(server, path)).headers['set-cookie'], undefined, path);
  const call = await post(server, '/api/getStatus', { 'x-newsdesk-token': server.token });
  assert.equal(call.headers['set-cookie'], undefined);
});

test('an /api call or a download carrying only the cookie the old page load set gets 401', async (t) => {
  const server = await start(t);
  const cookie = `newsdesk_token_${server.port}=${server.token}`;
  const call = await post(server, '/api/listArticles', { cookie });
  assert.equal(call.status, 401);
  assert.equal(JSON.parse(call.body).error.code, 'unauthorized');
  assert.match(JSON.parse(call.body).error.message, /X-Newsdesk-Token/);
  assert.equal((await post(server, '/export', { cookie }, EXPORT_BODY)).status, 401);
});

test('?token= in the URL of an /api call or a download gets 401: only the header counts there', async (t) => {
  const server = await start(t);
  assert.equal((await post(server, `/api/listArticles?token=${server.token}`, {})).status, 401);
  assert.equal((await post(server, `/export?token=${server.token}`, {}, EXPORT_BODY)).status, 401);
  assert.equal((await send(server, '/api/listArticles', JSON_POST)).status, 401, 'no header at all');
});

test('the header opens the API and the download', async (t) => {
  const server = await start(t);
  const headers = { 'x-newsdesk-token': server.token };
  const listed = await post(server, '/api/listArticles', headers);
  assert.equal(listed.status, 200);
  assert.equal(JSON.parse(listed.body).value.total, 1);
  const download = await post(server, '/export', headers, EXPORT_BODY);
  assert.equal(download.status, 200);
  assert.match(download.body, /Ceasefire holds/);
  assert.equal((await post(server, '/api/listArticles', { 'x-newsdesk-token': 'wrong' })).status, 401);
});

test('the printed URL opens the UI once; a second load with it is refused, a reload without it is served', async (t) => {
  const server = await start(t);
  const link = new URL(server.url);
  const first = await send(server, link.pathname + link.search);
  assert.equal(first.status, 200);
  assert.match(first.body, /<title>Newsdesk/);
  // Opened again (from history, a pasted copy): the tab it first opened holds the token; this one will not.
  const again = await send(server, link.pathname + link.search);
  assert.equal(again.status, 401);
  assert.match(JSON.parse(again.body).error.message, /already opened/);
  assert.equal((await send(server, `/index.html?token=${server.token}`)).status, 401, 'the same page by its name');
  // The reload of that tab: the token left the address bar and lives in its sessionStorage.
  assert.equal((await send(server, '/')).status, 200);
  // The API is untouched by all this: the header still works.
  assert.equal((await post(server, '/api/getStatus', { 'x-newsdesk-token': server.token })).status, 200);
});

test('a wrong token in the URL is refused without spending the right one', async (t) => {
  const server = await start(t);
  assert.equal((await send(server, '/?token=wrong')).status, 401);
  assert.equal((await send(server, `/?token=${server.token}x`)).status, 401);
  // A HEAD (a link checker, a preview) does not spend it either.
  assert.equal((await send(server, `/?token=${server.token}`, { method: 'HEAD' })).status, 200);
  assert.equal((await send(server, `/?token=${server.token}`)).status, 200);
});

test('the UI files hold no data and load without a token; other hosts are still refused', async (t) => {
  const server = await start(t);
  assert.equal((await send(server, '/')).status, 200);
  const script = await send(server, '/assets/main.js');
  assert.equal(script.status, 200);
  assert.match(String(script.headers['content-type']), /javascript/);
  assert.equal((await send(server, '/missing.js')).status, 404);
  const rebound = await send(server, '/', { headers: { host: 'evil.example:80' } });
  assert.equal(rebound.status, 401);
  const reboundApi = await post(server, '/api/getStatus', {
    host: 'evil.example:80',
    'x-newsdesk-token': server.token,
  });
  assert.equal(reboundApi.status, 401);
});
