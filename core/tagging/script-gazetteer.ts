// Known names found in any script and language: word by word on folded keys, so "Украины" is Украина and "والأمم المتحدة" the UN.
import { formKey, textKeys, type OtherLanguage } from './word-keys.ts';

/** In a `covered` array: 1, the word is part of a known name; NOT_A_NAME, it is known to be none ("Österreicher"). */
export const NOT_A_NAME = 2;
export type ScriptWord = { start: number; end: number; text: string };
type Form<E> = { keys: string[]; cases: WordCase[]; entry: E };
/** Which case a word of a name is written in: matched against the text's word where the script has case. */
type WordCase = 'upper' | 'capital' | 'lower' | 'none';
export type ScriptGazetteer<E> = { language: OtherLanguage; byKey: Map<string, Form<E>[]> };
export type ScriptHit<E> = { start: number; end: number; first: number; last: number; entry: E };

// Letters and digits with marks, joined by inner hyphens and apostrophes ("Нью-Йорк", "Guinée-Bissau").
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-‐'’][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
// French and Italian elision: "l'Union", "d'Alep", "dell'Onu" read from the capital.
const ELISION = /^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu|dell|dall|nell|sull|all)['’](?=\p{L})/iu;
/** What may stand between two words of one name: spaces, a hyphen. */
const JOIN = /^[\s\u00a0-]*$/u;

/** The words of a text, elided articles split off. */
export function scriptWords(text: string): ScriptWord[] {
  const words: ScriptWord[] = [];
  for (const match of text.matchAll(WORD)) {
    let start = match.index;
    let word = match[0];
    const elided = ELISION.exec(word);
    if (elided) {
      words.push({ start, end: start + elided[0].length - 1, text: word.slice(0, elided[0].length - 1) });
      start += elided[0].length;
      word = word.slice(elided[0].length);
    }
    words.push({ start, end: start + word.length, text: word });
  }
  return words;
}

export function wordCase(word: string): WordCase {
  const first = word[0]!;
  if (first.toLowerCase() === first.toUpperCase()) return 'none';
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return 'upper';
  return first === first.toUpperCase() ? 'capital' : 'lower';
}

export function buildScriptGazetteer<E>(
  entries: readonly E[],
  formsOf: (entry: E) => readonly string[],
  language: OtherLanguage,
): ScriptGazetteer<E> {
  const byKey = new Map<string, Form<E>[]>();
  for (const entry of entries) {
    for (const form of formsOf(entry)) {
      const words = scriptWords(form).map((w) => w.text);
      if (words.length === 0) continue;
      const keys = words.map((w) => formKey(w, language));
      const list = byKey.get(keys[0]!) ?? [];
      if (list.some((f) => f.keys.join(' ') === keys.join(' '))) continue;
      list.push({ keys, cases: words.map(wordCase), entry });
      byKey.set(keys[0]!, list);
    }
  }
  for (const list of byKey.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return { language, byKey };
}

/** An acronym matches only in capitals, a capitalized word only capitalized; a lower-case one ("bande de") either way. */
function caseFits(expected: WordCase, actual: WordCase): boolean {
  if (expected === 'upper') return actual === 'upper';
  if (expected === 'capital') return actual === 'capital' || actual === 'upper';
  return true;
}

/** Non-overlapping hits, left to right, each the longest name that starts there. */
export function findScriptNames<E>(text: string, words: ScriptWord[], gazetteer: ScriptGazetteer<E>): ScriptHit<E>[] {
  const hits: ScriptHit<E>[] = [];
  const keysAt = words.map((w) => textKeys(w.text, gazetteer.language));
  const cases = words.map((w) => wordCase(w.text));
  for (let i = 0; i < words.length; i++) {
    let best: ScriptHit<E> | null = null;
    for (const key of keysAt[i]!) {
      for (const form of gazetteer.byKey.get(key) ?? []) {
        const last = i + form.keys.length - 1;
        if (best && last <= best.last) break;
        if (last >= words.length || !caseFits(form.cases[0]!, cases[i]!)) continue;
        let fits = true;
        for (let k = 1; k < form.keys.length && fits; k++) {
          const word = words[i + k]!;
          fits =
            JOIN.test(text.slice(words[i + k - 1]!.end, word.start)) &&
            keysAt[i + k]!.includes(form.keys[k]!) &&
            caseFits(form.cases[k]!, cases[i + k]!);
        }
        if (fits) best = { start: words[i]!.start, end: words[last]!.end, first: i, last, entry: form.entry };
      }
    }
    if (best) {
      hits.push(best);
      i = best.last;
    }
  }
  return hits;
}
