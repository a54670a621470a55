// Dates resolved against the publication date, never into its future; without one, only dates that stand alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { suggestEntities } from '../../core/tagging/suggest-entities.ts';

const datesOf = (text: string, publishedAt?: string | null) =>
  suggestEntities(text, { publishedAt }).dates.map((d) => [d.text, d.date]);
const DAY = 86_400_000;

test('relative expressions resolve against a Friday, 29 November 2024', () => {
  const text =
    'The offensive began on Wednesday. By Friday it had reached the city. Yesterday the UN met. ' +
    'Last month there were airstrikes. Talks open on Dec. 3. The truce of March 2020 held until 2015 ... ' +
    'in 2015, that is.';
  assert.deepEqual(datesOf(text, '2024-11-29'), [
    ['Wednesday', '2024-11-27'],
    ['Friday', '2024-11-29'],
    ['Yesterday', '2024-11-28'],
    ['Last month', '2024-10'],
    ['Dec. 3', '2023-12-03'],
    ['March 2020', '2020-03'],
    ['2015', '2015'],
    ['2015', '2015'],
  ]);
});

test('what says it is in the future is skipped rather than moved into the past', () => {
  assert.deepEqual(datesOf('They meet next Monday, tomorrow, and again in three days.', '2024-11-29'), []);
  // A date with its year stated stands, even after publication.
  assert.deepEqual(datesOf('Elections are due on 4 May 2026.', '2024-11-29'), [['4 May 2026', '2026-05-04']]);
});

test('the publication day is the local day of an instant with an offset', () => {
  assert.deepEqual(datesOf('It began on Thursday.', '2024-11-29T23:30:00-05:00'), [['Thursday', '2024-11-28']]);
  assert.deepEqual(datesOf('It began on Thursday.', '2024-11-29T00:30:00+09:00'), [['Thursday', '2024-11-28']]);
});

test('without a publication date, relative expressions are left out, absolute ones kept', () => {
  const text = 'It began on Wednesday, last month, three days ago; the truce of March 2020 and 30 August 1996 held.';
  assert.deepEqual(datesOf(text, null), [
    ['March 2020', '2020-03'],
    ['30 August 1996', '1996-08-30'],
  ]);
  assert.deepEqual(datesOf(text), datesOf(text, 'not a date'));
});

test('a weekday resolves to a day on or before publication, at most a week back (property)', () => {
  const expressions = [
    'on Monday',
    'Tuesday',
    'last Wednesday',
    'on Thursday',
    'this Friday',
    'Saturday',
    'last Sunday',
  ];
  fc.assert(
    fc.property(
      fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }),
      fc.constantFrom(...expressions),
      (day, expression) => {
        const publishedAt = day.toISOString().slice(0, 10);
        const [date] = suggestEntities(`The attack came ${expression}.`, { publishedAt }).dates;
        assert.ok(date, `${expression} in ${publishedAt}`);
        const resolved = Date.parse(`${date.date}T00:00:00Z`);
        const published = Date.parse(`${publishedAt}T00:00:00Z`);
        assert.ok(resolved <= published, `${expression} in ${publishedAt} -> ${date.date}`);
        assert.ok(published - resolved <= 7 * DAY, `${expression} in ${publishedAt} -> ${date.date}`);
      },
    ),
    { numRuns: 300 },
  );
});

test('no expression resolves after the publication date unless it states its year (property)', () => {
  const expressions = [
    'yesterday',
    'last week',
    'last month',
    'last year',
    'on Dec. 3',
    'in June',
    'two weeks ago',
    'on 5 March',
  ];
  fc.assert(
    fc.property(
      fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }),
      fc.constantFrom(...expressions),
      (day, expression) => {
        const publishedAt = day.toISOString().slice(0, 10);
        for (const date of suggestEntities(`It happened ${expression}.`, { publishedAt }).dates)
          assert.ok(date.date <= publishedAt, `${expression} in ${publishedAt} -> ${date.date}`);
      },
    ),
    { numRuns: 300 },
  );
});
