// How a word is compared with known names outside English: folded as search folds it, Arabic prefixes and Russian and German endings set aside.
import { foldTerm } from '../search/fold.ts';

import type { OtherLanguage } from '../common/tagger-languages.ts';

export type { OtherLanguage };

// Russian case endings, longest first: "России", "Россией" and "Россия" share "росси".
const RUSSIAN_ENDINGS = [
  'иями',
  'ями',
  'ами',
  'ого',
  'его',
  'ому',
  'ему',
  'ыми',
  'ими',
  'ией',
  'ий',
  'ый',
  'ой',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ие',
  'ую',
  'юю',
  'ов',
  'ев',
  'ей',
  'ам',
  'ям',
  'ах',
  'ях',
  'ом',
  'ем',
  'а',
  'я',
  'ы',
  'и',
  'у',
  'ю',
  'е',
  'о',
  'ь',
  'й',
];
// German case endings on names and adjectives: "Vereinigten Staaten", "Deutschlands".
const GERMAN_ENDINGS = ['en', 'es', 'er', 'em', 'e', 'n', 's'];
// Arabic's article and the one-letter words written onto the next: و and, ف so, ب with, ل for, ك like.
const ARABIC_ARTICLE = /^ال(?=..)/u;
const ARABIC_CLITIC = /^[وفبلك](?=...)/u;

function stripEnding(word: string, endings: readonly string[], keep: number): string {
  for (const ending of endings)
    if (word.length - ending.length >= keep && word.endsWith(ending)) return word.slice(0, -ending.length);
  return word;
}

/** The key of one word of a known name. */
export function formKey(word: string, language: OtherLanguage): string {
  const folded = foldTerm(word);
  if (language === 'ar') return folded.replace(ARABIC_ARTICLE, '');
  if (language === 'ru') return stripEnding(folded, RUSSIAN_ENDINGS, 3);
  if (language === 'de') return stripEnding(folded, GERMAN_ENDINGS, 4);
  return folded;
}

/** The keys a word of the text may stand for: itself, and in Arabic without its clitic or article ("والأمم" is "أمم"). */
export function textKeys(word: string, language: OtherLanguage): string[] {
  // German genitive: "Albaniens" is "Albanien" before its own ending is set aside.
  if (language === 'de' && word.length > 5 && word.endsWith('s'))
    return [...new Set([formKey(word, language), formKey(word.slice(0, -1), language)])];
  if (language !== 'ar') return [formKey(word, language)];
  const folded = foldTerm(word);
  const keys = [folded.replace(ARABIC_ARTICLE, '')];
  // "للأمم": ل before the article, whose alef drops.
  if (folded.startsWith('لل') && folded.length > 4) keys.push(folded.slice(2));
  const bare = folded.replace(ARABIC_CLITIC, '');
  if (bare !== folded) keys.push(bare.replace(ARABIC_ARTICLE, ''));
  return [...new Set(keys)];
}
