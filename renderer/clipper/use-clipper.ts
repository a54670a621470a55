// The clipper as the app sees it: whether it listens, the pairing requests waiting for an answer, the paired extensions.
import { useEffect, useState } from 'react';
import type { ClipperOverview } from '../../core/model.ts';
import { archive } from '../api.ts';

/** Often enough that a request made from the popup shows here while the user looks from one to the other. */
const POLL_MS = 1500;

export function useClipper(onError: (error: unknown) => void) {
  const [overview, setOverview] = useState<ClipperOverview | null>(null);

  async function reload(): Promise<void> {
    setOverview(await archive.getClipper());
  }

  useEffect(() => {
    let stopped = false;
    const look = () =>
      archive
        .getClipper()
        .then((next) => !stopped && setOverview(next))
        .catch(() => undefined);
    void look();
    const timer = setInterval(() => void look(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);

  const act = (change: () => Promise<unknown>) =>
    change()
      .catch(onError)
      .finally(() => void reload().catch(() => undefined));

  return {
    overview,
    approve: (id: string) => act(() => archive.approveClipperRequest(id)),
    refuse: (id: string) => act(() => archive.refuseClipperRequest(id)),
    revoke: (id: string) => act(() => archive.revokeClipperClient(id)),
  };
}

export type Clipper = ReturnType<typeof useClipper>;
