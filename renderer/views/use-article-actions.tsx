// What is done to the open article from the reader, the keys and the dialogs: trash it (with undo), restore it, show a save; and the samples.
import { useRef, useState } from 'react';
import type { Article, ArticleSummary } from '../../core/model.ts';
import { archive } from '../api.ts';
import type { Notice } from '../components/status-bar.tsx';
import { formatCount } from '../format.ts';
import type { LibrarySelection } from './use-library-selection.ts';

type Options = {
  selection: LibrarySelection;
  notify: (notice: Notice) => void;
  onError: (error: unknown) => void;
};

export function useArticleActions({ selection, notify, onError }: Options) {
  const lastDeleted = useRef<ArticleSummary | null>(null);
  const [loadingSamples, setLoadingSamples] = useState(false);
  const { view, reloadList } = selection;

  async function deleteOpen(): Promise<void> {
    const open = selection.target();
    if (!open || open.deletedAt) return;
    try {
      const summary = await archive.deleteArticle(open.id);
      lastDeleted.current = summary;
      notify({
        kind: 'info',
        text: (
          <>
            Moved “<bdi>{summary.title}</bdi>” to the trash.
          </>
        ),
        action: { label: 'Undo', run: () => void undoDelete() },
      });
      selection.show(null, null);
      await reloadList(null);
    } catch (error) {
      onError(error);
    }
  }

  async function restore(id: string, title: string, reopen: boolean): Promise<void> {
    try {
      await archive.restoreArticle(id);
      notify({
        kind: 'info',
        text: (
          <>
            Restored “<bdi>{title}</bdi>” to the library.
          </>
        ),
      });
      selection.show(reopen ? id : null, null);
      await reloadList(reopen ? id : null);
    } catch (error) {
      onError(error);
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
      notify({
        kind: 'info',
        text: added
          ? `Added ${formatCount(added, 'sample article', 'sample articles')}.`
          : 'The samples are all in the archive already.',
      });
      await reloadList(null);
    } catch (error) {
      onError(error);
    } finally {
      setLoadingSamples(false);
    }
  }

  /** The article dialog saved: say so and show it, in the library if it was saved from the trash view. */
  function showSaved(saved: Article, added: boolean): void {
    notify({
      kind: 'info',
      text: (
        <>
          {added ? 'Added' : 'Saved'} “<bdi>{saved.title}</bdi>”.
        </>
      ),
    });
    selection.show(saved.id, saved);
    if (view.trash && !saved.deletedAt) selection.changeView({ ...view, trash: false });
    else void reloadList(saved.id);
  }

  return { deleteOpen, restore, undoDelete, loadSamples, loadingSamples, showSaved };
}

export type ArticleActions = ReturnType<typeof useArticleActions>;
