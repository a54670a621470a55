// Feeds that are JSON, redirect in a loop or to another scheme, or are not feeds: each gets its own clear result, the others go on.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { defer, openFor, tempDir } from './helpers/temp-dir.ts';

process.env.NEWSDESK_ALLOW_PRIVATE_NETWORK = '1';

const text =
  'The harbour authority said on Wednesday that container traffic had returned to normal after a week of strikes by dock workers.\nShipping companies reported that the backlog of vessels waiting offshore would be cleared by the end of the month.';

test('JSON Feed items are followed; loops, other schemes and non-feeds fail each on their own', async (t) => {
  const server = createServer((req, res) => {
    const base = `http://${req.headers.host}`;
    if (req.url === '/feed.json') {
      res.writeHead(200, { 'Content-Type': 'application/feed+json' });
      return void res.end(
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'Harbour News',
          items: [
            { id: 'h1', url: `${base}/harbour`, title: 'Port traffic back to normal', content_text: 'Short.' },
            {
              id: 'h2',
              title: 'No link, only content',
              content_html: `<p>${text.replace('\n', '</p><p>')} Again.</p>`,
            },
          ],
        }),
      );
    }
    if (req.url === '/harbour') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return void res.end(
        `<html><head><title>Port traffic back to normal</title></head><body><article><h1>Port traffic back to normal</h1><p>${text.replace('\n', '</p><p>')}</p></article></body></html>`,
      );
    }
    if (req.url === '/loop') return void res.writeHead(302, { Location: '/loop' }).end();
    if (req.url === '/scheme') return void res.writeHead(301, { Location: 'file:///etc/passwd' }).end();
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<html><body><p>Not a feed at all.</p></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  defer(t, () => new Promise((resolve) => server.close(resolve)));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const archive = await openFor(t, await tempDir(t));
  for (const path of ['/feed.json', '/loop', '/scheme', '/page']) await archive.followFeeds(`${base}${path}`);

  const results = await archive.refreshSubscriptions();
  const byPath = Object.fromEntries(results.map((r) => [new URL(r.url).pathname, r]));
  assert.equal(byPath['/feed.json']!.status, 'ok');
  assert.equal(byPath['/feed.json']!.new, 2);
  assert.deepEqual(byPath['/feed.json']!.errors, [
    "No link, only content: the item has no link; saved the feed's own content instead.",
  ]);
  assert.equal(byPath['/loop']!.status, 'failed');
  assert.match(byPath['/loop']!.errors[0]!, /redirects more than 5 times/);
  assert.equal(byPath['/scheme']!.status, 'failed');
  assert.match(byPath['/scheme']!.errors[0]!, /file: links are not followed/);
  assert.equal(byPath['/page']!.status, 'failed');
  assert.match(byPath['/page']!.errors[0]!, /Not a valid RSS\/Atom feed/);

  const list = await archive.listArticles();
  const page = await archive.getArticle(list.items.find((a) => a.title.startsWith('Port traffic'))!.id);
  assert.match(page.text, /backlog of vessels/);
  assert.equal(page.feed?.title, 'Harbour News');
  const own = await archive.getArticle(list.items.find((a) => a.id !== page.id)!.id);
  assert.equal(own.extraction, 'feed');
  assert.equal(own.feed?.guid, 'h2');
});
