// Who confirmed a mention or set a claim's status, as the reader and the claim editor say it (renderer/format.ts, renderer/entities/mention-labels.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Mention } from '../../core/model.ts';
import { attributionLabel } from '../../renderer/format.ts';
import { decidedLabel } from '../../renderer/entities/mention-labels.ts';

const now = new Date('2026-12-05T12:00:00.000Z');

test('the analyst and the time; no name off a desk; nothing when nothing was recorded', () => {
  const at = '2026-12-05T10:02:00.000Z';
  const named = attributionLabel('Status set', 'alice', at, now);
  assert.match(named, /^Status set by alice · .+$/);
  assert.match(named, /5/, 'the day');
  assert.doesNotMatch(named, /2026/, 'this year goes without saying');
  assert.match(
    attributionLabel('Confirmed', null, at, now),
    /^Confirmed · /,
    'not "you": it may be another archive’s work',
  );
  assert.match(attributionLabel('Confirmed', 'bob', '2025-03-01T09:00:00.000Z', now), /2025/);
  assert.equal(attributionLabel('Confirmed', 'alice', undefined, now), '');
});

test('a mention says who confirmed or tagged it; one decided before attribution says only what it is', () => {
  const base: Mention = {
    id: 'm_0000000001',
    start: 0,
    end: 7,
    quote: { exact: 'Karovsk', prefix: '', suffix: '' },
    entityId: 'ent_0000000001',
    name: 'Karovsk',
    type: 'location',
    status: 'confirmed',
    source: 'model',
    confidence: 0.9,
  };
  assert.equal(decidedLabel(base), 'Confirmed');
  assert.equal(decidedLabel({ ...base, source: 'user' }), 'Confirmed (tagged by hand)');
  const at = '2026-12-05T10:02:00.000Z';
  assert.match(decidedLabel({ ...base, statusBy: 'alice', statusAt: at }), /^Confirmed by alice · /);
  assert.match(decidedLabel({ ...base, source: 'user', statusBy: 'bob', statusAt: at }), /^Tagged by bob · /);
  assert.match(decidedLabel({ ...base, status: 'rejected', statusBy: 'bob', statusAt: at }), /^Rejected by bob · /);
});
