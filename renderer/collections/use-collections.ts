// The archive's collections as the UI keeps them: fetched once, again after every change made here.
import { useCallback, useEffect, useState } from 'react';
import type { CollectionSummary } from '../../core/model.ts';
import { archive } from '../api.ts';

export type Collections = {
  list: CollectionSummary[];
  /** Hand-made ones: the only ones articles can be added to. */
  handMade: CollectionSummary[];
  byId: (id: string) => CollectionSummary | undefined;
  refresh: () => Promise<void>;
};

export function useCollections(onError: (error: unknown) => void): Collections {
  const [list, setList] = useState<CollectionSummary[]>([]);
  const refresh = useCallback(() => archive.listCollections().then(setList, onError), [onError]);
  useEffect(() => void refresh(), [refresh]);
  return {
    list,
    handMade: list.filter((c) => c.query === null),
    byId: (id) => list.find((c) => c.id === id),
    refresh,
  };
}
