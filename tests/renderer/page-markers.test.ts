// Page markers in the reader: placed at page starts among paragraphs and runs, never cutting a mention, never moving an offset.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Mention } from '../../core/model.ts';
import { pageMarks, withPageMarks } from '../../renderer/entities/page-markers.ts';
import { paragraphRanges, segmentsOf } from '../../renderer/entities/text-segments.ts';

const TEXT = 'Page one text.\n\nIt runs on to page two here.\n\nPage three.';

test('each page start goes to the paragraph it falls in, or the next one when it falls between them', () => {
  const paragraphs = paragraphRanges(TEXT);
  const two = TEXT.indexOf('page two');
  const three = TEXT.indexOf('Page three') - 2; // in the blank lines before its paragraph
  const marks = pageMarks(paragraphs, [0, two, three]);
  assert.deepEqual(
    [...marks],
    [
      [0, [[0, 1]]],
      [paragraphs[1]!.start, [[two, 2]]],
      [paragraphs[2]!.start, [[paragraphs[2]!.start, 3]]],
    ],
  );
  assert.equal(pageMarks(paragraphs, [0]).size, 0, 'one page: no markers');
});

test('a plain run is cut where a page begins; the offsets of the pieces are the text’s', () => {
  const paragraphs = paragraphRanges(TEXT);
  const two = TEXT.indexOf('page two');
  const segments = withPageMarks(
    segmentsOf(paragraphs[1]!, [], []),
    pageMarks(paragraphs, [0, two]).get(paragraphs[1]!.start),
  );
  assert.deepEqual(
    segments.map((s) => [TEXT.slice(s.start, s.end), s.pages ?? []]),
    [
      ['It runs on to ', []],
      ['page two here.', [2]],
    ],
  );
});

test('a page that begins inside a mention puts its marker before the mention, which stays whole', () => {
  const paragraphs = paragraphRanges(TEXT);
  const start = TEXT.indexOf('page two');
  const mention = { id: 'm1', start, end: start + 'page two'.length, status: 'confirmed' } as Mention;
  const marks = pageMarks(paragraphs, [0, start + 3]).get(paragraphs[1]!.start);
  const segments = withPageMarks(segmentsOf(paragraphs[1]!, [mention], []), marks);
  assert.deepEqual(
    segments.map((s) => [TEXT.slice(s.start, s.end), s.pages ?? [], !!s.mention]),
    [
      ['It runs on to ', [], false],
      ['page two', [2], true],
      [' here.', [], false],
    ],
  );
});
