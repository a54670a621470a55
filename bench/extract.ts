// `npm run bench:extract -- DIR`: article extraction on real pages with snippet truth (extraction-dev's format): precision, recall, F1, pages saved, fallen back or refused, Readability.js alone in the same run, and pages/s through the real import path.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { openArchive } from '../core/archive.ts';
import { captureDocument } from '../core/capture/capture-document.ts';
import { importTargets } from '../core/cli-import.ts';
import { DEFAULT_MAX_IMPORT_BYTES } from '../core/model.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    limit: { type: 'string' },
    details: { type: 'string' },
    'no-readability': { type: 'boolean', default: false },
    'no-speed': { type: 'boolean', default: false },
  },
});
const dir = positionals[0];
if (!dir) {
  console.error(
    'usage: npm run bench:extract -- DIR [--limit N] [--details FILE.jsonl] [--no-readability] [--no-speed]',
  );
  process.exit(2);
}

type Truth = { file: string; with: string[]; without: string[] };
const truth = Object.entries(JSON.parse(await readFile(join(dir, 'evaldata.json'), 'utf8')) as Record<string, Truth>);
const pages = values.limit ? truth.slice(0, Number(values.limit)) : truth;

/** Whitespace folded, as the set's authors score. */
const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

type Score = { tp: number; fn: number; fp: number; tn: number };
const zero = (): Score => ({ tp: 0, fn: 0, fp: 0, tn: 0 });

function score(text: string | null, page: Truth): Score {
  const folded = fold(text ?? '');
  const s = zero();
  for (const snippet of page.with) {
    if (folded.includes(fold(snippet))) s.tp++;
    else s.fn++;
  }
  for (const snippet of page.without) {
    if (text !== null && folded.includes(fold(snippet))) s.fp++;
    else s.tn++;
  }
  return s;
}

function add(total: Score, s: Score): void {
  total.tp += s.tp;
  total.fn += s.fn;
  total.fp += s.fp;
  total.tn += s.tn;
}

function prf(s: Score): string {
  const p = s.tp / (s.tp + s.fp);
  const r = s.tp / (s.tp + s.fn);
  return `P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${((2 * p * r) / (p + r)).toFixed(3)}`;
}

function readabilityAlone(html: string, url: string): string | null {
  const virtualConsole = new VirtualConsole();
  const dom = new JSDOM(html, { url: /^https?:/.test(url) ? url : undefined, virtualConsole });
  try {
    return new Readability(dom.window.document).parse()?.textContent ?? null;
  } finally {
    dom.window.close();
  }
}

console.log(`Newsdesk extraction benchmark: ${pages.length} pages from ${dir} (node ${process.version})`);
const ours = zero();
const theirs = zero();
const outcomes = { saved: 0, fallback: 0, refused: 0 };
const refusals = new Map<string, number>();
const details: string[] = [];
let extractMs = 0;
for (const [url, page] of pages) {
  const bytes = gunzipSync(await readFile(join(dir, 'pages', `${page.file}.gz`)));
  const started = performance.now();
  const [item] = captureDocument({ bytes, name: url, mediaType: 'text/html', method: 'url' }).items;
  extractMs += performance.now() - started;
  const text = item?.ok ? item.article.text : null;
  const mode = item?.ok ? (item.article.extraction ?? 'article') : 'refused';
  if (!item?.ok) {
    outcomes.refused++;
    const reason = item?.error.replace(/\d+/g, 'N') ?? 'nothing';
    refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
  } else if (mode === 'fallback') outcomes.fallback++;
  else outcomes.saved++;
  const s = score(text, page);
  add(ours, s);
  let r: Score | null = null;
  if (!values['no-readability']) {
    r = score(readabilityAlone(bytes.toString('utf8'), url), page);
    add(theirs, r);
  }
  if (values.details)
    details.push(
      JSON.stringify({ file: page.file, url, mode, ...s, readability: r, error: item?.ok ? null : item?.error }),
    );
}
if (values.details) await writeFile(values.details, details.join('\n') + '\n');

console.log(`\n${'extractor'.padEnd(28)} precision, recall, F1 over every page's snippets`);
console.log(`${'Newsdesk'.padEnd(28)} ${prf(ours)}`);
if (!values['no-readability']) console.log(`${'Readability.js alone (jsdom)'.padEnd(28)} ${prf(theirs)}`);
console.log(
  `\npages: ${outcomes.saved} saved as articles, ${outcomes.fallback} saved as the page's readable text (fallback), ${outcomes.refused} refused`,
);
for (const [reason, n] of [...refusals].sort((a, b) => b[1] - a[1])) console.log(`  refused ${n}: ${reason}`);
console.log(
  `extraction alone: ${(pages.length / (extractMs / 1000)).toFixed(1)} pages/s (${(extractMs / pages.length).toFixed(1)} ms a page)`,
);

if (!values['no-speed']) {
  // The real import path, as `newsdesk import FOLDER` runs it: once on the disk (every write fsynced),
  // once on tmpfs, where the same fsyncs cost nothing: the difference is what durability costs.
  const work = await mkdtemp(join(tmpdir(), 'newsdesk-bench-extract-'));
  const folder = join(work, 'pages');
  await mkdir(folder);
  for (const [, page] of pages)
    await writeFile(join(folder, page.file), gunzipSync(await readFile(join(dir, 'pages', `${page.file}.gz`))));
  for (const [label, base] of [
    ['durable writes, on disk', work],
    ['on tmpfs (fsync is free)', '/dev/shm'],
  ] as const) {
    const data = await mkdtemp(join(base, 'newsdesk-bench-data-'));
    const archive = await openArchive(data);
    const counts = { saved: 0, duplicate: 0, failed: 0 };
    const started = performance.now();
    await importTargets(archive, [folder], DEFAULT_MAX_IMPORT_BYTES, { onResult: (r) => counts[r.status]++ });
    const seconds = (performance.now() - started) / 1000;
    await archive.close();
    await rm(data, { recursive: true, force: true });
    console.log(
      `newsdesk import of the folder, ${label}: ${(pages.length / seconds).toFixed(1)} pages/s (${counts.saved} saved, ${counts.duplicate} duplicates, ${counts.failed} failed)`,
    );
  }
  await rm(work, { recursive: true, force: true });
}
