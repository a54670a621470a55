// `npm run bench:search -- --articles N`: a synthetic archive written through the real store, then search: index build, cold start, query latency by kind, memory, disk, a tag edit until searchable.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openArchive, type Archive } from '../core/archive.ts';
import { type SearchQuery } from '../core/model.ts';
import { INDEX_FILE } from '../core/search/search-service.ts';
import { syntheticArchive, writeSyntheticArchive } from './synthetic-news.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    'cold-start': { type: 'string' },
  },
});

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;

if (values['cold-start']) {
  // A fresh process: the archive opens, the library's first page shows, then the first search answers.
  const started = performance.now();
  const archive = await openArchive(values['cold-start']);
  const opened = performance.now();
  await archive.listArticles({ limit: 100 });
  const listed = performance.now();
  const first = await archive.search({ query: 'ceasefire', limit: 20 });
  const searched = performance.now();
  // What stays, not what is waiting to be collected.
  globalThis.gc?.();
  console.log(
    JSON.stringify({
      open: opened - started,
      library: listed - started,
      searchReady: searched - opened,
      state: first.index.state,
      heap: process.memoryUsage().heapUsed,
    }),
  );
  await archive.close();
  process.exit(0);
}

const count = Number(values.articles);
const synthetic = syntheticArchive();
const dir = values.dir ?? (await mkdtemp(join(tmpdir(), 'newsdesk-bench-search-')));
console.log(`Newsdesk search benchmark: ${count.toLocaleString('en')} articles in ${dir} (node ${process.version})`);

// The archive: the registry's entities in archive.json, the articles written by the store's own
// writer (durable, one file each, as the app writes them). --reuse keeps the articles of an earlier
// run in --dir and starts again from its files (the derived index/ folder is removed).
let t0 = performance.now();
if (values.reuse && (await readdir(dir)).includes('articles')) {
  await rm(join(dir, 'index'), { recursive: true, force: true });
  console.log(`setup: reusing the ${count} article files in ${dir}`);
} else {
  const textBytes = await writeSyntheticArchive(dir, synthetic, count);
  console.log(
    `setup: ${synthetic.entities.length} entities, ${count} article files (${mb(textBytes)} of text)  ${ms(performance.now() - t0)}`,
  );
}

// First open: the catalog from the files, then the index built in the background (the worker).
t0 = performance.now();
let archive: Archive = await openArchive(dir);
const catalogBuilt = performance.now() - t0;
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
t0 = performance.now();
await archive.searchService.settled();
const indexBuilt = performance.now() - t0;
loop.disable();
console.log(`catalog rebuilt from the files                 ${ms(catalogBuilt)}`);
console.log(
  `search index built (worker thread)             ${ms(indexBuilt)}  (main thread's longest stall meanwhile ${ms(loop.max / 1e6)})`,
);
await archive.close();
const indexSize = (await stat(join(dir, 'index', INDEX_FILE))).size;
const catalogSize = (await readdir(join(dir, 'index'))).includes('catalog.json')
  ? (await stat(join(dir, 'index', 'catalog.json'))).size
  : 0;

const colds = Array.from({ length: 3 }, () =>
  JSON.parse(
    execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--cold-start', dir], {
      encoding: 'utf8',
    }),
  ),
);
const cold = colds.sort((a, b) => a.library - b.library)[1];
console.log(
  `cold start to a usable library (median of 3)   ${ms(cold.library)}  (open ${ms(cold.open)}; JS heap then ${mb(cold.heap)})`,
);
console.log(`search ready after start (first result)        ${ms(cold.searchReady)}  (index ${cold.state})`);

archive = await openArchive(dir);
const rss0 = process.memoryUsage().rss;

// Queries of each kind, from the generator's own vocabulary and entities.
const topical =
  'ceasefire hospital convoy displaced negotiations refugees checkpoint airstrike bridge electricity parliament detained journalists withdrawal counteroffensive protest election drone'.split(
    ' ',
  );
