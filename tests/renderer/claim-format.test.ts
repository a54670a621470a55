// renderer/claims/claim-format.ts: figures, chains and labels read the way a monitor would write them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClaimKind } from '../../core/model.ts';
import { formatChain, formatQuantity, kindLabel, statusLabel } from '../../renderer/claims/claim-format.ts';

test('a figure reads qualifier, number, who and what happened to them', () => {
  assert.equal(
    formatQuantity({ value: 27, qualifier: 'at least', category: 'civilians', outcome: 'killed' }),
    'at least 27 civilians killed',
  );
  assert.equal(formatQuantity({ value: 4, qualifier: 'exactly', category: null, outcome: 'killed' }), '4 killed');
  assert.equal(formatQuantity({ value: 12, qualifier: 'up to', category: null, outcome: null }), 'up to 12');
});

test('"dozens", "hundreds" and "thousands" replace the number, which was never said', () => {
  assert.equal(
    formatQuantity({ value: 24, qualifier: 'dozens', category: 'people', outcome: 'wounded' }),
    'dozens of people wounded',
  );
  assert.equal(
    formatQuantity({ value: 1000, qualifier: 'thousands', category: null, outcome: 'displaced' }),
    'thousands of displaced',
  );
});

test('a chain runs from the claimant through each outlet; no claimant is the outlet itself', () => {
  assert.equal(formatChain({ name: 'a UN official' }, ['Reuters', 'MENAFN']), 'a UN official → Reuters → MENAFN');
  assert.equal(formatChain(null, []), 'the outlet itself');
  assert.equal(formatChain(null, ['AFP']), 'the outlet itself → AFP');
});

test('kinds and statuses have their labels, and an unknown value shows as it is', () => {
  assert.equal(kindLabel('territorial-control'), 'Territorial control');
  assert.equal(statusLabel('corroborated'), 'Corroborated');
  assert.equal(kindLabel('ceasefire' as ClaimKind), 'ceasefire');
});
