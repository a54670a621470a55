// Claims cued by a verb: "X said (that) ...", "..., X said", "..., said X", "X accused Y of Z", ", adding ...".
import type { Token } from '../tagging/tokenize.ts';
import {
  contentEnd,
  contentLastBefore,
  contentStartBefore,
  isCueVerb,
  isDash,
  isQuoted,
  isStop,
  type Article,
} from './clauses.ts';
import {
  complementStart,
  endsClause,
  HEARER_VERBS,
  isParticipleLead,
  OBJECT_VERBS,
  skipAdjuncts,
} from './complements.ts';
import { CUE_VERBS, INVERTING, type CueFrame } from './cue-words.ts';
import { findSubject, phraseAfter, phraseBefore, type Range } from './noun-phrases.ts';
import type { RawClaim } from './raw-claim.ts';
import type { Sentence } from './sentences.ts';

const PASSIVE_CUES = new Set(
  `endorse support back criticize criticise praise report echo condemn accuse blame question reject denounce
  mock cite describe call second challenge dispute deny charge applaud welcome`.split(/\s+/),
);
const ACCUSING = new Set('accuse blame criticize criticise charge condemn'.split(' '));
const BE = new Set('is are was were be been being am'.split(' '));

/** Verb-cued claims in one sentence, in order; `earlier` are the claims found before it in the sentence. */
export function findVerbCues(article: Article, sentence: Sentence, earlier: RawClaim[]): RawClaim[] {
  const { tokens } = article;
  const found: RawClaim[] = [];
  for (let i = sentence.first; i <= sentence.last; i++) {
    const t = tokens[i]!;
    if (isQuoted(article, i) || !isCueVerb(t, tokens[i - 1], tokens[i + 1])) continue;
    const claim = readVerbCue(article, sentence, i, [...earlier, ...found]);
    if (claim) found.push(claim);
  }
  return found;
}

