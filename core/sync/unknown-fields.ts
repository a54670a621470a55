// Fields a newer Newsdesk adds to a document, which this version's schemas do not know and so drop: kept from the desk's version, so this laptop's edits do not remove them for everyone.
import { Article, ClaimGroup, Collection, Entity, MergeRecord, SavedSearch, Watch } from '../model.ts';
import { DESK_FIELDS } from './merge.ts';
import type { Body } from './revs.ts';

/** The top-level fields this version knows, per document kind (registry lists entry by entry). */
const KNOWN: Record<string, Set<string>> = Object.fromEntries(
  Object.entries({
    article: Article,
    entity: Entity,
    collection: Collection,
    claimgroup: ClaimGroup,
    search: SavedSearch,
    merge: MergeRecord,
    watch: Watch,
  }).map(([kind, schema]) => [kind, new Set([...Object.keys(schema.shape), ...DESK_FIELDS])]),
);

/**
 * The fields of `body` (the desk's version this laptop last had: a record's base) that this
 * version's schema does not know; none for a kind it does not list. A field this version knows and
 * the analyst removed is not among them: only what it could not have removed is carried over.
 */
export function unknownFields(docId: string, body: Body | null | undefined): Body {
  const known = KNOWN[docId.slice(0, docId.indexOf(':'))];
  if (!known || !body) return {};
  const unknown: Body = {};
  for (const [key, value] of Object.entries(body))
    if (!known.has(key) && !key.startsWith('_') && key !== '__proto__') unknown[key] = value;
  return unknown;
}
