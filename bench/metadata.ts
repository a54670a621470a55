// `npm run bench:metadata -- DIR`: titles, bylines and dates through the real capture path, against the pages' own annotations (extraction-dev's evaldata.json), with Readability.js's title, byline and date on the same pages.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { captureDocument } from '../core/capture/capture-document.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    limit: { type: 'string' },
    misses: { type: 'string' },
    details: { type: 'string' },
    'no-readability': { type: 'boolean', default: false },
  },
});
const dir = positionals[0];
if (!dir) {
  console.error(
    'usage: npm run bench:metadata -- DIR [--limit N] [--misses title,author,date,sitename] [--details FILE.jsonl] [--no-readability]',
  );
  process.exit(2);
}

type Truth = { file: string; title?: string; author?: string | string[]; date?: string; sitename?: string };
const all = Object.entries(JSON.parse(await readFile(join(dir, 'evaldata.json'), 'utf8')) as Record<string, Truth>);
const annotated = all.filter(([, page]) => page.title !== undefined && page.date !== undefined);
const pages = values.limit ? annotated.slice(0, Number(values.limit)) : annotated;
const showMisses = new Set((values.misses ?? '').split(',').filter(Boolean));

/**
 * Titles: Unicode-normalized, soft hyphens and zero-width characters dropped, case-folded, quotes and dashes
 * unified, whitespace folded; must be equal.
 * A page whose annotation has no title is not scored for titles (the annotator did not say).
 */
function normalizeTitle(value: string | null | undefined): string {
  return (value ?? '')
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200d\ufeff]/g, '')
    .toLowerCase()
    .replace(/[“”„‟«»″"]/g, '"')
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/…/g, '...')
    .replace(/\s+/g, ' ')
    .trim();
}

const CONNECTORS = new Set(['and', 'und', 'et', 'y', 'e', 'i', 'en', 'og', 'och', 'by']);
const LEADING = new Set(['von', 'par', 'por', 'di', 'door', 'av', 'af', 'de', 'da', 'przez', 'от', 'автор']);

/**
 * Authors: the set of name words, diacritics, case, order, punctuation and "By"/"and"/"und" ignored;
 * an empty annotation is right only when nothing is claimed.
 */
function normalizeAuthor(value: string | string[] | null | undefined): string {
  const text = Array.isArray(value) ? value.join(', ') : (value ?? '');
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  while (words.length && LEADING.has(words[0]!)) words.shift();
  return [...new Set(words.filter((word) => !CONNECTORS.has(word)))].sort().join(' ');
}

/**
 * Dates by day: YYYY-MM-DD from the annotation and from the start of the ISO date we keep; empty is right only
 * for empty. An annotation written YYYY-DD-MM (month over 12) is read the only way it can be a date.
 */
