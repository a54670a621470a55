// Invariants on any input: offsets are the text's, spans never overlap, nothing throws, hostile input stays fast.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import fc from 'fast-check';
import { EntityType } from '../../core/model.ts';
import { suggestEntities, type TaggingResult } from '../../core/tagging/suggest-entities.ts';

function assertWellFormed(text: string, result: TaggingResult): void {
  let end = 0;
  for (const s of result.entities) {
    assert.equal(s.text, text.slice(s.start, s.end));
    assert.ok(s.start >= end && s.end > s.start, `overlap or disorder at ${s.start}`);
    assert.ok(s.confidence >= 0 && s.confidence <= 1);
    assert.ok(EntityType.safeParse(s.type).success);
    assert.ok(s.name.length > 0);
    assert.equal(s.entityId === null || s.entityId.length > 0, true);
    end = s.end;
  }
  for (const d of result.dates) {
    assert.equal(d.text, text.slice(d.start, d.end));
    assert.match(d.date, /^\d{4}(-\d{2}(-\d{2})?)?$/);
  }
}

test("offsets are the text's own, sorted and disjoint, on the fixture and on a long mixed article", async () => {
  const fixture = await readFile(new URL('../fixtures/tagging/river-front-shelling.txt', import.meta.url), 'utf8');
  assertWellFormed(fixture, suggestEntities(fixture, { publishedAt: '2023-10-05' }));
  const mixed = `${fixture}\n😀 Zoë Ünal of the Ḥizb al-Taḥrīr met 🇸🇾 officials in Dar‘ā.\n`.repeat(20);
  assertWellFormed(mixed, suggestEntities(mixed));
});

test('any string (property): well formed, deterministic, never throws', () => {
  const piece = fc.oneof(
    fc.constantFrom(
      'Syria',
      'US',
      'U.S.',
      "Syria's",
      'HTS',
      '(',
      ')',
      ',',
      '.',
      '\n',
      ' ',
      '-',
      'al-',
      'President',
      'on Monday',
    ),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.string({ unit: 'binary', maxLength: 4 }),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const text = pieces.join(' ');
      const result = suggestEntities(text, { publishedAt: '2024-11-29' });
      assertWellFormed(text, result);
      assert.deepEqual(suggestEntities(text, { publishedAt: '2024-11-29' }), result);
    }),
    { numRuns: 300 },
  );
});

test('hostile input: empty, blank, emoji, Arabic, Cyrillic, NULs, lone surrogates, only punctuation', () => {
  const inputs = [
    '',
    '   \n\t  ',
    '😀🇸🇾👨‍👩‍👧 '.repeat(500),
    'قالت وكالة الأنباء السورية سانا إن مسلحين هاجموا حلب. Aleppo was shelled.',
    'Песков заявил, что Россия поддерживает Сирию. Peskov spoke in Moscow.',
    'Syria\u0000US\u0000Russia',
    '\uD800Syria\uDC00 and \uDBFF',
    '.,;:!?()[]{}"\'-'.repeat(1000),
    'Syria\r\nUS\r\n\r\nRussia\rTurkey',
  ];
  for (const text of inputs) assertWellFormed(text, suggestEntities(text, { publishedAt: '2024-11-29' }));
  assert.deepEqual(suggestEntities(''), { entities: [], aliases: [], dates: [], coverage: 'full' });
});

// A hang guard, not a speed test (bench/ner.ts measures speed): quadratic or worse would blow far past it.
test('1 MB of text, and 1 MB without a single space, are tagged without blowing up', { timeout: 120_000 }, (t) => {
  const sentence = 'President Bashar al-Assad met UN envoy Geir Pedersen in Damascus on Monday. ';
  const article = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
  let started = performance.now();
  const result = suggestEntities(article, { publishedAt: '2024-11-29' });
  const prose = performance.now() - started;
  assertWellFormed(article, result);
  assert.ok(result.entities.length > 10_000);
  const solid = 'SyriaUSRussia'.repeat(80_000);
  started = performance.now();
  assertWellFormed(solid, suggestEntities(solid));
  const blob = performance.now() - started;
  // One endless line of results, or of capitalized words: nothing may be quadratic in a line's length.
  const results = 'Leeds 2 Chelsea 1 Mr. Kell , 45 , '.repeat(30_000);
  started = performance.now();
  assertWellFormed(results, suggestEntities(results));
  const line = performance.now() - started;
  t.diagnostic(
    `1 MB of prose ${prose.toFixed(0)} ms, 1 MB without spaces ${blob.toFixed(0)} ms, 1 MB line ${line.toFixed(0)} ms`,
  );
});

test(
  'a run of particles before an acronym in brackets does not explode (it once took 4.5 s for 28 words)',
  { timeout: 30_000 },
  () => {
    for (const count of [28, 36, 200]) {
      const text = `Fighters of the ${'Al '.repeat(count)}Brigades (AAAAAAAAAA) attacked.`;
      assertWellFormed(text, suggestEntities(text));
    }
  },
);
