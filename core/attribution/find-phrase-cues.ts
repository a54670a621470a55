// Claims cued by a phrase: "according to X cited by Y", "NAME: ..." speaker labels, "“...” ― NAME", hedges.
import type { Token } from '../tagging/tokenize.ts';
import { isQuoted, contentEnd, contentLastBefore, isDash, isStop, skipDateline, type Article } from './clauses.ts';
import { AUXILIARIES, HEDGE_ADVERBS, HEDGE_PASSIVES } from './cue-words.ts';
import { findSubject, phraseAfter, type Range } from './noun-phrases.ts';
import type { RawClaim } from './raw-claim.ts';
import type { Sentence } from './sentences.ts';

const CHAIN = new Set(['cited', 'quoted', 'reported']);
// Labels before a colon that are not speakers.
const NOT_SPEAKERS = new Set(
  `note update updated editor editors photo photos image images video watch read related source sources
  credit credits warning breaking exclusive analysis opinion comment live correction disclaimer tags tag
  topics subscribe contact email advertisement sponsored q a question answer here what why how when where
  who the this`.split(/\s+/),
);

/** "according to X" (with "cited by" / "quoted by" / ", citing"), in one sentence. */
export function findAccordingTo(article: Article, sentence: Sentence): RawClaim[] {
  const { tokens } = article;
  const found: RawClaim[] = [];
  for (let k = sentence.first; k < sentence.last; k++) {
    if (tokens[k]!.lower !== 'according' || tokens[k + 1]!.lower !== 'to' || isQuoted(article, k)) continue;
    let claimant = phraseAfter(tokens, k + 2, sentence.last) ?? wordsUpToComma(tokens, k + 2, sentence.last);
    if (!claimant) continue;
    const via: Range[] = [];
    let end = claimant.last;
    for (let round = 0; round < 3; round++) {
      let n = end + 1;
      if (tokens[n]?.text === ',') n++;
      if (tokens[n]?.lower === 'as') n++;
      const word = tokens[n]?.lower ?? '';
      const next = CHAIN.has(word) && tokens[n + 1]?.lower === 'by' ? n + 2 : word === 'citing' ? n + 1 : -1;
      const link = next >= 0 ? phraseAfter(tokens, next, sentence.last) : null;
      if (!link) break;
      // "Reuters, citing a UN official": the one cited is the claimant; the one citing passes it on.
      if (word === 'citing') [claimant, via[0]] = [link, claimant];
      else via.push(link);
      end = link.last;
    }
    const start = skipDateline(tokens, sentence);
    const beforeLast = contentLastBefore(article, k);
    let afterFirst = end + 1;
    while (tokens[afterFirst]?.text === ',' || tokens[afterFirst]?.text === ':') afterFirst++;
    const afterLast = afterFirst <= sentence.last ? contentEnd(article, afterFirst, sentence) : -1;
    const useBefore = beforeLast >= start && beforeLast - start >= afterLast - afterFirst;
    const [first, last] = useBefore ? [start, beforeLast] : [afterFirst, afterLast];
    if (last < first) continue;
    found.push({
      ...{ cueFirst: k, cueLast: k + 1, first, last, claimant, via, target: null },
      ...{ frame: 'according', lemma: 'according to', carried: false, confidence: 0.9 },
    });
  }
  return found;
}

