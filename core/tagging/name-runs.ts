// Runs of capitalized words that may be names ("Bank of England", "Osama bin Laden"), and compromise's known phrases.
import type { EntityType } from '../model.ts';
import { Lex, NAME_FLAGS, type Lexicon } from './lexicon.ts';
import type { Token } from './tokenize.ts';
import { isCommon } from './vocabulary.ts';
import {
  DATE_WORDS,
  FUNCTION_WORDS,
  GROUP_HEADS,
  LOCATION_HEADS,
  NAME_PARTICLES,
  NEVER_NAMES,
  ORGANIZATION_HEADS,
  PERSON_TITLES,
} from './word-lists.ts';

/** Tokens first..last (inclusive). */
export type Run = { first: number; last: number };
export type PhraseHit = { start: number; end: number; type: EntityType };

const CLOSED_CLASSES = new Set(['DET', 'ADP', 'CCONJ', 'SCONJ', 'PRON', 'AUX', 'PART', 'NUM', 'PUNCT', 'SYM']);
// "Bank of England", "Gulf of Aden", "Committee for the Protection of Journalists".
const OF_JOINERS = new Set(['of', 'for', 'on']);
// "Daniels Pharmaceuticals Inc of St. Petersburg": after a company suffix, "of" introduces its seat.
const CORPORATE = new Set(['inc', 'inc.', 'corp', 'corp.', 'co', 'co.', 'ltd', 'ltd.', 'plc', 'llc', 'ag', 'sa', 'nv']);

export function isHeadWord(lower: string, lexicon: Lexicon): boolean {
  return (
    ORGANIZATION_HEADS.has(lower) ||
    GROUP_HEADS.has(lower) ||
    LOCATION_HEADS.has(lower) ||
    lexicon.orgWords.has(lower) ||
    lexicon.placeWords.has(lower)
  );
}

/** Can this token be a word of a name? `covered` tokens lie inside a known name. */
export function isNameWord(token: Token, lexicon: Lexicon, covered: boolean): boolean {
  if (covered) return true;
  if (!token.capitalized || CLOSED_CLASSES.has(token.pos) || !/\p{L}/u.test(token.text)) return false;
  const lower = token.lower;
  if (PERSON_TITLES.has(lower) || FUNCTION_WORDS.has(lower) || NEVER_NAMES.has(lower) || DATE_WORDS.has(lower))
    return false;
  const flags = lexicon.flags(lower);
  if (flags & Lex.date || flags & Lex.honorific) return false;
  const nameLike = (flags & NAME_FLAGS) !== 0;
  const common = isCommon(lower, flags);
  if (token.caseless) return (nameLike || !common) && token.text.length > 1;
  // An acronym is a name wherever it stands: "(ELF)", "ELF said".
  if (token.initial) return nameLike || (token.pos === 'PROPN' && !common) || token.upper;
  return true;
}

/** Maximal runs of name words, joined across particles ("van der", "bin") and "of" after a head word. */
export function findRuns(tokens: Token[], lexicon: Lexicon, covered: Uint8Array): Run[] {
  const runs: Run[] = [];
  const nameWord = tokens.map((token, i) => isNameWord(token, lexicon, covered[i] === 1));
  let i = 0;
  while (i < tokens.length) {
    if (!nameWord[i]) {
      i++;
      continue;
    }
    let first = i;
    // "de Silva", "van der Westhuizen": lower-case particles right before a name belong to it.
    while (first > 0 && NAME_PARTICLES.has(tokens[first - 1]!.text) && sameLine(tokens[first - 1]!, tokens[first]!))
      first--;
    if (first < i && first > 0 && nameWord[first - 1]) first = i;
    let last = i;
    for (;;) {
      const next = last + 1;
      const current = tokens[last]!;
      const joiner = tokens[next];
      if (!joiner || !sameLine(current, joiner)) break;
      if (nameWord[next]) {
        last = next;
        continue;
      }
      // A first name makes the next capitalized word a surname even when it is also a word ("Peter Such").
      if (joiner.capitalized && lexicon.flags(current.lower) & Lex.firstName && isSurnameLike(joiner)) {
        last = next;
        continue;
      }
      let after = next;
      while (NAME_PARTICLES.has(tokens[after]?.text ?? '') && after - next < 3) after++;
      if (after > next && nameWord[after] && sameLine(current, tokens[after]!)) {
        last = after;
        continue;
      }
      if (joiner.text === '&' && nameWord[next + 1]) {
        last = next + 1;
        continue;
      }
      if (OF_JOINERS.has(joiner.lower) && isHeadWord(current.lower, lexicon) && !CORPORATE.has(current.lower)) {
        const target = tokens[next + 1]?.lower === 'the' ? next + 2 : next + 1;
        if (nameWord[target] && tokens[target]!.capitalized) {
          last = target;
          continue;
        }
      }
      break;
    }
    runs.push({ first, last });
    i = last + 1;
  }
  return runs;
}

function isSurnameLike(token: Token): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(token.text) && !FUNCTION_WORDS.has(token.lower) && !PERSON_TITLES.has(token.lower);
}

function sameLine(a: Token, b: Token): boolean {
  return a.line === b.line;
}

/** compromise's multi-word names ("Procter & Gamble", "Al Jazeera"), matched case-insensitively on capitalized words. */
export function findPhrases(tokens: Token[], lexicon: Lexicon): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!token.capitalized) continue;
    const candidates = lexicon.phrases.get(token.lower);
    if (!candidates) continue;
    const match = candidates.find(({ words }) =>
      words.every((word, k) => tokens[i + k]?.lower === word && tokens[i + k]!.line === token.line),
    );
    if (!match) continue;
    const end = i + match.words.length - 1;
    // Title case for every content word: "the new york times" in running text is not a name.
    if (!tokens.slice(i, end + 1).every((t) => t.capitalized || t.text.length <= 3)) continue;
    hits.push({ start: token.start, end: tokens[end]!.end, type: match.type });
    i = end;
  }
  return hits;
}
