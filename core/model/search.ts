// Search: the query as it is asked, the hits with snippets and facets it returns, the index's state, and saved searches.
import { z } from 'zod';
import { SavedSearchId, SearchSort } from './primitives.ts';

export const SearchQuery = z
  .object({
    /** The query language: words, "phrases", OR, -exclusions, prefix*, fuzzy~, field:value, date ranges. */
    query: z.string().max(2000),
    sort: SearchSort.default('relevance'),
    offset: z.number().int().min(0).max(100_000).default(0),
    limit: z.number().int().min(1).max(500).default(50),
    /** Counts by source, entity, type, language and month (costs a few milliseconds more). */
    facets: z.boolean().default(false),
  })
  .strict();
export type SearchQuery = z.input<typeof SearchQuery>;

/** The full-text index: ready, being built from the article files (with progress), or catching up on changes. */
export type SearchStatus = {
  state: 'ready' | 'building' | 'updating' | 'unavailable';
  done: number;
  total: number;
  /** Why search is unavailable (no node:sqlite in this Node), or what the last rebuild found wrong. */
  message: string | null;
};

export type SearchHit = {
  id: string;
  title: string;
  source: string;
  publishedAt: string | null;
  capturedAt: string;
  language: string;
  /** Higher is better (bm25, field-weighted); 0 when sorted by date without words. */
  score: number;
  /** A passage of the text around the matched words, and where they are in it (UTF-16 offsets). */
  snippet: string;
  highlights: [number, number][];
  titleHighlights: [number, number][];
};

export type FacetCount = { value: string; label: string; count: number };
export type SearchFacets = {
  source: FacetCount[];
  entity: FacetCount[];
  type: FacetCount[];
  language: FacetCount[];
  month: FacetCount[];
};

export type SearchResult = {
  total: number;
  hits: SearchHit[];
  facets: SearchFacets | null;
  /** Things the user should know about how the query was read ("no entity called X: searched the words"). */
  notices: string[];
  /** The folded words and prefixes matched, for highlighting elsewhere (the reader). */
  terms: { terms: string[]; prefixes: string[] };
  index: SearchStatus;
  tookMs: number;
};

export const SavedSearch = z.object({
  id: SavedSearchId,
  name: z.string().trim().min(1, 'a saved search needs a name').max(200),
  query: z.string().max(2000),
  sort: SearchSort.default('relevance'),
  createdAt: z.iso.datetime(),
});
export type SavedSearch = z.infer<typeof SavedSearch>;
export const SavedSearchInput = SavedSearch.pick({ name: true, query: true, sort: true })
  .partial({ sort: true })
  .strict();
export type SavedSearchInput = z.input<typeof SavedSearchInput>;
