// The followed feeds as the subscriptions dialog sees them: the list with health, whether refreshing is paused, and what the last refresh came to.
import { useEffect, useState } from 'react';
import type { ArchiveApi } from '../../core/api.ts';
import type { FollowOptions, RefreshResult, SubscriptionView } from '../../core/model.ts';
import { archive } from '../api.ts';

export type FollowResult = Awaited<ReturnType<ArchiveApi['followFeeds']>>;

/** How often the open dialog looks again: the scheduler refreshes behind it. */
const POLL_MS = 5000;

export function useSubscriptions(onError: (error: unknown) => void) {
  const [list, setList] = useState<SubscriptionView[] | null>(null);
  const [paused, setPaused] = useState(false);
  /** What is being refreshed by hand: every feed, one feed's id, or nothing. */
  const [refreshing, setRefreshing] = useState<'all' | string | null>(null);
  const [lastRun, setLastRun] = useState<RefreshResult[] | null>(null);

  async function reload(): Promise<void> {
    const [subscriptions, settings] = await Promise.all([archive.listSubscriptions(), archive.getSettings()]);
    setList(subscriptions);
    setPaused(settings.refreshPaused);
  }

  useEffect(() => {
    void reload().catch(onError);
    const timer = setInterval(() => void reload().catch(() => undefined), POLL_MS);
    return () => clearInterval(timer);
  }, []);

  /** Runs a change, then shows the list as it now is; an error goes to the status bar. */
  async function act<T>(change: () => Promise<T>): Promise<T | undefined> {
    try {
      return await change();
    } catch (error) {
      onError(error);
      return undefined;
    } finally {
      await reload().catch(() => undefined);
    }
  }

  return {
    list,
    paused,
    refreshing,
    lastRun,
    follow: (target: string, options: FollowOptions) => act(() => archive.followFeeds(target, options)),
    async refresh(id?: string): Promise<RefreshResult[] | undefined> {
      setRefreshing(id ?? 'all');
      const results = await act(() => archive.refreshSubscriptions(id ? [id] : undefined));
      setRefreshing(null);
      if (results) setLastRun(results);
      return results;
    },
    setSchedulePaused: (next: boolean) => act(() => archive.pauseRefreshing(next)),
    setFeedPaused: (id: string, next: boolean) => act(() => archive.updateSubscription(id, { paused: next })),
    unfollow: (id: string) => act(() => archive.unfollowFeed(id)),
    opml: () => archive.subscriptionsAsOpml(),
  };
}

export type Subscriptions = ReturnType<typeof useSubscriptions>;