const sample = synthetic.article(7);
const words = sample.text.toLowerCase().match(/\p{L}+/gu)!;
const tail = words.filter((w) => w.length >= 6 && !topical.includes(w)).slice(0, 30);
const pick = <T>(list: T[], i: number) => list[(i * 7919) % list.length]!;
const typo = (w: string) => w.slice(0, 2) + w[3] + w[2] + w.slice(4);
const entity = (i: number) => synthetic.entities[(i * 131) % 400]!;
const kinds: [string, (i: number) => SearchQuery][] = [
  ['1 term', (i) => ({ query: pick([...topical, ...tail], i) })],
  ['2 terms', (i) => ({ query: `${pick(topical, i)} ${pick(topical, i + 5)}` })],
  ['3 terms', (i) => ({ query: `${pick(topical, i)} ${pick(topical, i + 3)} ${pick(tail, i)}` })],
  [
    'phrase',
    (i) => ({ query: `"${pick(words.slice(0, -1), i)} ${words[words.indexOf(pick(words.slice(0, -1), i)) + 1]}"` }),
  ],
  ['prefix', (i) => ({ query: `${pick(tail, i).slice(0, 3)}*` })],
  ['fuzzy', (i) => ({ query: `${typo(pick(tail, i))}~` })],
  [
    'field filter',
    (i) => ({
      query: `${pick(topical, i)} source:"Daily Observer" published:2024-${String(1 + (i % 12)).padStart(2, '0')}`,
    }),
  ],
  ['entity (aliases)', (i) => ({ query: `entity:"${entity(i).name}"` })],
  ['1 term + facets', (i) => ({ query: pick(topical, i), facets: true, limit: 40 })],
  ['prefix + facets', (i) => ({ query: `${pick(tail, i).slice(0, 3)}*`, facets: true, limit: 40 })],
];
console.log(`\nquery latency through the archive (limit 20, snippets read from the article files):`);
const rows: string[] = [];
for (const [kind, make] of kinds) {
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < 60; i++) {
    const t = performance.now();
    const result = await archive.search({ limit: 20, ...make(i) });
    times.push(performance.now() - t);
    hits += result.total;
  }
  rows.push(
    `  ${kind.padEnd(18)} p50 ${ms(quantile(times, 0.5)).padStart(8)}  p95 ${ms(quantile(times, 0.95)).padStart(8)}  (${Math.round(hits / 60).toLocaleString('en')} hits on average)`,
  );
}
console.log(rows.join('\n'));

// A tag edit: durable (the article file fsynced) and searchable when updateArticle returns.
const ids = (await archive.listArticles({ limit: 200 })).items.map((a) => a.id);
const edits: number[] = [];
const editLoop = monitorEventLoopDelay({ resolution: 1 });
editLoop.enable();
for (let i = 0; i < 100; i++) {
  const tag = `benchtag${i}`;
  const t = performance.now();
  await archive.updateArticle(ids[i]!, { tags: [tag] });
  const found = await archive.search({ query: `tag:${tag}`, limit: 1 });
  edits.push(performance.now() - t);
  if (found.total !== 1) throw new Error(`the edit of ${ids[i]} is not searchable`);
}
editLoop.disable();
console.log(
  `\ntag edit until durable and searchable         p50 ${ms(quantile(edits, 0.5))}  p95 ${ms(quantile(edits, 0.95))}  (longest event-loop stall ${ms(editLoop.max / 1e6)})`,
);
globalThis.gc?.();
const memory = process.memoryUsage();
console.log(
  `JS heap (store + index, after the queries)     ${mb(memory.heapUsed)}  (RSS ${mb(memory.rss)}, was ${mb(rss0)} at open)`,
);
console.log(`index on disk                                  ${mb(indexSize)}  (catalog ${mb(catalogSize)})`);
await archive.close();

// A full rebuild, as after a damaged index: in the background, with progress.
await rm(join(dir, 'index', INDEX_FILE));
archive = await openArchive(dir);
const rebuildLoop = monitorEventLoopDelay({ resolution: 5 });
rebuildLoop.enable();
t0 = performance.now();
let progressSeen = 0;
const progress = setInterval(() => (progressSeen = Math.max(progressSeen, archive.searchService.state.done)), 200);
await archive.searchService.settled();
clearInterval(progress);
rebuildLoop.disable();
console.log(
  `full rebuild in the background                 ${ms(performance.now() - t0)}  (progress reached ${progressSeen.toLocaleString('en')}; longest main-thread stall ${ms(rebuildLoop.max / 1e6)})`,
);
await archive.close();
if (!values.keep && !values.dir) await rm(dir, { recursive: true, force: true });
