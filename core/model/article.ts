// Articles: the text and metadata of what was captured, its provenance, and the slim summary the library lists.
import { z } from 'zod';
import { Claim, MAX_CLAIMS } from './claim.ts';
import { MAX_COLLECTIONS_PER_ARTICLE } from './collection.ts';
import { DateMention, MAX_MENTIONS, Mention } from './mention.ts';
import { READ, Reading } from './reading.ts';
import {
  ArticleId,
  CaptureMethod,
  CollectionId,
  EntityId,
  ExtractionMethod,
  IsoDate,
  SCHEMA_VERSION,
  SortField,
  Tags,
  Url,
  patchOf,
} from './primitives.ts';
import { FeedRef } from './subscription.ts';

/** The largest article text we accept (characters): a long report, not a book. */
export const MAX_TEXT_LENGTH = 2_000_000;

/** How an article came in and a fingerprint of exactly what was captured. */
export const Provenance = z.object({
  method: CaptureMethod,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  capturedAt: z.iso.datetime(),
  /** The file name or URL it was captured from, when there was one. */
  origin: z.string().max(2000).default(''),
  /** What the captured bytes are (text/html, application/rss+xml, text/plain …) and how they were decoded. */
  mediaType: z.string().max(200).default('text/plain'),
  encoding: z.string().max(50).default(''),
  /** The captured bytes, kept unrendered beside the article's JSON (`<id>.capture.<ext>`); null for pasted text. */
  attachment: z.string().max(200).nullable().default(null),
  /** The program that made a PDF, and the one it was made from ("Skia/PDF m156 (from HeadlessChrome/156)"); '' otherwise. */
  producer: z.string().max(300).default(''),
  /** The languages OCR read the text in (Tesseract codes: eng, fra, ara …); [] when no OCR was done. */
  ocrLanguages: z.array(z.string().max(20)).max(20).default([]),
});
export type Provenance = z.infer<typeof Provenance>;

/** A file kept beside the article as evidence (the clipper's rendered page and screenshot), with its fingerprint. */
export const FileAttachment = z.object({
  /** The file's name in the article's folder (`<id>.screenshot.png`): no path, nothing to climb out with. */
  name: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/),
  /** `capture`: the bytes the text was extracted from (the rendered page); `screenshot`: the visible tab. */
  role: z.enum(['capture', 'screenshot']),
  mediaType: z.string().max(200),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  capturedAt: z.iso.datetime(),
});
export type FileAttachment = z.infer<typeof FileAttachment>;

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
  /** The article as sanitized HTML (no scripts, handlers, frames, forms or remote resources); '' for plain text. */
  html: z.string().default(''),
  modifiedAt: IsoDate.nullable().default(null),
  /** "KAROVSK, March 14 (Reuters) -": where and when the outlet says it was filed. */
  dateline: z.string().max(300).default(''),
  /** Agencies the article credits ("Reuters", "AFP" …), from datelines, bylines and "cited by"/"according to". */
  wireCredits: z.array(z.string().max(100)).default([]),
  /** sha256 of the normalized text: the same text captured twice is one article. */
  contentHash: z.string().default(''),
  /** MinHash signature of the text's shingles (base64), for near-duplicate detection. */
  minhash: z.string().default(''),
  /** Near-duplicates (the same wire story republished) share a story id: the id of the story's first article. */
  storyId: ArticleId.nullable().default(null),
  // Fields added after the first release default, so documents written before them still parse.
  mentions: z.array(Mention).max(MAX_MENTIONS).default([]),
  dates: z.array(DateMention).max(MAX_MENTIONS).default([]),
  /** When entity suggestions last ran on this text; null until they have. */
  taggedAt: z.iso.datetime().nullable().default(null),
  claims: z.array(Claim).max(MAX_CLAIMS).default([]),
  /** The (hand-made) collections the article is in; smart collections are searches and list no members. */
  collectionIds: z.array(CollectionId).max(MAX_COLLECTIONS_PER_ARTICLE).default([]),
  /** How the text was got (the reader marks all but 'article'; `extraction:` finds them). */
  extraction: ExtractionMethod.default('article'),
  /** OCR only: the mean confidence of its words, 0 to 1. */
  ocrConfidence: z.number().min(0).max(1).nullable().default(null),
  /** Paged documents (PDFs): where each page starts in the text (UTF-16 offsets), page 1 first; [] otherwise. */
  pageStarts: z.array(z.number().int().nonnegative()).max(100_000).default([]),
  /** Issue 15 (inbox): unread, read or archived, and starred; files written before it are read. */
  reading: Reading.default(() => ({ ...READ })),
  /** The subscription and feed item it was saved from; null when saved by hand. */
  feed: FeedRef.nullable().default(null),
  /** Issue 16 (clipper): the files kept beside the article, each with its hash; files written before it have none. */
  attachments: z.array(FileAttachment).max(20).default([]),
});
export type Article = z.infer<typeof Article>;

/** One article file on disk: `articles/YYYY/MM/<id>.json`. */
export const ArticleDocument = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  article: Article,
});
export type ArticleDocument = z.infer<typeof ArticleDocument>;

/** What the library list shows: everything but the text, notes and annotations, plus the entities it mentions. */
export const ArticleSummary = Article.omit({
  text: true,
  notes: true,
  provenance: true,
  html: true,
  minhash: true,
  mentions: true,
  dates: true,
  claims: true,
  pageStarts: true,
  attachments: true,
}).extend({
  /** The registry entities the article mentions (confirmed or suggested, not rejected). */
  entityIds: z.array(EntityId).default([]),
  /** How many claims it holds (suggested ones included, rejected ones not). */
  claimCount: z.number().int().nonnegative().default(0),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

/** The summary of an article: its fields, and the entities its mentions point at. */
export function summarize(article: Article): ArticleSummary {
  const entityIds = new Set<string>();
  for (const mention of article.mentions)
    if (mention.entityId && mention.status !== 'rejected') entityIds.add(mention.entityId);
  const claimCount = article.claims.filter((c) => c.review !== 'rejected').length;
  return ArticleSummary.parse({ ...article, entityIds: [...entityIds], claimCount });
}

export const ArticleInput = z
  .object({
    text: z
      .string()
      // Worded by core/issue-sentences.ts: "This text is 5.2 million characters; the limit is 2 million."
      .max(MAX_TEXT_LENGTH)
      .refine((text) => text.trim().length > 0, 'the text cannot be empty'),
    ...ArticleFields,
    title: ArticleFields.title.optional(),
  })
  .partial({ source: true, url: true, byline: true, publishedAt: true, language: true, notes: true, tags: true })
  .strict();
export type ArticleInput = z.input<typeof ArticleInput>;

export const ArticlePatch = patchOf(ArticleFields);
export type ArticlePatch = z.input<typeof ArticlePatch>;

export const ListQuery = z
  .object({
    sort: SortField.default('capturedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(5000).default(500),
    /** List the trash instead of the library. */
    trash: z.boolean().default(false),
    /** Only the articles of this hand-made collection. */
    collectionId: CollectionId.optional(),
  })
  .strict();
export type ListQuery = z.input<typeof ListQuery>;

export type ArticlePage = { total: number; offset: number; items: ArticleSummary[] };
