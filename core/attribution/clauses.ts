// Where a claim's content starts and stops inside its sentence: quotes, datelines, a second cue, the full stop.
import type { Token } from '../tagging/tokenize.ts';
import { CUE_VERBS } from './cue-words.ts';
import type { Quote, Sentence } from './sentences.ts';

/** What the rules read of one article. */
export type Article = {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  quotes: Quote[];
  /** Quotes by the token of their opening and of their closing mark. */
  opening: Map<number, Quote>;
  closing: Map<number, Quote>;
  /** Per token: the quote it is inside (marks excluded), or -1. */
  quoted: Int32Array;
};

const STOPS = new Set(['.', '!', '?', '…', '...']);
const DASHES = new Set(['—', '–', '-', '―', '--']);

/**
 * A cue verb as the tagger reads it. It reads "and alleged a ..." as an adjective, and "Clinton plans to", "he notes
 * that" as nouns: the words around say they are verbs.
 */
export const isCueVerb = (t: Token | undefined, before?: Token, after?: Token) =>
  t !== undefined &&
  CUE_VERBS.has(t.lower) &&
  (t.pos === 'VERB' ||
    t.lower === 'said' ||
    t.lower === 'says' ||
    (t.pos === 'ADJ' && t.lower.endsWith('ed') && (before?.pos === 'CCONJ' || after?.lower === 'that')) ||
    (t.pos === 'NOUN' &&
      /s$/.test(t.lower) &&
      /^(PROPN|PRON)$/.test(before?.pos ?? '') &&
      /^(to|that)$/.test(after?.lower ?? '')) ||
    // "Polls show a ...", "China and Russia support the government".
    (t.pos === 'NOUN' &&
      CUE_VERBS.get(t.lower)!.lemma === t.lower &&
      /^(PROPN|NOUN)$/.test(before?.pos ?? '') &&
      (before!.pos === 'PROPN' || /s$/.test(before!.lower)) &&
      /^(DET|PRON|SCONJ)$/.test(after?.pos ?? '')));

/** The sentence's first word after a dateline: "(MENAFN) At least ...", "BEIRUT (Reuters) - ...", "LONDON — ...". */
export function skipDateline(tokens: Token[], sentence: Sentence): number {
  const i = sentence.first;
  if (tokens[i]?.text === '(') {
    for (let k = i + 1; k <= Math.min(sentence.last, i + 5); k++) if (tokens[k]!.text === ')') return k + 1;
  }
  for (let k = i; k <= Math.min(sentence.last, i + 8); k++) {
    const t = tokens[k]!;
    if (DASHES.has(t.text)) return k > i && k < sentence.last ? k + 1 : i;
    if (!(t.upper || t.pos === 'PROPN' || t.pos === 'NUM' || /^[(),.]$/.test(t.text))) return i;
  }
  return i;
}

/**
 * The last token of content that starts at `from`: the sentence's end (its full stop left out), the close of
 * the quote it opens, or the word before a second cue of the same speaker (", adding", "and alleged").
 */
export function contentEnd(article: Article, from: number, sentence: Sentence, objectOnly = false): number {
  const { tokens } = article;
  const quote = article.opening.get(from);
  if (quote) return quote.close;
  let last = sentence.last;
  for (let i = from + 1; i <= sentence.last; i++) {
    const t = tokens[i]!;
    if ((t.text !== ',' && t.lower !== 'and') || isQuoted(article, i)) continue;
    if (secondCue(tokens, i, objectOnly)) {
      last = i - 1;
      break;
    }
  }
  while (last > from && (STOPS.has(tokens[last]!.text) || tokens[last]!.text === ',' || tokens[last]!.text === ':'))
    last--;
  return last;
}

/** ", adding", ", and alleged", "and said"; after an object, "and" with any verb ("and expressed hope"). */
function secondCue(tokens: Token[], i: number, objectOnly: boolean): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  const afterNext = tokens[i + 2];
  if (t.text === ',')
    return (isCueVerb(next) && next!.lower.endsWith('ing')) || (next?.lower === 'and' && isCueVerb(afterNext, next));
  const verb = (w: Token | undefined) => (objectOnly ? w?.pos === 'VERB' : isCueVerb(w, t));
  return verb(next) || (next?.pos === 'ADV' && verb(afterNext));
}

/**
 * The first token of content that ends before `before` ("..., he said"): the quote that closes there, or the
 * sentence's start after its dateline. -1 when nothing is left.
 */
export function contentStartBefore(article: Article, before: number, sentence: Sentence): number {
  const { tokens, closing } = article;
  let end = before - 1;
  while (end >= sentence.first && (tokens[end]!.text === ',' || DASHES.has(tokens[end]!.text))) end--;
  // “...,” he said / “...”, he said / “... win.” he said: the quote, even one begun sentences before.
  const close = [before - 1, end, end + 1].find((k) => closing.has(k));
  if (close !== undefined) return closing.get(close)!.open;
  if (end < sentence.first) return -1;
  const start = skipDateline(tokens, sentence);
  return start <= end ? start : -1;
}

/** The last token of content that ends before `before`: commas and dashes left out. */
export function contentLastBefore(article: Article, before: number): number {
  const { tokens } = article;
  let end = before - 1;
  while (end >= 0 && (tokens[end]!.text === ',' || DASHES.has(tokens[end]!.text))) end--;
  return end;
}

export const isQuoted = (article: Article, i: number) => (article.quoted[i] ?? -1) >= 0;
export const isDash = (t: Token | undefined) => t !== undefined && DASHES.has(t.text);
export const isStop = (t: Token | undefined) => t !== undefined && STOPS.has(t.text);
