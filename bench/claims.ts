// `npm run bench:claims -- DIR`: the attribution extractor on brat standoff files: cue P/R/F1, claimant overlap, speed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ClaimSuggestion } from '../core/attribution/claim-types.ts';
import { suggestClaims } from '../core/attribution/suggest-claims.ts';
import { suggestEntities } from '../core/tagging/suggest-entities.ts';

type Fragment = [number, number];
type Gold = { cue: Fragment[]; source: Fragment[] | null; content: Fragment[] | null; word: string };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    misses: { type: 'string', default: '25' },
    errors: { type: 'string', default: '0' },
    missed: { type: 'string' },
  },
});
const dir = positionals[0];
if (!dir) {
  console.error('usage: node --import tsx bench/claims.ts DIR [--misses N] [--errors N]');
  process.exit(2);
}

/** The Attribution events of one .ann file, with their spans as character fragments. */
function readAnn(path: string, text: string): Gold[] {
  const spans = new Map<string, Fragment[]>();
  const events: Record<string, string>[] = [];
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const [id, body] = line.split('\t');
    if (!id || !body) continue;
    if (id.startsWith('T')) {
      const ranges = body.slice(body.indexOf(' ') + 1).split(';');
      spans.set(
        id,
        ranges.map((r) => r.trim().split(/\s+/).map(Number) as Fragment),
      );
    } else if (id.startsWith('E') && body.startsWith('Attribution')) {
      events.push(Object.fromEntries(body.split(' ').map((part) => part.split(':') as [string, string])));
    }
  }
  const gold: Gold[] = [];
  for (const event of events) {
    const cue = event.Cue ? spans.get(event.Cue) : undefined;
    if (!cue) continue;
    const word = cue.map(([s, e]) => text.slice(s, e)).join(' ');
    const source = event.Source ? (spans.get(event.Source) ?? null) : null;
    gold.push({ cue, source, content: event.Content ? (spans.get(event.Content) ?? null) : null, word });
  }
  return gold;
}

const overlaps = (fragments: Fragment[], start: number, end: number) =>
  fragments.some(([s, e]) => s < end && start < e);

const textDir = join(dir, 'text');
const annDir = join(dir, 'attributions');
const texts = new Map<string, string>();
for (const name of readdirSync(textDir).filter((n) => n.endsWith('.txt')))
  texts.set(name.slice(0, -4), readFileSync(join(textDir, name), 'utf8'));
const annFiles = readdirSync(annDir)
  .filter((n) => n.endsWith('.ann'))
  .sort();

// Speed first, on each text once: alone (calling the tagger itself), then with the tagger's mentions given.
suggestClaims('Warm-up: the minister said on Monday that 27 people were killed in Geneva.');
const predicted = new Map<string, ClaimSuggestion[]>();
let words = 0;
const t0 = performance.now();
for (const [name, text] of texts) {
  predicted.set(name, suggestClaims(text));
  words += text.split(/\s+/).filter(Boolean).length;
}
const whole = performance.now() - t0;
const mentions = [...texts].map(([name, text]) => [name, text, suggestEntities(text).entities] as const);
const t1 = performance.now();
for (const [, text, entities] of mentions) suggestClaims(text, { entities });
const alone = performance.now() - t1;

// 1,000-word articles: the texts joined and cut at paragraph ends, each timed alone; the median.
const articles: string[] = [];
let piece = '';
for (const paragraph of [...texts.values()].join('\n\n').split(/\n\s*\n/)) {
  piece += `${paragraph}\n\n`;
  if (piece.split(/\s+/).length >= 1000) [articles[articles.length], piece] = [piece, ''];
}
const median = (time: (text: string) => number) => {
  const times = articles.map(time).sort((a, b) => a - b);
  return times[times.length >> 1] ?? 0;
};
const timed = (run: () => void) => {
  const t = performance.now();
  run();
  return performance.now() - t;
};
const perArticle = median((text) => timed(() => suggestClaims(text)));
const perArticleGiven = median((text) => {
  const entities = suggestEntities(text).entities;
  return timed(() => suggestClaims(text, { entities }));
});

