// In the reader: the collections the article is in (each removable) and a picker to add it to another.
import type { RefObject } from 'react';
import type { Article } from '../../core/model.ts';
import type { Collections } from './use-collections.ts';

type Props = {
  article: Article;
  collections: Collections;
  onAdd: (collectionId: string) => void;
  onRemove: (collectionId: string) => void;
  /** Focused by the `b` shortcut. */
  pickerRef: RefObject<HTMLSelectElement | null>;
};

export function ArticleCollections({ article, collections, onAdd, onRemove, pickerRef }: Props) {
  const available = collections.handMade.filter((c) => !article.collectionIds.includes(c.id));
  return (
    <div className="article-collections" aria-label="Collections">
      {article.collectionIds.map((id) => (
        <span key={id} className="collection-chip">
          <bdi>{collections.byId(id)?.name ?? id}</bdi>
          {!article.deletedAt && (
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove from ${collections.byId(id)?.name ?? id}`}
              onClick={() => onRemove(id)}
            >
              ×
            </button>
          )}
        </span>
      ))}
      {!article.deletedAt && available.length > 0 && (
        <select
          ref={pickerRef}
          className="collection-add"
          aria-label="Add to collection"
          value=""
          onChange={(event) => event.target.value && onAdd(event.target.value)}
        >
          <option value="">+ Add to collection</option>
          {available.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
