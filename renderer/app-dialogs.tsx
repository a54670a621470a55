// The app's dialogs, one at a time as navigation says: add and edit an article, import, shortcuts, subscriptions, export.
import { ArticleDialog } from './components/article-dialog.tsx';
import { ShortcutsHelp } from './components/shortcuts-help.tsx';
import type { Collections } from './collections/use-collections.ts';
import { ExportDialog } from './exports/export-dialog.tsx';
import { exportScopes } from './exports/export-scopes.ts';
import { ImportDialog } from './import/import-dialog.tsx';
import type { Importer } from './import/use-import.ts';
import { SubscriptionsDialog } from './monitoring/subscriptions-dialog.tsx';
import type { Navigation } from './navigation.ts';
import type { ArticleActions } from './views/use-article-actions.tsx';
import type { LibrarySelection } from './views/use-library-selection.ts';

/** The last day's digest as the watchlist hands it to the export dialog. */
export type Digest = { articleIds: string[]; alerts: number };

type Props = {
  nav: Navigation;
  selection: LibrarySelection;
  actions: ArticleActions;
  importer: Importer;
  dragging: boolean;
  collections: Collections;
  digest: Digest | undefined;
  onOpenArticle: (id: string) => void;
  /** A refresh saved articles: counts elsewhere look again. */
  onArticlesArrived: () => void;
  onDone: (text: string) => void;
  onError: (error: unknown) => void;
};

export function AppDialogs(props: Props) {
  const { nav, selection, actions, importer, dragging, collections, digest } = props;
  const { article, view } = selection;
  switch (nav.dialog) {
    case 'add':
      return (
        <ArticleDialog
          mode="add"
          onSaved={(saved) => {
            nav.closeDialog();
            actions.showSaved(saved, true);
          }}
          onClose={nav.closeDialog}
        />
      );
    case 'edit':
      return (
        article && (
          <ArticleDialog
            mode="edit"
            article={article}
            onSaved={(saved) => {
              nav.closeDialog();
              actions.showSaved(saved, false);
            }}
            onClose={nav.closeDialog}
          />
        )
      );
    case 'import':
      return (
        <ImportDialog
          importer={importer}
          dragging={dragging}
          onOpenArticle={props.onOpenArticle}
          onClose={nav.closeDialog}
        />
      );
    case 'help':
      return <ShortcutsHelp onClose={nav.closeDialog} />;
    case 'subscriptions':
      return (
        <SubscriptionsDialog
          onClose={nav.closeDialog}
          onError={props.onError}
          onRefreshed={() => {
            selection.noteChange();
            void selection.reloadList(selection.openId);
            props.onArticlesArrived();
          }}
        />
      );
    case 'export':
      return (
        <ExportDialog
          scopes={exportScopes({
            section: nav.section,
            query: nav.query,
            listed: view.collectionId ? collections.byId(view.collectionId) : undefined,
            article,
            collections: collections.list,
            digest,
          })}
          onClose={nav.closeDialog}
          onDone={props.onDone}
        />
      );
    default:
      return null;
  }
}
