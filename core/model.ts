// The archive's data as zod schemas and their inferred types: plain JSON, the same on every side.
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

/**
 * A day (`2024-11-29`) or an instant with its offset, kept as the outlet gave it: the local date of a
 * dateline matters when "on Wednesday" is resolved later.
 */
export const IsoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'expected an ISO date such as 2024-11-29 or 2024-11-29T08:30:00+02:00',
});

export const ArticleId = z.uuid({ error: 'expected an article id (a UUID)' });

const Tag = z.string().trim().min(1, 'a tag cannot be empty').max(100, 'a tag is at most 100 characters');
const Tags = z
  .array(Tag)
  .max(200)
  .transform((tags) => [...new Set(tags)]);

const Url = z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' })]);

/** The largest article text we accept (characters): a long report, not a book. */
export const MAX_TEXT_LENGTH = 2_000_000;

/** How an article came in and a fingerprint of exactly what was captured. */
export const Provenance = z.object({
  method: z.enum(['pasted', 'file', 'url', 'feed', 'sample', 'bundle']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  capturedAt: z.iso.datetime(),
  /** The file name or URL it was captured from, when there was one. */
  origin: z.string().max(2000).default(''),
});
export type Provenance = z.infer<typeof Provenance>;

/** The editable metadata of an article; every field is optional on input. */
const ArticleFields = {
  title: z.string().trim().min(1, 'the title cannot be empty').max(1000),
  source: z.string().trim().max(300),
  url: Url,
  byline: z.string().trim().max(500),
  publishedAt: IsoDate.nullable(),
  language: z.string().trim().max(35),
  notes: z.string().max(100_000),
  tags: Tags,
};

export const Article = z.object({
  id: ArticleId,
  ...ArticleFields,
  text: z.string().max(MAX_TEXT_LENGTH),
  capturedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Set while the article is in the trash. */
  deletedAt: z.iso.datetime().nullable(),
  provenance: Provenance,
  // Mentions and claims arrive with their own issues as arrays with `.default([])`,
  // so documents written before them still parse.
});
export type Article = z.infer<typeof Article>;

/** One article file on disk: `articles/YYYY/MM/<id>.json`. */
export const ArticleDocument = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  article: Article,
});
export type ArticleDocument = z.infer<typeof ArticleDocument>;

/** What the library list shows: everything but the text and notes. */
export const ArticleSummary = Article.omit({ text: true, notes: true, provenance: true });
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const ArticleInput = z
  .object({
    text: z
      .string()
      .max(MAX_TEXT_LENGTH, `the text is longer than ${MAX_TEXT_LENGTH} characters`)
      .refine((text) => text.trim().length > 0, 'the text cannot be empty'),
    ...ArticleFields,
    title: ArticleFields.title.optional(),
  })
  .partial({ source: true, url: true, byline: true, publishedAt: true, language: true, notes: true, tags: true })
  .strict();
export type ArticleInput = z.input<typeof ArticleInput>;

export const ArticlePatch = z
  .object(ArticleFields)
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');
export type ArticlePatch = z.input<typeof ArticlePatch>;

export const SortField = z.enum(['capturedAt', 'publishedAt', 'title', 'source']);
export type SortField = z.infer<typeof SortField>;

export const ListQuery = z
  .object({
    sort: SortField.default('capturedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(5000).default(500),
    /** List the trash instead of the library. */
    trash: z.boolean().default(false),
  })
  .strict();
export type ListQuery = z.input<typeof ListQuery>;

export type ArticlePage = { total: number; offset: number; items: ArticleSummary[] };

/** Something found wrong with the data folder; reported, never silently repaired. */
export type Problem = {
  file: string;
  reason: string;
  /** Where the bad file was moved, so nothing the user owned is lost. */
  movedTo: string | null;
  /** The backup the archive recovered from, when there was one. */
  recoveredFrom: string | null;
};

export type ArchiveStatus = {
  dataDir: string;
  articles: number;
  trash: number;
  problems: Problem[];
};

/** archive.json: the small registries. Entities, collections and saved searches grow here. */
export const Registry = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  createdAt: z.iso.datetime(),
  collections: z.array(z.object({ id: z.string(), name: z.string() })).default([]),
  settings: z.record(z.string(), z.unknown()).default({}),
});
export type Registry = z.infer<typeof Registry>;
