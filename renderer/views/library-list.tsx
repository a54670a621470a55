// The library as a virtualized grid: only the rows on screen exist, their pages fetched as they scroll into view.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useRef, type KeyboardEvent, type Ref } from 'react';
import type { SortField } from '../../core/model.ts';
import { PublishedDate } from '../components/published-date.tsx';
import { formatFullDate, formatShortDate } from '../format.ts';
import type { LibraryPages, ListView } from '../library-pages.ts';

const ROW_HEIGHT = 28;
const HEADER_HEIGHT = 30;

const COLUMNS: { field: SortField; label: string; className: string }[] = [
  { field: 'title', label: 'Title', className: 'col-title' },
  { field: 'source', label: 'Source', className: 'col-source' },
  { field: 'publishedAt', label: 'Published', className: 'col-date' },
  { field: 'capturedAt', label: 'Captured', className: 'col-date' },
];

type Props = {
  /** The grid element, for handing focus back to the list. */
  ref?: Ref<HTMLDivElement>;
  pages: LibraryPages;
  view: ListView;
  cursor: number;
  openId: string | null;
  onSort: (field: SortField) => void;
  onSelect: (index: number) => void;
  onOpen: () => void;
};

export function LibraryList({ ref, pages, view, cursor, openId, onSort, onSelect, onOpen }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Runs after mount, when the element exists.
  useImperativeHandle(ref, () => scrollRef.current!, []);
  const total = pages.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    paddingStart: HEADER_HEIGHT,
    // Keeps a row scrolled to by the keyboard from hiding under the sticky header.
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (total > 0) void pages.ensure(first, last);
  }, [pages, first, last, total]);

  useEffect(() => {
    if (cursor >= 0 && cursor < total) virtualizer.scrollToIndex(cursor, { align: 'auto' });
    // Only a moved cursor scrolls: a refresh must not yank the list back to the selection.
  }, [cursor]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      if (total > 0) onSelect(event.key === 'Home' ? 0 : total - 1);
    }
  }

  const activeRow = openId && pages.indexOf(openId) >= 0 ? `row-${openId}` : undefined;
  return (
    <div
      ref={scrollRef}
      className="library-list"
      role="grid"
      aria-label={view.trash ? 'Trash' : 'Library'}
      aria-rowcount={total + 1}
      aria-colcount={COLUMNS.length}
      aria-activedescendant={activeRow}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className="list-header" role="row" aria-rowindex={1}>
        {COLUMNS.map((column) => {
          const sorted = view.sort === column.field;
          return (
            <div
              key={column.field}
              role="columnheader"
              className={column.className}
              aria-sort={sorted ? (view.order === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <button type="button" onClick={() => onSort(column.field)}>
                {column.label}
                <span className="sort-arrow" aria-hidden="true">
                  {sorted ? (view.order === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            </div>
          );
        })}
      </div>
      {pages.total === 0 && <p className="list-empty">{view.trash ? 'The trash is empty.' : 'No articles.'}</p>}
      <div className="list-body" style={{ height: virtualizer.getTotalSize() - HEADER_HEIGHT }}>
        {rows.map((row) => {
          const item = pages.at(row.index);
          const selected = item ? item.id === openId : false;
          return (
            <div
              key={row.key}
              id={item ? `row-${item.id}` : undefined}
              role="row"
              aria-rowindex={row.index + 2}
              aria-selected={selected}
              className={`list-row${selected ? ' selected' : ''}${row.index === cursor ? ' cursor' : ''}${item ? '' : ' placeholder'}`}
              style={{ transform: `translateY(${row.start - HEADER_HEIGHT}px)` }}
              onMouseDown={(event) => {
                // Keep focus on the grid, so the selection shows as active and arrow keys keep working.
                event.preventDefault();
                scrollRef.current?.focus({ preventScroll: true });
              }}
              onClick={() => onSelect(row.index)}
              onDoubleClick={onOpen}
            >
              {item ? (
                <>
                  <div role="gridcell" className="col-title" dir="auto" title={item.title}>
                    {item.title}
                  </div>
                  <div role="gridcell" className="col-source" dir="auto">
                    {item.source}
                  </div>
                  <div role="gridcell" className="col-date">
                    <PublishedDate item={item} />
                  </div>
                  <div role="gridcell" className="col-date" title={formatFullDate(item.capturedAt)}>
                    {formatShortDate(item.capturedAt)}
                  </div>
                </>
              ) : (
                <div role="gridcell" className="col-title">
                  <span className="skeleton" aria-label="Loading" />
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
