// Claims across articles as pure functions: why two may report the same thing, which sources are really one, and which figures disagree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { countSources, findConflicts, matchClaims, sourceKeys } from '../../core/claims/claim-groups.ts';
import type { ClaimSummary } from '../../core/model.ts';

type Figure = ClaimSummary['quantities'][number];
const figure = (value: number, category: string | null, outcome: string | null): Figure => ({
  text: `${value} ${category ?? ''} ${outcome ?? ''}`,
  value,
  qualifier: 'exactly',
  category,
  outcome,
});
const PLACE = 'ent_karovsk000000000';
const PORT = 'ent_port000000000000';

let next = 0;
/** A claim with nothing in common with any other unless a test gives it something. */
const claim = (fields: Partial<ClaimSummary> = {}): ClaimSummary => {
  next++;
  return {
    articleId: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    claimId: `c_${String(next).padStart(10, '0')}`,
    text: `claim${next}`,
    kind: 'statement',
    status: 'unverified',
    review: 'suggested',
    claimant: null,
    via: [],
    hedged: false,
    quantities: [],
    eventDate: null,
    placeIds: [],
    groupId: null,
    outlet: `Outlet ${next}`,
    title: '',
    publishedAt: null,
    capturedAt: '2024-11-27T08:00:00.000Z',
    storyId: null,
    wireCredits: [],
    ...fields,
  };
};
const other = (fields: Partial<ClaimSummary> = {}) => claim({ kind: 'accusation', ...fields });

test('matchClaims: each thing two claims share is worth its points and says so', () => {
  const cases: [Partial<ClaimSummary>, Partial<ClaimSummary>, number, string[]][] = [
    [{}, {}, 0, []],
    [{ kind: 'casualties' }, { kind: 'casualties' }, 0.5, []],
    [
      { quantities: [figure(27, 'civilians', 'killed')] },
      { quantities: [figure(27, 'civilians', 'killed')] },
      3,
      ['the same figure: 27 civilians killed'],
    ],
    [
      { quantities: [figure(27, 'civilians', 'killed')] },
      { quantities: [figure(31, 'civilians', 'killed')] },
      1,
      ['another figure for the same outcome: 27 against 31 killed'],
    ],
    [
      { quantities: [figure(27, null, 'killed')] },
      { quantities: [figure(31, 'civilians', 'killed')] },
      1,
      ['another figure for the same outcome: 27 against 31 killed'],
    ],
    [{ quantities: [figure(27, 'civilians', 'killed')] }, { quantities: [figure(27, 'soldiers', 'killed')] }, 0, []],
    [{ quantities: [figure(27, 'civilians', 'killed')] }, { quantities: [figure(27, 'civilians', 'injured')] }, 0, []],
    [{ quantities: [figure(27, 'civilians', null)] }, { quantities: [figure(27, 'civilians', null)] }, 0, []],
    [{ placeIds: [PLACE] }, { placeIds: [PORT, PLACE] }, 2, ['the same place']],
    [{ placeIds: [PLACE, PORT] }, { placeIds: [PORT, PLACE] }, 2, ['2 places in common']],
    [{ eventDate: '2024-11-27' }, { eventDate: '2024-11-27' }, 1.5, ['the same day']],
    [{ eventDate: '2024-11-27' }, { eventDate: '2024-11-28' }, 1.5, ['1 day apart']],
    [{ eventDate: '2024-11-27' }, { eventDate: '2024-11-29' }, 1.5, ['2 days apart']],
    [{ eventDate: '2024-11-27' }, { eventDate: '2024-11-30' }, 0, []],
    [{ eventDate: '2024-11-27' }, { eventDate: '2024-12-04' }, 0, []],
    [{ eventDate: '2024-11-27' }, { eventDate: '2024-12-05' }, -3, []],
    // A month or a year is as precise as it gets: any day in it is no day away.
    [{ eventDate: '2024-11' }, { eventDate: '2024-11-27' }, 1.5, ['the same day']],
    [{ eventDate: '2024-11' }, { eventDate: '2024-12-02' }, 1.5, ['2 days apart']],
    [{ eventDate: '2024' }, { eventDate: '2025-01-01' }, 1.5, ['1 day apart']],
    // Without an event date, the publication date (the day the outlet gave, whatever its offset).
    [{ publishedAt: '2024-11-27T23:30:00+05:00' }, { eventDate: '2024-11-27' }, 1.5, ['the same day']],
    [{ eventDate: '2024-11-20', publishedAt: '2024-11-27' }, { publishedAt: '2024-11-27' }, 0, []],
    [{ storyId: 'story-1' }, { storyId: 'story-1' }, 2, ['copies of the same story']],
    [{ storyId: null }, { storyId: null }, 0, []],
    // Words in common, as a share of all content words (case, accents and small words aside).
    [
      { text: 'Shelling killed civilians in Karovsk' },
      { text: 'the shelling of KAROVSK' },
      2,
      ['50% of the words in common'],
    ],
    [{ text: 'Réfugiés at the border' }, { text: 'refugies wait' }, 1.33, ['33% of the words in common']],
    [{ text: 'a b c d e f' }, { text: 'f g h i j' }, 0, []],
  ];
  for (const [a, b, score, reasons] of cases)
    assert.deepEqual(matchClaims(claim(a), other(b)), { score, reasons }, JSON.stringify([a, b]));
});

