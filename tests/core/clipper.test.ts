// The clipper end to end over real HTTP: status, pairing approved through the contract, page and selection clips saved with their screenshot, duplicates, links.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { articlePage, EXTENSION, PARAGRAPHS, PNG, PNG_URL, startClipper } from './helpers/clipper-client.ts';
import { defer } from './helpers/temp-dir.ts';

const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

test('status says who answers and whether the token is paired', async (t) => {
  const { send, pair } = await startClipper(t);
  const anonymous = await send('/clipper/v1/status');
  assert.equal(anonymous.status, 200);
  assert.equal(anonymous.body.app, 'newsdesk');
  assert.match(anonymous.body.version, /^\d+\.\d+\.\d+/);
  assert.equal(anonymous.body.paired, false);
  const token = await pair();
  const paired = await send('/clipper/v1/status', { headers: { authorization: `Bearer ${token}` } });
  assert.equal(paired.body.paired, true);
  const wrong = await send('/clipper/v1/status', { headers: { authorization: `Bearer ${token.slice(0, -2)}xx` } });
  assert.equal(wrong.body.paired, false);
});

test('pairing: pending until approved in the app, the token given once, only its hash stored', async (t) => {
  const { send, archive, dir } = await startClipper(t);
  const asked = await send('/clipper/v1/pair', { body: { name: 'Firefox on Linux' }, headers: { origin: EXTENSION } });
  assert.equal(asked.status, 202);
  assert.match(asked.body.requestId, /^pr_/);
  assert.match(asked.body.code, /^\d{4}$/);
  assert.equal(asked.headers['access-control-allow-origin'], EXTENSION);
  const poll = () => send(`/clipper/v1/pair/${asked.body.requestId}`, { headers: { origin: EXTENSION } });
  assert.deepEqual((await poll()).body, { state: 'pending' });

  const overview = await archive.getClipper();
  assert.equal(overview.server.state, 'listening');
  assert.deepEqual(
    overview.pending.map((r) => [r.id, r.name, r.code, r.origin]),
    [[asked.body.requestId, 'Firefox on Linux', asked.body.code, EXTENSION]],
  );
  const client = await archive.approveClipperRequest(asked.body.requestId);
  assert.equal(client.name, 'Firefox on Linux');
  assert.equal(client.origin, EXTENSION);
  assert.ok(!('tokenSha256' in client));

  const first = await poll();
  assert.equal(first.body.state, 'approved');
  assert.match(first.body.token, /^[A-Za-z0-9_-]{43}$/);
  assert.deepEqual((await poll()).body, { state: 'approved' });

  const stored = await readFile(join(dir, 'clipper.json'), 'utf8');
  assert.ok(!stored.includes(first.body.token), 'the token itself is never written');
  assert.ok(stored.includes(sha(first.body.token)));
  const after = await archive.getClipper();
  assert.deepEqual(after.pending, []);
  assert.deepEqual(
    after.clients.map((c) => [c.id, c.revokedAt]),
    [[client.id, null]],
  );
  await assert.rejects(archive.approveClipperRequest(asked.body.requestId), /approved/);
});

