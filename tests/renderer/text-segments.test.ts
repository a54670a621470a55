// renderer/entities/text-segments.ts: paragraphs and runs keep the text's own offsets, mentions win over dates, highlights cut plain runs only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DateMention, Mention } from '../../core/model.ts';
import {
  highlightSegments,
  paragraphRanges,
  segmentsOf,
  tidyRange,
  type Range,
} from '../../renderer/entities/text-segments.ts';

const TEXT = 'Shelling hit Karovsk on Friday.\n\n  The Northern Relief Consortium said on Friday 22 trucks waited.  ';

const slice = (text: string, ranges: Range[]) => ranges.map((r) => text.slice(r.start, r.end));
const at = (word: string, from = 0) => {
  const start = TEXT.indexOf(word, from);
  return { start, end: start + word.length };
};
const mention = (word: string, from = 0): Mention => ({
  id: 'm_0000000001',
  ...at(word, from),
  quote: { exact: word, prefix: '', suffix: '' },
  entityId: null,
  name: word,
  type: 'organization',
  status: 'suggested',
  source: 'model',
  confidence: 0.8,
});
const date = (word: string, from = 0): DateMention => ({ ...at(word, from), text: word, date: '2024-11-29' });
const kinds = (segments: ReturnType<typeof segmentsOf>) =>
  segments.map((s) => [TEXT.slice(s.start, s.end), s.mention ? 'mention' : s.date ? 'date' : 'plain']);

test('blank lines separate paragraphs, each trimmed, offsets into the whole text', () => {
  const ranges = paragraphRanges(TEXT);
  assert.deepEqual(slice(TEXT, ranges), [
    'Shelling hit Karovsk on Friday.',
    'The Northern Relief Consortium said on Friday 22 trucks waited.',
  ]);
  assert.equal(ranges[1]!.start, TEXT.indexOf('The'));
});

test('text without blank lines is split at each line break; a line of spaces counts as blank', () => {
  const text = 'First line\n  Second line \nThird';
  assert.deepEqual(slice(text, paragraphRanges(text)), ['First line', 'Second line', 'Third']);
  const spaced = 'One\nstill one\n   \nTwo';
  assert.deepEqual(slice(spaced, paragraphRanges(spaced)), ['One\nstill one', 'Two']);
  assert.deepEqual(paragraphRanges('   '), []);
});

test('a paragraph becomes plain runs around its mentions and dates, in order', () => {
  const [first] = paragraphRanges(TEXT);
  assert.deepEqual(kinds(segmentsOf(first!, [mention('Karovsk')], [date('Friday')])), [
    ['Shelling hit ', 'plain'],
    ['Karovsk', 'mention'],
    [' on ', 'plain'],
    ['Friday', 'date'],
    ['.', 'plain'],
  ]);
});

test('marks outside the paragraph are left to their own paragraph', () => {
  const [first, second] = paragraphRanges(TEXT);
  const later = mention('Northern Relief Consortium');
  assert.deepEqual(kinds(segmentsOf(first!, [later], [])), [['Shelling hit Karovsk on Friday.', 'plain']]);
  assert.equal(segmentsOf(second!, [later], []).filter((s) => s.mention).length, 1);
});

test('a mention wins over a date on the same words, even a date that starts first', () => {
  const [, second] = paragraphRanges(TEXT);
  const friday = TEXT.indexOf('Friday', second!.start);
  const runs = kinds(segmentsOf(second!, [mention('Friday', friday)], [date('on Friday', second!.start)]));
  assert.deepEqual(
    runs.filter(([, kind]) => kind !== 'plain'),
    [['Friday', 'mention']],
  );
  assert.equal(runs.map(([words]) => words).join(''), TEXT.slice(second!.start, second!.end));
});

test('of two overlapping mentions (a hand-edited file) the first stays and the text is still whole', () => {
  const [, second] = paragraphRanges(TEXT);
  const friday = TEXT.indexOf('Friday', second!.start);
  const runs = kinds(segmentsOf(second!, [mention('on Friday', second!.start), mention('Friday 22', friday)], []));
  assert.deepEqual(
    runs.filter(([, kind]) => kind !== 'plain'),
    [['on Friday', 'mention']],
  );
  assert.equal(runs.map(([words]) => words).join(''), TEXT.slice(second!.start, second!.end));
});

test('a highlight cuts plain runs at its edges and marks a mention it touches whole', () => {
  const [first] = paragraphRanges(TEXT);
  const segments = segmentsOf(first!, [mention('Karovsk')], []);
  // From "hit" to the "K" of Karovsk.
  const highlight = { start: TEXT.indexOf('hit'), end: TEXT.indexOf('Karovsk') + 1 };
  const marked = highlightSegments(segments, highlight).map((s) => [
    TEXT.slice(s.start, s.end),
    Boolean(s.highlighted),
  ]);
  assert.deepEqual(marked, [
    ['Shelling ', false],
    ['hit ', true],
    ['Karovsk', true],
    [' on Friday.', false],
  ]);
  assert.equal(highlightSegments(segments, null), segments);
});

test('a selection to tag loses its edge spaces and stops at a line break', () => {
  const text = 'Aid convoy\nturned back';
  assert.deepEqual(tidyRange(text, { start: 3, end: 16 }), { start: 4, end: 10 });
  assert.deepEqual(tidyRange(text, { start: 0, end: 3 }), { start: 0, end: 3 });
  assert.equal(tidyRange(text, { start: 10, end: 14 }), null);
  assert.equal(tidyRange('a   b', { start: 1, end: 4 }), null);
});
