// The app shell: wires the navigation, the library selection and the actions to the views, dialogs and shortcuts.
import { useCallback, useEffect, useState } from 'react';
import { archive, messageOf } from './api.ts';
import { AppDialogs, type Digest } from './app-dialogs.tsx';
import { ClipperStatus } from './clipper/clipper-status.tsx';
import { PaneSplitter, useListFraction } from './components/pane-splitter.tsx';
import { StatusBar, type Notice } from './components/status-bar.tsx';
import { TopBar } from './components/top-bar.tsx';
import { useArchiveStatus } from './components/use-archive-status.ts';
import { ClaimsView } from './claims/claims-view.tsx';
import { AddAllToCollection } from './collections/add-all-to-collection.tsx';
import { ArticleCollections } from './collections/article-collections.tsx';
import { CollectionBar } from './collections/collection-bar.tsx';
import { useCollectionActions } from './collections/use-collection-actions.ts';
import { useCollections } from './collections/use-collections.ts';
import { DeskStatusItem } from './desk/desk-status.tsx';
import { EntitiesView } from './entities/entities-view.tsx';
import { mergeNotice } from './entities/merge-notice.tsx';
import { DropOverlay } from './import/drop-overlay.tsx';
import { importSummary } from './import/summary.ts';
import { InboxView } from './inbox/inbox-view.tsx';
import { useImportWithDrops } from './import/use-import.ts';
import { WatchAlerts } from './monitoring/watch-alerts.tsx';
import { WatchButton } from './monitoring/watch-button.tsx';
import { useNavigation } from './navigation.ts';
import { useAppShortcuts } from './use-app-shortcuts.ts';
import { EmptyLibrary } from './views/empty-library.tsx';
import { LibraryList } from './views/library-list.tsx';
import { ReaderPane } from './views/reader-pane.tsx';
import { useArticleActions } from './views/use-article-actions.tsx';
import { useLibrarySelection } from './views/use-library-selection.ts';
import { SearchView } from './search/search-view.tsx';

