// Changes to collections from the reader, the search results and the collection bar, each said in the status bar.
import { archive } from '../api.ts';
import type { Notice } from '../components/status-bar.tsx';
import { formatCount, formatNumber } from '../format.ts';
import type { LibrarySelection } from '../views/use-library-selection.ts';
import type { Collections } from './use-collections.ts';

type Options = {
  collections: Collections;
  selection: LibrarySelection;
  notify: (notice: Notice) => void;
  onError: (error: unknown) => void;
};

export function useCollectionActions({ collections, selection, notify, onError }: Options) {
  const { view, changeView, updateArticle } = selection;

  /** Adds the open article, or everything the query finds, to a collection, and says so. */
  async function addToCollection(collectionId: string, what: { articleId: string } | { query: string }): Promise<void> {
    const name = collections.byId(collectionId)?.name ?? 'the collection';
    try {
      const members = 'query' in what ? { query: what.query } : [what.articleId];
      const { changed, unchanged } = await archive.addToCollection(collectionId, members);
      notify({
        kind: 'info',
        text: `Added ${formatCount(changed, 'article', 'articles')} to “${name}”${unchanged ? ` (${formatNumber(unchanged)} already in it)` : ''}.`,
      });
      if ('articleId' in what) updateArticle(await archive.getArticle(what.articleId));
      await collections.refresh();
      selection.noteChange();
    } catch (error) {
      onError(error);
    }
  }

  async function removeFromCollection(collectionId: string, articleId: string): Promise<void> {
    try {
      await archive.removeFromCollection(collectionId, [articleId]);
      updateArticle(await archive.getArticle(articleId));
      await collections.refresh();
      // Listing that collection: the article leaves the list.
      if (view.collectionId === collectionId) await selection.reloadList(null);
    } catch (error) {
      onError(error);
    }
  }

  async function createCollection(name: string, collectionQuery: string | null): Promise<boolean> {
    try {
      const made = await archive.createCollection({ name, ...(collectionQuery ? { query: collectionQuery } : {}) });
      await collections.refresh();
      notify({ kind: 'info', text: `Made the ${made.query ? 'smart ' : ''}collection “${made.name}”.` });
      if (!made.query) changeView({ ...view, trash: false, collectionId: made.id });
      return true;
    } catch (error) {
      onError(error);
      return false;
    }
  }

  async function renameCollection(id: string, name: string): Promise<boolean> {
    try {
      await archive.updateCollection(id, { name });
      await collections.refresh();
      return true;
    } catch (error) {
      onError(error);
      return false;
    }
  }

  async function deleteCollection(id: string): Promise<void> {
    const name = collections.byId(id)?.name ?? 'the collection';
    try {
      const { removedFrom } = await archive.deleteCollection(id);
      notify({
        kind: 'info',
        text: `Deleted the collection “${name}”; its ${formatCount(removedFrom, 'article stays', 'articles stay')} in the library.`,
      });
      changeView({ ...view, collectionId: undefined });
      await collections.refresh();
      const { article } = selection;
      if (article) updateArticle(await archive.getArticle(article.id));
    } catch (error) {
      onError(error);
    }
  }

  return { addToCollection, removeFromCollection, createCollection, renameCollection, deleteCollection };
}
