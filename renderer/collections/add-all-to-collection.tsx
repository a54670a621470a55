// Above the search results: adds everything the query finds to a hand-made collection.
import type { Collections } from './use-collections.ts';

type Props = { collections: Collections; onAdd: (collectionId: string) => void };

export function AddAllToCollection({ collections, onAdd }: Props) {
  if (collections.handMade.length === 0) return null;
  return (
    <select
      className="input"
      aria-label="Add all results to a collection"
      value=""
      onChange={(event) => event.target.value && onAdd(event.target.value)}
    >
      <option value="">Add all to collection…</option>
      {collections.handMade.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </select>
  );
}
