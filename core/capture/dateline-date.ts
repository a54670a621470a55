// The publication day a dateline states ("KYIV, March 3 (Reuters) -"), its year taken from the capture only when no other year fits.
import { monthNumber, validDay } from './date-text.ts';
import { findDateline } from './wire-credits.ts';

const DAY_MS = 86_400_000;
/**
 * A dateline without a year ("March 3") is read in the year that puts it at most this many days
 * before the capture: a page saved within a month of its dateline is that month's news. A page saved
 * later could be from any year, so it gets no date at all rather than a guessed one.
 */
const RECENT_DAYS = 31;

/** "PLACE, Month Day[, Year]" inside a dateline: the month written out, as agencies write it. */
const MONTH_DAY = /,\s*(\p{L}{3,}\.?)\s+(\d{1,2})(?!\d)(?:,?\s+((?:19|20)\d\d)(?!\d))?/u;

/**
 * The day a dateline gives (YYYY-MM-DD), or null. `dateline` is the article's (or, when it has none
 * recorded, the one at the head of `text`); `capturedAt` is when the page was saved.
 */
export function datelineDate(dateline: string, text: string, capturedAt: string): string | null {
  const match = MONTH_DAY.exec(dateline || findDateline(text));
  if (!match) return null;
  const month = monthNumber(match[1]!);
  const day = Number(match[2]);
  if (month === undefined) return null;
  if (match[3]) return validDay(match[3], month, day) ?? null;
  const captured = Date.parse(capturedAt);
  if (Number.isNaN(captured)) return null;
  const year = new Date(captured).getUTCFullYear();
  // The capture's year, or the one before (a "December 30" dateline saved on 2 January); a day ahead
  // of the capture is allowed, since the dateline's place may already be a day ahead of UTC.
  const fits = [year, year - 1].flatMap((y) => {
    const iso = validDay(String(y), month, day);
    if (!iso) return [];
    const before = (captured - Date.parse(`${iso}T00:00:00Z`)) / DAY_MS;
    return before >= -1 && before <= RECENT_DAYS ? [iso] : [];
  });
  return fits.length === 1 ? fits[0]! : null;
}