test('matchClaims adds the points up: the same shelling reported twice scores far above unrelated claims', () => {
  const a = claim({
    kind: 'casualties',
    text: 'At least 27 civilians were killed in the shelling of Karovsk',
    quantities: [figure(27, 'civilians', 'killed')],
    placeIds: [PLACE],
    eventDate: '2024-11-26',
    storyId: 'story-1',
  });
  const b = claim({
    kind: 'casualties',
    text: '27 civilians killed in Karovsk shelling, officials said',
    quantities: [figure(27, 'civilians', 'killed'), figure(40, null, 'injured')],
    placeIds: [PLACE],
    publishedAt: '2024-11-27',
    storyId: 'story-1',
  });
  assert.deepEqual(matchClaims(a, b), {
    score: 11.5,
    reasons: [
      'the same figure: 27 civilians killed',
      'the same place',
      '1 day apart',
      '63% of the words in common',
      'copies of the same story',
    ],
  });
  assert.ok(matchClaims(a, other({ eventDate: '2025-03-01' })).score < 0);
});

// Claims that may share kinds, figures, places, dates, words and stories.
const summary = fc
  .record({
    kind: fc.constantFrom<ClaimSummary['kind']>('casualties', 'statement'),
    text: fc.array(fc.constantFrom('27', 'civilians', 'killed', 'Karovsk', 'the', 'shelling', 'port'), {
      maxLength: 6,
    }),
    quantities: fc.array(
      fc.record({
        value: fc.constantFrom(27, 31),
        category: fc.constantFrom('civilians', 'soldiers', null),
        outcome: fc.constantFrom('killed', 'injured', null),
      }),
      { maxLength: 3 },
    ),
    placeIds: fc.subarray([PLACE, PORT]),
    eventDate: fc.constantFrom(null, '2024', '2024-11', '2024-11-26', '2024-11-27', '2024-12-10'),
    publishedAt: fc.constantFrom(null, '2024-11-27', '2024-11-27T10:00:00Z'),
    storyId: fc.constantFrom(null, 'story-1', 'story-2'),
  })
  .map(({ text, quantities, ...rest }) =>
    claim({ ...rest, text: text.join(' '), quantities: quantities.map((q) => figure(q.value, q.category, q.outcome)) }),
  );

test('property: two claims score the same whichever is asked about', () => {
  fc.assert(
    fc.property(summary, summary, (a, b) => {
      const [ab, ba] = [matchClaims(a, b), matchClaims(b, a)];
      assert.equal(ab.score, ba.score);
      assert.equal(ab.reasons.length, ba.reasons.length);
    }),
    { numRuns: 3000 },
  );
});

test('sourceKeys: the agencies the article credits, its story, its outlet; the likeliest first', () => {
  const keys = (fields: Partial<ClaimSummary>) => sourceKeys(claim(fields)).map(({ key, label }) => `${key} ${label}`);
  assert.deepEqual(keys({ outlet: 'Daily Observer' }), ['outlet:daily observer Daily Observer']);
  const unnamed = claim({ outlet: '' });
  assert.deepEqual(sourceKeys(unnamed), [{ key: `outlet:${unnamed.articleId}`, label: 'an unnamed outlet' }]);
  // An outlet that is an agency is that agency, by any of its names.
  assert.deepEqual(keys({ outlet: 'Reuters' }), ['wire:reuters Reuters', 'outlet:reuters Reuters']);
  assert.deepEqual(keys({ outlet: 'Associated Press' }), ['wire:ap AP', 'outlet:associated press Associated Press']);
  // A chain through an agency counts only when the article credits it; outlets in the chain do not.
  assert.deepEqual(keys({ outlet: 'MENAFN', via: ['Agence France-Presse', 'Gulf Times'], wireCredits: ['AFP'] }), [
    'wire:afp AFP',
    'outlet:menafn MENAFN',
  ]);
  assert.deepEqual(keys({ outlet: 'MENAFN', via: ['Reuters'], wireCredits: [] }), ['outlet:menafn MENAFN']);
  assert.deepEqual(keys({ outlet: 'Reuters', via: ['Reuters'], wireCredits: ['reuters'], storyId: 'story-1' }), [
    'wire:reuters Reuters',
    'story:story-1 Reuters',
    'outlet:reuters Reuters',
  ]);
});

