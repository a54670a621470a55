// Search results as you type: facets and saved searches on the left, the ranked hits with their snippets in the middle, the reader on the right.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useRef, useState, type ReactNode, type Ref } from 'react';
import type { SavedSearch, SearchHit, SearchResult } from '../../core/model.ts';
import { archive } from '../api.ts';
import { PublishedDate } from '../components/published-date.tsx';
import { formatCount, formatNumber } from '../format.ts';
import { useArchiveQuery } from '../use-archive-query.ts';
import { FacetPanel } from './facet-panel.tsx';
import { Highlighted } from './highlighted.tsx';
import { SavedSearches } from './saved-searches.tsx';

type SearchSort = SavedSearch['sort'];

const ROW_HEIGHT = 80;
const PAGE = 100;
/** Typing pauses this long before a query runs: each keystroke does not need its own search. */
const TYPING_PAUSE_MS = 90;

type Props = {
  ref?: Ref<SearchKeys>;
  query: string;
  onQueryChange: (query: string) => void;
  openId: string | null;
  onOpen: (id: string) => void;
  /** Changes when articles change: the results are fetched again. */
  revision: number;
  /** The reader, shown beside the results. */
  reader: ReactNode;
  onError: (error: unknown) => void;
  onNotice: (text: string) => void;
  /** Buttons for the whole result: add it to a collection, export it. */
  actions?: ReactNode;
};

/** What the app's shortcuts do here: j/k move through the hits. */
export type SearchKeys = { move: (by: number) => void; focusList: () => void };

