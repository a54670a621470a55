// Stances stated as a state of mind: "Republicans were frustrated with ...", "she is critical of ...", "sure that ...".
import { contentEnd, isQuoted, type Article } from './clauses.ts';
import { findSubject } from './noun-phrases.ts';
import type { RawClaim } from './raw-claim.ts';
import type { Sentence } from './sentences.ts';

const BE = new Set(
  'is are was were be been being am remain remains remained seem seems seemed appear appears'.split(' '),
);
const ATTITUDES = new Set(
  `concerned worried frustrated angry upset furious optimistic pessimistic confident skeptical sceptical critical
  opposed supportive sure convinced certain determined eager keen afraid fearful hopeful doubtful unhappy
  pleased disappointed outraged alarmed troubled adamant aware passionate coy wary cautious enthusiastic
  dismissive incensed livid nervous anxious insistent unconvinced uneasy`.split(/\s+/),
);
const LINKS = new Set('that about over with of by to on at'.split(' '));

/** "X BE (adverb) ATTITUDE about/that/with ...": the attitude is the cue, the subject holds it. */
export function findAttitudes(article: Article, sentence: Sentence, taken: (i: number) => boolean): RawClaim[] {
  const { tokens } = article;
  const found: RawClaim[] = [];
  for (let i = sentence.first + 1; i < sentence.last; i++) {
    const t = tokens[i]!;
    if (!ATTITUDES.has(t.lower) || isQuoted(article, i) || taken(i)) continue;
    let b = i - 1;
    while (
      b > sentence.first &&
      (tokens[b]!.pos === 'ADV' || /^(not|n't|too|so|very|more|less|deeply)$/.test(tokens[b]!.lower))
    )
      b--;
    if (!BE.has(tokens[b]!.lower)) continue;
    const link = i + 1;
    if (!LINKS.has(tokens[link]?.lower ?? '')) continue;
    if (tokens[link]!.lower === 'to' && tokens[link + 1]?.pos !== 'VERB') continue;
    const claimant = findSubject(tokens, b, sentence.first);
    if (!claimant) continue;
    const first = link + 1;
    const last = contentEnd(article, first, sentence, true);
    if (last < first) continue;
    found.push({
      ...{ cueFirst: b, cueLast: i, first, last, claimant, via: [], target: null, frame: 'thought' },
      ...{ lemma: t.lower, carried: false, confidence: 0.6 },
    });
  }
  return found;
}
