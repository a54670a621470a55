// The keyboard map: one table drives both the key handler and the help overlay, so they cannot disagree.
import { useEffect, useRef } from 'react';

import type { ReaderKeyAction } from './views/reader-pane.tsx';

export type ShortcutAction =
  | 'next'
  | 'previous'
  | 'open'
  | 'list'
  | 'new'
  | 'import'
  | 'edit'
  | 'delete'
  | 'restore'
  | 'trash'
  | 'entities'
  | 'claims'
  | 'help'
  | 'search'
  | 'export'
  | 'collect'
  | 'inbox'
  | 'desk'
  | ReaderKeyAction;

export type Shortcut = { action: ShortcutAction; keys: string[]; label: string; description: string };

export const SHORTCUTS: Shortcut[] = [
  { action: 'next', keys: ['j', 'ArrowDown'], label: 'j / ↓', description: 'Next article' },
  { action: 'previous', keys: ['k', 'ArrowUp'], label: 'k / ↑', description: 'Previous article' },
  {
    action: 'open',
    keys: ['Enter', 'o'],
    label: 'Enter / o',
    description: 'Read the selected article (Space then scrolls it)',
  },
  { action: 'list', keys: ['Escape'], label: 'Esc', description: 'Back to the list' },
  { action: 'new', keys: ['n'], label: 'n', description: 'New article' },
  { action: 'import', keys: ['i'], label: 'i', description: 'Import files, a web address or pasted HTML' },
  { action: 'edit', keys: ['e'], label: 'e', description: 'Edit the selected article' },
  { action: 'delete', keys: ['Delete', 'Backspace', '#'], label: 'Delete / #', description: 'Move to the trash' },
  {
    action: 'restore',
    keys: ['r', 'u'],
    label: 'r / u',
    description: 'Restore from the trash (u also undoes a delete)',
  },
  { action: 'trash', keys: ['t'], label: 't', description: 'Switch between the library and the trash' },
  {
    action: 'entities',
    keys: ['E'],
    label: 'Shift+E',
    description: 'The entity registry (again: back to the library)',
  },
  { action: 'next-mention', keys: [']'], label: ']', description: 'Next mention in the article' },
  { action: 'previous-mention', keys: ['['], label: '[', description: 'Previous mention in the article' },
  { action: 'accept-mention', keys: ['a'], label: 'a', description: 'Confirm the current suggestion' },
  { action: 'reject-mention', keys: ['x'], label: 'x', description: 'Reject the current suggestion (or remove a tag)' },
  { action: 'accept-entity', keys: ['A'], label: 'Shift+A', description: 'Confirm every suggestion of that entity' },
  { action: 'reject-entity', keys: ['X'], label: 'Shift+X', description: 'Reject every suggestion of that entity' },
  {
    action: 'undo-review',
    keys: ['z', 'Ctrl+z'],
    label: 'z / Ctrl+Z',
    description: 'Undo the last rejection of suggestions (or removal of a tag)',
  },
  { action: 'tag-selection', keys: ['m'], label: 'm', description: 'Tag the selected words as an entity' },
  { action: 'suggest', keys: ['s'], label: 's', description: 'Suggest entities and claims again' },
  { action: 'claim-selection', keys: ['c'], label: 'c', description: 'Make a claim of the selected words' },
  {
    action: 'claims',
    keys: ['C'],
    label: 'Shift+C',
    description: 'Claims across the archive (again: back to the library)',
  },
  { action: 'inbox', keys: ['I'], label: 'Shift+I', description: 'The inbox (again: back to the library)' },
  { action: 'desk', keys: ['D'], label: 'Shift+D', description: 'The team desk: sync, conflicts, join or leave' },
  { action: 'search', keys: ['/'], label: '/', description: 'Search the archive (Esc in the box clears it)' },
  { action: 'collect', keys: ['b'], label: 'b', description: 'Add the article to a collection' },
  {
    action: 'export',
    keys: ['S'],
    label: 'Shift+S',
    description: 'Export the collection, the search results, the article or the library',
  },
  { action: 'help', keys: ['?'], label: '?', description: 'Show these shortcuts' },
];

/** The same keys in the inbox, where they triage (renderer/shortcut-routing.ts routes them). */
export const INBOX_SHORTCUTS: { label: string; description: string }[] = [
  { label: 'j / k', description: 'Next or previous article (opening an unread one reads it)' },
  { label: 'o / Enter', description: 'Go to the reader' },
  { label: 's', description: 'Star or unstar (the selected rows, or the one under the cursor)' },
  { label: 'e', description: 'Archive (again: back to the inbox)' },
  { label: 'u', description: 'Mark unread, or read again' },
  { label: 'Shift+A', description: 'Mark everything above, and this one, read' },
  { label: 'Ctrl+click / Shift+click', description: 'Select several rows for s, e and u' },
];

const byKey = new Map(SHORTCUTS.flatMap((shortcut) => shortcut.keys.map((key) => [key, shortcut.action] as const)));

/** Arrow keys only navigate the list when it has focus: elsewhere they scroll, as users expect. */
const LIST_ONLY = new Set(['ArrowDown', 'ArrowUp']);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(target.type);
  return false;
}

/** Calls handle(action) for shortcut keys pressed outside text fields and dialogs. */
export function useShortcuts(handle: (action: ShortcutAction, event: KeyboardEvent) => void): void {
  const latest = useRef(handle);
  latest.current = handle;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || event.altKey || event.isComposing) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      // Ctrl (Cmd on a Mac) plus a key is its own shortcut, "Ctrl+z": plain j must not fire on Ctrl+J.
      const action = byKey.get(event.ctrlKey || event.metaKey ? `Ctrl+${event.key}` : event.key);
      if (!action) return;
      if (LIST_ONLY.has(event.key) && !(event.target instanceof HTMLElement && event.target.closest('[role="grid"]')))
        return;
      // Enter on a focused button must still press the button.
      if (event.key === 'Enter' && event.target instanceof HTMLElement && event.target.closest('button, a')) return;
      event.preventDefault();
      latest.current(action, event);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