export function SearchView(props: Props) {
  const { ref, query, onQueryChange, openId, onOpen, revision, reader, onError, onNotice } = props;
  const [sort, setSort] = useState<SearchSort>('relevance');
  const [hits, setHits] = useState<SearchHit[]>([]);
  // The highlighted hit is the one in the reader, by construction: a separate cursor once drifted
  // from it and the reader kept showing the previous article beside another highlighted hit.
  const cursor = hits.findIndex((h) => h.id === openId);
  /** The reader's article now, for answers that land after the render that asked (a typing pause). */
  const openNow = useRef(openId);
  openNow.current = openId;
  const scrollRef = useRef<HTMLDivElement>(null);
  const loadingMore = useRef(false);
  /** Which query and sort the hits on screen are for: a page fetched for another is dropped. */
  const shownFor = useRef('');

  // The last good results stay up while a half-typed query does not parse.
  const searched = useArchiveQuery(
    () => archive.search({ query, sort, limit: PAGE, facets: true }),
    [query, sort, revision],
    { initial: null, delayMs: TYPING_PAUSE_MS, onData: showHits },
  );
  const { data: result, error } = searched;

  function showHits(found: SearchResult): void {
    const key = JSON.stringify([query, sort]);
    if (shownFor.current === key) {
      // The same query again (the index finished a step, an article changed): refresh what is
      // shown without throwing the reader back to the top.
      setHits((shown) =>
        shown.length <= found.hits.length ? found.hits : [...found.hits, ...shown.slice(found.hits.length)],
      );
      return;
    }
    shownFor.current = key;
    setHits(found.hits);
    // The article being read stays when it is among the hits; otherwise the first hit opens.
    const reading = found.hits.some((h) => h.id === openNow.current);
    if (!reading && found.hits[0]) onOpen(found.hits[0].id);
    scrollRef.current?.scrollTo({ top: 0 });
  }

  // While the index is being built, ask again every second: the results fill in as it finishes.
  const indexState = result?.index.state;
  useEffect(() => {
    if (indexState !== 'building' && indexState !== 'updating') return;
    const timer = setTimeout(searched.reload, 1000);
    return () => clearTimeout(timer);
  }, [indexState, result]);

  const total = result?.total ?? 0;
  const virtualizer = useVirtualizer({
    count: hits.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const rows = virtualizer.getVirtualItems();
  const lastRow = rows.at(-1)?.index ?? 0;

  // Scrolling near the end fetches the next page of hits.
  useEffect(() => {
    if (loadingMore.current || !result || hits.length >= total || lastRow < hits.length - 20) return;
    loadingMore.current = true;
    const key = shownFor.current;
    const offset = hits.length;
    archive
      .search({ query, sort, limit: PAGE, offset })
      .then(
        (more) =>
          setHits((shown) => (shownFor.current === key && shown.length === offset ? [...shown, ...more.hits] : shown)),
        onError,
      )
      .finally(() => (loadingMore.current = false));
  }, [lastRow, hits.length, total, result]);

  function move(by: number): void {
    if (!hits.length) return;
    const next = Math.min(Math.max(cursor + by, 0), hits.length - 1);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    onOpen(hits[next]!.id);
  }
  useImperativeHandle(ref, () => ({ move, focusList: () => scrollRef.current?.focus() }));

  function refine(term: string): void {
    const trimmed = query.trim();
    if (trimmed.split(/\s+/).includes(term)) return;
    onQueryChange(trimmed ? `${trimmed} ${term}` : term);
  }

  const building =
    result && result.index.state !== 'ready' && result.index.state !== 'unavailable' ? result.index : null;
  return (
    <div className="search-view">
      <aside className="search-side" aria-label="Refine the search">
        <SavedSearches
          query={query}
          sort={sort}
          onRun={(saved) => {
            setSort(saved.sort);
            onQueryChange(saved.query);
          }}
          onNotice={onNotice}
          onError={onError}
        />
        {result?.facets && <FacetPanel facets={result.facets} onRefine={refine} />}
      </aside>
      <section className="search-results" aria-label="Search results">
        <div className="search-toolbar">
          <span className="result-count" data-testid="result-count">
            {result ? formatCount(total, 'article', 'articles') : 'Searching…'}
          </span>
          {result && <span className="took">{result.tookMs.toFixed(0)} ms</span>}
          <span className="spacer" />
          {result && total > 0 && props.actions}
          <label className="inline-label">
            Sort
            <select className="input" value={sort} onChange={(e) => setSort(e.target.value as SearchSort)}>
              <option value="relevance">Best match</option>
              <option value="newest">Newest</option>
              <option value="oldest">Oldest</option>
            </select>
          </label>
        </div>
        {error && (
          <p className="query-error" role="alert">
            {error}
          </p>
        )}
        {building && (
          <div className="index-progress" aria-live="polite">
            {building.state === 'building' ? 'Building the search index' : 'Updating the search index'}:{' '}
            {formatNumber(building.done)} of {formatNumber(building.total)} articles
            <progress max={building.total || 1} value={building.done} />
          </div>
        )}
        {result?.notices.map((notice) => (
          <p key={notice} className="query-notice">
            {notice}
          </p>
        ))}
        <div
          ref={scrollRef}
          className="hit-scroll"
          role="listbox"
          aria-label="Hits"
          tabIndex={0}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              move(event.key === 'ArrowDown' ? 1 : -1);
            }
          }}
        >
          {result && total === 0 && !building && (
            <p className="empty-hint">No article matches. Words must all appear; try OR, a prefix* or typo~.</p>
          )}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {rows.map((row) => {
              const hit = hits[row.index]!;
              return (
                <div
                  key={hit.id}
                  role="option"
                  aria-selected={row.index === cursor}
                  className={`hit ${row.index === cursor ? 'cursor' : ''}`}
                  style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
                  onClick={() => onOpen(hit.id)}
                >
                  <div className="hit-title" dir="auto">
                    <Highlighted text={hit.title} ranges={hit.titleHighlights} />
                  </div>
                  <div className="hit-meta">
                    <span dir="auto">{hit.source || '—'}</span>
                    {' · '}
                    <PublishedDate item={hit} />
                    {hit.language && <span className="hit-lang">{hit.language}</span>}
                  </div>
                  <div className="hit-snippet" dir="auto">
                    <Highlighted text={hit.snippet} ranges={hit.highlights} />
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </section>
      {reader}
    </div>
  );
}