function normalizeDate(value: string | null | undefined): string {
  const match = /^(\d{4})\D(\d{1,2})\D(\d{1,2})/.exec(value ?? '');
  if (!match) return '';
  const [month, day] = Number(match[2]) > 12 ? [match[3]!, match[2]!] : [match[2]!, match[3]!];
  return `${match[1]}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

type Fields = { title: string; author: string; date: string; sitename: string };
type Tally = { right: number; of: number };
const FIELDS = ['title', 'author', 'date', 'sitename'] as const;
const tallies = () => Object.fromEntries(FIELDS.map((f) => [f, { right: 0, of: 0 }])) as Record<keyof Fields, Tally>;

const same: Record<keyof Fields, (ours: string, truth: Truth) => boolean | null> = {
  title: (ours, truth) => (truth.title ? normalizeTitle(ours) === normalizeTitle(truth.title) : null),
  author: (ours, truth) => normalizeAuthor(ours) === normalizeAuthor(truth.author),
  date: (ours, truth) => normalizeDate(ours) === normalizeDate(truth.date),
  sitename: (ours, truth) => (truth.sitename ? normalizeTitle(ours) === normalizeTitle(truth.sitename) : null),
};

function tally(into: Record<keyof Fields, Tally>, ours: Fields | null, truth: Truth): Record<string, boolean> {
  const verdicts: Record<string, boolean> = {};
  for (const field of FIELDS) {
    const verdict = same[field](ours?.[field] ?? '', truth);
    if (verdict === null) continue;
    // A page not saved has no metadata at all: every scored field is a miss.
    const right = ours !== null && verdict;
    into[field].of++;
    if (right) into[field].right++;
    verdicts[field] = right;
  }
  return verdicts;
}

function readabilityAlone(bytes: Buffer, url: string): Fields | null {
  const virtualConsole = new VirtualConsole();
  // The bytes, not a string: jsdom sniffs the encoding as a browser would.
  const dom = new JSDOM(bytes, { url, contentType: 'text/html', virtualConsole });
  try {
    const result = new Readability(dom.window.document).parse();
    if (!result) return null;
    return {
      title: result.title ?? '',
      author: result.byline ?? '',
      date: result.publishedTime ?? '',
      sitename: result.siteName ?? '',
    };
  } catch {
    return null;
  } finally {
    dom.window.close();
  }
}

console.log(`Newsdesk metadata benchmark: ${pages.length} annotated pages from ${dir} (node ${process.version})`);
const ours = tallies();
const oursSaved = tallies();
const theirs = tallies();
let refused = 0;
let readabilityNull = 0;
const details: string[] = [];
const missLines: string[] = [];
for (const [url, page] of pages) {
  const bytes = gunzipSync(await readFile(join(dir, 'pages', `${page.file}.gz`)));
  const [item] = captureDocument({ bytes, name: url, mediaType: 'text/html', method: 'url' }).items;
  const got: Fields | null = item?.ok
    ? {
        title: item.article.title,
        author: item.article.byline,
        date: item.article.publishedAt ?? '',
        sitename: item.article.source,
      }
    : null;
  if (!got) refused++;
  const verdicts = tally(ours, got, page);
  if (got) tally(oursSaved, got, page);
  let readability: Fields | null = null;
  if (!values['no-readability']) {
    readability = readabilityAlone(bytes, url);
    if (!readability) readabilityNull++;
    tally(theirs, readability, page);
  }
  for (const field of FIELDS)
    if (showMisses.has(field) && verdicts[field] === false) {
      const truth = field === 'author' ? page.author : page[field];
      missLines.push(
        `${field} miss ${page.file}  ${url}\n    want ${JSON.stringify(truth)}\n    got  ${JSON.stringify(got?.[field] ?? (item && !item.ok ? `(refused: ${item.error})` : null))}` +
          (readability ? `\n    readability ${JSON.stringify(readability[field])}` : ''),
      );
    }
  if (values.details) details.push(JSON.stringify({ file: page.file, url, truth: page, got, readability, verdicts }));
}
if (values.details) await writeFile(values.details, details.join('\n') + '\n');
if (missLines.length) console.log(`\n${missLines.join('\n')}`);

const share = (t: Tally) => `${t.right}/${t.of} ${((100 * t.right) / Math.max(1, t.of)).toFixed(1)}%`.padEnd(20);
const row = (label: string, t: Record<keyof Fields, Tally>) =>
  console.log(`${label.padEnd(34)} ${FIELDS.map((field) => share(t[field])).join(' ')}`);
console.log(
  `\n${''.padEnd(34)} ${['titles', 'bylines (authors)', 'dates (by day)', 'outlets (sitename)'].map((h) => h.padEnd(20)).join(' ')}`,
);
row('Newsdesk, all annotated pages', ours);
row(`Newsdesk, the ${pages.length - refused} pages saved`, oursSaved);
if (!values['no-readability']) row('Readability.js alone (jsdom)', theirs);
console.log(
  `\npages: ${pages.length - refused} saved, ${refused} refused (every scored field of a refused page counts as a miss)` +
    (values['no-readability'] ? '' : `; Readability.js returned nothing on ${readabilityNull}`),
);
console.log(
  'scoring: titles equal after Unicode NFKC, case, quotes, dashes, whitespace and invisible soft hyphens are folded (pages annotated without a title are not scored);\n' +
    'authors: the same set of name words, ignoring order, case, diacritics, punctuation and "by"/"and"/"und"; empty vs empty is right;\n' +
    'dates: the same day (YYYY-MM-DD as the page states it; YYYY-DD-MM in an annotation read as a date); empty vs empty is right; outlets: like titles, on the few pages annotated with one.',
);
