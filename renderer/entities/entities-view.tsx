// The entity registry: a filterable, virtualized list of every entity beside the selected one's page.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { EntityType, MergeRecord } from '../../core/model.ts';
import { archive } from '../api.ts';
import { useArchiveQuery } from '../use-archive-query.ts';
import { TypeBadge, TypeOptions } from './entity-types.tsx';
import { EntityPage } from './entity-page.tsx';

const ROW_HEIGHT = 30;

type Props = {
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  onOpenArticle: (id: string) => void;
  onMerged: (record: MergeRecord) => void;
  onNotice: (text: string) => void;
  onError: (error: unknown) => void;
  /** Bumped by the app when something outside changed the registry (an undone merge). */
  revision: number;
};

export function EntitiesView({ selectedId, onSelect, onOpenArticle, onMerged, onNotice, onError, revision }: Props) {
  const [text, setText] = useState('');
  const [type, setType] = useState<EntityType | ''>('');
  const [changes, setChanges] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const listed = useArchiveQuery(
    () => archive.listEntities({ text: text.trim() || undefined, type: type || undefined, limit: 10_000 }),
    [text, type, changes, revision],
    { initial: null, delayMs: 60 },
  );
  const { data: entities, error: listError, setData: setEntities } = listed;

  const rows = entities ?? [];
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const cursor = rows.findIndex((e) => e.id === selectedId);

  useEffect(() => {
    if (!selectedId && rows[0]) onSelect(rows[0].id);
  }, [rows, selectedId]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (!['j', 'k', 'ArrowDown', 'ArrowUp'].includes(event.key) || rows.length === 0) return;
    event.preventDefault();
    event.stopPropagation();
    const next = Math.min(
      rows.length - 1,
      Math.max(0, cursor + (event.key === 'j' || event.key === 'ArrowDown' ? 1 : -1)),
    );
    onSelect(rows[next]!.id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  return (
    <div className="entities-view">
      <section className="registry" aria-label="Entity registry">
        <div className="registry-filters">
          <input
            className="input"
            type="search"
            placeholder="Filter by name or alias"
            aria-label="Filter entities"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <select
            className="input"
            aria-label="Type"
            value={type}
            onChange={(event) => setType(event.target.value as EntityType | '')}
          >
            <option value="">All types</option>
            <TypeOptions />
          </select>
        </div>
        <p className="registry-count muted" data-testid="entity-count">
          {entities ? `${rows.length} entit${rows.length === 1 ? 'y' : 'ies'}` : 'Loading…'}
          {listError && ` · ${listError}`}
        </p>
        <div
          ref={scrollRef}
          className="registry-list"
          role="listbox"
          aria-label="Entities"
          tabIndex={0}
          onKeyDown={onKeyDown}
        >
          {entities && rows.length === 0 && (
            <p className="list-empty">
              {text || type
                ? 'No entity matches.'
                : 'No entities yet: confirm suggestions in the reader, or select words in an article to tag them.'}
            </p>
          )}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const entity = rows[item.index]!;
              return (
                <div
                  key={entity.id}
                  role="option"
                  aria-selected={entity.id === selectedId}
                  className={`registry-row${entity.id === selectedId ? ' selected' : ''}`}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  onClick={() => onSelect(entity.id)}
                >
                  <TypeBadge type={entity.type} />
                  <span className="registry-name" dir="auto">
                    {entity.name}
                  </span>
                  <span className="registry-aliases" dir="auto">
                    {entity.aliases.join(', ')}
                  </span>
                  <span className="registry-articles" title="Articles">
                    {entity.articles}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </section>
      {selectedId ? (
        <EntityPage
          entityId={selectedId}
          revision={revision + changes}
          onOpenArticle={onOpenArticle}
          onOpenEntity={onSelect}
          onError={onError}
          onNotice={onNotice}
          onChanged={({ merged, deleted }) => {
            setChanges((n) => n + 1);
            if (merged) onMerged(merged);
            if (deleted) {
              onNotice(`Deleted “${deleted}” and its tags.`);
              // Out of the list at once, so the first row (often the one just deleted) is not re-opened.
              const remaining = rows.filter((e) => e.id !== selectedId);
              setEntities(remaining);
              onSelect(remaining[Math.min(Math.max(cursor, 0), remaining.length - 1)]?.id ?? null);
            }
          }}
        />
      ) : (
        <section className="entity-page reader-empty">
          <p>Select an entity to see its articles.</p>
        </section>
      )}
    </div>
  );
}
