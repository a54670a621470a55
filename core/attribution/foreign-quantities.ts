// Figures in French, Spanish and Arabic: "au moins 27 civils tués", "al menos 27 civiles", "27 مدنيا على الأقل", "٢٧".
import type { Qualifier, Quantity } from './claim-types.ts';
import { FIGURE_WORDS, type ForeignLanguage } from './foreign-number-words.ts';
import { asciiDigits, foldArabic, spellingPattern } from './foreign-text.ts';

type Word = { start: number; end: number; text: string; key: string };
type Figure = { value: number; last: number; vague: Qualifier | null };

const D = '[0-9\\u0660-\\u0669\\u06F0-\\u06F9]';
const WORD = new RegExp(
  `${D}{1,3}(?:[ \\u00A0\\u202F.\\u066C,]${D}{3})+(?!${D})|${D}+(?:[.,\\u066B]${D}+)?|[\\p{L}\\p{M}]+(?:-[\\p{L}\\p{M}]+)*|\\S`,
  'gu',
);
const DIGITS = new RegExp(`^${D}`, 'u');
const PUNCTUATION = /^[.;:!?؟،,()«»"“”]$/u;
// Arabic words carry "and", "by", "to" and the article: "بمقتل", "والقتلى", "للمدنيين".
const ARABIC_PREFIX = /^(?:[وفبلك]?ال|لل|[وفبلك])(?=\p{L}{2})/u;

type Patterns = { before: [RegExp, Qualifier][]; after: [RegExp, Qualifier][] };
const patterns = new Map<ForeignLanguage, Patterns>();

function patternsOf(language: ForeignLanguage): Patterns {
  let found = patterns.get(language);
  if (!found) {
    const words = FIGURE_WORDS[language];
    const compile = (list: [string, Qualifier][], at: 'end' | 'start') =>
      list.map(([phrase, q]): [RegExp, Qualifier] => [
        at === 'end'
          ? new RegExp(`(?<![\\p{L}\\p{M}])${spellingPattern(phrase)}[\\s\\u00A0]*$`, 'iu')
          : new RegExp(`^[\\s\\u00A0]*${spellingPattern(phrase)}(?![\\p{L}\\p{M}])`, 'iu'),
        q,
      ]);
    found = { before: compile(words.before, 'end'), after: compile(words.after, 'start') };
    patterns.set(language, found);
  }
  return found;
}

/** The figures in `text` (in `language`), offsets shifted by `offset`. */
export function parseForeignQuantities(text: string, language: ForeignLanguage, offset = 0): Quantity[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const lower = m[0].toLowerCase();
    const key = language === 'ar' ? foldArabic(lower) : lower.replace(/’/g, "'");
    words.push({ start: m.index, end: m.index + m[0].length, text: m[0], key });
  }
  const found: Quantity[] = [];
  for (let i = 0; i < words.length; i++) {
    const figure = readFigure(words, i, language);
    if (!figure) continue;
    const quantity = readQuantity(text, words, i, figure, language);
    if (quantity) found.push({ ...quantity, start: quantity.start + offset, end: quantity.end + offset });
    i = figure.last;
  }
  return found;
}

function readFigure(words: Word[], i: number, language: ForeignLanguage): Figure | null {
  const vocabulary = FIGURE_WORDS[language];
  const w = words[i]!;
  const key = language === 'ar' ? w.key.replace(/^(?:[وفب]?ال|[وفب])(?=\p{L}{3})/u, '') : w.key;
  const vague = vocabulary.vague[key];
  if (vague) {
    // "des dizaines de milliers", "decenas de miles", "عشرات الآلاف".
    const of = /^(?:de|d)$/.test(words[i + 1]?.key ?? '') ? i + 2 : i + 1;
    const thousands = /^(?:milliers|miles|الالاف)$/.test(words[of]?.key ?? '');
    if (thousands) return { value: vague[0] * 1000, last: of, vague: 'thousands' };
    return { value: vague[0], last: i, vague: vague[1] };
  }
  let value: number | undefined;
  let last = i;
  if (DIGITS.test(w.text)) value = digitsValue(w.text);
  else value = wordValue(w.key, vocabulary.numbers, vocabulary.tens);
  if (value === undefined) return null;
  // "treinta y siete", "vingt et un".
  if (vocabulary.tens.includes(w.key) && /^(?:y|et)$/.test(words[i + 1]?.key ?? '')) {
    const unit = vocabulary.numbers[words[i + 2]?.key ?? ''];
    if (unit !== undefined && unit < 10) {
      value += unit;
      last = i + 2;
    }
  }
  const scale = vocabulary.scales[words[last + 1]?.key ?? ''];
  if (scale) {
    value *= scale;
    last++;
  }
  return { value: Math.round(value * 1000) / 1000, last, vague: null };
}

function digitsValue(text: string): number | undefined {
  const ascii = asciiDigits(text);
  if (/^\d{1,3}(?:[\s.\u066C,]\d{3})+$/u.test(ascii)) return Number(ascii.replace(/\D/g, ''));
  const value = Number(ascii.replace(/[,\u066B]/u, '.'));
  return Number.isFinite(value) ? value : undefined;
}

/** "vingt-sept", "dix-huit", "veintisiete". */
function wordValue(key: string, numbers: Record<string, number>, tens: string[]): number | undefined {
  if (numbers[key] !== undefined) return numbers[key];
  if (key.startsWith('veinti') && numbers[key.slice(6)] !== undefined) return 20 + numbers[key.slice(6)]!;
  const parts = key.split('-').filter((p) => p !== 'et');
  if (parts.length < 2 || (!tens.includes(parts[0]!) && parts[0] !== 'soixante')) return undefined;
  let sum = 0;
  for (const part of parts) {
    const n = numbers[part];
    if (n === undefined) return undefined;
    sum += n;
  }
  return sum;
}

