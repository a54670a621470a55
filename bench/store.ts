// `npm run bench -- --articles N`: the JSON store at a stated size: catalog rebuild, cold start, list, read and write latency.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openArchive } from '../core/archive.ts';
import { Article, SCHEMA_VERSION } from '../core/model.ts';
import { articleFileFor, writeArticleFile } from '../core/store/article-files.ts';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '10000' }, 'open-only': { type: 'string' } },
});

if (values['open-only']) {
  // Run in a fresh process so "cold start" includes loading the code.
  const started = performance.now();
  const archive = await openArchive(values['open-only']);
  const opened = performance.now();
  const page = await archive.listArticles({ limit: 100 });
  const listed = performance.now();
  const heap = process.memoryUsage().heapUsed;
  await archive.close();
  console.log(JSON.stringify({ open: opened - started, firstPage: listed - started, total: page.total, heap }));
  process.exit(0);
}

const count = Number(values.articles);
const dir = await mkdtemp(join(tmpdir(), 'newsdesk-bench-'));
const words =
  'army ministry said according officials reported town civilians killed at least talks ceasefire aid convoy border province'.split(
    ' ',
  );
const sources = ['Example Wire', 'Daily Observer', 'Coastal Herald', 'Sample Bulletin', 'Le Veilleur'];
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
const sentence = () => Array.from({ length: 12 + Math.floor(random() * 10) }, () => pick(words)).join(' ') + '.';

function synthetic(i: number): Article {
  const captured = new Date(Date.UTC(2023, 0, 1) + i * 600_000).toISOString();
  // Parsed, so the fields added since the first release take their defaults as a saved file's would.
  return Article.parse({
    id: crypto.randomUUID(),
    title: `${sentence().slice(0, 70)} #${i}`,
    source: pick(sources),
    url: `https://example.org/${i}`,
    byline: '',
    publishedAt: captured.slice(0, 10),
    language: 'en',
    notes: '',
    tags: [pick(words)],
    text: Array.from({ length: 25 }, sentence).join(' '),
    capturedAt: captured,
    updatedAt: captured,
    deletedAt: null,
    provenance: {
      method: 'pasted',
      sha256: '0'.repeat(64),
      bytes: 3000,
      capturedAt: captured,
      origin: '',
      mediaType: 'text/plain',
      encoding: '',
      attachment: null,
    },
  });
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;
async function timeEach(n: number, work: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await work(i);
    times.push(performance.now() - t0);
  }
  return `p50 ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}`;
}

console.log(`Newsdesk store benchmark: ${count} articles in ${dir} (node ${process.version})`);
let t0 = performance.now();
for (let i = 0; i < count; i += 64) {
  await Promise.all(
    Array.from({ length: Math.min(64, count - i) }, (_, j) => {
      const article = synthetic(i + j);
      return writeArticleFile(dir, articleFileFor(article), article);
    }),
  );
}
console.log(`write ${count} article files (setup, schema v${SCHEMA_VERSION})   ${ms(performance.now() - t0)}`);

t0 = performance.now();
let archive = await openArchive(dir);
console.log(`rebuild the catalog from the files           ${ms(performance.now() - t0)}`);
await archive.close();

const cold = JSON.parse(
  execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--open-only', dir], { encoding: 'utf8' }),
);
console.log(`cold start: open the archive (fresh process)  ${ms(cold.open)}`);
console.log(`cold start: to the first page of the list     ${ms(cold.firstPage)}`);
console.log(`JS heap after opening                         ${(cold.heap / 2 ** 20).toFixed(0)} MB`);
const catalogSize = (await stat(join(dir, 'index', 'catalog.json'))).size;
console.log(`catalog snapshot on disk                      ${(catalogSize / 2 ** 20).toFixed(1)} MB`);

archive = await openArchive(dir);
const ids = (await archive.listArticles({ limit: 5000 })).items.map((a) => a.id);
t0 = performance.now();
await archive.listArticles({ sort: 'title', order: 'asc', limit: 100 });
console.log(`list sorted by title (first time, sorts all)  ${ms(performance.now() - t0)}`);
console.log(
  `list a page of 100 (cached order)             ${await timeEach(200, (i) => archive.listArticles({ sort: 'title', order: 'asc', offset: i * 10, limit: 100 }))}`,
);
console.log(
  `open one article                              ${await timeEach(500, (i) => archive.getArticle(ids[(i * 7919) % ids.length]!))}`,
);
console.log(
  `add an article (durable before it returns)    ${await timeEach(200, (i) => archive.addArticle({ text: synthetic(i).text, title: `bench ${i}` }))}`,
);
console.log(
  `edit a title (durable before it returns)      ${await timeEach(200, (i) => archive.updateArticle(ids[i]!, { title: `edited ${i}` }))}`,
);
t0 = performance.now();
await archive.close();
console.log(`close (compacts the catalog)                  ${ms(performance.now() - t0)}`);
await rm(dir, { recursive: true, force: true });
