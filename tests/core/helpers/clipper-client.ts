// A real archive with its real clipper listening on a free port, and raw HTTP requests to it (raw, so a test sets Origin and Host itself).
import { readdir } from 'node:fs/promises';
import { request } from 'node:http';
import { join, relative } from 'node:path';
import type { TestContext } from 'node:test';
import { openArchive, type Archive } from '../../../core/archive.ts';
import { defer, tempDir } from './temp-dir.ts';

export const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

/** The smallest valid PNG: a 1x1 transparent pixel. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const PNG_URL = `data:image/png;base64,${PNG.toString('base64')}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field and asserted
export type Answer = { status: number; body: any; headers: Record<string, string | string[] | undefined> };

export type Clipper = {
  archive: Archive;
  dir: string;
  port: number;
  send(
    path: string,
    init?: { method?: string; headers?: Record<string, string>; body?: unknown; raw?: string },
  ): Promise<Answer>;
  /** Every file in the data folder but the lock and the derived index, relative: "the archive unchanged". */
  files(): Promise<string[]>;
  /** Pairs an extension the way the UI approves it, and answers its token. */
  pair(name?: string): Promise<string>;
};

export async function startClipper(t: TestContext): Promise<Clipper> {
  const dir = await tempDir(t);
  const archive = await openArchive(dir, { clipper: { port: 0 } });
  defer(t, () => archive.close());
  if (archive.clipper.state !== 'listening')
    throw new Error(`the clipper did not start: ${JSON.stringify(archive.clipper)}`);
  const port = archive.clipper.port;
  const send: Clipper['send'] = (path, init = {}) =>
    new Promise((resolve, reject) => {
      const raw = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path,
          method: init.method ?? (raw === undefined ? 'GET' : 'POST'),
          headers: {
            host: `127.0.0.1:${port}`,
            ...(raw === undefined ? {} : { 'content-type': 'application/json' }),
            ...init.headers,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null, headers: res.headers }),
          );
        },
      );
      req.on('error', reject);
      req.end(raw);
    });
  const files = async () =>
    (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && !e.name.startsWith('newsdesk.lock'))
      .map((e) => relative(dir, join(e.parentPath, e.name)))
      .filter((path) => !path.startsWith('index'))
      .sort();
  const pair = async (name = 'Chromium on Linux') => {
    const asked = await send('/clipper/v1/pair', { body: { name }, headers: { origin: EXTENSION } });
    await archive.approveClipperRequest(asked.body.requestId);
    const polled = await send(`/clipper/v1/pair/${asked.body.requestId}`, { headers: { origin: EXTENSION } });
    return polled.body.token as string;
  };
  return { archive, dir, port, send, files, pair };
}

/** A news page of our own, with enough of an article for the extractor to find it. */
export function articlePage(title: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} - Coastal Herald</title>
<meta property="og:site_name" content="Coastal Herald"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${title}</h1><p class="byline">By Mara Lind</p>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article><footer>Copyright Coastal Herald</footer></body></html>`;
}

export const PARAGRAPHS = [
  'Heavy rain flooded the lower districts of Port Avel overnight, forcing hundreds of families to leave their homes before dawn, the city council said on Tuesday.',
  'Emergency crews worked through the morning to clear the main road to the harbour, which remained closed to traffic after a section of the embankment gave way.',
  'A council spokesperson said that at least 340 households had registered at the three shelters opened in schools on the hill, and that more were expected by evening.',
  'Residents described water reaching the first floor within an hour. "We took the children and the papers, nothing else," said one shopkeeper near the fish market.',
];
