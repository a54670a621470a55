// Saved searches in archive.json: one per name (saving under a name again replaces it), refused when the query does not parse.
import type { z } from 'zod';
import { ArchiveError } from '../errors.ts';
import { newSavedSearchId } from '../ids.ts';
import type { SavedSearch, SavedSearchInput } from '../model.ts';
import type { RegistryStore } from '../store/registry-file.ts';
import type { SearchService } from './search-service.ts';

export class SavedSearches {
  constructor(
    private readonly registry: RegistryStore,
    private readonly search: Pick<SearchService, 'compile'>,
  ) {}

  list(): SavedSearch[] {
    return [...this.registry.data.savedSearches];
  }

  save(fields: z.output<typeof SavedSearchInput>): Promise<SavedSearch> {
    // A query that does not parse is refused now, not when the saved search is next run.
    this.search.compile(fields.query);
    return this.registry.update((draft) => {
      const existing = draft.savedSearches.findIndex((s) => s.name.toLowerCase() === fields.name.toLowerCase());
      const saved: SavedSearch = {
        id: existing >= 0 ? draft.savedSearches[existing]!.id : newSavedSearchId(),
        name: fields.name,
        query: fields.query,
        sort: fields.sort ?? 'relevance',
        createdAt: new Date().toISOString(),
      };
      if (existing >= 0) draft.savedSearches[existing] = saved;
      else draft.savedSearches.push(saved);
      return saved;
    });
  }

  /** The list as it is after the delete. */
  remove(id: string): Promise<SavedSearch[]> {
    return this.registry.update((draft) => {
      const at = draft.savedSearches.findIndex((s) => s.id === id);
      if (at < 0) throw new ArchiveError('not_found', `There is no saved search with id ${id}.`);
      draft.savedSearches.splice(at, 1);
      return [...draft.savedSearches];
    });
  }
}
