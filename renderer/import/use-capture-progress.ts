// The page the archive is reading while an import runs (a long PDF, a scan being OCR'd), asked for twice a second.
import { useEffect, useState } from 'react';
import type { CaptureProgress } from '../../core/model.ts';
import { archive } from '../api.ts';

/** The archive's page progress while `busy`; null otherwise, or while it reads nothing paged. */
export function useCaptureProgress(busy: boolean): CaptureProgress | null {
  const [progress, setProgress] = useState<CaptureProgress | null>(null);
  useEffect(() => {
    if (!busy) {
      setProgress(null);
      return;
    }
    let stale = false;
    const timer = setInterval(() => {
      // A failed poll only leaves the last progress up: the import itself reports its errors.
      archive.getStatus().then(
        (status) => !stale && setProgress(status.capture),
        () => {},
      );
    }, 500);
    return () => {
      stale = true;
      clearInterval(timer);
    };
  }, [busy]);
  return progress;
}
