// Words with their offsets, part of speech and case: wink-nlp's tokenizer and tagger, loaded once on first use.
import { loadWink, winkUsed } from './wink.ts';
import { FUNCTION_WORDS, NAME_PARTICLES } from './word-lists.ts';

export type Token = {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Universal part of speech from wink-nlp (PROPN, NOUN, PUNCT ...). */
  pos: string;
  /** Starts with a capital letter (or is a name particle glued to one: "al-Sham"). */
  capitalized: boolean;
  /** All letters are capitals and there are at least two. */
  upper: boolean;
  /** First word of a sentence, line or quote: its capital says nothing. */
  initial: boolean;
  /** The line is in capitals or title case (a headline, a results table): no capital says anything. */
  caseless: boolean;
  spaceBefore: boolean;
  /** Index of the line the token is on. */
  line: number;
};

// wink's tokenizer is quadratic in the length of a word: nothing this long is a name.
const LONG_WORD = /\S{200,}/g;
const SENTENCE_END = new Set(`. ! ? " “ ” : ; - – — • * | ( [ ' ‘`.split(' '));
const PARTICLE_NAME = /^(?:[a-z]{1,3})-\p{Lu}/u;

/** Tokens of `text`, in order, with `text.slice(start, end) === token.text`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let from = 0;
  for (const long of text.matchAll(LONG_WORD)) {
    readPiece(text, from, long.index, tokens);
    from = long.index + long[0].length;
  }
  readPiece(text, from, text.length, tokens);
  markLines(text, tokens);
  return tokens;
}

function readPiece(text: string, from: number, to: number, tokens: Token[]): void {
  if (to <= from || !/\S/.test(text.slice(from, to))) return;
  const nlp = loadWink();
  const piece = text.slice(from, to);
  winkUsed(piece.length);
  const doc = nlp.readDoc(piece);
  const values = doc.tokens().out(nlp.its.value);
  const pos = doc.tokens().out(nlp.its.pos);
  const spaces = doc.tokens().out(nlp.its.precedingSpaces);
  let offset = from;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    offset += spaces[i]!.length;
    // wink is lossless, but should it ever skip a character, find the word rather than drift.
    if (text.startsWith(value, offset) === false) offset = text.indexOf(value, offset);
    if (offset < 0) return;
    if (pos[i] !== 'SPACE') pushToken(tokens, text, offset, offset + value.length, pos[i]!);
    offset += value.length;
  }
}

function pushToken(tokens: Token[], text: string, start: number, end: number, pos: string): void {
  let spaceBefore = start > 0 && /\s/.test(text[start - 1]!);
  // Glue "al" "-" "Sham", "Guinea" "-" "Bissau", "Inzamam" "-" "ul" "-" "Haq" back into one name word.
  for (;;) {
    const dash = tokens[tokens.length - 1];
    const left = tokens[tokens.length - 2];
    if (dash?.text !== '-' || !left || spaceBefore || dash.spaceBefore) break;
    const beforeLeft = tokens[tokens.length - 3];
    const nameBefore = beforeLeft?.capitalized === true && !text.slice(beforeLeft.end, left.start).includes('\n');
    if (!joinsHyphen(left, text.slice(start, end), nameBefore)) break;
    tokens.length -= 2;
    start = left.start;
    spaceBefore = left.spaceBefore;
    pos = 'PROPN';
  }
  const word = text.slice(start, end);
  // wink leaves "Aleppo's" whole but splits "Smith 's": split both the same way.
  const possessive = /^(.*\p{L})(['’]s)$/u.exec(word);
  if (possessive && /^\p{Lu}/u.test(word)) {
    const cut = start + possessive[1]!.length;
    tokens.push(makeToken(text, start, cut, pos, spaceBefore));
    tokens.push(makeToken(text, cut, end, 'PART', false));
    return;
  }
  tokens.push(makeToken(text, start, end, pos, spaceBefore));
}

const NOT_SYLLABLES = new Set(
  'led based born run backed era old style like wide made owned held bound up in on off out war day year time'.split(
    ' ',
  ),
);

function joinsHyphen(left: Token, right: string, nameBefore: boolean): boolean {
  if (/^\p{Lu}/u.test(right))
    return left.capitalized || NAME_PARTICLES.has(left.lower) || /^[a-z]{1,3}$/.test(left.text);
  // "...-ul-Haq": a particle already glued to its capital.
  if (PARTICLE_NAME.test(right)) return left.capitalized;
  // "Kim Jong-un", "Li Song-ho": a short lower-case syllable after a short capitalized one, inside a name.
  return (
    /^\p{Lu}\p{Ll}{1,4}$/u.test(left.text) &&
    /^\p{Ll}{1,4}$/u.test(right) &&
    !NOT_SYLLABLES.has(right) &&
    nameBefore &&
    left.spaceBefore
  );
}

function makeToken(text: string, start: number, end: number, pos: string, spaceBefore: boolean): Token {
  const word = text.slice(start, end);
  const first = word.codePointAt(0)!;
  const capitalized = isUpper(first) || PARTICLE_NAME.test(word);
  const letters = word.replace(/[^\p{L}]/gu, '');
  const upper = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  return {
    start,
    end,
    text: word,
    lower: word.toLowerCase(),
    pos,
    capitalized,
    upper,
    initial: false,
    caseless: false,
    spaceBefore,
    line: 0,
  };
}

function isUpper(codePoint: number): boolean {
  const char = String.fromCodePoint(codePoint);
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

/** Sentence starts, and lines whose case carries no information (headlines, tables). */
function markLines(text: string, tokens: Token[]): void {
  let lineStart = 0;
  let line = 0;
  while (lineStart < tokens.length) {
    let lineEnd = lineStart + 1;
    while (lineEnd < tokens.length && !text.slice(tokens[lineEnd - 1]!.end, tokens[lineEnd]!.start).includes('\n'))
      lineEnd++;
    let words = 0;
    let capitals = 0;
    let uppers = 0;
    let cappedFunctionWords = 0;
    for (let i = lineStart; i < lineEnd; i++) {
      const token = tokens[i]!;
      const previous = tokens[i - 1];
      token.line = line;
      token.initial = i === lineStart || (previous !== undefined && SENTENCE_END.has(previous.text));
      if (!/\p{L}/u.test(token.text)) continue;
      words++;
      if (token.capitalized) capitals++;
      if (token.upper) uppers++;
      if (token.capitalized && !token.initial && FUNCTION_WORDS.has(token.lower)) cappedFunctionWords++;
    }
    // Capitals throughout, or Title Case that capitalizes even "Of" and "With": a headline.
    const caseless =
      (words > 0 && uppers === words) || (words >= 4 && capitals / words >= 0.8 && cappedFunctionWords > 0);
    if (caseless) for (let i = lineStart; i < lineEnd; i++) tokens[i]!.caseless = true;
    lineStart = lineEnd;
    line++;
  }
}