function readQuantity(
  text: string,
  words: Word[],
  i: number,
  figure: Figure,
  language: ForeignLanguage,
): Quantity | null {
  const vocabulary = FIGURE_WORDS[language];
  const first = words[i]!;
  const lastWord = words[figure.last]!;
  const digits = DIGITS.test(first.text);
  if (digits && isNotACount(text, words, i, figure, language)) return null;
  const { before, after } = patternsOf(language);
  const preceding = text.slice(Math.max(0, first.start - 30), first.start);
  const qualified = figure.vague ? undefined : before.find(([pattern]) => pattern.test(preceding));
  const qualifierStart = qualified ? first.start - preceding.match(qualified[0])![0].length : first.start;
  // The counted: "27 civils", "des centaines de civils", "عشرات المدنيين".
  let j = figure.last + 1;
  if (figure.vague && /^(?:de|d|des)$/.test(words[j]?.key ?? '')) j += words[j + 1]?.text === "'" ? 2 : 1;
  const noun = words[j] && isCountedWord(words[j]!, language) ? words[j]! : null;
  let outcome = noun ? lookUp(vocabulary.outcomes, noun.key, language) : null;
  const category = noun && !outcome ? lookUp(vocabulary.categories, noun.key, language) : null;
  outcome ??= outcomeAround(words, noun ? j + 1 : figure.last + 1, qualified ? i - 2 : i, language);
  // An unknown word after the number ("40 resultaron heridos") is not taken for the counted: precision first.
  const counted =
    noun && (category || (outcome && outcome === lookUp(vocabulary.outcomes, noun.key, language))) ? noun : null;
  let end = (counted ?? lastWord).end;
  const late = after.find(([pattern]) => pattern.test(text.slice(end, end + 30)));
  if (late) end += text.slice(end).match(late[0])![0].length;
  const qualifier: Qualifier = figure.vague ?? qualified?.[1] ?? late?.[1] ?? 'exactly';
  // A year counts only what it names: "2023 personnes", never "en 2023".
  const year = digits && figure.value >= 1800 && figure.value <= 2100 && Number.isInteger(figure.value);
  if (year && !category) return null;
  if (qualifier === 'exactly' && !category && !outcome) return null;
  const start = qualified ? qualifierStart : first.start;
  return { start, end, text: text.slice(start, end), value: figure.value, qualifier, category, outcome };
}

/** Ordinals, codes, money, percentages, ages, times and dates: digits that count nothing. */
function isNotACount(text: string, words: Word[], i: number, figure: Figure, language: ForeignLanguage): boolean {
  const vocabulary = FIGURE_WORDS[language];
  const w = words[i]!;
  const end = words[figure.last]!.end;
  if (/\p{L}/u.test(text[end] ?? '') || /[$€£¥#/-]/u.test(text[w.start - 1] ?? '')) return true;
  if (/^[:/-]\d/.test(text.slice(end, end + 2))) return true;
  const next = words[figure.last + 1]?.key ?? '';
  const previous = words[i - 1]?.key ?? '';
  if (vocabulary.notCounts.includes(next) || vocabulary.notCounts.includes(stem(next, language))) return true;
  if (
    /^(?:âgée?s?|edad|عمر|العمر)$/u.test(previous) ||
    (previous === 'de' && /^(?:âgée?s?|edad)$/u.test(words[i - 2]?.key ?? ''))
  )
    return true;
  return vocabulary.months.includes(stem(previous, language)) || vocabulary.months.includes(stem(next, language));
}

function isCountedWord(w: Word, language: ForeignLanguage): boolean {
  const vocabulary = FIGURE_WORDS[language];
  return (
    /^\p{L}/u.test(w.text) &&
    !vocabulary.notCounted.includes(w.key) &&
    !vocabulary.months.includes(stem(w.key, language)) &&
    vocabulary.numbers[w.key] === undefined &&
    vocabulary.scales[w.key] === undefined
  );
}

/** "... ont été tués", "murieron", "قتلوا" after; "faisant", "la mort de", "مقتل" before. */
function outcomeAround(words: Word[], from: number, before: number, language: ForeignLanguage): string | null {
  const { outcomes } = FIGURE_WORDS[language];
  for (let k = from; k < words.length && k < from + 6; k++) {
    if (PUNCTUATION.test(words[k]!.text)) break;
    const outcome = lookUp(outcomes, words[k]!.key, language);
    if (outcome) return outcome;
  }
  for (let k = before - 1; k >= 0 && k >= before - 3; k--) {
    if (PUNCTUATION.test(words[k]!.text)) break;
    const outcome = lookUp(outcomes, words[k]!.key, language);
    if (outcome) return outcome;
  }
  return null;
}

/** The word's entry, as written or (Arabic) without its prefixes: "لاجئين" is not "ل" + "اجئين", "بمقتل" is "مقتل". */
function lookUp(map: Record<string, string>, key: string, language: ForeignLanguage): string | null {
  return map[key] ?? map[stem(key, language)] ?? null;
}

/** The word without the Arabic prefixes it may carry; other languages as they are. */
function stem(key: string, language: ForeignLanguage): string {
  return language === 'ar' ? key.replace(ARABIC_PREFIX, '') : key;
}
