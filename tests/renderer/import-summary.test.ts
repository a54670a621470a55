// renderer/import/summary.ts: an import's progress on the button and its outcome in one line of the status bar.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importPosition, importSummary } from '../../renderer/import/summary.ts';
import type { ImportRun } from '../../renderer/import/use-import.ts';

const run = (fields: Partial<ImportRun>): ImportRun => ({
  phase: 'done',
  total: 0,
  done: 0,
  current: null,
  results: [],
  counts: { saved: 0, duplicate: 0, failed: 0 },
  skipped: 0,
  startedAt: null,
  finishedAt: null,
  ...fields,
});

test('a running batch shows the item being sent, never past the last', () => {
  assert.equal(importPosition(run({ phase: 'running', total: 10, done: 2 })), '3 of 10');
  assert.equal(importPosition(run({ phase: 'cancelling', total: 10, done: 10 })), '10 of 10');
  assert.equal(importPosition(run({ phase: 'done', total: 10, done: 10 })), null);
  assert.equal(importPosition(run({ phase: 'idle' })), null);
});

test('the outcome counts what was saved, and names duplicates and failures only when there were some', () => {
  assert.deepEqual(importSummary(run({ counts: { saved: 3, duplicate: 0, failed: 0 } })), {
    kind: 'info',
    text: 'Import finished: 3 saved.',
  });
  assert.equal(
    importSummary(run({ counts: { saved: 2, duplicate: 1, failed: 2 } })).text,
    'Import finished: 2 saved, 1 duplicate, 2 failed.',
  );
});

test('only a batch where everything failed is an error', () => {
  assert.equal(importSummary(run({ counts: { saved: 0, duplicate: 0, failed: 2 } })).kind, 'error');
  assert.equal(importSummary(run({ counts: { saved: 1, duplicate: 0, failed: 2 } })).kind, 'info');
  assert.equal(importSummary(run({ counts: { saved: 0, duplicate: 3, failed: 0 } })).kind, 'info');
});

test('a cancelled batch says how many items were not imported', () => {
  assert.equal(
    importSummary(run({ skipped: 4, counts: { saved: 1, duplicate: 2, failed: 0 } })).text,
    'Import cancelled (4 items not imported): 1 saved, 2 duplicates.',
  );
});
