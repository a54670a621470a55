// Where the user is: the section under the top bar, the search typed, the entity shown and the dialog open.
import { useState } from 'react';

/** What fills the window under the top bar: the library and reader, the inbox, the entity registry, claims across the archive, or search results. */
export type Section = 'library' | 'inbox' | 'entities' | 'claims' | 'search';

export type Dialog = 'add' | 'edit' | 'import' | 'help' | 'export' | 'subscriptions' | 'desk';

export function useNavigation() {
  const [section, setSection] = useState<Section>('library');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [query, setQuery] = useState('');
  const [entityId, setEntityId] = useState<string | null>(null);

  /** Typing a query shows the search results; clearing it goes back to the library. */
  function changeQuery(next: string): void {
    setQuery(next);
    setSection(next.trim() ? 'search' : 'library');
  }

  function openEntity(id: string): void {
    setEntityId(id);
    setSection('entities');
  }

  return {
    section,
    showSection: setSection,
    dialog,
    openDialog: setDialog,
    closeDialog: () => setDialog(null),
    query,
    changeQuery,
    entityId,
    selectEntity: setEntityId,
    openEntity,
  };
}

export type Navigation = ReturnType<typeof useNavigation>;
