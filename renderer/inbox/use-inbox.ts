// The inbox's state: the listing by filter and feed, the cursor, a multi-row selection, and marks shown at once then saved.
import { useEffect, useRef, useState } from 'react';
import type { ArchiveApi } from '../../core/api.ts';
import type { InboxFilter } from '../../core/common/reading.ts';
import type { ArticleSummary, Reading, ReadingMark } from '../../core/model.ts';
import { archive } from '../api.ts';

export type InboxPage = Awaited<ReturnType<ArchiveApi['listInbox']>>;
export type InboxCounts = InboxPage['counts'];

/** Where the listing looks: one feed, one folder of feeds, or everywhere. */
export type Within = { subscriptionId?: string; folder?: string };

/** Rows per request: the listing is plain rows, not virtualized, so a page stays a few hundred. */
const PAGE = 300;

type Options = {
  /** The reader shows this article (the app's open article). */
  onOpen: (id: string) => void;
  /** Marks changed articles: the rest of the app (the library, search results) looks again. */
  onChanged: () => void;
  onError: (error: unknown) => void;
  /** Bumped when articles arrived by another way (a refresh asked for in the subscriptions dialog): look at once. */
  revision: number;
};

/** How often the inbox asks whether a scheduled refresh brought articles in. */
const ARRIVALS_MS = 10_000;

