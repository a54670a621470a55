// Text helpers of the French, Spanish and Arabic rules: sentences by characters, Arabic spelling-tolerant patterns, words.

/** Character offsets, end exclusive. */
export type Piece = { start: number; end: number };

// Not a sentence's end: "M. Dupont", "Sr. García", "av. J.-C.".
const ABBREVIATIONS =
  /(?:^|[\s(])(?:\p{Lu}|m|mm|mme|mlle|dr|pr|me|st|ste|sr|sra|srta|dra|lic|ing|av|art|no|núm|etc|p|pp|cf|vol|gén|gral|cnel)\.$/iu;
const TERMINAL = /[.!?؟…]/u;

/** Sentences of `text`: a line break ends one, and so does a full stop before a word that may start one. */
export function splitForeignSentences(text: string): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/u.test(text[s]!)) s++;
    while (e > s && /\s/u.test(text[e - 1]!)) e--;
    if (e > s) pieces.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (!TERMINAL.test(c)) continue;
    let end = i + 1;
    while (end < text.length && /[.!?؟…"'”’»)\]]/u.test(text[end]!)) end++;
    if (end < text.length && !/[ \t\u00A0\u202F]/u.test(text[end]!)) continue;
    let next = end;
    while (next < text.length && /[ \t\u00A0\u202F]/u.test(text[next]!)) next++;
    const after = text[next];
    if (after !== undefined && after !== '\n' && !mayStartSentence(after)) continue;
    if (c === '.' && ABBREVIATIONS.test(text.slice(Math.max(start, i - 6), i + 1))) continue;
    push(end);
    start = end;
    i = end - 1;
  }
  push(text.length);
  return pieces;
}

/** A capital, a digit, an opening mark, or a letter of a script without case (Arabic). */
function mayStartSentence(c: string): boolean {
  return /[\p{Lu}\p{N}"“«'‘(—–¿¡-]/u.test(c) || (/\p{L}/u.test(c) && !/\p{Ll}/u.test(c));
}

// Arabic as the news writes it: hamza on the alef or not, ta marbuta or ha, alef maqsura or ya, short vowels, tatweel.
const ARABIC_CLASS: Record<string, string> = {
  ا: '[اأإآ]',
  أ: '[اأإآ]',
  إ: '[اأإآ]',
  آ: '[اأإآ]',
  ة: '[ةه]',
  ه: '[ةه]',
  ى: '[ىي]',
  ي: '[ىي]',
};
const MARKS = '[\\u064B-\\u0652\\u0670\\u0640]*';

/** A regular-expression source matching `words` however its Arabic letters are written; other letters stand as they are. */
export function spellingPattern(words: string): string {
  let out = '';
  for (const c of words) {
    if (c === ' ') out += '\\s+';
    else if (ARABIC_CLASS[c]) out += ARABIC_CLASS[c] + MARKS;
    else if (/[\u0600-\u06FF]/u.test(c)) out += c + MARKS;
    else if (c === "'") out += "['’]";
    else out += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}

/** Alternatives, longest first, as one group that starts and ends at word boundaries. */
export function wordsPattern(list: string[], prefix = ''): string {
  const sorted = [...list].sort((a, b) => b.length - a.length);
  return `(?<![\\p{L}\\p{M}])${prefix}(?:${sorted.map(spellingPattern).join('|')})(?![\\p{L}\\p{M}])`;
}

/** Arabic folded for lookups: no short vowels or tatweel, one alef, ha for ta marbuta, ya for alef maqsura. */
export function foldArabic(word: string): string {
  return word
    .replace(/[\u064B-\u0652\u0670\u0640]/gu, '')
    .replace(/[أإآ]/gu, 'ا')
    .replace(/ة/gu, 'ه')
    .replace(/ى/gu, 'ي');
}

/** Letters-only words of a span (digits count as words too). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu)?.length ?? 0;
}

export const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/gu;

/** Arabic-Indic and Persian digits as ASCII ones, the length unchanged. */
export function asciiDigits(text: string): string {
  return text.replace(ARABIC_DIGITS, (d) => String((d.charCodeAt(0) - 0x0660) % (0x06f0 - 0x0660)));
}
