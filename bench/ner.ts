// `npm run bench:ner -- FILE`: the offline tagger on a CoNLL-2003 file: conlleval-style exact-match P/R/F1 and tokens/s.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { detectLanguage } from '../core/capture/language.ts';
import { suggestEntities, type EntitySuggestion } from '../core/tagging/suggest-entities.ts';

type Label = 'PER' | 'ORG' | 'LOC';
type Span = { start: number; end: number; label: string };
type Document = { text: string; tokens: number; gold: Span[] };

const LABELS: Label[] = ['PER', 'ORG', 'LOC'];
const LABEL_OF: Partial<Record<EntitySuggestion['type'], Label>> = {
  person: 'PER',
  organization: 'ORG',
  group: 'ORG',
  location: 'LOC',
};
// Light detokenization so the text reads like prose: no space before closing punctuation and clitics.
const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '?', '!', ')', ']', '}', "'s", "'S", "n't", "'", '%']);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$']);

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { errors: { type: 'string' }, repeat: { type: 'string', default: '1' }, language: { type: 'string' } },
});
const file = positionals[0];
if (!file) {
  console.error('usage: node --import tsx bench/ner.ts FILE [--errors N] [--repeat N] [--language CODE]');
  process.exit(2);
}

/** Each document's text rebuilt from its tokens, with gold entities as character spans (IOB1: I-X continues X). */
function readConll(path: string): Document[] {
  const documents: Document[] = [];
  let text = '';
  let tokens = 0;
  let gold: Span[] = [];
  let open: Span | null = null;
  let previous = '';
  let lineStart = true;
  const finishDocument = () => {
    if (tokens > 0) documents.push({ text, tokens, gold });
    [text, tokens, gold, open, previous, lineStart] = ['', 0, [], null, '', true];
  };
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    if (line.startsWith('-DOCSTART-')) {
      finishDocument();
      continue;
    }
    if (line.trim() === '') {
      if (!lineStart) text += '\n';
      [open, previous, lineStart] = [null, '', true];
      continue;
    }
    const columns = line.split(' ');
    const token = columns[0]!;
    const tag = columns[columns.length - 1]!;
    if (!lineStart && !NO_SPACE_BEFORE.has(token) && !NO_SPACE_AFTER.has(previous)) text += ' ';
    const start = text.length;
    text += token;
    tokens++;
    const [prefix, label] = tag === 'O' ? ['O', ''] : (tag.split('-') as [string, string]);
    if (prefix === 'O') open = null;
    else if (open && open.label === label && prefix === 'I') open.end = text.length;
    else gold.push((open = { start, end: text.length, label }));
    previous = token;
    lineStart = false;
  }
  finishDocument();
  return documents;
}

const documents = readConll(file);
// As the archive does on import: the language detected from the text (one sentence is too little, so the file's).
const language =
  values.language ??
  detectLanguage(
    documents
      .map((d) => d.text)
      .join('\n')
      .slice(0, 5000),
  );
const totalTokens = documents.reduce((sum, d) => sum + d.tokens, 0);
const counts = Object.fromEntries(LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0 }])) as Record<
  Label,
  { tp: number; fp: number; fn: number }
>;
const errors: string[] = [];
const predictions: Span[][] = documents.map(() => []);

for (const document of documents.slice(0, 20)) suggestEntities(document.text, { language }); // warm-up: JIT and lazy loading
let elapsed = 0;
for (let round = 0; round < Number(values.repeat); round++) {
  documents.forEach((document, i) => {
    const started = performance.now();
    const { entities } = suggestEntities(document.text, { language });
    elapsed += performance.now() - started;
    predictions[i] = entities.flatMap((e) => {
      const label = LABEL_OF[e.type];
      return label ? [{ start: e.start, end: e.end, label }] : [];
    });
  });
}

