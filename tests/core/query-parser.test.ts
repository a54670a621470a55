// The query language's parser on its own: words, phrases, OR, exclusions, prefixes, typos, fields and dates as clauses, and every message it gives with where it points.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseQuery, QueryError, TEXT_FIELDS, type Clause, type Term } from '../../core/search/query-parser.ts';

const word = (text: string, at: number, more: Partial<Extract<Term, { kind: 'word' }>> = {}): Term => ({
  kind: 'word',
  field: null,
  text,
  prefix: false,
  fuzzy: 0,
  at,
  ...more,
});
const only = (term: Term, negated = false): Clause => ({ negated, anyOf: [term] });

/** The error parseQuery throws for this query (fails the test when it parses). */
function errorOf(query: string): QueryError {
  try {
    parseQuery(query);
  } catch (error) {
    assert.ok(error instanceof QueryError, `${query}: ${String(error)}`);
    return error;
  }
  assert.fail(`"${query}" parsed`);
}

test('words, phrases and fields are clauses that must all match, each term at the character it starts', () => {
  assert.deepEqual(parseQuery('  shelling "at least 27"  title:Karovsk source:"Le Veilleur" claim:disputed').clauses, [
    only(word('shelling', 2)),
    only({ kind: 'phrase', field: null, text: 'at least 27', at: 11 }),
    only(word('Karovsk', 26, { field: 'title' })),
    only({ kind: 'phrase', field: 'source', text: 'Le Veilleur', at: 40 }),
    only(word('disputed', 61, { field: 'claim' })),
  ]);
  // Typographic quotes close a phrase as the plain one does; a field's name has any case.
  assert.deepEqual(parseQuery('TEXT:“27 civilians” Claim:"27 killed"').clauses, [
    only({ kind: 'phrase', field: 'text', text: '27 civilians', at: 0 }),
    only({ kind: 'phrase', field: 'claim', text: '27 killed', at: 20 }),
  ]);
  for (const field of TEXT_FIELDS) assert.deepEqual(parseQuery(`${field}:x`).clauses, [only(word('x', 0, { field }))]);
  assert.deepEqual(parseQuery('').clauses, []);
  assert.deepEqual(parseQuery(' \t\n ').clauses, []);
});

test('OR binds tighter than the implied AND, joins any number of terms, and is only OR in capitals and alone', () => {
  assert.deepEqual(parseQuery('a b OR c').clauses, [
    only(word('a', 0)),
    { negated: false, anyOf: [word('b', 2), word('c', 7)] },
  ]);
  assert.deepEqual(parseQuery('a OR title:b OR "c d"').clauses, [
    {
      negated: false,
      anyOf: [word('a', 0), word('b', 5, { field: 'title' }), { kind: 'phrase', field: null, text: 'c d', at: 16 }],
    },
  ]);
  // Excluded on both sides: one clause, excluded.
  assert.deepEqual(parseQuery('-a OR -b').clauses, [{ negated: true, anyOf: [word('a', 0), word('b', 6)] }]);
  // Not the operator: lower case, quoted, in a field, with a suffix.
  assert.deepEqual(parseQuery('a or b').clauses, [only(word('a', 0)), only(word('or', 2)), only(word('b', 5))]);
  assert.deepEqual(parseQuery('"OR" text:OR OR*').clauses, [
    only({ kind: 'phrase', field: null, text: 'OR', at: 0 }),
    only(word('OR', 5, { field: 'text' })),
    only(word('OR', 13, { prefix: true })),
  ]);
});

test('a leading - excludes (a field, a phrase or a word); a - on its own is a word', () => {
  assert.deepEqual(parseQuery('-ceasefire -source:"Le Veilleur" --x').clauses, [
    only(word('ceasefire', 0), true),
    only({ kind: 'phrase', field: 'source', text: 'Le Veilleur', at: 11 }, true),
    only(word('-x', 33), true),
  ]);
  assert.deepEqual(parseQuery('a - b -').clauses, [
    only(word('a', 0)),
    only(word('-', 2)),
    only(word('b', 4)),
    only(word('-', 6)),
  ]);
  assert.deepEqual(parseQuery('al-Sham').clauses, [only(word('al-Sham', 0))]);
});