function readVerbCue(article: Article, sentence: Sentence, i: number, earlier: RawClaim[]): RawClaim | null {
  const { tokens } = article;
  const t = tokens[i]!;
  const { lemma, frames } = CUE_VERBS.get(t.lower)!;
  let p = i - 1;
  while (p > sentence.first && tokens[p]!.pos === 'ADV') p--;
  const before = tokens[p];
  const ing = t.lower.endsWith('ing');
  // "is said to" is a hedge, read elsewhere; "was endorsed by X", "was accused of Z" are passives.
  if (!ing && before && BE.has(before.lower) && p < i) return readPassiveCue(article, sentence, i, lemma);
  // "could not tell whether", "did not comment": what is not said is no claim.
  if (t.lower === lemma && before && /^(not|n't|never|no)$/.test(before.lower)) return null;
  const base = { cueFirst: i, cueLast: i, via: [] as Range[], target: null, lemma, carried: false };
  let claimant: Range | null = null;
  let carried = false;
  if (ing && !(before && BE.has(before.lower))) {
    // ", saying ...", "after saying ...": the sentence's speaker; "footage of Trump saying ...": the noun's.
    if (isParticipleLead(before)) ({ claimant, carried } = carriedSubject(article, sentence, i, earlier));
    else if (before && p === i - 1 && /^(NOUN|PROPN|PRON)$/.test(before.pos))
      claimant = phraseBefore(tokens, p, sentence.first);
    if (!claimant) return null;
  } else {
    claimant = findSubject(tokens, i, sentence.first);
    if (!claimant && (before?.lower === 'and' || before?.lower === 'but'))
      ({ claimant, carried } = carriedSubject(article, sentence, i, earlier));
    // "continued to call for", "refused to say": the subject of the verb before "to".
    let v = p - 1;
    while (v > sentence.first && tokens[v]!.pos === 'ADV') v--;
    if (!claimant && before?.lower === 'to' && /^(VERB|ADJ)$/.test(tokens[v]?.pos ?? ''))
      claimant = findSubject(tokens, v, sentence.first);
  }
  let r = i + 1;
  let hearer: Range | null = null;
  if (HEARER_VERBS.has(lemma) && claimant) {
    const np = phraseAfter(tokens, r, sentence.last, false);
    if (np) [hearer, r] = [np, np.last + 1];
  }
  r = skipAdjuncts(article, r, sentence.last);
  const next = tokens[r];
  const named = hearer && tokens.slice(hearer.first, hearer.last + 1).some((w) => w.pos === 'PROPN');
  const via = hearer && named ? [hearer] : [];
  const strong = frames.has('speech') || frames.has('deny') || frames.has('accuse');
  const confidence = carried ? 0.7 : strong ? 0.85 : 0.65;
  // "X accused Y of Z", "X blamed Y for Z".
  if (frames.has('accuse') && claimant && (lemma === 'accuse' || lemma === 'blame')) {
    let of = i + 2;
    while (of <= Math.min(sentence.last, i + 10) && !/^(of|for)$/.test(tokens[of]!.lower)) of++;
    const target = phraseAfter(tokens, i + 1, of - 1, false);
    const link = target ? tokens[target.last + 1] : undefined;
    if (target && (link?.lower === 'of' || link?.lower === 'for')) {
      const first = target.last + 2;
      const last = contentEnd(article, first, sentence);
      if (last >= first) return { ...base, frame: 'accuse', claimant, target, first, last, carried, confidence: 0.85 };
    }
  }
  // "I think", "you know", "we want": the speaker's own words in a transcript, not a report of them.
  const firstPerson =
    claimant && claimant.first === claimant.last && /^(i|you|we)$/.test(tokens[claimant.first]!.lower);
  if (firstPerson && !frames.has('speech')) return null;
  if (claimant && next) {
    const forward = complementStart(article, sentence, r, lemma, frames, claimant);
    if (forward >= 0) {
      const objectOnly = OBJECT_VERBS.has(lemma) && !['that', ':', ',', '"', '“'].includes(next.lower);
      const last = contentEnd(article, forward, sentence, objectOnly);
      if (last >= forward) {
        const frame = pickFrame(frames, tokens, r);
        return { ...base, frame, claimant, via, first: forward, last, carried, confidence };
      }
    }
  }
  // A headline drops its verbs: "Flynn says Trump 'absolutely right' in saying ...".
  if (claimant && next && isHeadline(article, sentence) && /s$/.test(t.lower) && frames.has('speech')) {
    const last = contentEnd(article, r, sentence);
    if (last >= r) return { ...base, frame: 'speech', claimant, via, first: r, last, carried, confidence: 0.6 };
  }
  if (!INVERTING.has(t.lower) || carried) return null;
  // Inverted: "..., X said." with X before the verb, or "..., said X." with X after it.
  if (claimant) {
    const lead = tokens[claimant.first - 1];
    if (!lead || !(lead.text === ',' || article.closing.has(claimant.first - 1) || isDash(lead))) return null;
    if (!endsClause(article, r, sentence.last)) return null;
    return invertedClaim(article, sentence, claimant.first, { ...base, frame: 'speech', claimant, via, confidence });
  }
  if (!before || !(before.text === ',' || article.closing.has(p) || isDash(before))) return null;
  const after = phraseAfter(tokens, i + 1, sentence.last);
  if (!after || !endsClause(article, after.last + 1, sentence.last)) return null;
  return invertedClaim(article, sentence, i, { ...base, frame: 'speech', claimant: after, via, confidence });
}

/** "was endorsed by X" (X's claim about the subject), "was accused of Z" (a claim against the subject). */
function readPassiveCue(article: Article, sentence: Sentence, i: number, lemma: string): RawClaim | null {
  const { tokens } = article;
  if (!PASSIVE_CUES.has(lemma)) return null;
  const subject = findSubject(tokens, i, sentence.first);
  const link = tokens[i + 1]?.lower;
  const base = { cueFirst: i, cueLast: i, via: [], lemma, carried: false, confidence: 0.6 };
  if (subject && (link === 'of' || link === 'for') && ACCUSING.has(lemma)) {
    const last = contentEnd(article, i + 2, sentence);
    if (last < i + 2) return null;
    return { ...base, frame: 'accuse', claimant: null, target: subject, first: i + 2, last };
  }
  const agent = link === 'by' ? phraseAfter(tokens, i + 2, sentence.last) : null;
  if (
    !subject ||
    !agent ||
    !tokens.slice(agent.first, agent.last + 1).some((t) => t.pos === 'PROPN' || t.pos === 'NOUN')
  )
    return null;
  return { ...base, frame: 'speech', claimant: agent, target: null, first: subject.first, last: subject.last };
}

/** A line of its own without a full stop, and short: a headline or a subhead. */
function isHeadline(article: Article, sentence: Sentence): boolean {
  const { text, tokens } = article;
  const end = tokens[sentence.last]!.end;
  const lineEnd = end === text.length || /^[ \t]*\n/.test(text.slice(end, end + 3));
  // The first line is the title, full stop or not.
  return lineEnd && (!isStop(tokens[sentence.last]) || sentence.first === 0) && sentence.last - sentence.first < 25;
}

function pickFrame(frames: Set<CueFrame>, tokens: Token[], r: number): CueFrame {
  if (frames.has('deny')) return 'deny';
  if (frames.has('accuse')) return 'accuse';
  if (tokens[r]?.lower === 'to' && frames.has('intent')) return 'intent';
  return frames.has('speech') ? 'speech' : frames.has('thought') ? 'thought' : 'intent';
}

function invertedClaim(
  article: Article,
  sentence: Sentence,
  before: number,
  claim: Omit<RawClaim, 'first' | 'last'>,
): RawClaim | null {
  const first = contentStartBefore(article, before, sentence);
  const last = contentLastBefore(article, before);
  if (first < 0 || last < first) return null;
  return { ...claim, first, last };
}

/** The subject a participle or a second verb shares: the last claimant in the sentence, else its first subject. */
function carriedSubject(article: Article, sentence: Sentence, i: number, earlier: RawClaim[]) {
  const previous = earlier.findLast((c) => c.cueFirst < i && c.claimant);
  if (previous) return { claimant: previous.claimant, carried: true };
  const { tokens } = article;
  for (let v = Math.max(sentence.first + 1, i - 60); v < i; v++) {
    const t = tokens[v]!;
    if (isQuoted(article, v) || !(t.pos === 'VERB' || t.pos === 'AUX')) continue;
    return { claimant: findSubject(tokens, v, sentence.first), carried: true };
  }
  return { claimant: null, carried: false };
}
