// Type-ahead over the registry: the entities whose names or aliases contain what was typed, fetched as the user types.
import type { EntityType } from '../../core/model.ts';
import { archive } from '../api.ts';
import { useArchiveQuery } from '../use-archive-query.ts';

export function useEntitySearch(text: string, options: { type?: EntityType; limit?: number } = {}) {
  const { type, limit = 8 } = options;
  // A few keystrokes in a row make one request.
  const found = useArchiveQuery(
    () => archive.listEntities({ text: text.trim() || undefined, type, limit }),
    [text, type, limit],
    { initial: [], delayMs: 80 },
  );
  return { results: found.data, error: found.error };
}
