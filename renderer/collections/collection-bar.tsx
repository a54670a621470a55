// Above the library list: which collection is listed, a new one, and the export dialog.
import { useState, type FormEvent } from 'react';
import { formatNumber } from '../format.ts';
import type { Collections } from './use-collections.ts';

type Props = {
  collections: Collections;
  /** The hand-made collection listed, or null for the whole library. */
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** A smart collection is a search: choosing one runs its query in the search view. */
  onSearch: (query: string) => void;
  onCreate: (name: string, query: string | null) => Promise<boolean>;
  onRename: (id: string, name: string) => Promise<boolean>;
  onDelete: (id: string) => Promise<void>;
  onExport: () => void;
};

export function CollectionBar(props: Props) {
  const { collections, selectedId, onSelect, onSearch, onCreate, onExport } = props;
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [query, setQuery] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  /** Delete asks twice: the first click arms it, for a few seconds. */
  const [armed, setArmed] = useState(false);
  const selected = selectedId ? collections.byId(selectedId) : undefined;

  async function rename(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (selected && renaming?.trim() && (await props.onRename(selected.id, renaming.trim()))) setRenaming(null);
  }

  function remove(): void {
    if (!selected) return;
    if (!armed) {
      setArmed(true);
      setTimeout(() => setArmed(false), 4000);
      return;
    }
    setArmed(false);
    void props.onDelete(selected.id);
  }

  async function create(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (await onCreate(name.trim(), query.trim() || null)) {
      setCreating(false);
      setName('');
      setQuery('');
    }
  }

  return (
    <div className="collection-bar">
      <label className="collection-picker">
        <span>Collection</span>
        <select
          aria-label="Collection"
          value={selectedId ?? ''}
          onChange={(event) => {
            const chosen = collections.byId(event.target.value);
            if (chosen?.query) onSearch(chosen.query);
            else onSelect(chosen?.id ?? null);
          }}
        >
          <option value="">All articles</option>
          {collections.list.map((c) => (
            <option key={c.id} value={c.id}>
              {c.query === null ? '' : '⌕ '}
              {c.name}
              {c.articles === null ? '' : ` (${formatNumber(c.articles)})`}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button small"
        onClick={() => setCreating((open) => !open)}
        aria-expanded={creating}
      >
        New collection
      </button>
      {selected && (
        <>
          <button type="button" className="button small" onClick={() => setRenaming(selected.name)}>
            Rename
          </button>
          <button type="button" className={`button small${armed ? ' danger' : ''}`} onClick={remove}>
            {armed ? 'Delete: sure?' : 'Delete'}
          </button>
        </>
      )}
      <button type="button" className="button small" onClick={onExport} title="Export (Shift+S)">
        Export…
      </button>
      {renaming !== null && (
        <form className="collection-new" onSubmit={(event) => void rename(event)}>
          <input
            autoFocus
            aria-label="New name of the collection"
            value={renaming}
            maxLength={200}
            onChange={(event) => setRenaming(event.target.value)}
            onKeyDown={(event) => event.key === 'Escape' && setRenaming(null)}
          />
          <button type="submit" className="button small primary" disabled={!renaming.trim()}>
            Rename
          </button>
        </form>
      )}
      {creating && (
        <form className="collection-new" onSubmit={(event) => void create(event)}>
          <input
            autoFocus
            aria-label="Collection name"
            placeholder="Name"
            value={name}
            maxLength={200}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => event.key === 'Escape' && setCreating(false)}
          />
          <input
            aria-label="Smart collection query"
            placeholder="Query (optional: makes it a smart collection)"
            value={query}
            maxLength={2000}
            onChange={(event) => setQuery(event.target.value)}
          />
          <button type="submit" className="button small primary" disabled={!name.trim()}>
            Create
          </button>
        </form>
      )}
    </div>
  );
}
