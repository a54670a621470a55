// The app shell: owns the selection, the open article and the dialogs, and turns shortcuts into archive calls.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArchiveStatus, Article, ArticleSummary, MergeRecord, SortField } from '../core/model.ts';
import { archive, messageOf } from './api.ts';
import { ArticleDialog } from './components/article-dialog.tsx';
import { PaneSplitter, useListFraction } from './components/pane-splitter.tsx';
import { ShortcutsHelp } from './components/shortcuts-help.tsx';
import { StatusBar, type Notice } from './components/status-bar.tsx';
import { TopBar } from './components/top-bar.tsx';
import { ClaimsView } from './claims/claims-view.tsx';
import { EntitiesView } from './entities/entities-view.tsx';
import { formatCount, formatNumber } from './format.ts';
import { DropOverlay } from './import/drop-overlay.tsx';
import { ImportDialog } from './import/import-dialog.tsx';
import { importSummary } from './import/summary.ts';
import { useImportWithDrops } from './import/use-import.ts';
import { useLibraryPages, type ListView } from './library-pages.ts';
import type { Dialog, Section } from './navigation.ts';
import { routeShortcut } from './shortcut-routing.ts';
import { useShortcuts } from './shortcuts.ts';
import { EmptyLibrary } from './views/empty-library.tsx';
import { LibraryList } from './views/library-list.tsx';
import { ReaderPane, type ReaderKeyAction } from './views/reader-pane.tsx';
import { SearchView, type SearchKeys } from './search/search-view.tsx';
import { ArticleCollections } from './collections/article-collections.tsx';
import { CollectionBar } from './collections/collection-bar.tsx';
import { useCollections } from './collections/use-collections.ts';
import { ExportDialog } from './exports/export-dialog.tsx';
import { exportScopes } from './exports/export-scopes.ts';
import { useArchiveQuery } from './use-archive-query.ts';

/** Dates read best newest first; names, A to Z. */
const FIRST_ORDER: Record<SortField, 'asc' | 'desc'> = {
  capturedAt: 'desc',
  publishedAt: 'desc',
  title: 'asc',
  source: 'asc',
};

