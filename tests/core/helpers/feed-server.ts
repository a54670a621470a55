// A real feed server on 127.0.0.1 whose feed the test changes between refreshes; it records every request.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';
import { defer } from './temp-dir.ts';

export type Item = {
  id: string;
  title: string;
  body: string;
  page?: 'ok' | 'broken';
  /** The page's own article:published_time, when it states one. */
  pageDate?: string;
};

export type FeedServer = {
  base: string;
  items: Item[];
  /** Bumped whenever the feed changes: the ETag is its version. */
  version: number;
  requests: { path: string; headers: IncomingHttpHeaders }[];
  /** Answer the feed with this status instead (500, say) until reset to null. */
  failWith: number | null;
};

export async function feedServer(t: TestContext, items: Item[]): Promise<FeedServer> {
  const state: FeedServer = { base: '', items, version: 1, requests: [], failWith: null };
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    state.requests.push({ path, headers: req.headers });
    if (path === '/feed.xml') {
      if (state.failWith) return void res.writeHead(state.failWith).end('down');
      const etag = `"v${state.version}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { ETag: etag }).end();
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: etag });
      return void res.end(rss(state));
    }
    const item = state.items.find((i) => path === `/story/${i.id}`);
    if (!item || item.page === 'broken') return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page(item));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  defer(t, () => new Promise((resolve) => server.close(resolve)));
  return state;
}

function rss(state: FeedServer): string {
  const entries = state.items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${state.base}/story/${i.id}</link><guid isPermaLink="false">guid-${i.id}</guid><description>Summary only: ${i.title}.</description><pubDate>Sat, 14 Mar 2026 09:30:00 GMT</pubDate></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Local Wire</title><link>${state.base}/</link>${entries}</channel></rss>`;
}

function page(item: Item): string {
  const paragraphs = item.body
    .split('\n')
    .map((p) => `<p>${p}</p>`)
    .join('');
  const date = item.pageDate ? `<meta property="article:published_time" content="${item.pageDate}">` : '';
  return `<!doctype html><html><head><title>${item.title}</title>${date}</head><body><header><nav>Home · World</nav></header><article><h1>${item.title}</h1>${paragraphs}</article><footer>© Local Wire</footer></body></html>`;
}
