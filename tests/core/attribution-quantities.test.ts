// parseQuantities on its own: digits, words, vague plurals, qualifiers, what was counted and what happened to it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Qualifier } from '../../core/attribution/claim-types.ts';
import { parseQuantities } from '../../core/attribution/parse-quantities.ts';

const read = (text: string) => parseQuantities(text).map((q) => [q.text, q.value, q.qualifier, q.category, q.outcome]);

test('digits, words up to ninety-nine, "a dozen", and vague plurals at their lower bound', () => {
  assert.deepEqual(read('27 civilians were killed'), [['27 civilians', 27, 'exactly', 'civilians', 'killed']]);
  assert.deepEqual(read('twenty-seven fighters died'), [
    ['twenty-seven fighters', 27, 'exactly', 'fighters', 'killed'],
  ]);
  assert.deepEqual(read('ninety nine soldiers were wounded'), [
    ['ninety nine soldiers', 99, 'exactly', 'soldiers', 'injured'],
  ]);
  assert.deepEqual(read('a dozen houses were destroyed'), [['a dozen houses', 12, 'exactly', 'houses', 'destroyed']]);
  assert.deepEqual(read('dozens of journalists were detained'), [
    ['dozens of journalists', 24, 'dozens', 'journalists', 'detained'],
  ]);
  assert.deepEqual(read('hundreds of families fled'), [['hundreds of families', 200, 'hundreds', 'families', 'fled']]);
  assert.deepEqual(read('thousands of people were displaced'), [
    ['thousands of people', 2000, 'thousands', 'people', 'displaced'],
  ]);
  assert.deepEqual(read('about 2.5 million refugees'), [
    ['about 2.5 million refugees', 2_500_000, 'about', 'refugees', null],
  ]);
});

test('what was counted is a plural noun; what happened to them is normalized', () => {
  assert.deepEqual(read('one child died and two women were hurt'), [
    ['one child', 1, 'exactly', 'children', 'killed'],
    ['two women', 2, 'exactly', 'women', 'injured'],
  ]);
  assert.deepEqual(read('as many as 50 aid workers were abducted'), [
    ['as many as 50 aid workers', 50, 'up to', 'aid workers', 'kidnapped'],
  ]);
  assert.deepEqual(read('the strike killed 12 people'), [['12 people', 12, 'exactly', 'people', 'killed']]);
  assert.deepEqual(read('raising the death toll to 45'), [['45', 45, 'exactly', null, 'killed']]);
  assert.deepEqual(read('At least 27 civilians, including children, have been killed'), [
    ['At least 27 civilians', 27, 'at least', 'civilians', 'killed'],
  ]);
});

test('ages, years, dates, times, shares, prices, ordinals and codes are not counts', () => {
  for (const text of [
    'children as young as eight',
    'a man aged 45',
    'a 27-year-old man',
    'he was 45 years old',
    'in 2015 the war began',
    'on 29 November',
    'in March 2020',
    'at 10:30',
    '27% of voters',
    '27 percent of voters',
    '$5 million',
    'the 3rd division',
    'F-16 jets',
    'one of the officials',
    'no one came',
  ])
    assert.deepEqual(read(text), [], text);
});

test('property: any whole number in digits, with or without thousands separators, parses to itself', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 9_000_000_000_000 }), fc.boolean(), (n, separated) => {
      const digits = separated ? n.toLocaleString('en-US') : String(n);
      const [q, ...rest] = parseQuantities(`${digits} people were displaced`);
      assert.equal(rest.length, 0);
      assert.deepEqual([q!.value, q!.qualifier, q!.category, q!.outcome], [n, 'exactly', 'people', 'displaced']);
      assert.equal(q!.text, `${digits} people`);
    }),
  );
});

const UNITS =
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
    ' ',
  );
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
const inWords = (n: number) =>
  n < 20 ? UNITS[n - 1]! : `${TENS[Math.floor(n / 10) - 2]}${n % 10 ? `-${UNITS[(n % 10) - 1]}` : ''}`;

test('property: every number from one to ninety-nine in words parses to itself', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 99 }), (n) => {
      assert.deepEqual(
        parseQuantities(`${inWords(n)} soldiers were killed`).map((q) => q.value),
        [n],
      );
    }),
  );
});

const QUALIFIERS: [string, Qualifier][] = [
  ['at least', 'at least'],
  ['no fewer than', 'at least'],
  ['more than', 'more than'],
  ['over', 'more than'],
  ['up to', 'up to'],
  ['as many as', 'up to'],
  ['at most', 'at most'],
  ['fewer than', 'at most'],
  ['about', 'about'],
  ['around', 'about'],
  ['some', 'about'],
  ['an estimated', 'about'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
];

test('property: qualifiers map to their kind, and a count without one is exact', () => {
  fc.assert(
    fc.property(fc.constantFrom(...QUALIFIERS), fc.integer({ min: 2, max: 99_999 }), ([words, qualifier], n) => {
      const [q] = parseQuantities(`${words} ${n} civilians were killed`);
      assert.deepEqual([q!.value, q!.qualifier, q!.text], [n, qualifier, `${words} ${n} civilians`]);
    }),
  );
  assert.equal(parseQuantities('12 civilians were killed')[0]!.qualifier, 'exactly');
});

test('property: offsets are UTF-16 offsets into the text, shifted by the offset given', () => {
  fc.assert(
    fc.property(
      fc.string({ maxLength: 80 }),
      fc.integer({ min: 0, max: 1000 }),
      fc.string({ maxLength: 20 }),
      (noise, n, tail) => {
        const text = `${noise} at least ${n} people were killed ${tail}`;
        for (const q of parseQuantities(text)) assert.equal(text.slice(q.start, q.end), q.text);
        const offset = 17;
        for (const q of parseQuantities(text, offset))
          assert.equal(text.slice(q.start - offset, q.end - offset), q.text);
      },
    ),
  );
});
