// The small pieces every record is made of: the schema version, ids, dates, URLs, tags and quoted text.
import { z } from 'zod';
import {
  CAPTURE_METHODS,
  CLAIM_KINDS,
  CLAIM_STATUSES,
  CSV_TABLES,
  ENTITY_TYPES,
  EXPORT_FORMATS,
  EXTRACTION_METHODS,
  MENTION_SOURCES,
  QUALIFIERS,
  REVIEW_ACTIONS,
  REVIEW_STATES,
  SEARCH_SORTS,
  SORT_FIELDS,
} from '../common/vocabulary.ts';

export const SCHEMA_VERSION = 1;

/**
 * A day (`2024-11-29`) or an instant with its offset, kept as the outlet gave it: the local date of a
 * dateline matters when "on Wednesday" is resolved later.
 */
export const IsoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'expected an ISO date such as 2024-11-29 or 2024-11-29T08:30:00+02:00',
});

/** Days, months or years, as precise as the article is ("2024-11-27", "2020-03", "2015"). */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date such as 2024-11-27, 2024-11 or 2024');

export const ArticleId = z.uuid({ error: 'expected an article id (a UUID)' });
/** Random, so entities from two archives never share an id by accident (bundles match entities by id first). */
export const EntityId = z.string().regex(/^ent_[0-9a-z]{16}$/, 'expected an entity id (ent_ and 16 letters or digits)');
export const MergeId = z.string().regex(/^mrg_[0-9a-z]{12}$/, 'expected a merge id (mrg_ and 12 letters or digits)');
export const ClaimId = z.string().regex(/^c_[0-9a-z]{10}$/, 'expected a claim id (c_ and 10 letters or digits)');
export const ClaimGroupId = z
  .string()
  .regex(/^cg_[0-9a-z]{12}$/, 'expected a claim group id (cg_ and 12 letters or digits)');
export const CollectionId = z
  .string()
  .regex(/^col_[0-9a-z]{12}$/, 'expected a collection id (col_ and 12 letters or digits)');
export const SavedSearchId = z
  .string()
  .regex(/^ss_[0-9a-z]{10}$/, 'expected a saved search id (ss_ and 10 letters or digits)');

/** An edit of some of these fields: absent ones are left as they are; one that changes nothing is refused. */
export function patchOf<Shape extends z.ZodRawShape>(fields: Shape) {
  return z
    .object(fields)
    .partial()
    .strict()
    .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');
}

/** A verdict on some of an article's suggestions (mentions or claims), by their ids. */
export function reviewOf(what: string, most: number) {
  return z
    .object({
      ids: z.array(z.string().max(20)).min(1, `no ${what} given`).max(most),
      /** confirm: accept; reject: never suggest it here again; remove: delete it. */
      action: z.enum(REVIEW_ACTIONS),
    })
    .strict();
}

/** Articles to act on: a selection, or a page of search results. */
export const ArticleIds = z.array(ArticleId).min(1, 'no articles given').max(100_000);

export const HttpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });
/** An article's URL: none, or an http(s) one. */
export const Url = z.union([z.literal(''), HttpUrl]);

const Tag = z.string().trim().min(1, 'a tag cannot be empty').max(100, 'a tag is at most 100 characters');
export const Tags = z
  .array(Tag)
  .max(200)
  .transform((tags) => [...new Set(tags)]);

/** An entity's name or alias: one line. */
export const EntityName = z
  .string()
  .trim()
  .min(1, 'a name cannot be empty')
  .max(300, 'a name is at most 300 characters')
  .refine((name) => !/[\n\r\t]/.test(name), 'a name is one line');

/**
 * W3C Web Annotation's TextQuoteSelector: the exact text with some context either side, so a mention
 * can be found again if the offsets no longer fit (a file edited by hand).
 */
export const TextQuote = z.object({
  exact: z.string().min(1).max(1000),
  prefix: z.string().max(64),
  suffix: z.string().max(64),
});
export type TextQuote = z.infer<typeof TextQuote>;

/** Words of the article by offsets (UTF-16, end exclusive) and the words themselves. */
export const TextSpan = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string().max(1000),
});

// The closed lists of core/common/vocabulary.ts as schemas (their types are the vocabulary's own).
export const EntityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityType>;
export const ClaimKind = z.enum(CLAIM_KINDS);
export type ClaimKind = z.infer<typeof ClaimKind>;
export const ClaimStatus = z.enum(CLAIM_STATUSES);
export type ClaimStatus = z.infer<typeof ClaimStatus>;
export const Qualifier = z.enum(QUALIFIERS);
export type Qualifier = z.infer<typeof Qualifier>;
/** A mention's or a claim's review: suggested by the rules, confirmed or rejected by the user. */
export const MentionStatus = z.enum(REVIEW_STATES);
export type MentionStatus = z.infer<typeof MentionStatus>;
export const MentionSource = z.enum(MENTION_SOURCES);
export type MentionSource = z.infer<typeof MentionSource>;
export const CaptureMethod = z.enum(CAPTURE_METHODS);
export const ExtractionMethod = z.enum(EXTRACTION_METHODS);
export type ExtractionMethod = z.infer<typeof ExtractionMethod>;
export const SortField = z.enum(SORT_FIELDS);
export type SortField = z.infer<typeof SortField>;
export const SearchSort = z.enum(SEARCH_SORTS);
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;
export const CsvTable = z.enum(CSV_TABLES);
export type CsvTable = z.infer<typeof CsvTable>;
