// Dates as pages write them: ISO 8601 kept as stated (offset and all), and written-out dates in a dozen languages, by their day.
import { clipText } from '../common/clip-text.ts';

/** Keeps a date as the page wrote it when it is ISO 8601 (offset and all); otherwise converts what Date can read. */
export function isoOrUndefined(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const iso =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(text);
  if (iso) {
    const [, day, time, zone] = iso;
    if (!time) return day;
    const seconds = time.length === 5 ? `${time}:00` : time;
    // Without a zone the page's local time is unknown: keep the day only rather than guess.
    if (!zone) return day;
    return `${day}T${seconds}${offset(zone)}`;
  }
  // Only what names its zone (RFC 822 "Wed, 04 May 2022 00:25:56 GMT", "...+0200"): anything else Date would read as this machine's time.
  if (!/(?:GMT|UTC|Z|[+-]\d{2}:?\d{2})\s*$/i.test(text)) return undefined;
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
}

function offset(zone: string): string {
  if (/^(Z|UTC|GMT)$/i.test(zone)) return 'Z';
  const digits = zone.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.length > 3 ? digits.slice(3) : '00'}`;
}

/** Month names and abbreviations in the languages monitors read most (folded: lower case, no diacritics). */
const MONTHS = new Map<string, number>();
for (const [month, names] of [
  [
    1,
    'january jan januar janvier janv enero ene gennaio gen janeiro januari stycznia styczeń ledna leden ocak января январь يناير',
  ],
  [
    2,
    'february feb februar februari février févr fév febrero febbraio fevereiro lutego luty února únor şubat февраля февраль فبراير شباط',
  ],
  [3, 'march mar märz maerz mars marzo março maart marca marzec března březen mart марта март مارس آذار'],
  [4, 'april apr avril avr abril abr aprile kwietnia kwiecień dubna duben nisan апреля апрель أبريل ابريل نيسان'],
  [5, 'may mai mayo maggio mag maio mei maja maj května květen mayıs мая май مايو أيار'],
  [6, 'june jun juni juin junio giugno giu junho czerwca czerwiec června červen haziran июня июнь يونيو حزيران'],
  [7, 'july jul juli juillet juil julio luglio lug julho lipca lipiec července červenec temmuz июля июль يوليو تموز'],
  [8, 'august aug août agosto ago augustus sierpnia sierpień srpna srpen ağustos августа август أغسطس آب'],
  [
    9,
    'september sep sept septembre septiembre settembre set setembro września wrzesień září eylül сентября сентябрь سبتمبر أيلول',
  ],
  [
    10,
    'october oct oktober okt octobre octubre ottobre ott outubro out października październik října říjen ekim октября октябрь أكتوبر',
  ],
  [11, 'november nov novembre noviembre novembro listopada listopad listopadu kasım ноября ноябрь نوفمبر'],
  [
    12,
    'december dec dezember dez décembre déc diciembre dic dicembre dezembro grudnia grudzień prosince prosinec aralık декабря декабрь ديسمبر',
  ],
] as [number, string][])
  for (const name of names.split(' ')) if (!MONTHS.has(fold(name))) MONTHS.set(fold(name), month);

function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '');
}

type Parts = [year: string, month: number | undefined, day: number];
const WORD = String.raw`\p{L}{3,}\.?`;
const YEAR = String.raw`((?:19|20)\d\d)(?!\d)`;
const PATTERNS: [RegExp, (m: RegExpExecArray, language: string) => Parts][] = [
  // 2019-10-19, 2019/10/19, 2019.10.19
  [
    new RegExp(String.raw`(?<!\d)((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)`, 'gu'),
    (m) => [m[1]!, Number(m[2]), Number(m[3])],
  ],
  // 2019年10月19日
  [/((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/gu, (m) => [m[1]!, Number(m[2]), Number(m[3])]],
  // 19. Oktober 2019, 19 octobre 2019, 19 de octubre de 2019, 19 октября 2019 г.
  [
    new RegExp(String.raw`(?<!\d)(\d{1,2})\.?\s+(?:de\s+)?(${WORD}),?\s+(?:de\s+|del\s+)?${YEAR}`, 'gu'),
    (m) => [m[3]!, MONTHS.get(fold(m[2]!)), Number(m[1])],
  ],
  // October 19, 2019; Oct. 19th 2019
  [
    new RegExp(String.raw`(${WORD})\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+${YEAR}`, 'gu'),
    (m) => [m[3]!, MONTHS.get(fold(m[1]!)), Number(m[2])],
  ],
  // 19.10.2019, 19/10/2019, 19-10-2019, 19.10.19
  [/(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)?\d\d)(?!\d)/gu, numericDate],
];

/** 19.10.2019 is day first; 10/19/2019 is month first when the day cannot be a month, or on an American English page. */
function numericDate(m: RegExpExecArray, language: string): Parts {
  const a = Number(m[1]);
  const b = Number(m[3]);
  const year = m[4]!.length === 2 ? `20${m[4]}` : m[4]!;
  const monthFirst = m[2] === '/' && (a <= 12 && b > 12 ? true : a > 12 ? false : /^en-us$/i.test(language));
  return monthFirst ? [year, a, b] : [year, b, a];
}

/** The first written-out date in a short text, as YYYY-MM-DD; undefined when none is a real day. */
export function humanDate(text: string, language = ''): string | undefined {
  const sample = clipText(text, 400);
  let best: { at: number; day: string } | undefined;
  for (const [pattern, read] of PATTERNS)
    for (const match of sample.matchAll(pattern)) {
      if (best && best.at <= match.index) break;
      const [year, month, day] = read(match, language);
      const valid = month === undefined ? undefined : validDay(year, month, day);
      if (valid) {
        best = { at: match.index, day: valid };
        break;
      }
    }
  return best?.day;
}

/** A month's number from its name or abbreviation in any language above ("Mar.", "mars", "марта"); undefined otherwise. */
export const monthNumber = (word: string): number | undefined => MONTHS.get(fold(word));

/** YYYY-MM-DD when the parts make a real day. */
export function validDay(year: string, month: number, day: number): string | undefined {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  const date = new Date(Date.UTC(Number(year), month - 1, day));
  if (date.getUTCDate() !== day) return undefined; // 31 February
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
