// renderer/format.ts: stored days never shift with the time zone, instants read in local time, counts and sizes say their unit.
import assert from 'node:assert/strict';
import { test } from 'node:test';

// West of UTC, a day read as midnight UTC would fall on the day before: the tests would catch the shift.
process.env.TZ = 'America/Los_Angeles';
const { claimDayLabel, formatBytes, formatCount, formatFullDate, formatLongDate, formatShortDate, publishedLabel } =
  await import('../../renderer/format.ts');

test('a stored day stays that day, wherever the reader is', () => {
  assert.equal(formatShortDate('2024-11-29'), '2024-11-29');
  assert.match(formatLongDate('2024-11-29'), /29/);
  assert.doesNotMatch(formatLongDate('2024-11-29'), /28/);
  assert.doesNotMatch(formatFullDate('2024-03-01'), /29|Feb/);
});

test('an instant is shown on its local day', () => {
  // 05:30 UTC on the 30th is 21:30 on the 29th in Los Angeles.
  assert.equal(formatShortDate('2024-11-30T05:30:00.000Z'), '2024-11-29');
  assert.equal(formatShortDate('2024-01-05T20:00:00.000Z'), '2024-01-05');
});

test('the full form of an instant ends with the stored value, for tooltips', () => {
  const iso = '2024-11-30T05:30:00.000Z';
  assert.ok(formatFullDate(iso).endsWith(` (${iso})`), formatFullDate(iso));
  assert.doesNotMatch(formatFullDate('2024-11-29'), /\(/);
});

test('no date reads as nothing', () => {
  assert.equal(formatShortDate(null), '');
  assert.equal(formatLongDate(null), '');
  assert.equal(formatFullDate(null), '');
});

test('counts take the singular only for one', () => {
  assert.equal(formatCount(1, 'article', 'articles'), '1 article');
  assert.equal(formatCount(0, 'article', 'articles'), '0 articles');
  assert.equal(formatCount(2, 'entity', 'entities'), '2 entities');
});

test('sizes below a kilobyte are exact; above it they are rounded, with the exact count after', () => {
  assert.equal(formatBytes(1), '1 byte');
  assert.equal(formatBytes(1023), `${(1023).toLocaleString()} bytes`);
  assert.match(formatBytes(1024), /^1\.0 KB \(.+ bytes\)$/);
  assert.match(formatBytes(1536), /^1\.5 KB \(/);
  assert.match(formatBytes(1024 * 1024 - 1), /^1024\.0 KB \(/);
  assert.match(formatBytes(5 * 1024 * 1024), /^5\.0 MB \(/);
});

test('a list shows the publication day, or "date unknown" with the capture day only in the tooltip', () => {
  const captured = '2026-12-04T10:00:00.000Z';
  assert.deepEqual(publishedLabel({ publishedAt: '2015-03-18', capturedAt: captured }).text, '2015-03-18');
  const unknown = publishedLabel({ publishedAt: null, capturedAt: captured });
  assert.equal(unknown.text, 'date unknown');
  assert.equal(unknown.known, false);
  assert.match(unknown.title, /captured 2026-12-04/);
  assert.equal(
    claimDayLabel({ eventDate: '2026-03-10', publishedAt: '2026-03-13', capturedAt: captured }),
    'event 2026-03-10',
  );
  assert.equal(claimDayLabel({ eventDate: null, publishedAt: '2026-03-13', capturedAt: captured }), '2026-03-13');
  assert.equal(claimDayLabel({ eventDate: null, publishedAt: null, capturedAt: captured }), 'date unknown');
});