test('a page clip goes through capture and keeps the rendered page and the screenshot with their hashes', async (t) => {
  const { send, pair, archive, dir } = await startClipper(t);
  const token = await pair();
  const html = articlePage('Floods close the harbour road in Port Avel', PARAGRAPHS);
  const clip = {
    kind: 'page',
    url: 'https://herald.example.org/world/floods-port-avel?utm_source=x',
    title: 'Floods close the harbour road in Port Avel - Coastal Herald',
    html,
    screenshot: PNG_URL,
    capturedAt: new Date().toISOString(),
  };
  const headers = { authorization: `Bearer ${token}`, origin: EXTENSION };
  const saved = await send('/clipper/v1/clip', { body: clip, headers });
  assert.equal(saved.status, 201, JSON.stringify(saved.body));
  assert.equal(saved.body.status, 'saved');
  assert.equal(saved.body.title, 'Floods close the harbour road in Port Avel');

  const article = await archive.getArticle(saved.body.id);
  assert.match(article.text, /340 households/);
  assert.doesNotMatch(article.text, /Copyright Coastal Herald/);
  assert.equal(article.provenance.method, 'clipper');
  assert.equal(article.url, 'https://herald.example.org/world/floods-port-avel?utm_source=x');
  assert.equal(article.provenance.sha256, sha(html));
  assert.deepEqual(
    article.attachments.map((a) => [a.role, a.name, a.mediaType, a.bytes, a.sha256]),
    [
      ['capture', `${article.id}.capture.html`, 'text/html', Buffer.byteLength(html), sha(html)],
      ['screenshot', `${article.id}.screenshot.png`, 'image/png', PNG.length, sha(PNG)],
    ],
  );
  for (const attachment of article.attachments) assert.equal(attachment.capturedAt, article.capturedAt);
  const month = article.capturedAt.slice(0, 7).replace('-', '/');
  assert.deepEqual(await readFile(join(dir, 'articles', month, `${article.id}.screenshot.png`)), PNG);

  const shot = await archive.getAttachment(article.id, `${article.id}.screenshot.png`);
  assert.equal(shot.mediaType, 'image/png');
  assert.deepEqual(Buffer.from(shot.base64, 'base64'), PNG);
  // The captured page is evidence, never handed to the UI to render.
  await assert.rejects(archive.getAttachment(article.id, `${article.id}.capture.html`), /evidence/);
  await assert.rejects(archive.getAttachment(article.id, '..%2Farchive.json'));
  await assert.rejects(archive.getAttachment(article.id, 'other.png'), /no file named/);

  // The same page again (tracking parameters aside): the duplicate, named.
  const again = await send('/clipper/v1/clip', {
    body: { ...clip, url: 'https://herald.example.org/world/floods-port-avel' },
    headers,
  });
  assert.equal(again.status, 200);
  assert.deepEqual(again.body, { status: 'duplicate', id: article.id, title: article.title });
  assert.equal((await archive.listArticles()).total, 1);
  const [client] = (await archive.getClipper()).clients;
  assert.ok(client!.lastUsedAt, 'a clip records when the extension was last used');
});

test('a selection is saved as a quote of its page, not as a duplicate of the page', async (t) => {
  const { send, pair, archive } = await startClipper(t);
  const token = await pair();
  const headers = { authorization: `Bearer ${token}` };
  const url = 'https://herald.example.org/world/floods-port-avel';
  const page = await send('/clipper/v1/clip', {
    body: {
      kind: 'page',
      url,
      title: 'Floods',
      html: articlePage('Floods', PARAGRAPHS),
      capturedAt: '2025-03-04T10:00:00+01:00',
    },
    headers,
  });
  assert.equal(page.status, 201);
  const selection = '"We took the children and the papers, nothing else," said one shopkeeper near the fish market.';
  const quote = await send('/clipper/v1/clip', {
    body: {
      kind: 'selection',
      url,
      title: 'Floods close the harbour road',
      selection: `  ${selection}\n`,
      screenshot: PNG_URL,
      capturedAt: new Date().toISOString(),
    },
    headers,
  });
  assert.equal(quote.status, 201, JSON.stringify(quote.body));
  const article = await archive.getArticle(quote.body.id);
  assert.equal(article.title, 'Quote from Floods close the harbour road');
  assert.equal(article.text, selection);
  assert.equal(article.url, url);
  assert.equal(article.source, 'herald.example.org');
  assert.equal(article.extraction, 'selection');
  assert.equal(article.provenance.method, 'clipper');
  assert.equal(article.provenance.sha256, sha(selection));
  assert.deepEqual(
    article.attachments.map((a) => a.role),
    ['capture', 'screenshot'],
  );
  // The same words again are the duplicate.
  const twice = await send('/clipper/v1/clip', {
    body: { kind: 'selection', url, title: 'Floods', selection, capturedAt: new Date().toISOString() },
    headers,
  });
  assert.deepEqual(twice.body, { status: 'duplicate', id: article.id, title: article.title });
});

