// Entity mentions in French, Spanish, Portuguese, Italian, German and Russian: known names, then capitalized runs typed by cue rules.
import type { EntityType } from '../model.ts';
import { isGermanNoun, isGermanNounForm, isStopword } from './common-words.ts';
import { Lex, loadLexicon, type Lexicon } from './lexicon.ts';
import type { Mention } from './mentions.ts';
import { cuesFor, type CuedLanguage, type LanguageCues } from './other-language-cues.ts';
import type { ScriptWord } from './script-gazetteer.ts';
import { wordCase } from './script-gazetteer.ts';
import { isCommon, learnWords } from './vocabulary.ts';
import { formKey } from './word-keys.ts';
import { GROUP_HEADS, LOCATION_HEADS, ORGANIZATION_HEADS } from './word-lists.ts';

type Votes = Record<'person' | 'organization' | 'group' | 'location', number>;

/** What ends a sentence or opens a quote: the next capital says nothing. */
const OPENS = /[.!?:;«»"„“”‹›()[\]—–•|…\n]|^\s*-\s/u;
const LATIN_SURNAME =
  /(?:ov|ova|ev|eva|enko|sky|ski|ska|vich|vić|ić|shvili|adze|escu|poulos|idis|oglu|oğlu|sson|stein|berg|mann)$/;
// Russian surnames and patronymics, on the stem ("Путина" -> "путин"): -ов, -ев, -ин, -ский, -енко, -ович, -овна.
const RUSSIAN_SURNAME = /(?:ов|ев|ёв|ин|ын|ск|цк|енк|вич|вн|швил|дз|ян)$/;
// Adjectives end a place's or a body's name, not a person's: "Guarda Nacional", "Campeonato Paulista", "Mährische".
const ADJECTIVE_END: Record<CuedLanguage, RegExp> = {
  pt: /(?:al|ais|ense|enses|ista|istas|ico|ica|icos|icas|ário|ária|ivo|iva|ês|esa)$/,
  es: /(?:al|ales|ense|ista|ico|ica|ario|aria|ivo|iva|és|esa)$/,
  it: /(?:ale|ali|ense|ista|ico|ica|ario|aria|ivo|iva|ese)$/,
  fr: /(?:al|ale|aux|ique|aire|aise|ienne|oise)$/,
  de: /(?:isch|ische|ischen|ischer|isches|ale|alen)$/,
  ru: /(?:ское|ские|ного|ная|ный|ное)$/,
};
// A German adjective's endings, capitalized only inside a name: "Vereinigte", "Indischen", "Roten".
const GERMAN_ADJECTIVE = /(?:isch|al|ell|iv|ig|lich|är|an|in)(?:e|en|er|es|em)$/u;
const PLACE_SUFFIX = /(?:stan|abad|burg|bourg|grad|gorod|ville|polis|pur|shire|град|бург|стан)$/;

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
// "St. Helena", "Mt. Kenya": a name's abbreviated first word, whose full stop ends no sentence.
const NAME_ABBREVIATIONS = new Set(['St', 'Ste', 'Sta', 'Sto', 'Mt', 'Ft']);

type Context = { text: string; words: ScriptWord[]; language: CuedLanguage; cues: LanguageCues; lexicon: Lexicon };

/** Mentions from the runs of capitalized words not already `covered` by a known name, sorted by offset. */
export function findOtherRuns(
  text: string,
  words: ScriptWord[],
  covered: Uint8Array,
  language: CuedLanguage,
): Mention[] {
  const context: Context = { text, words, language, cues: cuesFor(language), lexicon: loadLexicon() };
  learnWords(words.filter((w) => wordCase(w.text) !== 'lower').map((w) => w.text.toLowerCase()));
  const initial = words.map(
    (w, i) =>
      i === 0 || (OPENS.test(text.slice(words[i - 1]!.end, w.start)) && !NAME_ABBREVIATIONS.has(words[i - 1]!.text)),
  );
  const midSentence = new Set<string>();
  words.forEach((w, i) => {
    if (!initial[i] && wordCase(w.text) !== 'lower') midSentence.add(w.text);
  });
  const nameWord = words.map((w, i) => covered[i] === 0 && isNameWord(context, w.text));
  // German surnames are often nouns ("Müller", "Albrecht"): after a first name or a title, one still is a name.
  if (language === 'de')
    for (let i = 1; i < words.length; i++) {
      if (nameWord[i] || covered[i] !== 0 || wordCase(words[i]!.text) !== 'capital' || !joined(context, i - 1, i))
        continue;
      const previous = words[i - 1]!.text.toLowerCase();
      const firstName = nameWord[i - 1] && (context.lexicon.flags(previous) & Lex.firstName) !== 0;
      if ((firstName || context.cues.titles.has(previous)) && !isStopword(words[i]!.text.toLowerCase(), 'de'))
        nameWord[i] = true;
    }
  // German names made of an adjective and a head noun: "Republikanische Partei", "Indischen Ozean". German writes
  // adjectives in lower case, so a capitalized one inside a sentence belongs to a name (the dictionary lists them as nouns).
  if (language === 'de')
    for (let i = 1; i < words.length; i++)
      if (
        !nameWord[i] &&
        covered[i] === 0 &&
        covered[i - 1] === 0 &&
        !initial[i - 1] &&
        GERMAN_ADJECTIVE.test(words[i - 1]!.text) &&
        wordCase(words[i - 1]!.text) === 'capital' &&
        wordCase(words[i]!.text) === 'capital' &&
        joined(context, i - 1, i) &&
        isHeadNoun(context, words[i]!.text.toLowerCase())
      )
        nameWord[i - 1] = nameWord[i] = true;
  const mentions: Mention[] = [];
  let i = 0;
  while (i < words.length) {
    if (!nameWord[i]) {
      i++;
      continue;
    }
    let last = i;
    for (;;) {
      if (nameWord[last + 1] && joined(context, last, last + 1)) last++;
      // "Banco do Brasil", "Lula da Silva", "Ursula von der Leyen": particles between two name words.
      else if (bridges(context, last, nameWord)) last = nextNameWord(context, last);
      else break;
    }
    let first = i;
    // A capital at a sentence's start says nothing: that word stays only if the text or the lexicon vouches for it.
    if (initial[first] && !vouched(context, words[first]!.text, midSentence)) first++;
    if (first <= last) {
      const mention = classify(context, first, last, initial[first] === true);
      if (mention) mentions.push(mention);
    }
    i = last + 1;
  }
  return mentions;
}

function isNameWord({ language, cues }: Context, word: string): boolean {
  const shape = wordCase(word);
  if (shape !== 'capital' && shape !== 'upper') return false;
  if (!/\p{L}/u.test(word) || word.length < 2) return false;
  const lower = word.toLowerCase();
  if (isStopword(lower, language) || cues.titles.has(lower) || cues.dateWords.has(lower) || cues.particles.has(lower))
    return false;
  // German capitalizes every noun: a word its dictionary knows as one is not a name ("Zeit", "Funktion"),
  // nor an abbreviation it lists as a noun ("WLAN", "TV").
  if (language === 'de' && (shape === 'upper' ? isGermanNounForm(word) : isGermanNoun(word))) return false;
  // "GBP 40", "USD": a currency code is no organization.
  if (shape === 'upper' && CURRENCIES.has(word)) return false;
  return true;
}

function joined({ text, words }: Context, a: number, b: number): boolean {
  const between = text.slice(words[a]!.end, words[b]!.start);
  if (NAME_ABBREVIATIONS.has(words[a]!.text) && /^\. ?$/.test(between)) return true;
  // Spaces, or a hyphen between two words ("Rio-São Paulo"); a spaced dash separates ("Science - Fiction").
  return /^(?:[ \u00a0]+|-)$/u.test(between);
}

function bridges(context: Context, last: number, nameWord: boolean[]): boolean {
  const next = nextNameWord(context, last);
  return next > last + 1 && nameWord[next] === true;
}

/** The index after one to three particles following `last` ("da", "von der"), or `last` if there are none. */
function nextNameWord(context: Context, last: number): number {
  let k = last + 1;
  while (k < context.words.length && k - last <= 3 && context.cues.particles.has(context.words[k]!.text)) {
    if (!joined(context, k - 1, k)) return last;
    k++;
  }
  return k > last + 1 && k < context.words.length && joined(context, k - 1, k) ? k : last;
}

function vouched({ lexicon }: Context, word: string, midSentence: Set<string>): boolean {
  if (midSentence.has(word) || wordCase(word) === 'upper') return true;
  const flags = lexicon.flags(word.toLowerCase());
  return (flags & (Lex.firstName | Lex.person | Lex.place | Lex.organization)) !== 0 && !(flags & Lex.common);
}

function headOf(heads: Set<string>, lower: string, compounds: boolean): boolean {
  if (heads.has(lower)) return true;
  // German and Russian write heads into the word: "Zentralbank", "Bundesregierung", "Минобороны".
  if (!compounds) return false;
  for (const head of heads) if (head.length >= 3 && lower.length > head.length + 2 && lower.endsWith(head)) return true;
  return false;
}

function isHeadNoun({ cues }: Context, lower: string): boolean {
  return [cues.organizationHeads, cues.groupHeads, cues.locationHeads].some((heads) => headOf(heads, lower, true));
}

function classify(context: Context, first: number, last: number, sentenceStart: boolean): Mention | null {
  const { text, words, cues, lexicon, language } = context;
  const names = words.slice(first, last + 1).filter((w) => !cues.particles.has(w.text));
  const lowers = names.map((w) => w.text.toLowerCase());
  const flags = lowers.map((w) => lexicon.flags(w));
  const votes: Votes = { person: 0, organization: 0, group: 0, location: 0 };
  const compounds = language === 'de' || language === 'ru';
  const [head, tail] = [lowers[0]!, lowers[lowers.length - 1]!];
  const romanceHead = language !== 'de' && language !== 'ru';
  const headWord = romanceHead ? head : tail;
  if (headOf(cues.organizationHeads, headWord, compounds) || (romanceHead && cues.organizationHeads.has(tail)))
    votes.organization += 3;
  if (headOf(cues.groupHeads, headWord, compounds)) votes.group += 3;
  if (headOf(cues.locationHeads, headWord, compounds)) votes.location += 3;
  // English names are quoted in every language: "High Court", "Potomac River", "FC Porto".
  if (names.length > 1 && (ORGANIZATION_HEADS.has(tail) || ORGANIZATION_HEADS.has(head))) votes.organization += 3;
  if (names.length > 1 && GROUP_HEADS.has(tail)) votes.group += 3;
  if (names.length > 1 && LOCATION_HEADS.has(tail)) votes.location += 3;
  // A head word alone is the common noun ("o Governo", "die Regierung"), not a name.
  const heads = votes.organization + votes.group + votes.location;
  if (names.length === 1 && heads > 0 && wordCase(names[0]!.text) !== 'upper') return null;
  const before = words[first - 1];
  const adjacent = before && /^[ \u00a0,]+$/u.test(text.slice(before.end, words[first]!.start));
  const beforeLower = before?.text.toLowerCase() ?? '';
  if (adjacent && cues.titles.has(beforeLower)) votes.person += 4;
  if (adjacent && cues.placePrepositions.has(beforeLower) && names.length === 1) votes.location += 1.5;
  // "St. Helena", "Mt. Kenya".
  if (names.length > 1 && NAME_ABBREVIATIONS.has(names[0]!.text)) votes.location += 2;
  if (names.length >= 2 && flags[0]! & Lex.firstName && !(flags[0]! & Lex.place)) votes.person += 2.5;
  if (flags.some((f) => f & Lex.person)) votes.person += 2;
  if (names.length === 1 && flags[0]! & Lex.place && !(flags[0]! & Lex.common)) votes.location += 2.5;
  if (names.length === 1 && flags[0]! & Lex.organization && !(flags[0]! & Lex.common)) votes.organization += 2.5;
  const stem = formKey(tail, language);
  if (language === 'ru' ? RUSSIAN_SURNAME.test(stem) : LATIN_SURNAME.test(tail)) votes.person += 1.5;
  if (names.length === 1 && PLACE_SUFFIX.test(tail)) votes.location += 1.5;
  if (names.length === 1 && wordCase(names[0]!.text) === 'upper' && names[0]!.text.length <= 6) votes.organization += 2;
  // Two to four capitalized words that no head word claims are, in running text, most often a person.
  const total = votes.person + votes.organization + votes.group + votes.location;
  // Not after "de", "do" (an institution's or place's name goes on there), and not with an acronym in it.
  const afterParticle = before !== undefined && cues.particles.has(before.text) && adjacent;
  const acronym = names.some((w) => wordCase(w.text) === 'upper');
  if (
    total === 0 &&
    names.length >= 2 &&
    names.length <= 4 &&
    !sentenceStart &&
    !afterParticle &&
    !acronym &&
    !lowers.some((w, k) => isCommon(w, flags[k]!)) &&
    !ADJECTIVE_END[language].test(tail)
  )
    votes.person += 1.5;
  const type = (Object.keys(votes) as (keyof Votes)[]).reduce((a, b) => (votes[b] > votes[a] ? b : a));
  const score = votes[type];
  const start = words[first]!.start;
  const end = words[last]!.end;
  const surface = text.slice(start, end).replace(/\s+/g, ' ');
  return {
    start,
    end,
    // Below 1.5 nothing vouches for a type: document propagation ("Silva" after "Marina Silva") may still give one.
    type: score >= 1.5 ? (type as EntityType) : null,
    source: votes.person >= 4 || votes.organization >= 3 || votes.location >= 3 ? 'rule' : 'model',
    strength: score,
    entityId: null,
    name: surface,
    surface,
  };
}
