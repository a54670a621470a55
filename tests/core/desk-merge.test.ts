// The desk's three-way merge on its own (core/sync/merge.ts): fields, sets, items by id, deletes, trash, and the conflicts it records.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeSides, refreshConflicts, type Side } from '../../core/sync/merge.ts';
import { canonicalJson, compareLeaves, newRev } from '../../core/sync/revs.ts';

const side = (body: Record<string, unknown>, by: string, deleted = false): Side => ({
  body,
  deleted,
  by,
  at: `2026-01-01T00:00:0${by.length}Z`,
});

test('fields changed on one side follow it; the same field changed both ways is a conflict holding the first side’s value', () => {
  const base = { title: 'T', notes: '', source: 'S' };
  const merged = mergeSides(
    base,
    side({ title: 'A', notes: '', source: 'S' }, 'Ana'),
    side({ title: 'T', notes: 'B', source: 'S2' }, 'Bo'),
  );
  assert.deepEqual(merged, { body: { title: 'A', notes: 'B', source: 'S2' }, deleted: false, conflicts: [] });
  const clash = mergeSides(base, side({ ...base, title: 'A' }, 'Ana'), side({ ...base, title: 'B' }, 'Bo'));
  assert.equal(clash.body.title, 'A');
  assert.deepEqual(clash.conflicts, [
    {
      field: 'title',
      values: [
        { value: 'A', by: 'Ana', at: '2026-01-01T00:00:03Z' },
        { value: 'B', by: 'Bo', at: '2026-01-01T00:00:02Z' },
      ],
    },
  ]);
  // Without a known ancestor every difference is a conflict; equal fields are not.
  assert.deepEqual(
    mergeSides(null, side({ title: 'A', source: 'S' }, 'Ana'), side({ title: 'B', source: 'S' }, 'Bo')).conflicts.map(
      (c) => c.field,
    ),
    ['title'],
  );
});

test('sets merge additions and removals of both sides; items with ids merge one by one; updatedAt takes the later', () => {
  const base = {
    tags: ['a', 'b'],
    claims: [
      { id: 'c1', status: 'x' },
      { id: 'c2', status: 'x' },
    ],
    updatedAt: '2026-01-01T00:00:00Z',
  };
  const mine = {
    tags: ['a', 'b', 'c'],
    claims: [
      { id: 'c1', status: 'mine' },
      { id: 'c2', status: 'x' },
    ],
    updatedAt: '2026-01-02T00:00:00Z',
  };
  const theirs = {
    tags: ['b', 'd'],
    claims: [
      { id: 'c2', status: 'x' },
      { id: 'c3', status: 'new' },
    ],
    updatedAt: '2026-01-03T00:00:00Z',
  };
  const merged = mergeSides(base, side(mine, 'Ana'), side(theirs, 'Bo'));
  assert.deepEqual(merged.body.tags, ['b', 'c', 'd']);
  // c1 changed by Ana and removed by Bo: a conflict, the edit kept.
  assert.deepEqual(merged.body.claims, [
    { id: 'c1', status: 'mine' },
    { id: 'c2', status: 'x' },
    { id: 'c3', status: 'new' },
  ]);
  assert.deepEqual(
    merged.conflicts.map((c) => [c.field, c.values.map((v) => v.value)]),
    [['claims:c1', [{ id: 'c1', status: 'mine' }, null]]],
  );
  assert.equal(merged.body.updatedAt, '2026-01-03T00:00:00Z');
});

test('a delete against an edit keeps the edit with a conflict; against no edit the delete wins; trash against an edit likewise', () => {
  const base = { name: 'Karovsk' };
  const edited = mergeSides(base, side({}, 'Ana', true), side({ name: 'Karovsk town' }, 'Bo'));
  assert.deepEqual(edited.body, { name: 'Karovsk town' });
  assert.equal(edited.deleted, false);
  assert.deepEqual(
    edited.conflicts[0]!.values.map((v) => v.value),
    [true, false],
  );
  assert.equal(mergeSides(base, side({}, 'Ana', true), side({ name: 'Karovsk' }, 'Bo')).deleted, true);
  const article = { title: 'T', notes: '', deletedAt: null };
  const trashed = mergeSides(
    article,
    side({ ...article, deletedAt: '2026-01-05T00:00:00Z' }, 'Ana'),
    side({ ...article, notes: 'n' }, 'Bo'),
  );
  assert.deepEqual([trashed.body.deletedAt, trashed.body.notes, trashed.conflicts[0]!.field], [null, 'n', 'deletedAt']);
  const plain = mergeSides(
    article,
    side({ ...article, deletedAt: '2026-01-05T00:00:00Z' }, 'Ana'),
    side(article, 'Bo'),
  );
  assert.deepEqual([plain.body.deletedAt, plain.conflicts], ['2026-01-05T00:00:00Z', []]);
});

