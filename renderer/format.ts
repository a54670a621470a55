// How dates and sizes read in the UI: unambiguous ISO days in lists, spelled-out dates in the reader.
const pad = (n: number): string => String(n).padStart(2, '0');

/** A stored day (`2024-11-29`) is a calendar day, not an instant: never shift it by the local time zone. */
function isDay(iso: string): boolean {
  return iso.length === 10;
}

/** `2024-11-29`, in local time for instants: compact, sortable and the same in every locale. */
export function formatShortDate(iso: string | null): string {
  if (!iso) return '';
  if (isDay(iso)) return iso;
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const longDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' });
const longInstant = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });
const fullInstant = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

/** `29 November 2024`, with the time when the value is an instant. */
export function formatLongDate(iso: string | null): string {
  if (!iso) return '';
  return isDay(iso) ? longDay.format(new Date(`${iso}T00:00:00Z`)) : longInstant.format(new Date(iso));
}

/** Everything about an instant, for tooltips. */
export function formatFullDate(iso: string | null): string {
  if (!iso) return '';
  return isDay(iso) ? longDay.format(new Date(`${iso}T00:00:00Z`)) : `${fullInstant.format(new Date(iso))} (${iso})`;
}

const integer = new Intl.NumberFormat();

export function formatNumber(n: number): string {
  return integer.format(n);
}

export function formatCount(n: number, one: string, many: string): string {
  return `${integer.format(n)} ${n === 1 ? one : many}`;
}

export function formatBytes(bytes: number): string {
  const exact = formatCount(bytes, 'byte', 'bytes');
  if (bytes < 1024) return exact;
  const size = bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${size} (${exact})`;
}

/**
 * A publication day for a list, never the capture day in its place: `2024-11-29`, or "date unknown"
 * with the capture day in the tooltip, so a page saved today never reads as today's news.
 */
export function publishedLabel(item: { publishedAt: string | null; capturedAt: string }): {
  text: string;
  title: string;
  known: boolean;
} {
  if (item.publishedAt)
    return {
      text: formatShortDate(item.publishedAt),
      title: `Published ${formatFullDate(item.publishedAt)}`,
      known: true,
    };
  return {
    text: 'date unknown',
    title: `Publication date unknown; captured ${formatShortDate(item.capturedAt)}`,
    known: false,
  };
}

/** A claim's day in a list: its event day, else its article's publication day, else "date unknown". */
export function claimDayLabel(claim: {
  eventDate: string | null;
  publishedAt: string | null;
  capturedAt: string;
}): string {
  if (claim.eventDate) return `event ${claim.eventDate}`;
  return claim.publishedAt ? formatShortDate(claim.publishedAt) : 'date unknown';
}

const stampSameYear = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const stampOtherYear = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * Who did something to an item and when: "confirmed by alice · 5 Dec 10:02". No name (null) is an
 * archive on no desk: not "you", since that work may have reached this archive from someone else's.
 * Empty when nothing was recorded (items reviewed before attribution was kept).
 */
export function attributionLabel(
  done: string,
  by: string | null | undefined,
  at: string | undefined,
  now = new Date(),
): string {
  if (!at) return '';
  const date = new Date(at);
  const when = (date.getFullYear() === now.getFullYear() ? stampSameYear : stampOtherYear).format(date);
  return `${done}${by ? ` by ${by}` : ''} · ${when}`;
}
