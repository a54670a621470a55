// The pure parts of PDF reading: runs into lines and paragraphs, hyphenation, running heads, PDF dates, detection.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPdf } from '../../core/capture/capture-document.ts';
import { resolveLanguages } from '../../core/capture/ocr.ts';
import {
  dropRunningHeads,
  joinLines,
  linesOf,
  pagedText,
  paragraphsOf,
  Vocabulary,
  type Line,
  type TextRun,
} from '../../core/capture/pdf-layout.ts';
import { pdfDate, pdfMetadata } from '../../core/capture/pdf-metadata.ts';
import { Provenance, Settings } from '../../core/model.ts';

const line = (text: string, y = 0, h = 12, left = 0, right = 400): Line => ({ text, y, h, left, right });

test('runs on one baseline make a line; a space only where the runs leave a gap (ligatures are runs too)', () => {
  const runs: TextRun[] = [
    { str: 'The convoy reached Marrow', x: 0, y: 700, w: 150, h: 12 },
    { str: 'fi', x: 150, y: 700, w: 8, h: 12 },
    { str: 'eld on', x: 158, y: 700, w: 36, h: 12 },
    { str: 'Tuesday.', x: 200, y: 700, w: 50, h: 12 },
    { str: 'Next line', x: 0, y: 683, w: 60, h: 12 },
  ];
  assert.deepEqual(
    linesOf(runs).map((l) => l.text),
    ['The convoy reached Marrowfield on Tuesday.', 'Next line'],
  );
});

test('a line-end hyphen is undone in a broken word and kept in a compound the document uses', () => {
  const vocabulary = new Vocabulary([
    line('Cross-border trade and well known facts; the border was crossed.'),
    line('Information is scarce, the cross-'),
  ]);
  assert.equal(joinLines('the infor-', 'mation desk', vocabulary), 'the information desk');
  assert.equal(joinLines('the cross-', 'border corridor', vocabulary), 'the cross-border corridor');
  // Both halves are words of the document: a compound ("well-known"), not a broken word.
  assert.equal(joinLines('a well-', 'known fact', vocabulary), 'a well-known fact');
  // A soft hyphen (and Chromium's U+2010 for one) only ever marks a break.
  assert.equal(joinLines('the indus\u2010', 'trial zone', vocabulary), 'the industrial zone');
  assert.equal(joinLines('in 2019-', '2020 alone', vocabulary), 'in 2019-2020 alone');
  assert.equal(joinLines('Outcome:', 'Lindqvar', vocabulary), 'Outcome: Lindqvar');
  assert.equal(joinLines('北京', '上海', vocabulary), '北京上海');
});

test('paragraphs break where the spacing opens, the size changes, or a short line ends a sentence', () => {
  const lines = [
    line('Heading', 760, 18),
    line('First paragraph runs over', 730),
    line('two lines.', 716, 12, 0, 80),
    line('Second paragraph after a gap', 692),
    line('and its end.', 678, 12, 0, 90),
    line('No gap, but the line above ended short.', 664),
    line('• a list item', 650),
  ];
  assert.deepEqual(
    paragraphsOf(lines).map((p) => p.map((l) => l.text).join(' | ')),
    [
      'Heading',
      'First paragraph runs over | two lines.',
      'Second paragraph after a gap | and its end.',
      'No gap, but the line above ended short.',
      '• a list item',
    ],
  );
});

test('running heads and page numbers at the page edges go; a paragraph running over a page stays whole', () => {
  const pages = [
    [line('Flash Update 3 | page 1'), line('The river rose again and the'), line('1')],
    [line('Flash Update 3 | page 2'), line('ring road was cut.'), line('2')],
  ];
  const kept = dropRunningHeads(pages);
  assert.deepEqual(
    kept.map((p) => p.map((l) => l.text)),
    [['The river rose again and the'], ['ring road was cut.']],
  );
  const { text, pageStarts } = pagedText(
    kept.map((p) => [p]),
    new Vocabulary(kept.flat()),
  );
  assert.equal(text, 'The river rose again and the ring road was cut.');
  assert.deepEqual(pageStarts, [0, text.indexOf('ring')]);
});

test('PDF dates keep their offset; without a zone only the day; nonsense is no date', () => {
  assert.equal(pdfDate("D:20240314101500+01'00'"), '2024-03-14T10:15:00+01:00');
  assert.equal(pdfDate('D:20240314101500Z'), '2024-03-14T10:15:00Z');
  assert.equal(pdfDate('D:20240314101500'), '2024-03-14');
  assert.equal(pdfDate('D:2024'), '2024-01-01');
  assert.equal(pdfDate('D:20241399'), null);
  assert.equal(pdfDate('yesterday'), null);
});

test('metadata: a file name is no title, XMP fills what the Info dictionary lacks', () => {
  const xmp = new Map<string, unknown>([
    ['dc:title', 'Situation Report No. 12'],
    ['dc:creator', ['Marta Ilves', 'Ola Berg']],
    ['xmp:createdate', '2024-03-14T09:00:00+02:00'],
    ['xmp:creatortool', 'Microsoft® Word for Microsoft 365'],
  ]);
  const metadata = pdfMetadata({ info: { Title: 'sitrep_12_final.docx', Producer: 'Acrobat Distiller' }, xmp });
  assert.equal(metadata.title, 'Situation Report No. 12');
  assert.equal(metadata.byline, 'Marta Ilves; Ola Berg');
  assert.equal(metadata.publishedAt, '2024-03-14T09:00:00+02:00');
  assert.equal(metadata.producer, 'Acrobat Distiller (from Microsoft® Word for Microsoft 365)');
});

test('a PDF is known by its bytes, its type or its name; a ".pdf" address answering with a page is a page', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n');
  const html = new TextEncoder().encode('<!doctype html><p>%PDF-1.7 is a version</p>');
  assert.ok(isPdf({ bytes: pdf, name: 'download' }));
  assert.ok(isPdf({ bytes: html.subarray(0, 0), name: 'report.PDF' }));
  assert.ok(isPdf({ bytes: new Uint8Array(), name: 'x', mediaType: 'application/pdf' }));
  assert.ok(!isPdf({ bytes: html, name: 'https://example.org/report.pdf', mediaType: 'text/html; charset=utf-8' }));
  assert.ok(!isPdf({ bytes: html, name: 'page.html' }));
});

test('OCR languages: the installed ones found (non-Latin scripts first), the missing ones named', () => {
  assert.deepEqual(resolveLanguages(['eng', 'fra', 'ara', 'xyz']), {
    languages: ['ara', 'eng', 'fra'],
    missing: ['xyz'],
  });
  assert.deepEqual(Settings.parse({}).ocrLanguages, ['eng', 'fra', 'ara']);
  assert.deepEqual(Settings.parse({ ocrLanguages: 'eng' }).ocrLanguages, ['eng', 'fra', 'ara']);
  assert.deepEqual(Settings.parse({ ocrLanguages: ['fra'] }).ocrLanguages, ['fra']);
});

test('a provenance written before PDFs still parses: no producer, no OCR languages', () => {
  const old = Provenance.parse({
    method: 'file',
    sha256: 'a'.repeat(64),
    bytes: 1,
    capturedAt: '2024-01-01T00:00:00Z',
  });
  assert.equal(old.producer, '');
  assert.deepEqual(old.ocrLanguages, []);
});