/** "PENCE: ..." and "Pence: ..." at a line's start (transcripts, headlines): the line is what they said. */
export function findSpeakerLabel(article: Article, sentence: Sentence): RawClaim | null {
  const { text, tokens } = article;
  // A transcript may open each turn with a quote mark: "WALLACE: ...
  const first = /^["“]$/.test(tokens[sentence.first]!.text) ? sentence.first + 1 : sentence.first;
  const lineStart =
    sentence.first === 0 || text.slice(tokens[sentence.first - 1]!.end, tokens[sentence.first]!.start).includes('\n');
  if (!lineStart) return null;
  for (let c = first + 1; c <= Math.min(first + 4, sentence.last - 3); c++) {
    if (tokens[c]!.text !== ':') continue;
    const label = tokens.slice(first, c);
    if (!label.every((t) => t.pos === 'PROPN' || t.upper || t.text === '.')) return null;
    if (label.some((t) => NOT_SPEAKERS.has(t.lower))) return null;
    let last = sentence.last;
    while (last + 1 < tokens.length && !text.slice(tokens[last]!.end, tokens[last + 1]!.start).includes('\n')) last++;
    while (last > c + 1 && isStop(tokens[last])) last--;
    return {
      ...{ cueFirst: c, cueLast: c, first: c + 1, last, claimant: { first, last: c - 1 }, via: [], target: null },
      ...{ frame: 'label', lemma: ':', carried: false, confidence: 0.6 },
    };
  }
  return null;
}

/** "“...” ― Jane Doe": a quote signed with a dash and a name, on its line or the next. */
export function findSignedQuotes(article: Article): RawClaim[] {
  const { text, tokens } = article;
  const found: RawClaim[] = [];
  for (const quote of article.quotes) {
    const dash = quote.close + 1;
    if (!isDash(tokens[dash])) continue;
    const name = phraseAfter(tokens, dash + 1, Math.min(tokens.length - 1, dash + 8), false);
    const after = name ? tokens[name.last + 1] : undefined;
    const endsLine = !after || text.slice(tokens[name!.last]!.end, after.start).includes('\n') || isStop(after);
    if (!name || !endsLine || tokens[name.first]!.pos !== 'PROPN') continue;
    found.push({
      ...{ cueFirst: dash, cueLast: dash, first: quote.open, last: quote.close, claimant: name, via: [], target: null },
      ...{ frame: 'label', lemma: '―', carried: false, confidence: 0.7 },
    });
  }
  return found;
}

/**
 * A sentence the outlet passes on at a distance: "reportedly", "is said to", "are believed to", "claim to have".
 * The whole sentence is the content; "X claim(s) to" makes X the claimant.
 */
export function findHedgedSentence(
  article: Article,
  sentence: Sentence,
  taken: (i: number) => boolean,
): RawClaim | null {
  const { tokens } = article;
  let cue = -1;
  let cueLast = -1;
  let claimant: Range | null = null;
  for (let i = sentence.first; i <= sentence.last; i++) {
    if (isQuoted(article, i) || taken(i)) continue;
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const claimTo = /^claim(s|ed)?$/.test(t.lower) && next?.lower === 'to' && isVerbLike(tokens[i + 2]);
    const passive = HEDGE_PASSIVES.has(t.lower) && AUXILIARIES.has(tokens[i - 1]?.lower ?? '') && next?.lower === 'to';
    if (claimTo) {
      claimant = findSubject(tokens, i, sentence.first) ?? subjectOfFirstVerb(tokens, sentence);
      [cue, cueLast] = [i, i];
      break;
    }
    if (cue < 0 && (HEDGE_ADVERBS.has(t.lower) || passive)) [cue, cueLast] = passive ? [i - 1, i + 1] : [i, i];
  }
  if (cue < 0) return null;
  const first = skipDateline(tokens, sentence);
  let last = sentence.last;
  while (last > first && isStop(tokens[last])) last--;
  if (last <= first) return null;
  return {
    ...{ cueFirst: cue, cueLast, first, last, claimant, via: [], target: null, frame: 'hedge' },
    ...{ lemma: tokens[cue]!.lower, carried: false, confidence: claimant ? 0.6 : 0.5 },
  };
}

/** "according to show insiders, ...": when the tagger breaks the phrase, the few words up to the comma. */
function wordsUpToComma(tokens: Token[], k: number, last: number): Range | null {
  for (let e = k; e <= last && e < k + 6; e++)
    if (/^[,.;:]$/.test(tokens[e]!.text)) return e > k ? { first: k, last: e - 1 } : null;
  return null;
}

function isVerbLike(t: Token | undefined): boolean {
  return t !== undefined && (t.pos === 'VERB' || t.pos === 'AUX');
}

function subjectOfFirstVerb(tokens: Token[], sentence: Sentence): Range | null {
  for (let v = sentence.first + 1; v <= sentence.last; v++)
    if (isVerbLike(tokens[v])) return findSubject(tokens, v, sentence.first);
  return null;
}