export function App() {
  const nav = useNavigation();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [listFraction, setListFraction] = useListFraction(0.45);
  /** Bumped when something outside the registry view changed it (an undone merge): it loads again. */
  const [entityRevision, setEntityRevision] = useState(0);
  /** The watchlist's digest, offered first by the export dialog when it was opened from there. */
  const [digest, setDigest] = useState<Digest | undefined>(undefined);
  useEffect(() => {
    if (nav.dialog !== 'export') setDigest(undefined);
  }, [nav.dialog]);

  const reportError = useCallback((error: unknown) => setNotice({ kind: 'error', text: messageOf(error) }), []);
  const announceAlert = useCallback((text: string) => setNotice({ kind: 'info', text: `Watch alert: ${text}` }), []);
  const info = (text: string, action?: Notice['action']) => setNotice({ kind: 'info', text, action });
  const collections = useCollections(reportError);
  const archiveStatus = useArchiveStatus(reportError);
  const selection = useLibrarySelection({
    onError: reportError,
    onReloaded: () => {
      void archiveStatus.refresh();
      // Counts change with a trash or a restore, and an imported bundle may bring collections.
      void collections.refresh();
    },
    onOpenFailed: () => void archiveStatus.refresh(),
  });
  const { view, pages, article } = selection;
  const actions = useArticleActions({ selection, notify: setNotice, onError: reportError });
  const collecting = useCollectionActions({ collections, selection, notify: setNotice, onError: reportError });
  const { importer, dragging } = useImportWithDrops({
    // Another dialog (a half-typed article) is never pushed aside by a drop.
    accept: nav.dialog === null || nav.dialog === 'import',
    onDropped: () => nav.openDialog('import'),
    onSettled: (run) => {
      setNotice({ ...importSummary(run), action: { label: 'Show results', run: () => nav.openDialog('import') } });
      // Keep the open article; with none open (an empty library until now), show the first one imported.
      const firstSaved = run.results.find((result) => result.status === 'saved')?.id ?? null;
      void selection.reloadList(selection.openId ?? (view.trash ? null : firstSaved));
    },
    onError: reportError,
  });
  const keys = useAppShortcuts({ nav, selection, actions });

  /** Opens any article by id (from import results, a story's other copies, an entity page), in the library list. */
  function openArticle(id: string): void {
    nav.closeDialog();
    nav.showSection('library');
    void selection.openInLibrary(id);
  }

  const libraryEmpty = !view.trash && !view.collectionId && pages.total === 0;
  /** The reader: beside the library list, or beside the search results. */
  const reader = (inLibrary: boolean) => (
    <ReaderPane
      ref={keys.reader}
      // The previous article stays up while the next one loads (a few ms), so j/k never flash a blank pane.
      article={article}
      placeholder={
        !selection.openId
          ? 'Select an article to read it here.'
          : selection.openError
            ? `This article could not be opened: ${selection.openError}`
            : ''
      }
      position={inLibrary ? selection.position() : null}
      onEdit={() => nav.openDialog('edit')}
      onDelete={() => void actions.deleteOpen()}
      onRestore={() => article && void actions.restore(article.id, article.title, false)}
      onOpenArticle={openArticle}
      onArticleChange={selection.updateArticle}
      onOpenEntity={nav.openEntity}
      onError={reportError}
      onNotice={info}
      keysRef={keys.readerKeys}
      collections={
        article && (
          <ArticleCollections
            article={article}
            collections={collections}
            pickerRef={keys.collectionPicker}
            onAdd={(id) => void collecting.addToCollection(id, { articleId: article.id })}
            onRemove={(id) => void collecting.removeFromCollection(id, article.id)}
          />
        )
      }
    />
  );
  return (
    <div className="app">
      <TopBar
        trash={view.trash}
        section={nav.section}
        onShowSection={nav.showSection}
        status={archiveStatus.status}
        onNew={() => nav.openDialog('add')}
        onImport={() => nav.openDialog('import')}
        importRun={importer.run}
        onShowTrash={(trash) => {
          nav.showSection('library');
          if (trash !== view.trash) selection.changeView({ ...view, trash, collectionId: undefined });
        }}
        onHelp={() => nav.openDialog('help')}
        query={nav.query}
        onQueryChange={nav.changeQuery}
        searchInputRef={keys.searchBox}
        onSearchKey={(key) => {
          if (key === 'Escape') nav.changeQuery('');
          else keys.results.current?.focusList();
        }}
      />
      <main className="workspace">
        {nav.section === 'entities' ? (
          <EntitiesView
            selectedId={nav.entityId}
            onSelect={nav.selectEntity}
            onOpenArticle={openArticle}
            onMerged={(record) =>
              setNotice(
                mergeNotice(record, {
                  notify: setNotice,
                  onUndone: () => setEntityRevision((n) => n + 1),
                  onError: reportError,
                }),
              )
            }
            onNotice={info}
            onError={reportError}
            revision={entityRevision}
          />
        ) : nav.section === 'search' ? (
          <SearchView
            ref={keys.results}
            query={nav.query}
            onQueryChange={nav.changeQuery}
            openId={selection.openId}
            onOpen={selection.read}
            revision={selection.revision}
            reader={reader(false)}
            onError={reportError}
            onNotice={info}
            actions={
              <>
                <WatchButton
                  describe={nav.query}
                  defaultName={nav.query}
                  target={{ kind: 'search', query: nav.query }}
                  onCreated={(name) => info(`Watching “${name}”: new articles that match raise an alert.`)}
                  onError={reportError}
                />
                <AddAllToCollection
                  collections={collections}
                  onAdd={(id) => void collecting.addToCollection(id, { query: nav.query })}
                />
                <button type="button" className="button small" onClick={() => nav.openDialog('export')}>
                  Export…
                </button>
              </>
            }
          />
        ) : nav.section === 'inbox' ? (
          <InboxView
            ref={keys.inbox}
            onOpen={selection.read}
            onChanged={selection.noteChange}
            onError={reportError}
            reader={reader(false)}
            onFocusReader={() => keys.reader.current?.focus()}
            onManageFeeds={() => nav.openDialog('subscriptions')}
            revision={selection.revision}
          />
        ) : nav.section === 'claims' ? (
          <ClaimsView onOpenArticle={openArticle} onNotice={info} onError={reportError} />
        ) : libraryEmpty ? (
          <EmptyLibrary
            onLoadSamples={() => void actions.loadSamples()}
            onNew={() => nav.openDialog('add')}
            onImport={() => nav.openDialog('import')}
            loading={actions.loadingSamples}
          />
        ) : (
          <div className="panes" style={{ gridTemplateColumns: `${listFraction * 100}% auto minmax(0, 1fr)` }}>
            <div className="library-column">
              {!view.trash && (
                <CollectionBar
                  collections={collections}
                  selectedId={view.collectionId ?? null}
                  onSelect={(id) => selection.changeView({ ...view, collectionId: id ?? undefined })}
                  onSearch={nav.changeQuery}
                  onCreate={collecting.createCollection}
                  onRename={collecting.renameCollection}
                  onDelete={collecting.deleteCollection}
                  onExport={() => nav.openDialog('export')}
                />
              )}
              <LibraryList
                ref={keys.list}
                pages={pages}
                view={view}
                cursor={selection.cursor}
                openId={selection.openId}
                onSort={selection.sortBy}
                onSelect={(index) => void selection.select(index)}
                onOpen={() => keys.reader.current?.focus()}
              />
            </div>
            <PaneSplitter fraction={listFraction} onChange={setListFraction} />
            {reader(true)}
          </div>
        )}
      </main>
      <StatusBar notice={notice} status={archiveStatus.status} onDismiss={() => setNotice(null)}>
        <ClipperStatus onError={reportError} />
        <DeskStatusItem
          open={nav.dialog === 'desk'}
          onOpen={() => nav.openDialog('desk')}
          onClose={nav.closeDialog}
          onChanged={() => {
            const openId = selection.openId;
            void selection.reloadList(openId);
            if (openId) void archive.getArticle(openId).then(selection.updateArticle, reportError);
          }}
          onError={reportError}
        />
        <WatchAlerts
          onAlert={announceAlert}
          onOpenArticle={openArticle}
          onError={reportError}
          onExportDigest={(next) => {
            setDigest(next);
            nav.openDialog('export');
          }}
        />
      </StatusBar>
      <AppDialogs
        nav={nav}
        selection={selection}
        actions={actions}
        importer={importer}
        dragging={dragging}
        collections={collections}
        digest={digest}
        onOpenArticle={openArticle}
        onArticlesArrived={() => void archiveStatus.refresh()}
        onDone={info}
        onError={reportError}
      />
      {dragging && nav.dialog === null && <DropOverlay />}
    </div>
  );
}
