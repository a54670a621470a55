// The bar across the top: the app's name, the main actions and which listing is showing.
import type { RefObject } from 'react';
import type { ArchiveStatus } from '../../core/model.ts';
import { formatCount } from '../format.ts';
import { importPosition } from '../import/summary.ts';
import type { ImportRun } from '../import/use-import.ts';
import type { Section } from '../navigation.ts';

type Props = {
  trash: boolean;
  /** The entity registry or the claims view may be showing instead of the library. */
  section: Section;
  onShowSection: (section: Section) => void;
  status: ArchiveStatus | null;
  onNew: () => void;
  onImport: () => void;
  /** A running import (its dialog may be closed) shows its progress on the button. */
  importRun: ImportRun;
  onShowTrash: (trash: boolean) => void;
  onHelp: () => void;
  query: string;
  onQueryChange: (query: string) => void;
  searchInputRef: RefObject<HTMLInputElement | null>;
  /** Escape clears the search; Enter or ↓ goes to the hits. */
  onSearchKey: (key: 'Escape' | 'Enter') => void;
};

export function TopBar({
  trash,
  section,
  onShowSection,
  status,
  onNew,
  onImport,
  importRun,
  onShowTrash,
  onHelp,
  query,
  onQueryChange,
  searchInputRef,
  onSearchKey,
}: Props) {
  const library = section === 'library';
  const importing = importPosition(importRun);
  return (
    <header className="top-bar">
      <div className="brand">
        <svg className="brand-mark" viewBox="0 0 20 20" aria-hidden="true">
          <rect x="1.5" y="2.5" width="17" height="15" rx="2" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M4.5 6.5h11M4.5 10h5M4.5 13.5h5M11.5 10h4v3.5h-4z" stroke="currentColor" strokeWidth="1.4" />
        </svg>
        <span className="brand-name">Newsdesk</span>
      </div>
      <button type="button" className="button primary" onClick={onNew} aria-keyshortcuts="n" title="New article (n)">
        New article
      </button>
      <button
        type="button"
        className="button chrome"
        onClick={onImport}
        aria-keyshortcuts="i"
        title="Import files, a web address or pasted HTML (i)"
      >
        {importing ? (
          <>
            <span className="spinner" aria-hidden="true" />
            Importing {importing}
          </>
        ) : (
          'Import…'
        )}
      </button>
      <div className="segmented" role="group" aria-label="Show">
        <button type="button" aria-pressed={!trash && library} onClick={() => onShowTrash(false)} title="Library (t)">
          Library
        </button>
        <button type="button" aria-pressed={trash && library} onClick={() => onShowTrash(true)} title="Trash (t)">
          Trash
          {status && status.trash > 0 && <span className="badge">{status.trash}</span>}
        </button>
        <button
          type="button"
          aria-pressed={section === 'inbox'}
          onClick={() => onShowSection('inbox')}
          title="Inbox: what subscriptions brought in, unread first (Shift+I)"
        >
          Inbox
        </button>
        <button
          type="button"
          aria-pressed={section === 'entities'}
          onClick={() => onShowSection('entities')}
          title="Entity registry (Shift+E)"
        >
          Entities
        </button>
        <button
          type="button"
          aria-pressed={section === 'claims'}
          onClick={() => onShowSection('claims')}
          title="Claims across the archive (Shift+C)"
        >
          Claims
        </button>
      </div>
      <input
        ref={searchInputRef}
        className="input search-box"
        type="search"
        role="searchbox"
        aria-label="Search the archive"
        aria-keyshortcuts="/"
        placeholder='Search: words, "phrases", source:, entity:, published:2024-11…   (/)'
        value={query}
        spellCheck={false}
        onChange={(e) => onQueryChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onSearchKey('Escape');
            e.currentTarget.blur();
          } else if (e.key === 'Enter' || e.key === 'ArrowDown') {
            e.preventDefault();
            onSearchKey('Enter');
          }
        }}
      />
      <span className="spacer" />
      <span className="article-count" data-testid="article-count">
        {status ? formatCount(status.articles, 'article', 'articles') : ''}
      </span>
      <button
        type="button"
        className="icon-button help-button"
        onClick={onHelp}
        aria-label="Keyboard shortcuts"
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
      >
        ?
      </button>
    </header>
  );
}
