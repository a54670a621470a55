// Words as search sees them: Unicode-aware tokens, folded for case, accents and Arabic spelling variants, with their offsets in the original text.
import { clipText } from '../common/clip-text.ts';

/** A word of the original text: where it is, and the form the index keeps. */
export type Token = { start: number; end: number; term: string };

// Letters and digits in any script (marks stay with their letter); Han, kana and Hangul, written
// without spaces, become one token per character so a phrase of them still matches.
// Han, kana and Hangul are never part of a longer word (their writing has no spaces), in the text
// or after folding: the `v` flag's set difference keeps them out of letter runs.
const WORD =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|(?:[[\p{L}\p{N}]--[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]][[\p{L}\p{N}\p{M}]--[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]]*)/gv;
/** WORD for text that is all ASCII (most English news): the same matches, several times faster. */
const ASCII_TEXT_WORD = /[A-Za-z0-9]+/g;
const MARKS = /\p{M}/gu;
/** Longer tokens are cut: nobody searches for them, and FTS5 would index them whole. */
const MAX_TERM = 40;

// Arabic letters written many ways in the news: hamza carriers and alef forms to bare alef, alef
// maqsura to ya, ta marbuta to ha (as Arabic search engines do), tatweel dropped.
const ARABIC: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ٲ: 'ا',
  ٳ: 'ا',
  ى: 'ي',
  ئ: 'ي',
  ؤ: 'و',
  ة: 'ه',
  ـ: '',
  ء: '',
  // Persian and Urdu forms of kaf and ya, common in names.
  ک: 'ك',
  ی: 'ي',
};
const ARABIC_CHARS = new RegExp(`[${Object.keys(ARABIC).join('')}]`, 'gu');
const OTHER: Record<string, string> = {
  ς: 'σ',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  ð: 'd',
};
const OTHER_CHARS = new RegExp(`[${Object.keys(OTHER).join('')}]`, 'gu');

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;

/** Accents, diacritics and Arabic variants folded away, in lower-cased text that is not all ASCII. */
function foldLetters(lower: string): string {
  return (
    lower
      .replace(ARABIC_CHARS, (c) => ARABIC[c]!)
      .normalize('NFKD')
      .replace(MARKS, '')
      // Hangul syllables came apart into letters: put them back together.
      .normalize('NFC')
      .replace(OTHER_CHARS, (c) => OTHER[c]!)
  );
}

/** The form of one word that the index keeps: lower case, no accents or diacritics, Arabic variants unified. */
export function foldTerm(word: string): string {
  const lower = word.toLowerCase();
  // Only text with something to fold pays for normalization (most English words have none).
  const folded = NON_ASCII.test(lower) ? foldLetters(lower) : lower;
  return clipText(folded, MAX_TERM);
}

/** Every word of the text with its offsets (UTF-16, as everywhere else) and folded form. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(NON_ASCII.test(text) ? WORD : ASCII_TEXT_WORD)) {
    const term = foldTerm(match[0]);
    if (term) tokens.push({ start: match.index, end: match.index + match[0].length, term });
  }
  return tokens;
}

// After folding there are no marks left: words are runs of letters and digits. An apostrophe
// separates, as in most engines: Assad's is found by assad, l'armée by armée, Ta'if by "ta if".
const FOLDED_WORD =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|(?:[[\p{L}\p{N}]--[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]]+)/gv;
const ASCII_WORD = /[a-z0-9]+/g;

/**
 * The folded words of a text, space-separated: what is handed to the full-text index. The same
 * words as tokenize() (a property test holds them equal), but the whole text is folded at once and
 * plain ASCII takes a simpler expression: six times faster, and indexing is most of a rebuild.
 */
export function indexText(text: string): string {
  const lower = text.toLowerCase();
  const words = NON_ASCII.test(lower) ? foldLetters(lower).match(FOLDED_WORD) : lower.match(ASCII_WORD);
  if (!words) return '';
  let out = words.join(' ');
  if (out.length > MAX_TERM && words.some((w) => w.length > MAX_TERM)) {
    out = words.map((w) => clipText(w, MAX_TERM)).join(' ');
  }
  return out;
}

/** The folded words of a query phrase: folded as the index folds the text, so a phrase matches as typed. */
export function queryTerms(text: string): string[] {
  const words = indexText(text);
  return words ? words.split(' ') : [];
}