test('prefix* and fuzzy~ on single words, ~1 and ~2 saying how many typos; a bare * or ~ is a word', () => {
  assert.deepEqual(parseQuery('negot* negotaitors~ word~1 word~2 word~0 tag:ab*').clauses, [
    only(word('negot', 0, { prefix: true })),
    only(word('negotaitors', 7, { fuzzy: -1 })),
    only(word('word', 20, { fuzzy: 1 })),
    only(word('word', 27, { fuzzy: 2 })),
    only(word('word', 34, { fuzzy: 0 })),
    only(word('ab', 41, { field: 'tag', prefix: true })),
  ]);
  assert.deepEqual(parseQuery('* ~ a*b').clauses, [only(word('*', 0)), only(word('~', 2)), only(word('a*b', 4))]);
});

test('entity:, type:, collection: and lang: take a name, quoted when it has spaces', () => {
  assert.deepEqual(parseQuery('entity:"Hayat Tahrir al-Sham" type:"armed group" collection:Watch lang:pt-BR').clauses, [
    only({ kind: 'entity', text: 'Hayat Tahrir al-Sham', at: 0 }),
    only({ kind: 'type', text: 'armed group', at: 30 }),
    only({ kind: 'collection', text: 'Watch', at: 49 }),
    only({ kind: 'lang', text: 'pt-BR', at: 66 }),
  ]);
  assert.deepEqual(parseQuery('-Entity:HTS').clauses, [only({ kind: 'entity', text: 'HTS', at: 0 }, true)]);
});

test('dates: a day, month or year, ranges open at either end, and comparisons, as inclusive days', () => {
  const range = (query: string) => {
    const [clause] = parseQuery(query).clauses;
    const term = clause!.anyOf[0]!;
    assert.equal(term.kind, 'date');
    return term.kind === 'date' ? [term.field, term.from, term.to] : [];
  };
  const cases: [string, string, string | null, string | null][] = [
    ['published:2024-11-27..2024-12-01', 'published', '2024-11-27', '2024-12-01'],
    ['published:2024-11', 'published', '2024-11-01', '2024-11-30'],
    ['published:2024', 'published', '2024-01-01', '2024-12-31'],
    ['published:2024-02', 'published', '2024-02-01', '2024-02-29'],
    ['published:2023-02', 'published', '2023-02-01', '2023-02-28'],
    ['published:2024-11-27', 'published', '2024-11-27', '2024-11-27'],
    ['captured:>2024-11', 'captured', '2024-12-01', null],
    ['captured:>=2024-11', 'captured', '2024-11-01', null],
    ['captured:<2024-11', 'captured', null, '2024-10-31'],
    ['published:<=2024', 'published', null, '2024-12-31'],
    ['published:>2024-12-31', 'published', '2025-01-01', null],
    ['published:<2024-03-01', 'published', null, '2024-02-29'],
    ['published:2024..', 'published', '2024-01-01', null],
    ['published:..2024-02', 'published', null, '2024-02-29'],
    ['published:2024-11..2024-11', 'published', '2024-11-01', '2024-11-30'],
    ['published:"2024-11"', 'published', '2024-11-01', '2024-11-30'],
  ];
  for (const [query, field, from, to] of cases) assert.deepEqual(range(query), [field, from, to], query);
  assert.equal(parseQuery('x -published:2024').clauses[1]!.negated, true);
});

