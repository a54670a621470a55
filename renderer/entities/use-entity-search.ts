// Type-ahead over the registry: the entities whose names or aliases contain what was typed, fetched as the user types.
import { useEffect, useState } from 'react';
import type { EntitySummary, EntityType } from '../../core/model.ts';
import { archive, messageOf } from '../api.ts';

export function useEntitySearch(text: string, options: { type?: EntityType; limit?: number } = {}) {
  const [results, setResults] = useState<EntitySummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { type, limit = 8 } = options;
  useEffect(() => {
    let current = true;
    // A few keystrokes in a row make one request.
    const timer = setTimeout(() => {
      archive.listEntities({ text: text.trim() || undefined, type, limit }).then(
        (found) => {
          if (!current) return;
          setResults(found);
          setError(null);
        },
        (caught: unknown) => current && setError(messageOf(caught)),
      );
    }, 80);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, type, limit]);
  return { results, error };
}