test('a link clip is fetched by the app like a typed URL, on 127.0.0.1 too', async (t) => {
  const site = createServer((req, res) => {
    if (req.url !== '/story') return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(articlePage('Harbour road reopens after the floods', PARAGRAPHS.slice(1)));
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  defer(t, () => new Promise((resolve) => site.close(resolve)));
  const { send, pair, archive } = await startClipper(t);
  const headers = { authorization: `Bearer ${await pair()}` };
  const linkUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/story`;
  const saved = await send('/clipper/v1/clip', {
    body: {
      kind: 'link',
      url: 'https://herald.example.org/',
      title: 'Home',
      linkUrl,
      screenshot: PNG_URL,
      capturedAt: new Date().toISOString(),
    },
    headers,
  });
  assert.equal(saved.status, 201, JSON.stringify(saved.body));
  const article = await archive.getArticle(saved.body.id);
  assert.equal(article.title, 'Harbour road reopens after the floods');
  assert.equal(article.provenance.method, 'url');
  assert.equal(article.provenance.origin, linkUrl);
  const missing = await send('/clipper/v1/clip', {
    body: {
      kind: 'link',
      url: 'https://herald.example.org/',
      title: 'Home',
      linkUrl: `${linkUrl}-gone`,
      capturedAt: new Date().toISOString(),
    },
    headers,
  });
  assert.equal(missing.status, 502);
  assert.equal(missing.body.error.code, 'unreachable');
});

test('feeds listed in a clipped OPML file stay off this machine; a page named .xml is still read as a page', async (t) => {
  const asked: string[] = [];
  const local = createServer((req, res) => {
    asked.push(req.url ?? '');
    if (req.url === '/list.opml') {
      res.writeHead(200, { 'Content-Type': 'text/x-opml' });
      return void res.end(
        `<?xml version="1.0"?><opml version="2.0"><body><outline type="rss" xmlUrl="http://127.0.0.1:${(local.address() as AddressInfo).port}/router/reboot"/></body></opml>`,
      );
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
  defer(t, () => new Promise((resolve) => local.close(resolve)));
  const base = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
  const { send, pair, archive } = await startClipper(t);
  const headers = { authorization: `Bearer ${await pair()}` };
  const now = new Date().toISOString();

  // A link the user chose to save may be on 127.0.0.1; the feeds its OPML names may not.
  await send('/clipper/v1/clip', {
    body: { kind: 'link', url: 'https://evil.example/', title: 'x', linkUrl: `${base}/list.opml`, capturedAt: now },
    headers,
  });
  // A page clip whose "HTML" is an OPML list naming a local address.
  const opmlPage = await send('/clipper/v1/clip', {
    body: {
      kind: 'page',
      url: 'https://evil.example/list.opml',
      title: 'x',
      html: `<opml version="2.0"><body><outline type="rss" xmlUrl="${base}/router/reboot?x=1"/></body></opml>`,
      capturedAt: now,
    },
    headers,
  });
  assert.notEqual(opmlPage.status, 201);
  assert.deepEqual(asked, ['/list.opml'], 'the listed feed on 127.0.0.1 was never requested');
  assert.equal((await archive.listArticles()).total, 0);

  // An ordinary page whose URL ends in .xml is the page the browser rendered.
  const page = await send('/clipper/v1/clip', {
    body: {
      kind: 'page',
      url: 'https://herald.example.org/world/floods.xml',
      title: 'Floods close the harbour road',
      html: articlePage('Floods close the harbour road', PARAGRAPHS),
      capturedAt: now,
    },
    headers,
  });
  assert.equal(page.status, 201, JSON.stringify(page.body));
});