test('every mistake is a QueryError saying what to fix, at the character to fix', () => {
  const cases: [string, string, number][] = [
    ['title:"foo', 'A quoted phrase is not closed: add the closing ".', 6],
    ['a -"b c', 'A quoted phrase is not closed: add the closing ".', 3],
    ['"a b"* c', 'A phrase cannot end in * or ~: put them on single words.', 5],
    ['x "a b"~', 'A phrase cannot end in * or ~: put them on single words.', 7],
    ['OR a', 'OR needs something before it: a OR b.', 0],
    ['a OR', 'OR needs a word on each side: a OR b.', 2],
    ['a OR OR b', 'OR needs a word on each side: a OR b.', 2],
    ['x a OR b OR', 'OR needs a word on each side: a OR b.', 9],
    ['-a OR b', 'Both sides of OR must be excluded or neither: -a OR -b, or a OR b.', 6],
    ['a OR -b', 'Both sides of OR must be excluded or neither: -a OR -b, or a OR b.', 5],
    [
      '  -author:x',
      'There is no field "author:". Fields are title: text: source: byline: notes: tag: entity: type: collection: claim: lang: extraction: is: feed: published: captured: (or put the words in quotes).',
      2,
    ],
    ['x title:', 'Give a value after "title:" (in quotes if it has spaces).', 2],
    ['entity:""', 'Give a value after "entity:" (in quotes if it has spaces).', 0],
    ['a ""', 'An empty phrase ("") finds nothing: put words in it.', 2],
    ['tag:"  "', 'An empty phrase ("") finds nothing: put words in it.', 0],
    ['a*', '"a*" is too short: give at least two letters before the *.', 0],
    ['x -é*', '"é*" is too short: give at least two letters before the *.', 2],
    ['word~3', 'Fuzzy matching allows at most 2 typos (~1 or ~2).', 0],
    ['entity:HTS*', '"entity:" takes a name, not *.', 0],
    ['lang:ar~2', '"lang:" takes a name, not ~2.', 0],
    ['type:person~', '"type:" takes a name, not ~.', 0],
    ['published:2024-13', 'There is no month 13.', 0],
    ['published:2024-00', 'There is no month 00.', 0],
    ['published:2023-02-29', '2023-02 has no day 29.', 0],
    ['x captured:2024-11-31', '2024-11 has no day 31.', 2],
    ['published:2024-11-00', '2024-11 has no day 00.', 0],
    ['published:yesterday', '"yesterday" is not a date: write 2024, 2024-11 or 2024-11-27.', 0],
    ['published:>2024-1', '"2024-1" is not a date: write 2024, 2024-11 or 2024-11-27.', 0],
    ['published:2024-11*', '"2024-11*" is not a date: write 2024, 2024-11 or 2024-11-27.', 0],
    ['published:2024...2025', '"2024...2025" is not a date: write 2024, 2024-11 or 2024-11-27.', 0],
    ['published:..', 'A date range needs a start, an end or both.', 0],
    ['published:2024-12..2024-11', 'The range 2024-12..2024-11 ends before it starts.', 0],
    ['published:2024-13..2025', 'There is no month 13.', 0],
    ['a '.repeat(1001), 'The query is longer than 2,000 characters.', 2000],
  ];
  for (const [query, message, at] of cases) {
    const error = errorOf(query);
    assert.deepEqual([error.message, error.at], [message, at], query);
  }
  // 2,000 characters is still a query.
  assert.equal(parseQuery('ab '.repeat(666) + 'ab').clauses.length, 667);
});

// Text of the kind typed into the box: words, quotes, fields, operators, dates, odd characters.
const typed = fc.string({
  unit: fc.constantFrom(
    ...Array.from('aé中 "“”-*~:.<>=0129ORtilepubshdcan\t'),
    'OR',
    'title:',
    'published:',
    'entity:',
    'lang:',
    '..',
  ),
  maxLength: 60,
});

test('property: any text parses to clauses whose terms point inside it, or throws a QueryError pointing inside it', () => {
  fc.assert(
    fc.property(fc.oneof(typed, fc.string({ unit: 'binary', maxLength: 40 })), (query) => {
      let parsed;
      try {
        parsed = parseQuery(query);
      } catch (error) {
        assert.ok(error instanceof QueryError, String(error));
        assert.ok(error.at >= 0 && error.at <= query.length, `${error.at} in ${query.length}`);
        return;
      }
      for (const clause of parsed.clauses) {
        assert.ok(clause.anyOf.length >= 1);
        for (const term of clause.anyOf) {
          assert.ok(term.at >= 0 && term.at < query.length);
          assert.doesNotMatch(query[term.at]!, /\s/, 'a term starts at a character of it');
        }
      }
    }),
    { numRuns: 3000 },
  );
});

