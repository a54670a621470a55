// Dates in the text (chrono-node, English), resolved against the publication date and never into its future.
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';

export type DateMention = { start: number; end: number; text: string; date: string };

let chrono: typeof Chrono | undefined;
const FUTURE =
  /\b(?:next|tomorrow|coming|upcoming|later|from now|hence|in\s+(?:a|an|one|two|three|four|five|six|seven|\d+)\s+\w+)\b/i;
const BARE_NUMBERS = /^\d{1,2}\s*[/.-]\s*\d{1,2}$/;
// "in 2015", "since 1996": a year chrono leaves alone. The word before it says it is a year, not a count.
const YEAR =
  /\b(in|since|until|till|by|from|during|of|before|after|early|late|mid-|year|to|and|through|between|spring|summer|autumn|fall|winter|season)\s+((?:1[6-9]|20)\d\d)\b(?![-/.,]?\d|\s*%)/gi;
// Two distant references: an expression that resolves differently against them is relative.
const REFERENCES = [Date.UTC(2001, 5, 13, 12), Date.UTC(2013, 1, 20, 12)];

function loadChrono(): typeof Chrono {
  chrono ??= createRequire(import.meta.url)('chrono-node') as typeof Chrono;
  return chrono;
}

/** Dates mentioned in `text`; without `publishedAt`, relative ones ("on Wednesday", "last month") are skipped. */
export function findDates(text: string, publishedAt?: string | null): DateMention[] {
  const published = parsePublished(publishedAt);
  const { casual } = loadChrono().en;
  const instant = new Date(published ?? REFERENCES[0]!);
  const found: DateMention[] = [];
  for (const [from, piece] of pieces(text))
    for (const result of casual.parse(piece, { instant, timezone: 0 }, { forwardDate: false })) {
      const start = from + result.index;
      const end = start + result.text.length;
      if (text.slice(start, end) !== result.text || BARE_NUMBERS.test(result.text)) continue;
      const c = result.start;
      const precision =
        c.isCertain('day') || c.isCertain('weekday') ? 3 : c.isCertain('month') ? 2 : c.isCertain('year') ? 1 : 0;
      if (precision === 0) continue; // "this week", "at noon": no day, month or year of its own
      let date = { year: c.get('year')!, month: c.get('month')!, day: c.get('day')! };
      if (published === null) {
        if (isRelative(result.text)) continue;
      } else if (c.isCertain('weekday') && !c.isCertain('day')) {
        if (FUTURE.test(result.text)) continue;
        // The latest such weekday on or before publication ("on Wednesday" in Friday's paper is two days back).
        const today = fromTime(published);
        const back = (new Date(published).getUTCDay() - c.get('weekday')! + 7) % 7;
        date = addDays(today, back === 0 && /\blast\b/i.test(result.text) ? -7 : -back);
      } else if (Date.UTC(date.year, date.month - 1, date.day) > published) {
        if (FUTURE.test(result.text)) continue;
        // A year the writer stated ("elections in March 2026") stands; one chrono worked out ("in three days") does
        // not, and one it guessed ("on Dec. 3") goes back a year.
        if (c.isCertain('year') && !result.text.includes(String(date.year))) continue;
        if (!c.isCertain('year')) date = { ...date, year: date.year - 1 };
      }
      // chrono keeps the preposition ("on Wednesday"); the mention is the date itself.
      const lead = /^(?:on|by|in|at|since|from|until|till|during)\s+/i.exec(result.text)?.[0].length ?? 0;
      const trail = /[\s,.;:]+$/.exec(result.text)?.[0].length ?? 0;
      const shown = result.text.slice(lead, result.text.length - trail);
      found.push({ start: start + lead, end: end - trail, text: shown, date: format(date, precision) });
    }
  // Both lists run left to right: one pass finds the years chrono did not already take.
  const years: DateMention[] = [];
  let k = 0;
  for (const match of text.matchAll(YEAR)) {
    const start = match.index + match[0].length - match[2]!.length;
    const end = start + 4;
    while (k < found.length && found[k]!.end <= start) k++;
    if (k < found.length && found[k]!.start < end) continue;
    years.push({ start, end, text: match[2]!, date: match[2]! });
  }
  found.push(...years);
  return found.sort((a, b) => a.start - b.start);
}

/** Lines, and long lines cut at sentence ends: chrono looks back over all the text before each match. */
function* pieces(text: string): Generator<[number, string]> {
  const MAX = 2000;
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    if (to - from > MAX) {
      const window = text.slice(from, from + MAX);
      const sentence = window.lastIndexOf('. ');
      const cut = sentence > MAX / 2 ? sentence : window.lastIndexOf(' ');
      to = from + (cut > 0 ? cut + 1 : MAX);
    }
    if (to > from) yield [from, text.slice(from, to)];
    from = to + (text[to] === '\n' ? 1 : 0);
  }
}

function isRelative(expression: string): boolean {
  const { casual } = loadChrono().en;
  const resolved = REFERENCES.map((reference) => {
    const [result] = casual.parse(expression, { instant: new Date(reference), timezone: 0 }, { forwardDate: false });
    return result ? `${result.start.get('year')}-${result.start.get('month')}-${result.start.get('day')}` : '';
  });
  return resolved[0] !== resolved[1];
}

/** Noon UTC of the publication's own calendar day (its local date, whatever its offset), or null. */
function parsePublished(publishedAt: string | null | undefined): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt ?? '');
  if (!match) return null;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  return Number.isNaN(time) ? null : time;
}

type Ymd = { year: number; month: number; day: number };

function fromTime(time: number): Ymd {
  const date = new Date(time);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function addDays(date: Ymd, days: number): Ymd {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

function format(date: Ymd, precision: number): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  if (precision === 1) return pad(date.year, 4);
  if (precision === 2) return `${pad(date.year, 4)}-${pad(date.month)}`;
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}
