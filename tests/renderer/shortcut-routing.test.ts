// renderer/shortcut-routing.ts: one key does the right thing in the library, the search results and the other sections.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { routeShortcut, type ShortcutContext, type ShortcutTargets } from '../../renderer/shortcut-routing.ts';
import type { ShortcutAction } from '../../renderer/shortcuts.ts';

const LIVE = { id: 'a1', title: 'Aid convoy turned back', deletedAt: null };
const TRASHED = { ...LIVE, deletedAt: '2024-11-29T10:00:00.000Z' };

const library: ShortcutContext = {
  section: 'library',
  trash: false,
  cursor: 3,
  openId: 'a1',
  article: LIVE,
  target: LIVE,
};

/** Presses one key and returns what it did, as [target, ...arguments]. */
function press(action: ShortcutAction, at: Partial<ShortcutContext> = {}, key = ''): unknown[][] {
  const calls: unknown[][] = [];
  const record = new Proxy({} as ShortcutTargets, {
    get:
      (_, name) =>
      (...args: unknown[]) =>
        void calls.push([name, ...args]),
  });
  routeShortcut(action, key, { ...library, ...at }, record);
  return calls;
}

test('in the library j and k move the cursor, and k from nowhere starts at the top', () => {
  assert.deepEqual(press('next'), [['select', 4]]);
  assert.deepEqual(press('previous'), [['select', 2]]);
  assert.deepEqual(press('previous', { cursor: -1 }), [['select', 0]]);
});

test('Enter opens the row under the cursor when nothing is open yet, then goes to the reader', () => {
  assert.deepEqual(press('open', { openId: null, article: null }), [['select', 3], ['focusReader']]);
  assert.deepEqual(press('open'), [['focusReader']]);
});

test('in the search results j and k move through the hits, and library-only keys do nothing', () => {
  const search = { section: 'search' as const };
  assert.deepEqual(press('next', search), [['moveInResults', 1]]);
  assert.deepEqual(press('previous', search), [['moveInResults', -1]]);
  assert.deepEqual(press('list', search), [['focusResults']]);
  assert.deepEqual(press('delete', search), []);
  assert.deepEqual(press('restore', { ...search, target: TRASHED }, 'r'), []);
  assert.deepEqual(press('trash', search), [['showSection', 'library']]);
});

test('mention keys reach the reader only when an article is loaded', () => {
  assert.deepEqual(press('accept-mention'), [['passToReader', 'accept-mention']]);
  assert.deepEqual(press('claim-selection', { section: 'search' }), [['passToReader', 'claim-selection']]);
  assert.deepEqual(press('accept-mention', { article: null }), []);
});

test('in the registry or the claims the list keys do nothing; new, import and help still work', () => {
  for (const section of ['entities', 'claims'] as const) {
    assert.deepEqual(press('next', { section }), []);
    assert.deepEqual(press('delete', { section }), []);
    assert.deepEqual(press('accept-mention', { section }), []);
    assert.deepEqual(press('new', { section }), [['openDialog', 'add']]);
    assert.deepEqual(press('help', { section }), [['openDialog', 'help']]);
  }
});

test('t from the registry goes back to the list and switches it, as t does in the library', () => {
  assert.deepEqual(press('trash', { section: 'entities' }), [['showSection', 'library'], ['toggleTrash']]);
  assert.deepEqual(press('trash'), [['toggleTrash']]);
});

test('Shift+E and Shift+C open their section, and pressed again go back to the library', () => {
  assert.deepEqual(press('entities'), [['showSection', 'entities']]);
  assert.deepEqual(press('entities', { section: 'entities' }), [['showSection', 'library']]);
  assert.deepEqual(press('claims', { section: 'entities' }), [['showSection', 'claims']]);
});

test('r restores a trashed article; u also undoes the last delete, but not from the trash', () => {
  assert.deepEqual(press('restore', { target: TRASHED, article: TRASHED }, 'r'), [['restore', TRASHED]]);
  assert.deepEqual(press('restore', { target: TRASHED, article: null }, 'u'), [['restore', TRASHED]]);
  assert.deepEqual(press('restore', {}, 'u'), [['undoDelete']]);
  assert.deepEqual(press('restore', {}, 'r'), []);
  assert.deepEqual(press('restore', { trash: true, target: null }, 'u'), []);
});

test('edit and collect need a loaded article that is not in the trash', () => {
  assert.deepEqual(press('edit'), [['openDialog', 'edit']]);
  assert.deepEqual(press('edit', { article: TRASHED }), []);
  assert.deepEqual(press('edit', { article: null }), []);
  assert.deepEqual(press('collect'), [['focusCollectionPicker']]);
  assert.deepEqual(press('collect', { article: TRASHED, section: 'search' }), []);
});

test('/, Shift+S and Shift+D work from every section', () => {
  for (const section of ['library', 'search', 'entities', 'claims', 'inbox'] as const) {
    assert.deepEqual(press('search', { section }), [['focusSearchBox']]);
    assert.deepEqual(press('export', { section }), [['openDialog', 'export']]);
    assert.deepEqual(press('desk', { section }), [['openDialog', 'desk']]);
  }
});

test('in the inbox the keys triage: j/k, o, s star, e archive, u unread, Shift+A read above; r does nothing', () => {
  const inbox = { section: 'inbox' as const };
  assert.deepEqual(press('next', inbox), [['inbox', 'next']]);
  assert.deepEqual(press('previous', inbox), [['inbox', 'previous']]);
  assert.deepEqual(press('open', inbox, 'o'), [['inbox', 'open']]);
  assert.deepEqual(press('suggest', inbox, 's'), [['inbox', 'star']]);
  assert.deepEqual(press('edit', inbox, 'e'), [['inbox', 'archive']]);
  assert.deepEqual(press('restore', inbox, 'u'), [['inbox', 'toggle-unread']]);
  assert.deepEqual(press('restore', inbox, 'r'), []);
  assert.deepEqual(press('accept-entity', inbox, 'A'), [['inbox', 'read-above']]);
  assert.deepEqual(press('delete', inbox), []);
  assert.deepEqual(press('next-mention', inbox), [['passToReader', 'next-mention']]);
  assert.deepEqual(press('new', inbox), [['openDialog', 'add']]);
  assert.deepEqual(press('inbox', inbox), [['showSection', 'library']]);
  assert.deepEqual(press('inbox'), [['showSection', 'inbox']]);
});
