// The keyboard wired to the app: the elements the keys focus or drive, and each shortcut routed to them.
import { useRef } from 'react';
import type { InboxKeys } from './inbox/inbox-view.tsx';
import type { Navigation } from './navigation.ts';
import type { SearchKeys } from './search/search-view.tsx';
import { routeShortcut } from './shortcut-routing.ts';
import { useShortcuts } from './shortcuts.ts';
import type { ReaderKeyAction } from './views/reader-pane.tsx';
import type { ArticleActions } from './views/use-article-actions.tsx';
import type { LibrarySelection } from './views/use-library-selection.ts';

type Wiring = { nav: Navigation; selection: LibrarySelection; actions: ArticleActions };

/** Listens for the shortcuts; the refs it returns go on the views, so that the keys reach them. */
export function useAppShortcuts({ nav, selection, actions }: Wiring) {
  const reader = useRef<HTMLElement>(null);
  /** Set by the reader: the mention and claim keys go on through it. */
  const readerKeys = useRef<((action: ReaderKeyAction) => void) | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const results = useRef<SearchKeys>(null);
  const collectionPicker = useRef<HTMLSelectElement>(null);
  const inbox = useRef<InboxKeys>(null);
  const { view, article } = selection;

  useShortcuts((action, event) =>
    routeShortcut(
      action,
      event.key,
      {
        section: nav.section,
        trash: view.trash,
        cursor: selection.cursor,
        openId: selection.openId,
        article,
        target: selection.target(),
      },
      {
        showSection: nav.showSection,
        openDialog: nav.openDialog,
        focusSearchBox: () => {
          searchBox.current?.focus();
          searchBox.current?.select();
        },
        focusCollectionPicker: () => collectionPicker.current?.focus(),
        moveInResults: (by) => results.current?.move(by),
        focusResults: () => results.current?.focusList(),
        select: (index) => void selection.select(index),
        focusList: () => list.current?.focus(),
        focusReader: () => reader.current?.focus(),
        passToReader: (readerAction) => readerKeys.current?.(readerAction),
        deleteOpen: () => void actions.deleteOpen(),
        restore: (open) => void actions.restore(open.id, open.title, false),
        undoDelete: () => void actions.undoDelete(),
        toggleTrash: () => selection.changeView({ ...view, trash: !view.trash, collectionId: undefined }),
        inbox: (op) => inbox.current?.run(op),
      },
    ),
  );
  return { reader, readerKeys, list, searchBox, results, collectionPicker, inbox };
}
