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
  onExport: () => void;
};

export function CollectionBar({ collections, selectedId, onSelect, onSearch, onCreate, onExport }: Props) {
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [query, setQuery] = useState('');

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
      <button type="button" className="button small" onClick={onExport} title="Export (Shift+S)">
        Export…
      </button>
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