// Queries written from clauses: parsing them gives those clauses back.
const plainWord = fc.string({ unit: fc.constantFrom(...Array.from('abcdeéßz09')), minLength: 2, maxLength: 8 });
const term = fc.record({
  field: fc.constantFrom(null, ...TEXT_FIELDS, 'claim' as const),
  text: fc.oneof(
    plainWord.map((w) => ({ quoted: false, text: w })),
    fc.array(plainWord, { minLength: 1, maxLength: 3 }).map((ws) => ({ quoted: true, text: ws.join(' ') })),
  ),
  suffix: fc.constantFrom('', '', '*', '~', '~1', '~2'),
});
const clause = fc.record({ negated: fc.boolean(), terms: fc.array(term, { minLength: 1, maxLength: 3 }) });

test('property: a query written from words, phrases, fields, suffixes, exclusions and ORs parses back to what was written', () => {
  fc.assert(
    fc.property(fc.array(clause, { maxLength: 5 }), fc.constantFrom(' ', '  ', '\t'), (clauses, gap) => {
      let query = '';
      const expected: Clause[] = [];
      for (const c of clauses) {
        const anyOf: Term[] = [];
        c.terms.forEach((t, i) => {
          if (query) query += gap;
          if (i > 0) query += `OR${gap}`;
          const at = query.length;
          const value = t.text.quoted ? `"${t.text.text}"` : t.text.text + t.suffix;
          query += `${c.negated ? '-' : ''}${t.field ? `${t.field}:` : ''}${value}`;
          const suffix = t.text.quoted ? '' : t.suffix;
          const fuzzy = suffix === '~' ? -1 : suffix.startsWith('~') ? Number(suffix.slice(1)) : 0;
          anyOf.push(
            t.text.quoted
              ? { kind: 'phrase', field: t.field, text: t.text.text, at }
              : { kind: 'word', field: t.field, text: t.text.text, prefix: suffix === '*', fuzzy, at },
          );
        });
        expected.push({ negated: c.negated, anyOf });
      }
      assert.deepEqual(parseQuery(query).clauses, expected, query);
    }),
    { numRuns: 2000 },
  );
});

const day = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const dateTerm = (query: string) => {
  const t = parseQuery(query).clauses[0]!.anyOf[0]!;
  assert.equal(t.kind, 'date');
  return t as Extract<Term, { kind: 'date' }>;
};

test('property: a year, month or day is the days it spans, and >, >=, <, <= meet at its edges', () => {
  fc.assert(
    fc.property(day, fc.constantFrom(4, 7, 10), (date, length) => {
      const value = date.slice(0, length);
      const { from: first, to: last } = dateTerm(`published:${value}`);
      assert.ok(first && last && first <= date && date <= last);
      // The day before the first and the day after the last are outside the period; its edges inside.
      assert.ok(first.startsWith(value) && last.startsWith(value));
      assert.ok(!shift(first, -1).startsWith(value) && !shift(last, 1).startsWith(value));
      assert.deepEqual(dateTerm(`published:>=${value}`), {
        kind: 'date',
        field: 'published',
        from: first,
        to: null,
        at: 0,
      });
      assert.equal(dateTerm(`published:<=${value}`).to, last);
      assert.equal(dateTerm(`published:>${value}`).from, shift(last, 1));
      assert.equal(dateTerm(`published:<${value}`).to, shift(first, -1));
    }),
    { numRuns: 2000 },
  );
});

test('property: a range of two days is those days when in order, and an error at its start otherwise', () => {
  fc.assert(
    fc.property(day, day, (a, b) => {
      const query = `x captured:${a}..${b}`;
      if (a <= b)
        assert.deepEqual(dateTerm(query.slice(2)), { kind: 'date', field: 'captured', from: a, to: b, at: 0 });
      else {
        const error = errorOf(query);
        assert.deepEqual([error.message, error.at], [`The range ${a}..${b} ends before it starts.`, 2]);
      }
    }),
    { numRuns: 1000 },
  );
});
