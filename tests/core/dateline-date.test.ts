// Publication days from datelines: a stated year is kept, a missing one is taken from the capture only when no other year fits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { datelineDate } from '../../core/capture/dateline-date.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

test('a dateline with its year gives that day, whenever the page was saved', () => {
  assert.equal(datelineDate('KYIV, March 3, 2015 (Reuters)', '', '2026-12-04T10:00:00Z'), '2015-03-03');
  assert.equal(datelineDate('', 'TBILISI, Feb. 29, 2024 (AP) - Talks resumed.', '2026-12-04T10:00:00Z'), '2024-02-29');
  assert.equal(datelineDate('TBILISI, Feb. 29, 2023 (AP)', '', '2026-12-04T10:00:00Z'), null, 'no such day');
});

test("a dateline without a year takes the capture's year only when the day falls in the month before the capture", () => {
  assert.equal(datelineDate('KYIV, March 3 (Reuters)', '', '2026-03-04T08:00:00Z'), '2026-03-03');
  // Saved on 2 January: "December 30" is last year's.
  assert.equal(datelineDate('KYIV, December 30 (Reuters)', '', '2027-01-02T08:00:00Z'), '2026-12-30');
  // A day ahead of UTC is the dateline's own time zone, not the future.
  assert.equal(datelineDate('TOKYO, Dec 5 (Kyodo)', '', '2026-12-04T22:00:00Z'), '2026-12-05');
  // Saved nine months later: it could be from any year.
  assert.equal(datelineDate('KYIV, March 3 (Reuters)', '', '2026-12-04T10:00:00Z'), null);
  assert.equal(datelineDate('KYIV, March 30 (Reuters)', '', '2026-03-04T10:00:00Z'), null, 'weeks ahead is no date');
});

test('a dateline naming no month, or text without a dateline, gives no date', () => {
  assert.equal(datelineDate('BEIRUT (Reuters)', '', '2026-12-04T10:00:00Z'), null);
  assert.equal(datelineDate('', 'Residents queued for water on Thursday, December 3.', '2026-12-04T10:00:00Z'), null);
  assert.equal(datelineDate('', 'KYIV, Monday 3 (Reuters) - ...', '2026-12-04T10:00:00Z'), null);
});

test('a pasted article gets its dateline day; one without any date keeps an empty publication date', async (t) => {
  const archive = await openFor(t, await tempDir(t));
  const today = new Date();
  const month = today.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
  const dated = await archive.addArticle({
    text: `ODESA, ${month} ${today.getUTCDate()} (Reuters) - Port workers resumed loading grain after a night of drone alerts.`,
  });
  assert.equal(dated.publishedAt, today.toISOString().slice(0, 10));
  const undated = await archive.addArticle({
    text: 'Port workers resumed loading grain after a night of drone alerts.',
  });
  assert.equal(undated.publishedAt, null);
  const stated = await archive.addArticle({
    text: `ODESA, ${month} ${today.getUTCDate()} (Reuters) - Loading resumed again.`,
    publishedAt: '2025-05-01',
  });
  assert.equal(stated.publishedAt, '2025-05-01', 'a date the page or the user gives wins over the dateline');
  assert.equal((await archive.getArticle(undated.id)).publishedAt, null);
});
