// Where a shortcut goes: the same key acts on the library, the search results or the reader, depending on what is showing.
import type { ArticleSummary } from '../core/model.ts';
import type { Dialog, Section } from './navigation.ts';
import type { ShortcutAction } from './shortcuts.ts';
import type { ReaderKeyAction } from './views/reader-pane.tsx';

/** What a key does in the inbox: j/k move, o or Enter open, s star, e archive, u unread, Shift+A read all above. */
export type InboxOp = 'next' | 'previous' | 'open' | 'list' | 'star' | 'archive' | 'toggle-unread' | 'read-above';

/** The inbox's own meaning of the app's keys (e, s and Shift+A edit, suggest and confirm in the library). */
const INBOX_OPS: Partial<Record<ShortcutAction, InboxOp>> = {
  next: 'next',
  previous: 'previous',
  open: 'open',
  list: 'list',
  suggest: 'star',
  edit: 'archive',
  'accept-entity': 'read-above',
};

/** What the keys depend on, read when a key is pressed. */
export type ShortcutContext = {
  section: Section;
  /** The library lists the trash. */
  trash: boolean;
  cursor: number;
  openId: string | null;
  /** The loaded article in the reader. */
  article: { deletedAt: string | null } | null;
  /** What delete and restore act on: the open article, known from its row before its file has loaded. */
  target: Pick<ArticleSummary, 'id' | 'title' | 'deletedAt'> | null;
};

/** What the keys can do. */
export type ShortcutTargets = {
  showSection: (section: Section) => void;
  openDialog: (dialog: Dialog) => void;
  focusSearchBox: () => void;
  focusCollectionPicker: () => void;
  moveInResults: (by: 1 | -1) => void;
  focusResults: () => void;
  select: (index: number) => void;
  focusList: () => void;
  focusReader: () => void;
  /** The mention and claim keys, handled by the reader. */
  passToReader: (action: ReaderKeyAction) => void;
  deleteOpen: () => void;
  restore: (article: Pick<ArticleSummary, 'id' | 'title'>) => void;
  undoDelete: () => void;
  toggleTrash: () => void;
  /** A triage key in the inbox. */
  inbox: (op: InboxOp) => void;
};

/** Acts on one shortcut; `key` tells u (restore, or undo a delete) from r (restore only). */
export function routeShortcut(action: ShortcutAction, key: string, at: ShortcutContext, to: ShortcutTargets): void {
  const editable = at.article !== null && !at.article.deletedAt;
  if (action === 'entities' || action === 'claims' || action === 'inbox')
    return to.showSection(at.section === action ? 'library' : action);
  if (action === 'export') return to.openDialog('export');
  if (action === 'desk') return to.openDialog('desk');
  if (action === 'collect') {
    if (editable) to.focusCollectionPicker();
    return;
  }
  if (action === 'search') return to.focusSearchBox();
  if (at.section === 'search') {
    if (action === 'next' || action === 'previous') return to.moveInResults(action === 'next' ? 1 : -1);
    if (action === 'open') return to.focusReader();
    if (action === 'list') return to.focusResults();
    if (action === 'trash') return to.showSection('library');
    if (action === 'new') return to.openDialog('add');
    if (action === 'import' || action === 'help') return to.openDialog(action);
    if (action === 'edit') return editable ? to.openDialog('edit') : undefined;
    if (action === 'delete' || action === 'restore') return;
    if (at.article) to.passToReader(action);
    return;
  }
  if (at.section === 'inbox') {
    const op = action === 'restore' ? (key === 'u' ? 'toggle-unread' : undefined) : INBOX_OPS[action];
    if (op) return to.inbox(op);
    if (action === 'trash') return to.showSection('library');
    if (action === 'new') return to.openDialog('add');
    if (action === 'import' || action === 'help') return to.openDialog(action);
    // The reader's own keys (mentions, claims) go on to it; library-only ones (delete) do nothing here.
    if (at.article && !['delete', 'restore'].includes(action)) to.passToReader(action as ReaderKeyAction);
    return;
  }
  if (at.section !== 'library') {
    // The registry has its own list: library keys would move an article cursor nobody can see.
    if (action === 'trash') to.showSection('library');
    if (!['new', 'import', 'help', 'trash'].includes(action)) return;
  }
  switch (action) {
    case 'next':
      return to.select(at.cursor + 1);
    case 'previous':
      return to.select(at.cursor < 0 ? 0 : at.cursor - 1);
    case 'open':
      if (at.cursor >= 0 && !at.openId) to.select(at.cursor);
      return to.focusReader();
    case 'list':
      return to.focusList();
    case 'new':
      return to.openDialog('add');
    case 'import':
      return to.openDialog('import');
    case 'edit':
      if (editable) to.openDialog('edit');
      return;
    case 'delete':
      return to.deleteOpen();
    case 'restore':
      if (at.target?.deletedAt) return to.restore(at.target);
      if (key === 'u' && !at.trash) return to.undoDelete();
      return;
    case 'trash':
      return to.toggleTrash();
    case 'help':
      return to.openDialog('help');
    default:
      if (at.article) to.passToReader(action);
  }
}