export function App() {
  const [view, setView] = useState<ListView>({ sort: 'capturedAt', order: 'desc', trash: false });
  /** The keyboard position in the list (-1: none); openId is what the reader shows. */
  const [cursor, setCursor] = useState(-1);
  const [openId, setOpenId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [status, setStatus] = useState<ArchiveStatus | null>(null);
  const [loadingSamples, setLoadingSamples] = useState(false);
  const [listFraction, setListFraction] = useListFraction(0.45);
  const lastDeleted = useRef<ArticleSummary | null>(null);
  /** The entity registry replaces the library panes while it is showing. */
  const [section, setSection] = useState<Section>('library');
  const [entityId, setEntityId] = useState<string | null>(null);
  const [entityRevision, setEntityRevision] = useState(0);
  const mentionKeys = useRef<((action: ReaderKeyAction) => void) | null>(null);
  const readerRef = useRef<HTMLElement>(null);
  const [query, setQuery] = useState('');
  /** Bumped by every change to the archive made here: search results are fetched again. */
  const [revision, setRevision] = useState(0);
  const searchInput = useRef<HTMLInputElement>(null);
  const searchKeys = useRef<SearchKeys>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const reportError = useCallback((error: unknown) => setNotice({ kind: 'error', text: messageOf(error) }), []);
  const pages = useLibraryPages((query) => archive.listArticles(query), view, reportError);
  const collections = useCollections(reportError);
  const collectionPicker = useRef<HTMLSelectElement>(null);
  const { importer, dragging } = useImportWithDrops({
    // Another dialog (a half-typed article) is never pushed aside by a drop.
    accept: dialog === null || dialog === 'import',
    onDropped: () => setDialog('import'),
    onSettled: (run) => {
      setNotice({ ...importSummary(run), action: { label: 'Show results', run: () => setDialog('import') } });
      // Keep the open article; with none open (an empty library until now), show the first one imported.
      const firstSaved = run.results.find((result) => result.status === 'saved')?.id ?? null;
      void reloadList(openId ?? (view.trash ? null : firstSaved));
    },
    onError: reportError,
  });

  const refreshStatus = useCallback(
    () =>
      archive.getStatus().then((next) => {
        setStatus(next);
      }, reportError),
    [reportError],
  );

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
    void refreshStatus();
    // Counts change with a trash or a restore, and an imported bundle may bring collections.
    void collections.refresh();
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

  // While the search index is being built or caught up, its progress is asked for every second.
  const indexing = status?.search.state === 'building' || status?.search.state === 'updating';
  useEffect(() => {
    if (!indexing) return;
    const timer = setTimeout(() => void refreshStatus(), 1000);
    return () => clearTimeout(timer);
  }, [indexing, status, refreshStatus]);

  useEffect(() => {
    void refreshStatus();
    void pages.refresh().then(() => {
      if ((pages.total ?? 0) > 0) void select(0);
    });
    // Runs once: later loads are driven by scrolling and by changes.
  }, []);

  // A save sets the article directly: the one on screen is taken as it is when it is the one asked for.
  const opened = useArchiveQuery<Article, null>(
    (shown) => (!openId ? null : shown?.id === openId ? shown : archive.getArticle(openId)),
    [openId],
    {
      initial: null,
      keep: 'data',
      onError: (error) => {
        reportError(error);
        // A damaged or vanished file leaves the catalog and shows up as a problem: bring both up to date.
        void pages.refresh();
        void refreshStatus();
      },
    },
  );
  const { data: article, error: openError, setData: setArticle } = opened;

  useEffect(() => {
    document.title = article ? `${article.title} – Newsdesk` : 'Newsdesk';
  }, [article]);

  /** What delete and restore act on: the open article, known from its row before its file has loaded. */
  function target(): Pick<ArticleSummary, 'id' | 'title' | 'deletedAt'> | null {
    if (!openId) return null;
    if (article?.id === openId) return article;
    const row = pages.at(cursor);
    return row?.id === openId ? row : null;
  }

  async function deleteOpen(): Promise<void> {
    const open = target();
    if (!open || open.deletedAt) return;
    try {
      const summary = await archive.deleteArticle(open.id);
      lastDeleted.current = summary;
      setNotice({
        kind: 'info',
        text: (
          <>
            Moved “<bdi>{summary.title}</bdi>” to the trash.
          </>
        ),
        action: { label: 'Undo', run: () => void undoDelete() },
      });
      setArticle(null);
      setOpenId(null);
      await reloadList(null);
    } catch (error) {
      reportError(error);
    }
  }

  async function restore(id: string, title: string, reopen: boolean): Promise<void> {
    try {
      await archive.restoreArticle(id);
      setNotice({
        kind: 'info',
        text: (
          <>
            Restored “<bdi>{title}</bdi>” to the library.
          </>
        ),
      });
      if (reopen) {
        setArticle(null);
        setOpenId(id);
        await reloadList(id);
      } else {
        setArticle(null);
        setOpenId(null);
        await reloadList(null);
      }
    } catch (error) {
      reportError(error);
    }
  }

  async function undoDelete(): Promise<void> {
    const deleted = lastDeleted.current;
    if (!deleted) return;
    lastDeleted.current = null;
    // Undo from the library brings the article back into view; from the trash it just leaves the list.
    await restore(deleted.id, deleted.title, !view.trash);
  }

  async function loadSamples(): Promise<void> {
    setLoadingSamples(true);
    try {
      const { added } = await archive.loadSamples();
      setNotice({
        kind: 'info',
        text: added
          ? `Added ${formatCount(added, 'sample article', 'sample articles')}.`
          : 'The samples are all in the archive already.',
      });
      await reloadList(null);
    } catch (error) {
      reportError(error);
    } finally {
      setLoadingSamples(false);
    }
  }

  function onSaved(saved: Article, added: boolean): void {
    setDialog(null);
    setNotice({
      kind: 'info',
      text: (
        <>
          {added ? 'Added' : 'Saved'} “<bdi>{saved.title}</bdi>”.
        </>
      ),
    });
    setArticle(saved);
    setOpenId(saved.id);
    if (view.trash && !saved.deletedAt) changeView({ ...view, trash: false });
    else void reloadList(saved.id);
  }

  /** Opens any article by id (from import results, a story's other copies, an entity page), in the library list. */
  async function openArticle(id: string): Promise<void> {
    setDialog(null);
    setSection('library');
    if (view.trash) {
      const library = { ...view, trash: false };
      setView(library);
      await pages.setView(library);
    }
    setCursor(pages.indexOf(id));
    setOpenId(id);
  }

  function openEntity(id: string): void {
    setEntityId(id);
    setSection('entities');
  }

  function onMerged(record: MergeRecord): void {
    setNotice({
      kind: 'info',
      text: (
        <>
          Merged “<bdi>{record.merged.name}</bdi>” into this entity.
        </>
      ),
      action: {
        label: 'Undo',
        run: () =>
          void archive.undoMerge(record.id).then(() => {
            setNotice({ kind: 'info', text: `Undid the merge: “${record.merged.name}” is back.` });
            setEntityRevision((n) => n + 1);
          }, reportError),
      },
    });
  }

  /** A review or tag in the reader: show it if that article is still the open one. */
  function onArticleChange(updated: Article): void {
    setArticle((open) => (open?.id === updated.id ? updated : open));
  }

  /** Adds the open article, or everything the query finds, to a collection, and says so. */
  async function addToCollection(collectionId: string, what: { articleId: string } | { query: string }): Promise<void> {
    const name = collections.byId(collectionId)?.name ?? 'the collection';
    try {
      const members = 'query' in what ? { query: what.query } : [what.articleId];
      const { changed, unchanged } = await archive.addToCollection(collectionId, members);
      setNotice({
        kind: 'info',
        text: `Added ${formatCount(changed, 'article', 'articles')} to “${name}”${unchanged ? ` (${formatNumber(unchanged)} already in it)` : ''}.`,
      });
      if ('articleId' in what) onArticleChange(await archive.getArticle(what.articleId));
      await collections.refresh();
      setRevision((n) => n + 1);
    } catch (error) {
      reportError(error);
    }
  }

  async function removeFromCollection(collectionId: string, articleId: string): Promise<void> {
    try {
      await archive.removeFromCollection(collectionId, [articleId]);
      onArticleChange(await archive.getArticle(articleId));
      await collections.refresh();
      // Listing that collection: the article leaves the list.
      if (view.collectionId === collectionId) await reloadList(null);
    } catch (error) {
      reportError(error);
    }
  }

  async function createCollection(name: string, collectionQuery: string | null): Promise<boolean> {
    try {
      const made = await archive.createCollection({ name, ...(collectionQuery ? { query: collectionQuery } : {}) });
      await collections.refresh();
      setNotice({ kind: 'info', text: `Made the ${made.query ? 'smart ' : ''}collection “${made.name}”.` });
      if (!made.query) changeView({ ...view, trash: false, collectionId: made.id });
      return true;
    } catch (error) {
      reportError(error);
      return false;
    }
  }

  async function renameCollection(id: string, name: string): Promise<boolean> {
    try {
      await archive.updateCollection(id, { name });
      await collections.refresh();
      return true;
    } catch (error) {
      reportError(error);
      return false;
    }
  }

  async function deleteCollection(id: string): Promise<void> {
    const name = collections.byId(id)?.name ?? 'the collection';
    try {
      const { removedFrom } = await archive.deleteCollection(id);
      setNotice({
        kind: 'info',
        text: `Deleted the collection “${name}”; its ${formatCount(removedFrom, 'article stays', 'articles stay')} in the library.`,
      });
      changeView({ ...view, collectionId: undefined });
      await collections.refresh();
      if (article) onArticleChange(await archive.getArticle(article.id));
    } catch (error) {
      reportError(error);
    }
  }

  /** Typing a query shows the search results; clearing it goes back to the library. */
  function changeQuery(next: string): void {
    setQuery(next);
    setSection(next.trim() ? 'search' : 'library');
  }

  useShortcuts((action, event) =>
    routeShortcut(
      action,
      event.key,
      { section, trash: view.trash, cursor, openId, article, target: target() },
      {
        showSection: setSection,
        openDialog: setDialog,
        focusSearchBox: () => {
          searchInput.current?.focus();
          searchInput.current?.select();
        },
        focusCollectionPicker: () => collectionPicker.current?.focus(),
        moveInResults: (by) => searchKeys.current?.move(by),
        focusResults: () => searchKeys.current?.focusList(),
        select: (index) => void select(index),
        focusList: () => listRef.current?.focus(),
        focusReader: () => readerRef.current?.focus(),
        passToReader: (readerAction) => mentionKeys.current?.(readerAction),
        deleteOpen: () => void deleteOpen(),
        restore: (open) => void restore(open.id, open.title, false),
        undoDelete: () => void undoDelete(),
        toggleTrash: () => changeView({ ...view, trash: !view.trash, collectionId: undefined }),
      },
    ),
  );

  const libraryEmpty = !view.trash && !view.collectionId && pages.total === 0;
  /** The reader: beside the library list, or beside the search results. */
  const reader = (inLibrary: boolean) => (
    <ReaderPane
      ref={readerRef}
      // The previous article stays up while the next one loads (a few ms), so j/k never flash a blank pane.
      article={article}
      placeholder={
        !openId
          ? 'Select an article to read it here.'
          : openError
            ? `This article could not be opened: ${openError}`
            : ''
      }
      position={
        inLibrary && cursor >= 0 && pages.at(cursor)?.id === article?.id
          ? `${formatNumber(cursor + 1)} of ${formatNumber(pages.total ?? 0)}`
          : null
      }
      onEdit={() => setDialog('edit')}
      onDelete={() => void deleteOpen()}
      onRestore={() => article && void restore(article.id, article.title, false)}
      onOpenArticle={(id) => void openArticle(id)}
      onArticleChange={onArticleChange}
      onOpenEntity={openEntity}
      onError={reportError}
      onNotice={(text) => setNotice({ kind: 'info', text })}
      keysRef={mentionKeys}
      collections={
        article && (
          <ArticleCollections
            article={article}
            collections={collections}
            pickerRef={collectionPicker}
            onAdd={(id) => void addToCollection(id, { articleId: article.id })}
            onRemove={(id) => void removeFromCollection(id, article.id)}
          />
        )
      }
    />
  );
  return (
    <div className="app">
      <TopBar
        trash={view.trash}
        section={section}
        onShowSection={setSection}
        status={status}
        onNew={() => setDialog('add')}
        onImport={() => setDialog('import')}
        importRun={importer.run}
        onShowTrash={(trash) => {
          setSection('library');
          if (trash !== view.trash) changeView({ ...view, trash, collectionId: undefined });
        }}
        onHelp={() => setDialog('help')}
        query={query}
        onQueryChange={changeQuery}
        searchInputRef={searchInput}
        onSearchKey={(key) => {
          if (key === 'Escape') changeQuery('');
          else searchKeys.current?.focusList();
        }}
      />
      <main className="workspace">
        {section === 'entities' ? (
          <EntitiesView
            selectedId={entityId}
            onSelect={setEntityId}
            onOpenArticle={(id) => void openArticle(id)}
            onMerged={onMerged}
            onNotice={(text) => setNotice({ kind: 'info', text })}
            onError={reportError}
            revision={entityRevision}
          />
        ) : section === 'search' ? (
          <SearchView
            ref={searchKeys}
            query={query}
            onQueryChange={changeQuery}
            openId={openId}
            onOpen={setOpenId}
            revision={revision}
            reader={reader(false)}
            onError={reportError}
            onNotice={(text) => setNotice({ kind: 'info', text })}
            actions={
              <>
                {collections.handMade.length > 0 && (
                  <select
                    className="input"
                    aria-label="Add all results to a collection"
                    value=""
                    onChange={(event) => event.target.value && void addToCollection(event.target.value, { query })}
                  >
                    <option value="">Add all to collection…</option>
                    {collections.handMade.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                )}
                <button type="button" className="button small" onClick={() => setDialog('export')}>
                  Export…
                </button>
              </>
            }
          />
        ) : section === 'claims' ? (
          <ClaimsView
            onOpenArticle={(id) => void openArticle(id)}
            onNotice={(text) => setNotice({ kind: 'info', text })}
            onError={reportError}
          />
        ) : libraryEmpty ? (
          <EmptyLibrary
            onLoadSamples={() => void loadSamples()}
            onNew={() => setDialog('add')}
            onImport={() => setDialog('import')}
            loading={loadingSamples}
          />
        ) : (
          <div className="panes" style={{ gridTemplateColumns: `${listFraction * 100}% auto minmax(0, 1fr)` }}>
            <div className="library-column">
              {!view.trash && (
                <CollectionBar
                  collections={collections}
                  selectedId={view.collectionId ?? null}
                  onSelect={(id) => changeView({ ...view, collectionId: id ?? undefined })}
                  onSearch={changeQuery}
                  onCreate={createCollection}
                  onRename={renameCollection}
                  onDelete={deleteCollection}
                  onExport={() => setDialog('export')}
                />
              )}
              <LibraryList
                ref={listRef}
                pages={pages}
                view={view}
                cursor={cursor}
                openId={openId}
                onSort={sortBy}
                onSelect={(index) => void select(index)}
                onOpen={() => readerRef.current?.focus()}
              />
            </div>
            <PaneSplitter fraction={listFraction} onChange={setListFraction} />
            {reader(true)}
          </div>
        )}
      </main>
      <StatusBar notice={notice} status={status} onDismiss={() => setNotice(null)} />
      {dialog === 'add' && (
        <ArticleDialog mode="add" onSaved={(saved) => onSaved(saved, true)} onClose={() => setDialog(null)} />
      )}
      {dialog === 'edit' && article && (
        <ArticleDialog
          mode="edit"
          article={article}
          onSaved={(saved) => onSaved(saved, false)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'import' && (
        <ImportDialog
          importer={importer}
          dragging={dragging}
          onOpenArticle={(id) => void openArticle(id)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'help' && <ShortcutsHelp onClose={() => setDialog(null)} />}
      {dialog === 'export' && (
        <ExportDialog
          scopes={exportScopes({
            section,
            query,
            listed: view.collectionId ? collections.byId(view.collectionId) : undefined,
            article,
            collections: collections.list,
          })}
          onClose={() => setDialog(null)}
          onDone={(text) => setNotice({ kind: 'info', text })}
        />
      )}
      {dragging && dialog === null && <DropOverlay />}
    </div>
  );
}
