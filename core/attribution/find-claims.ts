// Runs the cue rules sentence by sentence, keeps contents apart, and adds the outlet's own newsworthy sentences.
import type { Article } from './clauses.ts';
import { isQuoted, isStop, skipDateline } from './clauses.ts';
import { eventKind } from './classify-claims.ts';
import { findAccordingTo, findHedgedSentence, findSignedQuotes, findSpeakerLabel } from './find-phrase-cues.ts';
import { findAttitudes } from './find-attitudes.ts';
import { findVerbCues } from './find-verb-cues.ts';
import { parseQuantities } from './parse-quantities.ts';
import type { RawClaim } from './raw-claim.ts';

const MIN_OUTLET_TOKENS = 6;

/** Every claim the rules find, sorted by the content's start, contents never overlapping. */
export function findRawClaims(article: Article): RawClaim[] {
  const found: RawClaim[] = [];
  for (const sentence of article.sentences) {
    const inSentence: RawClaim[] = [];
    const label = findSpeakerLabel(article, sentence);
    if (label) inSentence.push(label);
    inSentence.push(...findAccordingTo(article, sentence));
    inSentence.push(...findVerbCues(article, sentence, inSentence));
    const taken = (i: number) => inSentence.some((c) => i >= c.first && i <= c.last);
    inSentence.push(...findAttitudes(article, sentence, taken));
    if (inSentence.length === 0) {
      const hedged = findHedgedSentence(article, sentence, () => false);
      if (hedged) inSentence.push(hedged);
    }
    found.push(...inSentence);
  }
  found.push(...findSignedQuotes(article));
  const kept = keepApart(article, found);
  return addOutletClaims(article, kept);
}

/**
 * Sorted by start; where two contents overlap, the earlier is cut before the later claim begins (a claim inside
 * another's words: "X said Y claimed Z"), and a claim with nothing left, or the weaker of two equal ones, goes.
 */
function keepApart(article: Article, claims: RawClaim[]): RawClaim[] {
  const { tokens } = article;
  const byStart = claims
    .filter((c) => c.last >= c.first)
    .sort((a, b) => a.first - b.first || b.confidence - a.confidence || a.cueFirst - b.cueFirst);
  const kept: RawClaim[] = [];
  const cues = new Set<number>();
  for (const claim of byStart) {
    if (cues.has(claim.cueFirst) && claim.cueLast >= claim.cueFirst) continue;
    let previous = kept[kept.length - 1];
    while (previous && claim.first <= previous.last) {
      // The later claim's claimant may stay in the earlier content ("found that 74 percent of voters said ...").
      const begins = Math.min(claim.first, claim.cueLast >= claim.cueFirst ? claim.cueFirst : claim.first);
      let cut = Math.max(begins, previous.first) - 1;
      while (cut >= previous.first && /^[,;:—–-]$/.test(tokens[cut]!.text)) cut--;
      if (cut - previous.first >= 1 && begins > previous.first) {
        previous.last = cut;
        break;
      }
      if (previous.confidence >= claim.confidence) break;
      kept.pop();
      cues.delete(previous.cueFirst);
      previous = kept[kept.length - 1];
    }
    previous = kept[kept.length - 1];
    if (previous && claim.first <= previous.last) continue;
    kept.push(claim);
    cues.add(claim.cueFirst);
  }
  return kept;
}

/** Sentences no claim touches that report an event or a count of victims: the outlet's own claims. */
function addOutletClaims(article: Article, claims: RawClaim[]): RawClaim[] {
  const { text, tokens } = article;
  const touched = new Uint8Array(tokens.length);
  for (const c of claims) {
    for (let i = c.first; i <= c.last; i++) touched[i] = 1;
    for (let i = c.cueFirst; i <= c.cueLast; i++) touched[i] = 1;
  }
  const outlet: RawClaim[] = [];
  for (const sentence of article.sentences) {
    const first = skipDateline(tokens, sentence);
    let last = sentence.last;
    while (last > first && isStop(tokens[last])) last--;
    if (last - first + 1 < MIN_OUTLET_TOKENS || tokens[sentence.last]!.text === '?') continue;
    let free = true;
    for (let i = sentence.first; i <= sentence.last && free; i++) if (touched[i] || isQuoted(article, i)) free = false;
    if (!free || /^["“”]$/.test(tokens[first]!.text)) continue;
    const start = tokens[first]!.start;
    const content = text.slice(start, tokens[last]!.end);
    const quantities = parseQuantities(content, start);
    const counted = quantities.some((q) => q.outcome !== null);
    if (!counted && !eventKind(tokens, first, last, content, quantities, true)) continue;
    outlet.push({
      ...{ cueFirst: first, cueLast: first - 1, first, last, claimant: null, via: [], target: null },
      ...{ frame: 'outlet', lemma: '', carried: false, confidence: 0.4 },
    });
  }
  return [...claims, ...outlet].sort((a, b) => a.first - b.first);
}
