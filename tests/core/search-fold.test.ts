// Folding and tokenizing for search: the fast whole-text path the index uses gives the same words as the per-word path snippets use.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { foldTerm, indexText, tokenize } from '../../core/search/fold.ts';
import { editDistance } from '../../core/search/vocabulary.ts';

const perWord = (text: string) =>
  tokenize(text)
    .map((t) => t.term)
    .join(' ');

test('folding: case, accents, Arabic letter variants, tatweel and diacritics', () => {
  assert.equal(foldTerm('RÉFUGIÉS'), 'refugies');
  assert.equal(foldTerm('Straße'), 'strasse');
  assert.equal(foldTerm('إنَّ'), 'ان');
  assert.equal(foldTerm('المدينـــة'), 'المدينه');
  assert.equal(foldTerm('مستشفى'), 'مستشفي');
  assert.equal(foldTerm('Москвы'), 'москвы');
  assert.deepEqual(
    tokenize("Ta'if, al-Sham: 北京, Assad's, l’armée").map((t) => t.term),
    ['ta', 'if', 'al', 'sham', '北', '京', 'assad', 's', 'l', 'armee'],
  );
});

// Words as they come in the news of many scripts: letters with accents, Arabic with tatweel,
// hamza and diacritics, Greek with its final sigma, Cyrillic, CJK, an apostrophe inside a word.
const letters = fc.constantFrom(...Array.from('aZeéÉßøıİΣσςدينةأإآىءـَُِّЖжж中한ﬁ²Ａ'), 'e\u0301');
const word = fc
  .tuple(
    fc.array(letters, { minLength: 1, maxLength: 6 }),
    fc.option(fc.array(letters, { minLength: 1, maxLength: 4 })),
  )
  .map(([head, tail]) => head.join('') + (tail ? `’${tail.join('')}` : ''));
const text = fc
  .array(fc.tuple(word, fc.constantFrom(' ', ', ', '. ', ' - ', '\n')), { maxLength: 12 })
  .map((parts) => parts.flat().join(''));

test('property: the index words of news-like text are the words tokenize() finds there (so highlights match)', () => {
  fc.assert(
    fc.property(text, (t) => indexText(t) === perWord(t)),
    { numRuns: 5000 },
  );
});

test('property: plain ASCII text takes a faster path to the same tokens', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(...Array.from("aZq09' ,.-_\n")), maxLength: 40 }), (t) => {
      // A word with an accent at the end sends the same text down the general path.
      const general = tokenize(`${t} é`).slice(0, -1);
      assert.deepEqual(tokenize(t), general);
    }),
    { numRuns: 3000 },
  );
});

test('property: tokens are where tokenize() says they are, and fold to their term', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 40 }), (text) => {
      for (const token of tokenize(text)) assert.equal(foldTerm(text.slice(token.start, token.end)), token.term);
    }),
    { numRuns: 3000 },
  );
});

test('edit distance counts an adjacent swap as one, and gives up past the bound', () => {
  assert.equal(editDistance('negotiators', 'negotaitors', 2), 1);
  assert.equal(editDistance('civilians', 'civilans', 2), 1);
  assert.equal(editDistance('form', 'from', 1), 1);
  assert.equal(editDistance('ceasefire', 'hospital', 2), 3);
  fc.assert(
    fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
      const d = editDistance(a, b, 20);
      assert.equal(d, editDistance(b, a, 20));
      assert.ok(d <= Math.max(a.length, b.length));
      assert.equal(d === 0, a === b);
    }),
  );
});