test("countSources: an agency's own report, outlets that ran it and copies of their story are one source", () => {
  const claims = [
    claim({ outlet: 'Reuters' }),
    claim({ outlet: 'MENAFN', via: ['Reuters'], wireCredits: ['Reuters'] }),
    claim({ outlet: 'Daily Observer', via: ['Reuters'], wireCredits: ['Reuters'], storyId: 'story-1' }),
    claim({ outlet: 'Evening Herald', storyId: 'story-1' }),
    claim({ outlet: 'Karovsk Courier' }),
    claim({ outlet: 'karovsk  courier' }),
    claim({ outlet: 'Anadolu Agency' }),
  ];
  assert.deepEqual(countSources(claims), [
    { key: 'wire:reuters', label: 'Reuters', claims: 4 },
    { key: 'outlet:karovsk courier', label: 'Karovsk Courier', claims: 2 },
    { key: 'wire:anadolu', label: 'Anadolu', claims: 1 },
  ]);
  // Joined through a chain of shared keys, and named by the likeliest of them whichever comes first.
  assert.deepEqual(
    countSources([
      claim({ outlet: 'Evening Herald', storyId: 'story-1' }),
      claim({ outlet: 'Daily Observer', storyId: 'story-1' }),
      claim({ outlet: 'Daily Observer', via: ['AFP'], wireCredits: ['AFP'] }),
    ]),
    [{ key: 'wire:afp', label: 'AFP', claims: 3 }],
  );
  assert.deepEqual(countSources([]), []);
});

test('property: sources are the sets of claims linked by shared keys, every claim counted once', () => {
  const sourced = fc
    .record({
      outlet: fc.constantFrom('', 'Reuters', 'MENAFN', 'Daily Observer', 'daily observer', 'AP'),
      via: fc.subarray(['Reuters', 'Associated Press', 'Gulf Times']),
      wireCredits: fc.subarray(['Reuters', 'AP']),
      storyId: fc.constantFrom(null, 'story-1', 'story-2'),
    })
    .map((fields) => claim(fields));
  fc.assert(
    fc.property(fc.array(sourced, { maxLength: 10 }), (claims) => {
      // Components of the graph of claims sharing a key, found the slow way.
      const keys = claims.map((c) => new Set(sourceKeys(c).map((k) => k.key)));
      const seen = new Set<number>();
      const sizes: number[] = [];
      for (let i = 0; i < claims.length; i++) {
        if (seen.has(i)) continue;
        const queue = [i];
        seen.add(i);
        for (const j of queue)
          for (let k = 0; k < claims.length; k++)
            if (!seen.has(k) && [...keys[j]!].some((key) => keys[k]!.has(key))) {
              seen.add(k);
              queue.push(k);
            }
        sizes.push(queue.length);
      }
      const sources = countSources(claims);
      assert.deepEqual(
        sources.map((s) => s.claims).sort((a, b) => a - b),
        sizes.sort((a, b) => a - b),
      );
      assert.deepEqual(
        sources,
        [...sources].sort((a, b) => b.claims - a.claims || a.label.localeCompare(b.label)),
      );
    }),
    { numRuns: 2000 },
  );
});

test('findConflicts: figures for one outcome and category that differ; a figure with no category is set against each', () => {
  const of = (...figures: Figure[][]) => findConflicts(figures.map((quantities) => claim({ quantities })));
  assert.deepEqual(of([figure(27, 'civilians', 'killed')], [figure(31, 'civilians', 'killed')]), [
    { outcome: 'killed', category: 'civilians', values: [27, 31] },
  ]);
  assert.deepEqual(of([figure(27, 'civilians', 'killed')], [figure(27, 'civilians', 'killed')]), []);
  assert.deepEqual(of([figure(31, null, 'killed')], [figure(27, null, 'killed'), figure(31, null, 'killed')]), [
    { outcome: 'killed', category: null, values: [27, 31] },
  ]);
  assert.deepEqual(
    of([figure(27, null, 'killed')], [figure(31, 'civilians', 'killed')], [figure(27, 'soldiers', 'killed')]),
    [{ outcome: 'killed', category: 'civilians', values: [27, 31] }],
  );
  assert.deepEqual(of([figure(27, 'civilians', 'killed')], [figure(31, 'soldiers', 'killed')]), []);
  assert.deepEqual(of([figure(27, 'civilians', null)], [figure(31, 'civilians', null)]), []);
  assert.deepEqual(
    of(
      [figure(100, 'families', 'displaced'), figure(27, 'civilians', 'killed')],
      [figure(400, 'families', 'displaced'), figure(9, 'civilians', 'killed'), figure(12, 'civilians', 'killed')],
    ),
    [
      { outcome: 'displaced', category: 'families', values: [100, 400] },
      { outcome: 'killed', category: 'civilians', values: [9, 12, 27] },
    ],
  );
  assert.deepEqual(findConflicts([]), []);
});
