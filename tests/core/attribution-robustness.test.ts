// Invariants on any input: offsets are the text's, contents never overlap, nothing throws, hostile input ends.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import type { ClaimSuggestion } from '../../core/attribution/claim-types.ts';
import { suggestClaims } from '../../core/attribution/suggest-claims.ts';
import { ClaimKind } from '../../core/model.ts';

const KINDS: readonly string[] = ClaimKind.options;

function assertWellFormed(text: string, claims: ClaimSuggestion[]): void {
  let end = 0;
  for (const c of claims) {
    assert.equal(c.text, text.slice(c.start, c.end));
    assert.ok(c.start >= end && c.end > c.start, `overlap or disorder at ${c.start}`);
    for (const span of [c.cue, c.claimant, c.target, ...c.hedges, ...c.quantities])
      if (span) assert.equal(span.text, text.slice(span.start, span.end));
    for (const q of c.quantities) assert.ok(q.start >= c.start && q.end <= c.end);
    assert.ok(c.confidence >= 0 && c.confidence <= 1);
    assert.ok(KINDS.includes(c.kind));
    assert.equal(c.hedged, c.hedges.length > 0);
    end = c.end;
  }
}

const fixture = readFileSync(new URL('../fixtures/attribution/border-clashes.txt', import.meta.url), 'utf8');

test('the fixture article is well formed, and the same on every run', () => {
  const first = suggestClaims(fixture, { outlet: 'Tarvel Daily' });
  assertWellFormed(fixture, first);
  assert.deepEqual(suggestClaims(fixture, { outlet: 'Tarvel Daily' }), first);
});

test('property: any text, and any text with cue words spliced in, gives well-formed claims', () => {
  const words = fc.constantFrom(
    'said',
    'according to',
    '“',
    '”',
    '"',
    ',',
    '.',
    'He',
    'the official',
    'accused',
    'of',
    'reportedly',
    '27',
    'killed',
    'claim to have',
    ':',
    '―',
    '\n',
    'and',
    'that',
    'Reuters',
    'cited by',
    '(',
    ')',
    "''",
    'dozens',
  );
  fc.assert(
    fc.property(fc.array(fc.oneof(words, fc.string({ maxLength: 6 })), { maxLength: 60 }), (parts) => {
      const text = parts.join(' ');
      assertWellFormed(text, suggestClaims(text, { entities: [] }));
    }),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
      assertWellFormed(text, suggestClaims(text, { entities: [] }));
    }),
    { numRuns: 200 },
  );
});

test(
  'hostile input never throws and always ends: empty, 1 MB, no punctuation, unbalanced quotes, emoji, Arabic',
  { timeout: 120_000 },
  () => {
    const inputs = [
      '',
      '   \n\n  ',
      'The minister said that 27 civilians were killed, according to officials cited by Reuters. “We will win,” he said. '.repeat(
        9_500,
      ),
      'he said they said she claimed that officials told reporters '.repeat(18_000),
      '"He said “that ” ” " " “ said he, “ '.repeat(30_000),
      '😀 said 🎉 “🔥,” he said. '.repeat(20_000),
      'قال المتحدث إن ٢٧ مدنياً قتلوا، وفقاً لمسؤولين. '.repeat(20_000),
      'x'.repeat(1_000_000),
      'according to according to , '.repeat(40_000),
      'said '.repeat(200_000),
    ];
    for (const text of inputs) assertWellFormed(text, suggestClaims(text));
    assert.deepEqual(suggestClaims(undefined as unknown as string), []);
  },
);
