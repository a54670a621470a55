// renderer/desk/desk-format.ts: the status bar's desk item says what matters most, and a conflict's values read and edit back as what they were.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DeskStatus } from '../../core/model.ts';
import { deskLabel, isOffline, parseEdited, timeAgo, valueText } from '../../renderer/desk/desk-format.ts';

const NOW = Date.parse('2026-12-05T12:00:00Z');
const joined: DeskStatus = {
  joined: true,
  url: 'http://127.0.0.1:5984/desk',
  user: 'alice',
  analyst: 'Alice',
  lastSyncAt: '2026-12-05T11:58:00Z',
  pendingUp: 0,
  pendingDown: 0,
  conflicts: 0,
  offline: null,
  lastFailure: null,
  syncing: false,
};

test('how long ago, in minutes, hours and days', () => {
  assert.equal(timeAgo('2026-12-05T11:59:40Z', NOW), 'just now');
  assert.equal(timeAgo('2026-12-05T11:58:00Z', NOW), '2 min ago');
  assert.equal(timeAgo('2026-12-05T09:00:00Z', NOW), '3 h ago');
  assert.equal(timeAgo('2026-12-01T12:00:00Z', NOW), '4 days ago');
  // A clock a little ahead of ours is not "in the future".
  assert.equal(timeAgo('2026-12-05T12:00:10Z', NOW), 'just now');
});

test('the status bar item: syncing, then offline, then conflicts, then when it last synced', () => {
  assert.equal(deskLabel({ ...joined, joined: false }, false, NOW), 'Desk');
  assert.equal(deskLabel(joined, false, NOW), 'Desk · synced 2 min ago');
  assert.equal(deskLabel({ ...joined, lastSyncAt: null }, false, NOW), 'Desk · not synced yet');
  assert.equal(deskLabel({ ...joined, conflicts: 3 }, false, NOW), 'Desk · 3 conflicts');
  assert.equal(deskLabel({ ...joined, conflicts: 1 }, false, NOW), 'Desk · 1 conflict');
  const unreachable = 'Cannot reach the desk at http://127.0.0.1:5984/desk; working offline, nothing changed.';
  assert.equal(deskLabel({ ...joined, conflicts: 3, offline: unreachable }, false, NOW), 'Desk · offline');
  assert.equal(deskLabel({ ...joined, offline: 'The desk refused the user alice.' }, false, NOW), 'Desk · sync failed');
  assert.equal(deskLabel({ ...joined, offline: unreachable }, true, NOW), 'Desk · syncing…');
  // A background sync (the schedule's, not this window's button) says so too.
  assert.equal(deskLabel({ ...joined, conflicts: 3, syncing: true }, false, NOW), 'Desk · syncing…');
  assert.equal(isOffline(unreachable), true);
});

test('values: text as it is, the rest as JSON that edits back to the same kind', () => {
  assert.equal(valueText('Karovsk'), 'Karovsk');
  assert.equal(valueText(null), '(none)');
  assert.equal(valueText({ status: 'confirmed' }), '{\n  "status": "confirmed"\n}');
  assert.deepEqual(parseEdited('{"a": 1}', ['x', null]), { value: '{"a": 1}' });
  assert.deepEqual(parseEdited('{"status": "disputed"}', [{ status: 'confirmed' }, null]), {
    value: { status: 'disputed' },
  });
  assert.ok('error' in parseEdited('{nope', [{ status: 'confirmed' }]));
});