let gold = 0;
let predictedCues = 0;
let matched = 0;
let claimantHits = 0;
let contentHits = 0;
const byWord = new Map<string, { gold: number; found: number }>();
const errors: string[] = [];
const byPredicted = new Map<string, { predicted: number; matched: number }>();
for (const annName of annFiles) {
  const base = [...texts.keys()].find((t) => annName.startsWith(`${t}_`) || annName === `${t}.ann`);
  if (!base) continue;
  const text = texts.get(base)!;
  const golds = readAnn(join(annDir, annName), text);
  const claims = predicted.get(base)!.filter((c) => c.cue.text !== '');
  gold += golds.length;
  predictedCues += claims.length;
  const used = new Set<number>();
  for (const claim of claims) {
    const g = golds.findIndex((x, i) => !used.has(i) && overlaps(x.cue, claim.cue.start, claim.cue.end));
    const word = claim.cue.text.toLowerCase();
    const tally = byPredicted.get(word) ?? { predicted: 0, matched: 0 };
    tally.predicted++;
    if (g >= 0) tally.matched++;
    byPredicted.set(word, tally);
    if (g < 0) {
      if (errors.length < Number(values.errors))
        errors.push(`FP ${annName}: [${claim.cue.text}] ${claim.text.slice(0, 80)}`);
      continue;
    }
    used.add(g);
    matched++;
    const { source, content } = golds[g]!;
    const claimant = claim.claimant;
    if (source ? claimant !== null && overlaps(source, claimant.start, claimant.end) : claimant === null)
      claimantHits++;
    if (content && overlaps(content, claim.start, claim.end)) contentHits++;
  }
  golds.forEach((g, i) => {
    const key = g.word.toLowerCase().replace(/\s+/g, ' ').trim();
    const entry = byWord.get(key) ?? { gold: 0, found: 0 };
    entry.gold++;
    if (used.has(i)) entry.found++;
    else if (values.missed && new RegExp(values.missed).test(key) && errors.length < 400) {
      const [s, e] = g.cue[0]!;
      errors.push(
        `FN ${annName}: ${text.slice(Math.max(0, s - 160), s)}[[${text.slice(s, e)}]]${text.slice(e, e + 80)}`.replace(
          /\n/g,
          ' / ',
        ),
      );
    }
    byWord.set(key, entry);
  });
}

const pct = (a: number, b: number) => (b === 0 ? '-' : ((100 * a) / b).toFixed(1));
const precision = matched / predictedCues;
const recall = matched / gold;
console.log(`corpus: ${texts.size} texts, ${annFiles.length} annotation files, ${words} words, ${gold} gold cues`);
console.log(`cues: predicted ${predictedCues}, matched ${matched}`);
console.log(
  `cue precision ${pct(matched, predictedCues)}  recall ${pct(matched, gold)}  F1 ${(
    (200 * precision * recall) /
    (precision + recall)
  ).toFixed(1)}`,
);
console.log(
  `claimant overlap ${pct(claimantHits, matched)}% of matched cues, content overlap ${pct(contentHits, matched)}%`,
);
console.log(
  `speed: ${Math.round(words / (whole / 1000))} words/s calling suggestEntities (${(whole / (words / 1000)).toFixed(1)} ms per 1,000 words); ` +
    `${Math.round(words / (alone / 1000))} words/s with mentions given (${(alone / (words / 1000)).toFixed(1)} ms per 1,000 words)`,
);
console.log(
  `1,000-word article (${articles.length} of them, median): ${perArticle.toFixed(1)} ms calling suggestEntities, ` +
    `${perArticleGiven.toFixed(1)} ms with mentions given`,
);
const misses = [...byWord].sort((a, b) => b[1].gold - b[1].found - (a[1].gold - a[1].found));
console.log(`top misses by cue word (found/gold):`);
for (const [word, { gold: g, found }] of misses.slice(0, Number(values.misses)))
  console.log(`  ${String(g - found).padStart(4)} missed  ${found}/${g}  ${word}`);
const wrong = [...byPredicted].sort((a, b) => b[1].predicted - b[1].matched - (a[1].predicted - a[1].matched));
console.log(`top false positives by cue word (matched/predicted):`);
for (const [word, { predicted: p, matched: m }] of wrong.slice(0, Number(values.misses)))
  console.log(`  ${String(p - m).padStart(4)} wrong  ${m}/${p}  ${word}`);
for (const line of errors) console.log(line);