export function useInbox({ onOpen, onChanged, onError, revision }: Options) {
  const [filter, setFilter] = useState<InboxFilter>('inbox');
  /** One feed's articles, one folder's, or (empty) every feed's and hand-saved ones. */
  const [within, setWithin] = useState<Within>({});
  const [items, setItems] = useState<ArticleSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [counts, setCounts] = useState<InboxCounts | null>(null);
  /** When the inbox was looked at before this visit: rows captured after it are new. Read once, on arrival. */
  const [seenBefore, setSeenBefore] = useState<string | null | undefined>(undefined);
  const [cursor, setCursor] = useState(-1);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const asked = useRef(0);
  /** Articles that arrived since the listing was loaded: offered, not slipped in under the cursor. */
  const [arrived, setArrived] = useState(0);

  async function load(next: { filter: InboxFilter } & Within, keep = false): Promise<void> {
    const ticket = ++asked.current;
    const page = await archive.listInbox({ ...next, limit: keep ? Math.max(PAGE, items.length) : PAGE });
    if (ticket !== asked.current) return;
    setItems(page.items);
    setTotal(page.total);
    setArrived(0);
    setCounts(page.counts);
    setSeenBefore((known) => (known === undefined ? page.seenAt : known));
    if (!keep) {
      setSelected(new Set());
      setCursor(page.items.length ? 0 : -1);
      if (page.items[0]) openAt(page.items, 0);
    }
  }

  useEffect(() => {
    load({ filter: 'inbox' })
      // Looked at now: the next visit's "new" starts from here; this visit keeps the time before.
      .then(() => archive.markInboxSeen())
      .catch(onError);
    // Once, on arrival: later loads follow the filter.
  }, []);

  useEffect(() => {
    let stopped = false;
    const look = async () => {
      const page = await archive.listInbox({ filter, ...within, limit: 1 }).catch(() => null);
      if (stopped || !page) return;
      setCounts(page.counts);
      // Newest first: a different first row and more of them means new ones on top.
      if (page.total <= total || !page.items[0] || page.items[0].id === items[0]?.id) return;
      // An empty list has no cursor to disturb: show them; otherwise offer them.
      if (items.length === 0) void load({ filter, ...within }).catch(onError);
      else setArrived(page.total - total);
    };
    if (revision > 0) void look();
    const timer = setInterval(() => void look(), ARRIVALS_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [revision, filter, within, total, items[0]?.id]);

  function show(nextFilter: InboxFilter, nextWithin: Within = {}): void {
    setFilter(nextFilter);
    setWithin(nextWithin);
    void load({ filter: nextFilter, ...nextWithin }).catch(onError);
  }

  async function loadMore(): Promise<void> {
    const page = await archive.listInbox({ filter, ...within, offset: items.length, limit: PAGE });
    setItems((shown) => [...shown, ...page.items]);
    setTotal(page.total);
  }

  /** Opens a row in the reader; opening an unread article reads it. */
  function openAt(list: ArticleSummary[], index: number): void {
    const item = list[index];
    if (!item) return;
    onOpen(item.id);
    if (item.reading.state === 'unread') void mark([item.id], { state: 'read' });
  }

  function move(by: 1 | -1): void {
    if (!items.length) return;
    const next = Math.min(Math.max(cursor < 0 ? 0 : cursor + by, 0), items.length - 1);
    setCursor(next);
    openAt(items, next);
  }

  function select(index: number, how: { toggle?: boolean; range?: boolean } = {}): void {
    const item = items[index];
    if (!item) return;
    if (how.toggle || how.range) {
      const ids = how.range && cursor >= 0 ? items.slice(Math.min(cursor, index), Math.max(cursor, index) + 1) : [item];
      setSelected((now) => {
        const next = new Set(now);
        const adding = how.range || !now.has(item.id);
        for (const { id } of ids) {
          if (adding) next.add(id);
          else next.delete(id);
        }
        return next;
      });
      // Picking rows for a bulk action neither moves the reader nor reads them.
      return;
    }
    setCursor(index);
    openAt(items, index);
  }

  /** The selection when there is one, else the row under the cursor. */
  function targets(): ArticleSummary[] {
    if (selected.size) return items.filter((item) => selected.has(item.id));
    const row = items[cursor];
    return row ? [row] : [];
  }

  /** Shows the mark at once, then saves it; the counts come back with the listing. The rows stay until the filter changes. */
  async function mark(ids: string[], change: ReadingMark): Promise<void> {
    if (!ids.length) return;
    const wanted = new Set(ids);
    const apply = (reading: Reading): Reading => ({
      state: change.state ?? reading.state,
      starred: change.starred ?? reading.starred,
    });
    // An updater, not `items`: a load's first row is marked read before its rows are rendered.
    setItems((shown) => shown.map((i) => (wanted.has(i.id) ? { ...i, reading: apply(i.reading) } : i)));
    try {
      await archive.markArticles(ids, change);
      setCounts((await archive.listInbox({ filter, ...within, limit: 1 })).counts);
      onChanged();
    } catch (error) {
      onError(error);
      await load({ filter, ...within }, true).catch(onError);
    }
  }

  const triage = {
    star: () => {
      const rows = targets();
      void mark(
        rows.map((r) => r.id),
        { starred: !rows.every((r) => r.reading.starred) },
      );
    },
    archive: () => {
      const rows = targets();
      const all = rows.every((r) => r.reading.state === 'archived');
      void mark(
        rows.map((r) => r.id),
        { state: all ? 'read' : 'archived' },
      );
    },
    toggleUnread: () => {
      const rows = targets();
      const all = rows.every((r) => r.reading.state === 'unread');
      void mark(
        rows.map((r) => r.id),
        { state: all ? 'read' : 'unread' },
      );
    },
    /** Shift+A: every unread row from the top through the cursor. */
    readAbove: async () => {
      const row = items[cursor];
      if (!row) return;
      const above = new Set(items.slice(0, cursor + 1).map((i) => i.id));
      setItems((shown) =>
        shown.map((i) =>
          above.has(i.id) && i.reading.state === 'unread' ? { ...i, reading: { ...i.reading, state: 'read' } } : i,
        ),
      );
      try {
        await archive.markReadThrough({ filter, ...within }, row.id);
        setCounts((await archive.listInbox({ filter, ...within, limit: 1 })).counts);
        onChanged();
      } catch (error) {
        onError(error);
      }
    },
    clearSelection: () => setSelected(new Set()),
  };

  return {
    filter,
    within,
    items,
    total,
    counts,
    seenBefore: seenBefore ?? null,
    arrived,
    cursor,
    selected,
    show,
    loadMore,
    move,
    select,
    triage,
    reload: () => load({ filter, ...within }, true).catch(onError),
  };
}

export type Inbox = ReturnType<typeof useInbox>;
