// A claim's kind from its cue and content, and the hedges that distance the outlet from it.
import type { Token } from '../tagging/tokenize.ts';
import { AUXILIARIES, HEDGE_ADVERBS, HEDGE_PASSIVES, KIND_WORDS } from './cue-words.ts';
import type { RawClaim } from './raw-claim.ts';
import type { Sentence } from './sentences.ts';
import type { ClaimKind, Quantity, TextSpan } from './claim-types.ts';

const HARMED = new Set(['killed', 'injured']);
const EVALUATIVE = new Set(['condemn', 'criticize', 'criticise', 'denounce', 'praise', 'welcome', 'lament', 'express']);
// "took control", "seized control", "fell to", "entered Aleppo": single words that are too common alone.
const CONTROL_PAIRS =
  /\b(?:took|taken|take|takes|taking|seized|gained|wrested|assumed|regained) (?:full |effective )?control\b|\bfell to\b|\bentered (?:the )?(?:city|town|village|\p{Lu})/u;
const UNVERIFIED =
  /\b(?:could not|couldn't|cannot|can't|can not|was not|were not|has not|have not|had not|has yet to|have yet to)\s+(?:be\s+|been\s+)?(?:immediately\s+|independently\s+)*(?:be\s+|been\s+)?(?:verified|confirmed|verify|confirm)\b|\b(?:unconfirmed|unverified)\b/gi;

/** The kind: the cue's when it accuses or denies, else what the content reports. */
export function classifyClaim(raw: RawClaim, tokens: Token[], quantities: Quantity[], content: string): ClaimKind {
  if (
    raw.frame === 'deny' ||
    (raw.lemma === 'reject' && /\b(?:claims?|allegations?|reports?|accusations?)\b/i.test(content))
  )
    return 'denial';
  if (raw.frame === 'accuse') return 'accusation';
  const event = eventKind(tokens, raw.first, raw.last, content, quantities, false);
  // "condemned the escalation as an attack on Syria's sovereignty" judges; it reports no event.
  if (event && (event === 'casualties' || !EVALUATIVE.has(raw.lemma))) return event;
  if (raw.frame === 'outlet') return 'other';
  if (raw.claimant && hasWord(tokens, raw.first, raw.last, KIND_WORDS.wrongdoing)) return 'accusation';
  return 'statement';
}

/**
 * What happened, by the content's words: a count of killed or injured, a move on territory, an attack, a
 * military action. With `verbsOnly`, only verbs count ("airstrikes targeted", not "this attack marks").
 */
export function eventKind(
  tokens: Token[],
  first: number,
  last: number,
  content: string,
  quantities: Quantity[],
  verbsOnly: boolean,
): ClaimKind | null {
  if (quantities.some((q) => q.outcome !== null && HARMED.has(q.outcome))) return 'casualties';
  const verb = (t: Token) => !verbsOnly || t.pos === 'VERB';
  const territorial = new Set(['seized', 'captured', 'recaptured', 'retook', 'overran', 'liberated', 'encircled']);
  if (CONTROL_PAIRS.test(content) || has(tokens, first, last, (t) => territorial.has(t.lower) && verb(t)))
    return 'territorial-control';
  // Verbs first: "repelled an attack" is a military action, "airstrikes targeted" an attack.
  const attack = (t: Token) => KIND_WORDS.attack.has(t.lower) && !/^(fired|shot|targets)$/.test(t.lower);
  const military = (t: Token) => KIND_WORDS.military.has(t.lower) && t.lower !== 'fighting';
  const isVerb = (t: Token) => t.pos === 'VERB';
  if (has(tokens, first, last, (t) => attack(t) && isVerb(t))) return 'attack';
  if (has(tokens, first, last, (t) => military(t) && isVerb(t))) return 'military-action';
  if (verbsOnly) return null;
  if (has(tokens, first, last, attack)) return 'attack';
  return has(tokens, first, last, military) ? 'military-action' : null;
}

/** Hedge words in the claim's sentence, and "could not be independently verified" in it or the next one. */
export function findHedges(
  text: string,
  tokens: Token[],
  raw: RawClaim,
  sentences: Sentence[],
  at: number,
): TextSpan[] {
  const hedges: TextSpan[] = [];
  const from = Math.min(raw.first, raw.cueFirst);
  const to = Math.max(raw.last, raw.cueLast);
  const span = (a: number, b: number) => ({
    start: tokens[a]!.start,
    end: tokens[b]!.end,
    text: text.slice(tokens[a]!.start, tokens[b]!.end),
  });
  for (let i = from; i <= to; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (HEDGE_ADVERBS.has(t.lower)) hedges.push(span(i, i));
    else if (HEDGE_PASSIVES.has(t.lower) && AUXILIARIES.has(tokens[i - 1]?.lower ?? '') && next?.lower === 'to')
      hedges.push(span(i - 1, i + 1));
    else if (
      /^claim(s|ed)?$/.test(t.lower) &&
      next?.lower === 'to' &&
      /^(have|be|been)$/.test(tokens[i + 2]?.lower ?? '')
    )
      hedges.push(span(i, i + 2));
  }
  for (const sentence of [sentences[at], sentences[at + 1]]) {
    if (!sentence) continue;
    const start = tokens[sentence.first]!.start;
    const piece = text.slice(start, tokens[sentence.last]!.end);
    for (const m of piece.matchAll(UNVERIFIED)) {
      const s = start + m.index;
      hedges.push({ start: s, end: s + m[0].length, text: m[0] });
    }
  }
  return hedges.sort((a, b) => a.start - b.start).filter((h, i, all) => i === 0 || h.start >= all[i - 1]!.end);
}

function has(tokens: Token[], first: number, last: number, test: (t: Token) => boolean): boolean {
  for (let i = first; i <= last; i++) if (test(tokens[i]!)) return true;
  return false;
}

function hasWord(tokens: Token[], first: number, last: number, words: Set<string>): boolean {
  return has(tokens, first, last, (t) => words.has(t.lower));
}
