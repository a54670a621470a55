// The archive's status for the bars (counts, the search index, files moved aside), asked for again every second while the index is built.
import { useCallback, useEffect, useState } from 'react';
import type { ArchiveStatus } from '../../core/model.ts';
import { archive } from '../api.ts';

export function useArchiveStatus(onError: (error: unknown) => void) {
  const [status, setStatus] = useState<ArchiveStatus | null>(null);
  const refresh = useCallback(() => archive.getStatus().then(setStatus, onError), [onError]);

  const indexing = status?.search.state === 'building' || status?.search.state === 'updating';
  useEffect(() => {
    if (!indexing) return;
    const timer = setTimeout(() => void refresh(), 1000);
    return () => clearTimeout(timer);
  }, [indexing, status, refresh]);

  useEffect(() => void refresh(), []);
  return { status, refresh };
}
