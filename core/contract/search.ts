// The contract's search methods: full-text search in the query language, and saved searches.
import { z } from 'zod';
import { SavedSearchId, SavedSearchInput, SearchQuery } from '../model.ts';
import { method } from './method.ts';

export const searchMethods = {
  /** Full-text search in the query language (docs/search.md), ranked or by date, with snippets and facets. */
  search: method(z.tuple([SearchQuery]), (s, query) => s.search.search(query)),
  listSavedSearches: method(z.tuple([]), (s) => s.savedSearches.list()),
  /** Saved under a name already used, it replaces that search; a query that does not parse is refused. */
  saveSearch: method(z.tuple([SavedSearchInput]), (s, input) => s.savedSearches.save(input)),
  /** The saved searches left. */
  deleteSavedSearch: method(z.tuple([SavedSearchId]), (s, id) => s.savedSearches.remove(id)),
};
