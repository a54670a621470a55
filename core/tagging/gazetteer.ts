// Longest, case-sensitive match of known names and aliases on word boundaries, indexed by first word.
import type { EntityType } from '../model.ts';

export type NamedEntry = { name: string; aliases: string[] };
/** An entry of the user's registry, as the tagger matches it. */
export type GazetteerEntry = { id: string; name: string; type: EntityType; aliases: string[] };
export type GazetteerHit<E> = { start: number; end: number; entry: E; form: string };
export type Gazetteer<E> = {
  byWord: Map<string, { form: string; entry: E }[]>;
  /** The same forms by their first word in capitals, for headlines ("LONDON", "HAYAT TAHRIR AL-SHAM"). */
  byUpperWord: Map<string, { form: string; entry: E }[]>;
};

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

export function buildGazetteer<E extends NamedEntry>(entries: readonly E[]): Gazetteer<E> {
  const byWord = new Map<string, { form: string; entry: E }[]>();
  const byUpperWord = new Map<string, { form: string; entry: E }[]>();
  const add = (map: Map<string, { form: string; entry: E }[]>, key: string, form: string, entry: E) => {
    const list = map.get(key);
    if (!list) map.set(key, [{ form, entry }]);
    else if (!list.some((item) => item.form === form)) list.push({ form, entry });
  };
  for (const entry of entries) {
    for (const raw of [entry.name, ...entry.aliases]) {
      const form = normalizeForm(raw);
      const first = /^[\p{L}\p{M}\p{N}]+/u.exec(form)?.[0];
      // A name must start with a letter or digit to be found on a word boundary.
      if (!first) continue;
      add(byWord, first, form, entry);
      if (form !== form.toUpperCase()) add(byUpperWord, first.toUpperCase(), form.toUpperCase(), entry);
    }
  }
  // Longest first, so the first form that matches is the longest match.
  for (const map of [byWord, byUpperWord])
    for (const list of map.values()) list.sort((a, b) => b.form.length - a.form.length);
  return { byWord, byUpperWord };
}

/** Non-overlapping hits, left to right, each the longest form that matches there. */
export function findNames<E>(text: string, gazetteer: Gazetteer<E>): GazetteerHit<E>[] {
  const hits: GazetteerHit<E>[] = [];
  let next = 0;
  for (const word of text.matchAll(WORD)) {
    const start = word.index;
    if (start < next) continue;
    let hit = longestAt(text, start, gazetteer.byWord.get(word[0]));
    // In capitals only: "US" must not become "us", but "LONDON" is London.
    if (!hit && word[0].length > 1 && word[0] === word[0].toUpperCase() && gazetteer.byUpperWord.size) {
      hit = longestAt(text, start, gazetteer.byUpperWord.get(word[0]));
    }
    if (hit) {
      hits.push({ start, end: hit.end, entry: hit.entry, form: hit.form });
      next = hit.end;
    }
  }
  return hits;
}

function longestAt<E>(text: string, start: number, candidates: { form: string; entry: E }[] | undefined) {
  if (!candidates) return undefined;
  for (const candidate of candidates) {
    const end = matchAt(text, start, candidate.form);
    if (end > 0) return { end, entry: candidate.entry, form: candidate.form };
  }
  return undefined;
}

/** End of `form` at `start` (spaces match runs of spaces, ’ matches '), on a word boundary; -1 if it is not there. */
function matchAt(text: string, start: number, form: string): number {
  let i = start;
  for (let j = 0; j < form.length; j++) {
    const expected = form[j]!;
    if (expected === ' ') {
      if (text[i] !== ' ' && text[i] !== '\t' && text[i] !== '\u00a0') return -1;
      while (text[i] === ' ' || text[i] === '\t' || text[i] === '\u00a0') i++;
      continue;
    }
    const actual = text[i];
    if (actual !== expected && !(expected === "'" && actual === '’')) return -1;
    i++;
  }
  const after = text[i];
  if (after !== undefined && WORD_CHAR.test(after) && WORD_CHAR.test(form[form.length - 1]!)) return -1;
  return i;
}

export function normalizeForm(name: string): string {
  return name.trim().replace(/\s+/g, ' ').replace(/’/g, "'");
}
