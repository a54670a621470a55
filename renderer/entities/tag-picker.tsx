// Tags a span: type-ahead over the registry, or a new entity of a chosen type, all from the keyboard.
import { useState, type KeyboardEvent } from 'react';
import type { EntityType } from '../../core/model.ts';
import { TypeBadge, TypeOptions } from './entity-types.tsx';
import { useEntitySearch } from './use-entity-search.ts';

type Props = {
  /** The selected words: the first search, and the new entity's name unless changed. */
  text: string;
  /** A type to start a new entity with (a suggestion's, when re-tagging one). */
  initialType?: EntityType;
  onPick: (target: { entityId: string } | { name: string; type: EntityType }) => void;
  /** Offer a new entity as the last choice (tagging), or only existing ones (merging). */
  allowNew?: boolean;
  /** An entity not to offer (the one being merged into). */
  excludeId?: string;
  /** Only entities of this type (places for a claim). */
  onlyType?: EntityType;
};

export function TagPicker({ text, initialType = 'person', onPick, allowNew = true, excludeId, onlyType }: Props) {
  const [query, setQuery] = useState(text);
  const [type, setType] = useState<EntityType>(initialType);
  const [active, setActive] = useState(0);
  const search = useEntitySearch(query, { type: onlyType });
  const results = search.results.filter((entity) => entity.id !== excludeId);
  const error = search.error;
  const name = allowNew ? query.trim() : '';
  // The last row creates a new entity.
  const rows = results.length + (name ? 1 : 0);

  function choose(index: number): void {
    const entity = results[index];
    if (entity) onPick({ entityId: entity.id });
    else if (name) onPick({ name, type });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (rows ? (i + (event.key === 'ArrowDown' ? 1 : rows - 1)) % rows : 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(Math.min(active, rows - 1));
    }
  }

  return (
    <div className="tag-picker">
      <input
        className="input tag-picker-input"
        aria-label="Entity name"
        value={query}
        autoFocus
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        dir="auto"
      />
      <ul className="tag-picker-list" role="listbox" aria-label="Entities">
        {results.map((entity, i) => (
          <li
            key={entity.id}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : ''}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(i)}
          >
            <TypeBadge type={entity.type} />
            <span className="tag-picker-name" dir="auto">
              {entity.name}
            </span>
            {entity.aliases.length > 0 && (
              <span className="tag-picker-aliases" dir="auto">
                {entity.aliases.slice(0, 3).join(', ')}
              </span>
            )}
          </li>
        ))}
        {name && (
          <li
            role="option"
            aria-selected={active === results.length}
            className={`tag-picker-new${active === results.length ? ' active' : ''}`}
            onMouseEnter={() => setActive(results.length)}
            onClick={() => choose(results.length)}
          >
            <span>
              New entity “<bdi>{name}</bdi>” as
            </span>
            <select
              aria-label="Type of the new entity"
              value={type}
              onClick={(event) => event.stopPropagation()}
              onChange={(event) => setType(event.target.value as EntityType)}
            >
              <TypeOptions />
            </select>
          </li>
        )}
      </ul>
      {error && <p className="form-error">{error}</p>}
      <p className="popover-hint">↑ ↓ to choose · Enter to tag · Esc to cancel</p>
    </div>
  );
}
