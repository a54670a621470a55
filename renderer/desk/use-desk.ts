// The desk as the UI follows it: its status asked for every half minute (every few seconds while the panel is open), sync, join, leave, and the conflicts.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskConflictView, DeskStatus, JoinDeskInput, ResolveChoice, SyncResult } from '../../core/model.ts';
import { archive, messageOf } from '../api.ts';

/** The status bar's pace: getDesk is cheap (unchanged articles are not read), but nothing is urgent. */
const IDLE_POLL_MS = 30_000;
const PANEL_POLL_MS = 5_000;
/** While a background sync runs: soon enough that "syncing…" goes when it ends. */
const SYNCING_POLL_MS = 1_500;

/** `onChanged`: a sync brought documents in, or a resolution rewrote one: the views read them again. */
export function useDesk(onError: (error: unknown) => void, panelOpen: boolean, onChanged: () => void) {
  const [status, setStatus] = useState<DeskStatus | null>(null);
  const [conflicts, setConflicts] = useState<DeskConflictView[]>([]);
  const [syncing, setSyncing] = useState(false);
  const [lastResult, setLastResult] = useState<SyncResult | null>(null);
  /** The last sync's failure as this window saw it (the status's `offline` says the same after a reload). */
  const [syncError, setSyncError] = useState<string | null>(null);
  const [, setTick] = useState(0);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  /** The last status seen: a background sync that ended since (it may have brought documents) tells the views. */
  const previous = useRef<DeskStatus | null>(null);
  const changed = useRef(onChanged);
  changed.current = onChanged;

  const refresh = useCallback(async () => {
    const next = await archive.getDesk().catch(() => null);
    if (!alive.current || !next) return;
    const before = previous.current;
    previous.current = next;
    setStatus(next);
    if (before?.syncing && !next.syncing && next.lastSyncAt !== before.lastSyncAt) changed.current();
    if (next.joined && (next.conflicts > 0 || panelOpen)) {
      const list = await archive.listDeskConflicts().catch(() => null);
      if (alive.current && list) setConflicts(list);
    } else setConflicts([]);
  }, [panelOpen]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(
      () => {
        // Hidden window: nothing to show, nothing to ask.
        if (document.visibilityState === 'hidden') return;
        setTick((n) => n + 1);
        void refresh();
      },
      panelOpen ? PANEL_POLL_MS : IDLE_POLL_MS,
    );
    return () => clearInterval(timer);
  }, [refresh, panelOpen]);

  // A background sync under way: asked again shortly, until it has ended.
  const backgroundSync = !!status?.syncing;
  useEffect(() => {
    if (!backgroundSync) return;
    const timer = setTimeout(() => {
      if (document.visibilityState !== 'hidden') void refresh();
    }, SYNCING_POLL_MS);
    return () => clearTimeout(timer);
  }, [backgroundSync, status, refresh]);

  async function sync(): Promise<SyncResult | null> {
    if (syncing) return null;
    setSyncing(true);
    setSyncError(null);
    try {
      const result = await archive.syncDesk();
      setLastResult(result);
      if (result.pulled > 0) onChanged();
      return result;
    } catch (error) {
      setSyncError(messageOf(error));
      return null;
    } finally {
      if (alive.current) setSyncing(false);
      await refresh();
    }
  }

  /** null when joined, else why not (shown in the form, where the user is looking). */
  async function join(input: JoinDeskInput): Promise<string | null> {
    try {
      setStatus(await archive.joinDesk(input));
      setLastResult(null);
      setSyncError(null);
      return null;
    } catch (error) {
      return messageOf(error);
    }
  }

  async function leave(): Promise<void> {
    try {
      setStatus(await archive.leaveDesk());
      setConflicts([]);
      setLastResult(null);
      setSyncError(null);
    } catch (error) {
      onError(error);
    }
  }

  /** null when resolved, else why not (an edited value the archive refused). */
  async function resolve(id: string, choice: ResolveChoice): Promise<string | null> {
    try {
      setConflicts(await archive.resolveDeskConflict(id, choice));
      onChanged();
      await refresh();
      return null;
    } catch (error) {
      return messageOf(error);
    }
  }

  // The button's sync, or one the status reports (the background schedule's, or another window's).
  return {
    status,
    conflicts,
    syncing: syncing || !!status?.syncing,
    lastResult,
    syncError,
    sync,
    join,
    leave,
    resolve,
    refresh,
  };
}

export type Desk = ReturnType<typeof useDesk>;
