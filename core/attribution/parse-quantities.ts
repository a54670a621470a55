// Figures in a text: "at least 27 civilians were killed", "hundreds of families fled", "twenty-seven", "a dozen".
import {
  AGE_BEFORE,
  BETWEEN,
  MONTHS,
  NOT_COUNTS_AFTER,
  PARENTHETICAL,
  NOT_COUNTED,
  NUMBER_WORDS,
  OUTCOMES,
  QUALIFIERS,
  SCALES,
  TENS_WORDS,
  VAGUE,
  isPlural,
  normalizeCategory,
} from './number-words.ts';
import type { Qualifier, Quantity } from './claim-types.ts';
import { parseForeignQuantities } from './foreign-quantities.ts';

type Word = { start: number; end: number; text: string; lower: string };
type Figure = { value: number; last: number; vague: Qualifier | null };

const WORD = /\d+(?:[.,]\d+)*|\p{L}+(?:[-'’]\p{L}+)*|\S/gu;
const OUTCOME_VERB = /(?:ed|ing)$/;

/** The figures in `text`, with offsets shifted by `offset` (the text's start in a longer one), read in `language`. */
export function parseQuantities(text: string, offset = 0, language = 'en'): Quantity[] {
  if (typeof text !== 'string' || text === '') return [];
  const code = language.toLowerCase().split(/[-_]/)[0];
  if (code === 'fr' || code === 'es' || code === 'ar') return parseForeignQuantities(text, code, offset);
  const words: Word[] = [];
  for (const m of text.matchAll(WORD))
    words.push({ start: m.index, end: m.index + m[0].length, text: m[0], lower: m[0].toLowerCase() });
  const found: Quantity[] = [];
  for (let i = 0; i < words.length; i++) {
    const figure = readFigure(words, i);
    if (!figure) continue;
    const quantity = readQuantity(text, words, i, figure);
    if (quantity) {
      found.push({ ...quantity, start: quantity.start + offset, end: quantity.end + offset });
      i = Math.max(i, figure.last);
    } else i = figure.last;
  }
  return found;
}

function readQuantity(text: string, words: Word[], i: number, figure: Figure): Quantity | null {
  const first = words[i]!;
  if (/^\d/.test(first.text) && isNotACount(text, words, i, figure)) return null;
  if (AGE_BEFORE.some((pattern) => endsWith(words, i, pattern))) return null;
  const qualified = figure.vague ? null : readQualifier(words, i);
  // The counted: "27 civilians", "hundreds of families", "27 of the fighters".
  let j = figure.last + 1;
  if (words[j]?.lower === 'of' && (figure.vague || /^(the|them|those|whom)$/.test(words[j + 1]?.lower ?? ''))) {
    j++;
    if (/^(the|those)$/.test(words[j]?.lower ?? '')) j++;
  }
  const run: Word[] = [];
  // The counted noun ends at its first plural: "two aid workers", "two villages north of ...".
  while (run.length < 3 && isCountedWord(words[j])) {
    run.push(words[j++]!);
    if (isPlural(run[run.length - 1]!.lower)) break;
  }
  const category = run.length > 0 ? normalizeCategory(run.map((w) => w.text)) : null;
  const outcome = outcomeAfter(words, j) ?? outcomeBefore(words, qualified ? qualified.first : i);
  const year = /^\d{4}$/.test(first.text) && figure.value >= 1800 && figure.value <= 2100;
  if (year && !(category && isPlural(run[run.length - 1]!.lower))) return null;
  if (!qualified && !category && !outcome && !figure.vague) return null;
  // "one" is as often a pronoun ("one of them", "no one") as a count.
  if (first.lower === 'one' && !qualified && !outcome) return null;
  const start = (qualified ? words[qualified.first]! : first).start;
  const end = run.length > 0 ? run[run.length - 1]!.end : words[figure.last]!.end;
  return {
    start,
    end,
    text: text.slice(start, end),
    value: figure.value,
    qualifier: figure.vague ?? qualified?.qualifier ?? 'exactly',
    category,
    outcome,
  };
}

/** The number that starts at `i`, in digits or words, with its scale ("2.5 million", "two hundred"). */
function readFigure(words: Word[], i: number): Figure | null {
  const w = words[i]!;
  const next = words[i + 1]?.lower;
  if (w.lower === 'tens' && next === 'of' && words[i + 2]?.lower === 'thousands')
    return { value: 20_000, last: i + 2, vague: 'thousands' };
  const vague = VAGUE.get(w.lower);
  if (vague) {
    if (next === 'of' && words[i + 2]?.lower === 'thousands')
      return { value: vague.value * 1000, last: i + 2, vague: vague.qualifier };
    return { value: vague.value, last: i, vague: vague.qualifier };
  }
  if (w.lower === 'a' && next === 'dozen') return { value: 12, last: i + 1, vague: null };
  if (w.lower === 'half' && next === 'a' && words[i + 2]?.lower === 'dozen')
    return { value: 6, last: i + 2, vague: null };
  let value = w.lower === 'a' && next && SCALES.has(next) ? 1 : (digitsValue(w.text) ?? NUMBER_WORDS.get(w.lower));
  let last = i;
  if (value === undefined) return null;
  if (TENS_WORDS.has(w.lower) && next && (NUMBER_WORDS.get(next) ?? 10) < 10 && next !== 'zero') {
    value += NUMBER_WORDS.get(next)!;
    last++;
  }
  if (words[last + 1]?.lower === 'dozen') return { value: value * 12, last: last + 1, vague: null };
  for (const scale of ['hundred', 'thousand', 'million', 'billion']) {
    if (words[last + 1]?.lower !== scale) continue;
    value *= SCALES.get(scale)!;
    last++;
  }
  return { value: Math.round(value * 1000) / 1000, last, vague: null };
}

function digitsValue(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (/^\d{1,3}(?:,\d{3})+$/.test(text)) return Number(text.replace(/,/g, ''));
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(text)) return Number(text.replace(/\./g, ''));
  if (/^\d+\.\d+$/.test(text)) return Number(text);
  return undefined;
}

/** Ordinals, codes, money, percentages, times and dates: digits that count nothing. */
function isNotACount(text: string, words: Word[], i: number, figure: Figure): boolean {
  const w = words[i]!;
  const before = text[w.start - 1] ?? ' ';
  const after = text[words[figure.last]!.end] ?? ' ';
  if (
    /\p{L}/u.test(after) ||
    /[$€£¥#]/.test(before) ||
    (/[-/]/.test(before) && /\p{L}|\d/u.test(text[w.start - 2] ?? ''))
  )
    return true;
  if (after === ':' && /\d/.test(text[words[figure.last]!.end + 1] ?? '')) return true;
  if (after === '-' && /year|month|week|day/.test(text.slice(words[figure.last]!.end, words[figure.last]!.end + 8)))
    return true;
  const next = words[figure.last + 1]?.lower ?? '';
  if (NOT_COUNTS_AFTER.has(next) || (next === 'years' && /^old|of$/.test(words[figure.last + 2]?.lower ?? '')))
    return true;
  return MONTHS.has(words[i - 1]?.lower ?? '') || MONTHS.has(next);
}

function readQualifier(words: Word[], i: number): { first: number; qualifier: Qualifier } | null {
  for (const [pattern, qualifier] of QUALIFIERS)
    if (endsWith(words, i, pattern)) return { first: i - pattern.length, qualifier };
  return null;
}

/** The words right before `i` are `pattern`. */
function endsWith(words: Word[], i: number, pattern: string[]): boolean {
  if (i < pattern.length) return false;
  return pattern.every((p, k) => words[i - pattern.length + k]!.lower === p);
}

function isCountedWord(w: Word | undefined): boolean {
  return (
    w !== undefined &&
    /^\p{L}/u.test(w.text) &&
    !NOT_COUNTED.has(w.lower) &&
    !OUTCOMES.has(w.lower) &&
    !MONTHS.has(w.lower) &&
    !w.lower.endsWith('ly') &&
    !SCALES.has(w.lower) &&
    !NUMBER_WORDS.has(w.lower)
  );
}

/** "... were reportedly killed", ", including children, have been killed", "dead". */
function outcomeAfter(words: Word[], j: number): string | null {
  for (let k = j; k < words.length && k < j + 24; k++) {
    const w = words[k]!;
    const outcome = OUTCOMES.get(w.lower);
    if (outcome) return outcome;
    if (w.text === ',' && PARENTHETICAL.has(words[k + 1]?.lower ?? '')) {
      let close = k + 1;
      while (close < words.length && close < k + 16 && !/^[,.;:!?]$/.test(words[close]!.text)) close++;
      if (words[close]?.text !== ',') return null;
      k = close;
      continue;
    }
    if (!BETWEEN.has(w.lower)) return null;
  }
  return null;
}

/** "killing 27", "wounded at least four", "raising the death toll to 27". */
function outcomeBefore(words: Word[], i: number): string | null {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const outcome = OUTCOMES.get(words[k]!.lower);
    if (outcome && OUTCOME_VERB.test(words[k]!.lower)) return outcome;
    if (/^[,.;:!?]$/.test(words[k]!.text)) break;
  }
  for (let k = i - 1; k >= 1 && k >= i - 6; k--)
    if (words[k]!.lower === 'toll' && /^(death|casualty)$/.test(words[k - 1]!.lower)) return 'killed';
  return null;
}
