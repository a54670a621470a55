// Saved searches (kept in archive.json): run one with a click, save the current query under a name, delete one.
import { useEffect, useState, type FormEvent } from 'react';
import type { SavedSearch } from '../../core/model.ts';
import { archive } from '../api.ts';

type Props = {
  query: string;
  sort: SavedSearch['sort'];
  onRun: (saved: SavedSearch) => void;
  onNotice: (text: string) => void;
  onError: (error: unknown) => void;
};

export function SavedSearches({ query, sort, onRun, onNotice, onError }: Props) {
  const [saved, setSaved] = useState<SavedSearch[]>([]);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  useEffect(() => {
    archive.listSavedSearches().then(setSaved, onError);
  }, []);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    try {
      const kept = await archive.saveSearch({ name, query, sort });
      setSaved(await archive.listSavedSearches());
      setNaming(false);
      setName('');
      onNotice(`Saved the search “${kept.name}”.`);
    } catch (error) {
      onError(error);
    }
  }

  return (
    <section className="facet saved-searches" aria-label="Saved searches">
      <h3>Saved searches</h3>
      {saved.length > 0 && (
        <ul>
          {saved.map((s) => (
            <li key={s.id} className="saved-search">
              <button type="button" className="facet-value" onClick={() => onRun(s)} title={s.query}>
                <span className="facet-label">{s.name}</span>
              </button>
              <button
                type="button"
                className="link-button"
                aria-label={`Delete the saved search ${s.name}`}
                onClick={() => void archive.deleteSavedSearch(s.id).then(setSaved, onError)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {naming ? (
        <form className="save-search" onSubmit={(e) => void save(e)} aria-label="Save this search">
          <input
            className="input"
            autoFocus
            placeholder="Name"
            aria-label="Name of the saved search"
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setNaming(false)}
          />
          <button type="submit" className="button" disabled={!name.trim()}>
            Save
          </button>
        </form>
      ) : (
        <button type="button" className="link-button" disabled={!query.trim()} onClick={() => setNaming(true)}>
          Save this search…
        </button>
      )}
    </section>
  );
}