documents.forEach((document, i) => {
  const key = (s: Span) => `${s.start}:${s.end}:${s.label}`;
  const goldKeys = new Set(document.gold.map(key));
  const predictedKeys = new Set(predictions[i]!.map(key));
  const show = (s: Span) => `${s.label} ${JSON.stringify(document.text.slice(s.start, s.end))}`;
  for (const p of predictions[i]!) {
    const hit = goldKeys.has(key(p));
    counts[p.label as Label][hit ? 'tp' : 'fp']++;
    if (!hit) {
      const gold = document.gold.find((g) => g.start < p.end && p.start < g.end);
      errors.push(`FP ${show(p)}${gold ? ` (gold ${show(gold)})` : ''}`);
    }
  }
  for (const g of document.gold) {
    if (g.label in counts && !predictedKeys.has(key(g))) {
      counts[g.label as Label].fn++;
      if (!predictions[i]!.some((p) => p.start < g.end && g.start < p.end)) errors.push(`FN ${show(g)}`);
    }
  }
});

const score = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }) => {
  const precision = tp + fp ? (100 * tp) / (tp + fp) : 0;
  const recall = tp + fn ? (100 * tp) / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return `P ${precision.toFixed(1).padStart(5)}  R ${recall.toFixed(1).padStart(5)}  F1 ${f1.toFixed(1).padStart(5)}`;
};
const micro = LABELS.reduce(
  (sum, l) => ({ tp: sum.tp + counts[l].tp, fp: sum.fp + counts[l].fp, fn: sum.fn + counts[l].fn }),
  { tp: 0, fp: 0, fn: 0 },
);
const timedTokens = totalTokens * Number(values.repeat);
console.log(
  `${file}: ${documents.length} documents, ${totalTokens} tokens, language '${language}' (node ${process.version}, one thread)`,
);
for (const label of LABELS)
  console.log(`${label}    ${score(counts[label])}  (gold ${counts[label].tp + counts[label].fn})`);
console.log(`micro  ${score(micro)}  (PER/ORG/LOC, exact match; MISC ignored)`);
console.log(
  `speed  ${Math.round(timedTokens / (elapsed / 1000))} tokens/s, ${((elapsed / timedTokens) * 1000).toFixed(1)} ms per 1,000 tokens`,
);
// Articles as the archive sees them: documents joined until each has about 1,000 words.
const articles: string[] = [];
let article = '';
let words = 0;
for (const document of documents) {
  article += `${document.text}\n\n`;
  words += document.tokens;
  if (words < 1000) continue;
  articles.push(article);
  article = '';
  words = 0;
}
const registry = Array.from({ length: 10_000 }, (_, i) => ({
  id: `ent_${String(i).padStart(16, '0')}`,
  name: `Entity${i.toString(36)} ${['Alpha', 'Bravo', 'Charlie', 'Delta'][i % 4]}`,
  type: 'person' as const,
  aliases: [`E${i.toString(36).toUpperCase()}`],
}));
const perArticle = (options: Parameters<typeof suggestEntities>[1]) => {
  const times = articles.map((text) => {
    const started = performance.now();
    suggestEntities(text, options);
    return performance.now() - started;
  });
  times.sort((a, b) => a - b);
  return `median ${times[times.length >> 1]!.toFixed(1)} ms, slowest ${times[times.length - 1]!.toFixed(1)} ms`;
};
suggestEntities(articles[0]!, { registry, language });
console.log(`1,000-word article (${articles.length} of them): ${perArticle({ language })}`);
console.log(
  `  with a 10,000-entry registry and a publication date: ${perArticle({ registry, publishedAt: '1996-08-30', language })}`,
);
if (values.errors) {
  const tally = new Map<string, number>();
  for (const error of errors) tally.set(error, (tally.get(error) ?? 0) + 1);
  const top = [...tally].sort((a, b) => b[1] - a[1]).slice(0, Number(values.errors));
  for (const [error, n] of top) console.log(`${String(n).padStart(4)}  ${error}`);
}
