// `npm run bench:export -- --articles N`: a synthetic archive written through the real store, then every export format of the whole library (time, size, peak memory, each in a fresh process) and a bundle import.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openArchive } from '../core/archive.ts';
import { ExportFormat, type ExportRequest } from '../core/model.ts';
import { syntheticArchive, writeSyntheticArchive } from './synthetic-news.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    // Internal: one export (or import) in this process, its figures printed as JSON.
    child: { type: 'string' },
    out: { type: 'string' },
  },
});

const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;

/** Samples memory while `work` runs: the peak is what a user's machine must have free. */
async function measured<T>(work: () => Promise<T>) {
  globalThis.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 10);
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  clearInterval(timer);
  return { result, ms, baseRss: base.rss, peakRss, baseHeap: base.heapUsed, peakHeap };
}

if (values.child) {
  const [kind, format, table] = values.child.split(':');
  const archive = await openArchive(values.dir!);
  await archive.searchService.settled();
  const figures =
    kind === 'import'
      ? await measured(() => archive.importBundleFile(values.out!))
      : await measured(() =>
          archive.exportToFile(
            {
              scope: { library: true },
              format: format as ExportRequest['format'],
              ...(table ? { table } : {}),
            } as ExportRequest,
            values.out!,
          ),
        );
  await archive.close();
  console.log(
    JSON.stringify({ ...figures, result: undefined, bytes: 'bytes' in figures.result ? figures.result.bytes : 0 }),
  );
  process.exit(0);
}

const count = Number(values.articles);
const synthetic = syntheticArchive();
const dir = values.dir ?? (await mkdtemp(join(tmpdir(), 'newsdesk-bench-export-')));
console.log(`Newsdesk export benchmark: ${count.toLocaleString('en')} articles in ${dir} (node ${process.version})`);
if (values.reuse && (await readdir(dir)).includes('articles')) {
  console.log(`setup: reusing the article files in ${dir}`);
} else {
  const t0 = performance.now();
  await writeSyntheticArchive(dir, synthetic, count);
  // The catalog and the search index, built once here so each child below opens a ready archive.
  const archive = await openArchive(dir);
  await archive.searchService.settled();
  await archive.close();
  console.log(
    `setup: ${synthetic.entities.length} entities, ${count} articles, indexed  ${(performance.now() - t0).toFixed(0)} ms`,
  );
}

const out = await mkdtemp(join(tmpdir(), 'newsdesk-bench-export-out-'));
const run = (child: string, target: string, data = dir) =>
  JSON.parse(
    execFileSync(
      process.execPath,
      [...process.execArgv, import.meta.filename, '--child', child, '--dir', data, '--out', target],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    ),
  ) as { ms: number; bytes: number; baseRss: number; peakRss: number; baseHeap: number; peakHeap: number };

console.log('\nexport of the whole library, each in a fresh process (RSS: resident memory of the process)');
console.log('format                  time      size      peak RSS (before)    peak heap (before)');
const jobs: [string, string][] = [
  // PDF needs the desktop app's Chromium: not measurable here.
  ...ExportFormat.options.filter((f) => f !== 'csv' && f !== 'pdf').map((f): [string, string] => [f, `export:${f}`]),
  ['csv (4 tables, zip)', 'export:csv'],
  ['csv articles', 'export:csv:articles'],
  ['csv claims', 'export:csv:claims'],
];
let bundlePath = '';
for (const [label, child] of jobs) {
  const target = join(out, child.replaceAll(':', '-'));
  const r = run(child, target);
  if (child === 'export:bundle') bundlePath = target;
  console.log(
    `${label.padEnd(22)} ${(r.ms / 1000).toFixed(1).padStart(5)} s  ${mb(r.bytes).padStart(7)}  ${mb(r.peakRss).padStart(8)} (${mb(r.baseRss)})  ${mb(r.peakHeap).padStart(9)} (${mb(r.baseHeap)})`,
  );
}

// The bundle into an empty archive: verified whole (every byte hashed), then every article written durably.
const empty = await mkdtemp(join(tmpdir(), 'newsdesk-bench-import-'));
const imported = run('import', bundlePath, empty);
console.log(
  `\nbundle import into an empty archive  ${(imported.ms / 1000).toFixed(1)} s, peak RSS ${mb(imported.peakRss)} (${mb(imported.baseRss)} before), peak heap ${mb(imported.peakHeap)}`,
);

await rm(out, { recursive: true, force: true });
await rm(empty, { recursive: true, force: true });
if (!values.keep && !values.dir) await rm(dir, { recursive: true, force: true });