test('open conflicts travel in the document: one resolved on either side stays resolved; the merge is deterministic', () => {
  const conflict = {
    field: 'title',
    values: [
      { value: 'A', by: 'Ana', at: null },
      { value: 'B', by: 'Bo', at: null },
    ],
  };
  const base = { title: 'A', deskConflicts: [conflict] };
  const resolved = mergeSides(
    base,
    side({ title: 'B', deskConflicts: [] }, 'Bo'),
    side({ title: 'A', deskConflicts: [conflict], notes: 'x' }, 'Cy'),
  );
  assert.deepEqual(resolved, { body: { title: 'B', notes: 'x' }, deleted: false, conflicts: [] });
  const again = mergeSides(
    base,
    side({ title: 'B', deskConflicts: [] }, 'Bo'),
    side({ title: 'A', deskConflicts: [conflict], notes: 'x' }, 'Cy'),
  );
  assert.equal(canonicalJson(again), canonicalJson(resolved));
  assert.equal(newRev('2-abc', { b: 1, a: 2 }), newRev('2-abc', { a: 2, b: 1 }), 'key order does not change a rev');
  assert.match(newRev('2-abc', {}), /^3-[0-9a-f]{32}$/);
  // CouchDB's winner: live before deleted, then the longer history, then the greater id.
  const leaves = [
    { rev: '3-b', deleted: true },
    { rev: '2-z', deleted: false },
    { rev: '3-a', deleted: false },
  ];
  assert.deepEqual(
    leaves.sort(compareLeaves).map((l) => l.rev),
    ['3-a', '2-z', '3-b'],
  );
});

test('a third analyst’s edit of a field already in conflict joins the conflict: no value is pushed out', () => {
  const open = {
    field: 'title',
    values: [
      { value: 'A', by: 'Ana', at: '2026-01-01T00:00:00Z' },
      { value: 'B', by: 'Bo', at: '2026-01-02T00:00:00Z' },
    ],
  };
  // The desk holds Ana's title with the open conflict; Cy changed the title from the base X offline.
  const merged = mergeSides(
    { title: 'X' },
    side({ title: 'A', deskConflicts: [open] }, 'Ana'),
    side({ title: 'C' }, 'Cy'),
  );
  assert.equal(merged.body.title, 'A', 'the held value stays until someone resolves it');
  assert.deepEqual(
    merged.conflicts.map((c) => [c.field, c.values.map((v) => v.value)]),
    [['title', ['A', 'B', 'C']]],
  );
  // Two laptops each adding a value to the same open conflict: both values are kept.
  const withC = { ...open, values: [...open.values, { value: 'C', by: 'Cy', at: null }] };
  const withD = { ...open, values: [...open.values, { value: 'D', by: 'Di', at: null }] };
  const both = mergeSides(
    { title: 'A', deskConflicts: [open] },
    side({ title: 'A', deskConflicts: [withC] }, 'Cy'),
    side({ title: 'A', deskConflicts: [withD] }, 'Di'),
  );
  assert.deepEqual(
    both.conflicts.map((c) => c.values[0]!.value),
    ['A'],
    'the held value first',
  );
  assert.deepEqual(
    both.conflicts.map((c) => c.values.map((v) => v.value).sort()),
    [['A', 'B', 'C', 'D']],
  );
});

