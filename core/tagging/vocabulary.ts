// Is a word common English? wink-nlp's lexicon knows ~87k word forms ("cup", not "yeltsin"); compromise's flags say which are names.
import { Lex, NAME_FLAGS } from './lexicon.ts';
import { loadWink, winkLexiconSize } from './wink.ts';

const known = new Map<string, boolean>();
const MAX_CACHED = 200_000;

/** Looks up, in one pass, the lower-case forms of these words not seen before. */
export function learnWords(words: Iterable<string>): void {
  const fresh = new Set<string>();
  for (const word of words) {
    if (!/^\p{L}+$/u.test(word)) continue;
    if (!known.has(word)) fresh.add(word);
    // Plurals are checked by their singular too.
    if (word.endsWith('s') && !known.has(word.slice(0, -1))) fresh.add(word.slice(0, -1));
  }
  if (fresh.size === 0) return;
  if (known.size + fresh.size > MAX_CACHED) known.clear();
  const wink = loadWink();
  const lexiconSize = winkLexiconSize();
  const list = [...fresh];
  const doc = wink.readDoc(list.join(' '));
  const ids = doc.tokens().out(wink.its.uniqueId);
  const spaces = doc.tokens().out(wink.its.precedingSpaces);
  let word = -1;
  let parts = 0;
  let allKnown = true;
  const finish = () => {
    if (word >= 0) known.set(list[word]!, allKnown && parts >= 1);
  };
  for (let i = 0; i < ids.length; i++) {
    // wink splits some words ("cannot"): a new word starts after a space.
    if (i === 0 || spaces[i]!.length > 0) {
      finish();
      word++;
      parts = 0;
      allKnown = true;
    }
    parts++;
    if (Number(ids[i]) >= lexiconSize) allKnown = false;
  }
  finish();
}

/** True when wink's lexicon has this lower-case word (call learnWords first; unknown words say false). */
export function isCommonWord(lower: string): boolean {
  return known.get(lower) ?? false;
}

/** A common English word by compromise's or wink's lexicon, and no name either. */
export function isCommon(lower: string, flags: number): boolean {
  if (flags & NAME_FLAGS) return false;
  if (flags & Lex.common || isCommonWord(lower)) return true;
  // Plurals the lexicon lacks: "Scorers", "Standings".
  return lower.endsWith('s') && isCommonWord(lower.slice(0, -1));
}
