// The library list and what is open from it: which listing shows, the keyboard cursor in it, and the article in the reader.
import { useEffect, useState } from 'react';
import type { Article, ArticleSummary, SortField } from '../../core/model.ts';
import { archive } from '../api.ts';
import { formatNumber } from '../format.ts';
import { useLibraryPages, type ListView } from '../library-pages.ts';
import { useArchiveQuery } from '../use-archive-query.ts';

/** Dates read best newest first; names, A to Z. */
const FIRST_ORDER: Record<SortField, 'asc' | 'desc'> = {
  capturedAt: 'desc',
  publishedAt: 'desc',
  title: 'asc',
  source: 'asc',
};

type Options = {
  onError: (error: unknown) => void;
  /** The list was fetched again after a change: counts and collections may have changed too. */
  onReloaded: () => void;
  /** Opening an article failed: its file may have left the catalog and become a problem. */
  onOpenFailed: () => void;
};

export function useLibrarySelection({ onError, onReloaded, onOpenFailed }: Options) {
  const [view, setView] = useState<ListView>({ sort: 'capturedAt', order: 'desc', trash: false });
  /** The keyboard position in the list (-1: none); openId is what the reader shows. */
  const [cursor, setCursor] = useState(-1);
  const [openId, setOpenId] = useState<string | null>(null);
  /** Bumped by every change to the archive made here: search results are fetched again. */
  const [revision, setRevision] = useState(0);
  const pages = useLibraryPages((query) => archive.listArticles(query), view, onError);

  // A save sets the article directly: the one on screen is taken as it is when it is the one asked for.
  const opened = useArchiveQuery<Article, null>(
    (shown) => (!openId ? null : shown?.id === openId ? shown : archive.getArticle(openId)),
    [openId],
    {
      initial: null,
      keep: 'data',
      onError: (error) => {
        onError(error);
        // A damaged or vanished file leaves the catalog and shows up as a problem: bring both up to date.
        void pages.refresh();
        onOpenFailed();
      },
    },
  );
  const { data: article, error: openError, setData: setArticle } = opened;

  useEffect(() => {
    void pages.refresh().then(() => {
      if ((pages.total ?? 0) > 0) void select(0);
    });
    // Runs once: later loads are driven by scrolling and by changes.
  }, []);

  useEffect(() => {
    document.title = article ? `${article.title} – Newsdesk` : 'Newsdesk';
  }, [article]);

  /** Moves the cursor to a row and opens its article. */
  async function select(index: number): Promise<void> {
    const total = pages.total ?? 0;
    if (total === 0) {
      setCursor(-1);
      setOpenId(null);
      return;
    }
    const clamped = Math.min(Math.max(index, 0), total - 1);
    setCursor(clamped);
    const item = pages.at(clamped) ?? (await pages.fetchAt(clamped));
    setOpenId(item?.id ?? null);
  }

  /** Reloads the rows in view after a change, then opens `id`, or what now sits where the cursor was. */
  async function reloadList(id: string | null): Promise<void> {
    setRevision((n) => n + 1);
    await pages.refresh();
    onReloaded();
    if (id) {
      setCursor(pages.indexOf(id));
      setOpenId(id);
    } else {
      await select(cursor < 0 ? 0 : cursor);
    }
  }

  function changeView(next: ListView): void {
    const switchingList = next.trash !== view.trash || next.collectionId !== view.collectionId;
    setView(next);
    if (switchingList) {
      // An article from the other list must not linger in the reader under this one's name.
      setCursor(-1);
      setOpenId(null);
    }
    void pages.setView(next).then(() => {
      if (switchingList) return select(0);
      // A re-sort keeps the open article and scrolls to wherever it went.
      setCursor(openId ? pages.indexOf(openId) : -1);
    });
  }

  function sortBy(field: SortField): void {
    const order = view.sort === field ? (view.order === 'asc' ? 'desc' : 'asc') : FIRST_ORDER[field];
    changeView({ ...view, sort: field, order });
  }

  /** Opens any article by id (from import results, a story's other copies, an entity page), in the library list. */
  async function openInLibrary(id: string): Promise<void> {
    if (view.trash) {
      const library = { ...view, trash: false };
      setView(library);
      await pages.setView(library);
    }
    setCursor(pages.indexOf(id));
    setOpenId(id);
  }

  /** Switches the reader to `id` at once: to `known` when it is at hand (a save's answer), else blank until it loads. */
  function show(id: string | null, known: Article | null): void {
    setArticle(known);
    setOpenId(id);
  }

  /** A review or tag in the reader: show it if that article is still the open one. */
  function updateArticle(updated: Article): void {
    setArticle((open) => (open?.id === updated.id ? updated : open));
  }

  /** What delete and restore act on: the open article, known from its row before its file has loaded. */
  function target(): Pick<ArticleSummary, 'id' | 'title' | 'deletedAt'> | null {
    if (!openId) return null;
    if (article?.id === openId) return article;
    const row = pages.at(cursor);
    return row?.id === openId ? row : null;
  }

  /** "3 of 120" while the article in the reader is the row under the cursor. */
  function position(): string | null {
    return cursor >= 0 && pages.at(cursor)?.id === article?.id
      ? `${formatNumber(cursor + 1)} of ${formatNumber(pages.total ?? 0)}`
      : null;
  }

  return {
    view,
    pages,
    cursor,
    openId,
    article,
    openError,
    revision,
    noteChange: () => setRevision((n) => n + 1),
    select,
    reloadList,
    changeView,
    sortBy,
    openInLibrary,
    /** The reader loads `id`; the article before it stays up meanwhile (a few ms), so j/k never flash a blank pane. */
    read: setOpenId,
    show,
    updateArticle,
    target,
    position,
  };
}

export type LibrarySelection = ReturnType<typeof useLibrarySelection>;
