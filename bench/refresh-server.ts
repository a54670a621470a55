// The refresh benchmark's feed server, in its own process: N feeds of M items on 127.0.0.1-10 (ten hosts, one port), each item a synthetic page.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { syntheticPage } from './synthetic-page.ts';

const items = Number(process.argv[2] ?? 20);
const HOSTS = 10;

function handle(base: (req: { headers: { host?: string } }) => string) {
  return createServer((req, res) => {
    const feed = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? '');
    if (feed) {
      const n = Number(feed[1]);
      const entries = Array.from({ length: items }, (_, k) => {
        const link = `${base(req)}/page/${n}-${k}.html`;
        return `<item><title>Feed ${n} item ${k}</title><link>${link}</link><guid>${link}</guid><description>Item ${k} of feed ${n}.</description></item>`;
      }).join('');
      res.writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: `"f${n}"` });
      return void res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${n}</title>${entries}</channel></rss>`,
      );
    }
    const page = /^\/page\/(\d+)-(\d+)\.html$/.exec(req.url ?? '');
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(syntheticPage(Number(page[1]) * items + Number(page[2])));
  });
}

const servers: Server[] = [];
let port = 0;
for (let h = 1; h <= HOSTS; h++) {
  const server = handle((req) => `http://${req.headers.host}`);
  await new Promise<void>((resolve) => server.listen(port, `127.0.0.${h}`, resolve));
  port = (server.address() as AddressInfo).port;
  servers.push(server);
}
process.send?.({ port, hosts: HOSTS });
process.on('disconnect', () => process.exit(0));
