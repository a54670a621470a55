// Collections: hand-made sets of articles (members kept on the articles) and smart ones (a saved query).
import { z } from 'zod';
import { ArticleIds, CollectionId, patchOf } from './primitives.ts';

/** More would mean collections are being used as tags: tags are for that. */
export const MAX_COLLECTIONS_PER_ARTICLE = 500;

const CollectionFields = {
  name: z
    .string()
    .trim()
    .min(1, 'a collection needs a name')
    .max(200, 'a collection name is at most 200 characters')
    .refine((name) => !/[\n\r\t]/.test(name), 'a collection name is one line'),
  description: z.string().max(10_000),
  /** A smart collection is a saved search: its articles are what the query finds, now. null: hand-made. */
  query: z.string().trim().min(1, 'a smart collection needs a query').max(2000).nullable(),
};

export const Collection = z.object({
  id: CollectionId,
  ...CollectionFields,
  description: CollectionFields.description.default(''),
  query: CollectionFields.query.default(null),
  createdAt: z.iso.datetime().default('1970-01-01T00:00:00.000Z'),
  updatedAt: z.iso.datetime().default('1970-01-01T00:00:00.000Z'),
});
export type Collection = z.infer<typeof Collection>;
/** A collection in the list: how many articles it holds (null for a smart one while search is unavailable). */
export type CollectionSummary = Collection & { articles: number | null };

export const CollectionInput = z.object(CollectionFields).partial({ description: true, query: true }).strict();
export type CollectionInput = z.input<typeof CollectionInput>;
export const CollectionPatch = patchOf(CollectionFields);
export type CollectionPatch = z.input<typeof CollectionPatch>;
/** A selection, or everything a query finds ("add all 312 results to the collection"). */
export const CollectionMembers = z.union([
  ArticleIds,
  z.object({ query: z.string().trim().min(1).max(2000) }).strict(),
]);
export type CollectionMembers = z.input<typeof CollectionMembers>;