test('a claim changed on both sides merges field by field: a field with its companions is one unit, sets merge, the same field both ways is a conflict of that field', () => {
  const claim = { id: 'c_1', text: 'T', status: 'unverified', reviewNote: '', placeIds: ['e1'], via: ['Reuters'] };
  const base = { claims: [claim] };
  const ana = {
    ...claim,
    status: 'corroborated',
    statusBy: 'Ana',
    statusAt: '2026-01-02T00:00:00Z',
    placeIds: ['e1', 'e2'],
  };
  const bo = { ...claim, reviewNote: 'Two sources', placeIds: [], via: ['AFP', 'Reuters'] };
  const merged = mergeSides(base, side({ claims: [ana] }, 'Ana'), side({ claims: [bo] }, 'Bo'));
  assert.deepEqual(merged.conflicts, []);
  assert.deepEqual(merged.body.claims, [
    { ...ana, reviewNote: 'Two sources', placeIds: ['e2'], via: ['AFP', 'Reuters'] },
  ]);
  // The status set both ways: one conflict, of that field, each value with who set it and when (its companions).
  const disputed = { ...claim, status: 'disputed', statusBy: 'Bo', statusAt: '2026-01-03T00:00:00Z' };
  const clash = mergeSides(
    base,
    side({ claims: [ana] }, 'Ana'),
    side({ claims: [{ ...disputed, reviewNote: 'n' }] }, 'Bo'),
  );
  assert.deepEqual(clash.body.claims, [{ ...ana, reviewNote: 'n' }], 'the first side’s status held, with who set it');
  assert.deepEqual(clash.conflicts, [
    {
      field: 'claims:c_1.status',
      values: [
        { value: 'corroborated', by: 'Ana', at: '2026-01-02T00:00:00Z' },
        { value: 'disputed', by: 'Bo', at: '2026-01-03T00:00:00Z' },
      ],
    },
  ]);
  // The same status set on both: no conflict, the earlier setting kept whichever side is first.
  const again = { ...ana, statusBy: 'Bo', statusAt: '2026-01-01T00:00:00Z' };
  for (const [x, y] of [
    [ana, again],
    [again, ana],
  ])
    assert.deepEqual(mergeSides(base, side({ claims: [x] }, 'Ana'), side({ claims: [y] }, 'Bo')), {
      body: { claims: [again] },
      deleted: false,
      conflicts: [],
    });
  // Deleted on one side, edited on the other: the whole claim is the conflict, the edit kept and first.
  const gone = mergeSides(base, side({ claims: [] }, 'Ana'), side({ claims: [bo] }, 'Bo'));
  assert.deepEqual(gone.body.claims, [bo]);
  assert.deepEqual(
    gone.conflicts.map((c) => [c.field, c.values.map((v) => [v.value, v.by])]),
    [
      [
        'claims:c_1',
        [
          [bo, 'Bo'],
          [null, 'Ana'],
        ],
      ],
    ],
  );
});

test('a field in conflict edited here since holds the edit: it goes first in place of the analyst’s older value', () => {
  const open = {
    field: 'title',
    values: [
      { value: 'A1', by: 'Ana', at: '2026-01-01T00:00:00Z' },
      { value: 'B', by: 'Bo', at: '2026-01-02T00:00:00Z' },
    ],
  };
  const now = { by: 'Ana', at: '2026-01-05T00:00:00Z' };
  assert.deepEqual(refreshConflicts([open], { title: 'A1' }, now), [open], 'not edited: as it was');
  assert.deepEqual(refreshConflicts([open], { title: 'A2' }, now), [
    {
      field: 'title',
      values: [
        { value: 'A2', by: 'Ana', at: '2026-01-05T00:00:00Z' },
        { value: 'B', by: 'Bo', at: '2026-01-02T00:00:00Z' },
      ],
    },
  ]);
  // Held by the other analyst when Bo edits it: Bo's older value goes, Ana's stays offered.
  assert.deepEqual(
    refreshConflicts([open], { title: 'B2' }, { by: 'Bo', at: '2026-01-05T00:00:00Z' })[0]!.values.map((v) => v.value),
    ['B2', 'A1'],
  );
  // A claim's status: who set it is the claim's own record of it.
  const status = {
    field: 'claims:c_1.status',
    values: [
      { value: 'corroborated', by: 'Ana', at: '2026-01-01T00:00:00Z' },
      { value: 'disputed', by: 'Bo', at: '2026-01-02T00:00:00Z' },
    ],
  };
  const claim = { id: 'c_1', status: 'false', statusBy: 'Ana', statusAt: '2026-01-04T00:00:00Z' };
  assert.deepEqual(refreshConflicts([status], { claims: [claim] }, now)[0]!.values[0], {
    value: 'false',
    by: 'Ana',
    at: '2026-01-04T00:00:00Z',
  });
  // The edit agrees with a value offered: that value goes first (the document holds it), nobody's value changed.
  assert.deepEqual(refreshConflicts([open], { title: 'B' }, now), [
    { field: 'title', values: [open.values[1], open.values[0]] },
  ]);
});
