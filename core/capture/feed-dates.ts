// Feed dates (ISO 8601, RFC 822 and its variants) as ISO 8601, keeping the outlet's own offset.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 822 zone names; military letters are omitted on purpose, RFC 1123 calls them unreliable. */
const ZONES: Record<string, string> = {
  GMT: '+00:00',
  UT: '+00:00',
  UTC: '+00:00',
  Z: '+00:00',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
};

/**
 * A feed date as ISO 8601, keeping the outlet's own offset. A time whose zone is unknown keeps only its
 * day: the local date is still true, an invented offset would not be. Unreadable dates give ''.
 */
export function parseDate(value: string): string {
  const text = value.trim();
  if (!text || text.length > 100) return '';
  return parseIsoDate(text) ?? parseRfc822Date(text) ?? '';
}

function parseIsoDate(text: string): string | undefined {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(
      text,
    );
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = '00', fraction = '', zone] = match;
  if (!validDay(+year!, +month!, +day!)) return '';
  const date = `${year}-${month}-${day}`;
  if (hour === undefined) return date;
  if (!validTime(+hour, +minute!, +second)) return '';
  const offset = zone ? isoOffset(zone) : undefined;
  return offset ? `${date}T${hour}:${minute}:${second}${fraction}${offset}` : date;
}

function parseRfc822Date(text: string): string | undefined {
  const match =
    /^(?:[a-z]{2,9}\.?,?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{2}:?\d{2}|[a-z]{1,5}))?)?$/i.exec(
      text,
    );
  if (!match) return undefined;
  const [, dayText, monthName, yearText, hour, minute, second = '00', zone] = match;
  const month = MONTHS.indexOf(monthName!.slice(0, 3).toLowerCase()) + 1;
  // Two-digit years, as RFC 822 wrote them: 70-99 are the 1900s.
  const year = yearText!.length === 2 ? (+yearText! < 70 ? 2000 : 1900) + +yearText! : +yearText!;
  const day = +dayText!;
  if (month === 0 || !validDay(year, month, day)) return '';
  const date = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  if (hour === undefined) return date;
  if (!validTime(+hour, +minute!, +second)) return '';
  const offset = zone ? (ZONES[zone.toUpperCase()] ?? (/^[+-]/.test(zone) ? isoOffset(zone) : undefined)) : undefined;
  return offset ? `${date}T${pad(+hour)}:${minute}:${second}${offset}` : date;
}

/** "+0200", "+02:00", "+02", "Z" as "+02:00" ("Z" as "+00:00" so every instant reads alike). */
function isoOffset(zone: string): string | undefined {
  if (zone.toUpperCase() === 'Z') return '+00:00';
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return undefined;
  const [, sign, hours, minutes = '00'] = match;
  if (+hours! > 14 || +minutes > 59) return undefined;
  return `${sign}${hours}:${minutes}`;
}

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validTime(hour: number, minute: number, second: number): boolean {
  // 24:00 and leap seconds are legal in feeds but not in the archive's ISO dates.
  return hour < 24 && minute < 60 && second < 60;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
