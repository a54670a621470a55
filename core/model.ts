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

export const HttpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });
const Url = z.union([z.literal(''), HttpUrl]);

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
  /** What the captured bytes are (text/html, application/rss+xml, text/plain …) and how they were decoded. */
  mediaType: z.string().max(200).default('text/plain'),
  encoding: z.string().max(50).default(''),
  /** The captured bytes, kept unrendered beside the article's JSON (`<id>.capture.<ext>`); null for pasted text. */
  attachment: z.string().max(200).nullable().default(null),
});
export type Provenance = z.infer<typeof Provenance>;

/** What an entity is: `group` is for armed and political groups; `event` for named events (a ceasefire, a summit). */
export const EntityType = z.enum(['person', 'organization', 'group', 'location', 'event', 'other']);
export type EntityType = z.infer<typeof EntityType>;

/** Random, so entities from two archives never share an id by accident (bundles match entities by id first). */
export const EntityId = z.string().regex(/^ent_[0-9a-z]{16}$/, 'expected an entity id (ent_ and 16 letters or digits)');

const EntityName = z
  .string()
  .trim()
  .min(1, 'a name cannot be empty')
  .max(300, 'a name is at most 300 characters')
  .refine((name) => !/[\n\r\t]/.test(name), 'a name is one line');

/** External identifiers by scheme: `{ wikidata: 'Q123' }`. */
const ExternalIds = z.record(
  z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'an external id scheme is a short lowercase word such as wikidata'),
  z.string().trim().min(1).max(300),
);

const EntityFields = {
  name: EntityName,
  type: EntityType,
  /** Other names: acronyms, transliterations, former names, short forms. */
  aliases: z
    .array(EntityName)
    .max(500)
    .transform((aliases) => [...new Set(aliases)]),
  description: z.string().max(5000),
  externalIds: ExternalIds,
  notes: z.string().max(100_000),
};

export const Entity = z.object({
  id: EntityId,
  ...EntityFields,
  aliases: EntityFields.aliases.default([]),
  description: EntityFields.description.default(''),
  externalIds: ExternalIds.default({}),
  notes: EntityFields.notes.default(''),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Entity = z.infer<typeof Entity>;

export const EntityInput = z
  .object(EntityFields)
  .partial({ aliases: true, description: true, externalIds: true, notes: true })
  .strict();
export type EntityInput = z.input<typeof EntityInput>;

export const EntityPatch = z
  .object(EntityFields)
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');
export type EntityPatch = z.input<typeof EntityPatch>;

export const EntityQuery = z
  .object({
    /** Matches names and aliases, ignoring case and accents. */
    text: z.string().max(300).optional(),
    type: EntityType.optional(),
    limit: z.number().int().min(1).max(10_000).default(1000),
  })
  .strict();
export type EntityQuery = z.input<typeof EntityQuery>;

/** An entity in the registry view: how many articles mention it (not counting rejected suggestions). */
export type EntitySummary = Entity & { articles: number };

/** The entity page: its articles, who and what appears with it, and its mentions over time. */
export type EntityDetail = {
  entity: Entity;
  articles: ArticleSummary[];
  /** Other entities in the same articles, most shared first. */
  cooccurring: { id: string; name: string; type: EntityType; articles: number }[];
  /** Articles mentioning it per month of publication (of capture when the date is unknown). */
  timeline: { month: string; articles: number }[];
};

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

export const MentionStatus = z.enum(['suggested', 'confirmed', 'rejected']);
export type MentionStatus = z.infer<typeof MentionStatus>;
export const MentionSource = z.enum(['registry', 'starter', 'model', 'rule', 'user']);
export type MentionSource = z.infer<typeof MentionSource>;

/** A name in an article's text that refers to an entity, or a suggestion that it does. */
export const Mention = z.object({
  id: z.string().regex(/^m_[0-9a-z]{10}$/),
  /** UTF-16 offsets into the article's clean text, end exclusive. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  quote: TextQuote,
  /** The registry entity; null for a suggestion of an entity the registry does not have yet. */
  entityId: EntityId.nullable(),
  /** What the entity is called and is, for a suggestion without an entity (the name it would get). */
  name: EntityName,
  type: EntityType,
  status: MentionStatus,
  source: MentionSource,
  confidence: z.number().min(0).max(1),
  /**
   * The entities this mention pointed at before merges moved it, the latest last: undoing a merge
   * finds its mentions by this, even after a crash half-way through the merge.
   */
  mergedFrom: z.array(EntityId).max(100).optional(),
});
export type Mention = z.infer<typeof Mention>;

/** Most mentions one article keeps (a long report names a few hundred). */
export const MAX_MENTIONS = 20_000;

/** A time expression in the text, resolved against the publication date ("on Wednesday" -> 2024-11-27). */
export const DateMention = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string().max(200),
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
});
export type DateMention = z.infer<typeof DateMention>;

export const MergeId = z.string().regex(/^mrg_[0-9a-z]{12}$/, 'expected a merge id (mrg_ and 12 letters or digits)');

/** A merge, kept so it can be undone: the merged entity as it was and the mentions that were re-pointed. */
export const MergeRecord = z.object({
  id: MergeId,
  at: z.iso.datetime(),
  keptId: EntityId,
  merged: Entity,
  /** Names of the merged entity added to the kept one's aliases (removed again on undo). */
  aliasesAdded: z.array(z.string()),
  undoneAt: z.iso.datetime().nullable().default(null),
});
export type MergeRecord = z.infer<typeof MergeRecord>;

/** Tag a span of an article's text as an existing entity, or as a new one. */
export const SpanTag = z.union([
  z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive(), entityId: EntityId }).strict(),
  z
    .object({
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      name: EntityName,
      type: EntityType,
    })
    .strict(),
]);
export type SpanTag = z.input<typeof SpanTag>;

export const MentionReview = z
  .object({
    ids: z.array(z.string().max(20)).min(1, 'no mentions given').max(10_000),
    /** confirm: accept (creating the entity if needed); reject: never suggest it here again; remove: delete a mention. */
    action: z.enum(['confirm', 'reject', 'remove']),
  })
  .strict();
export type MentionReview = z.input<typeof MentionReview>;

/** What a claim is about: the categories monitors sort claims into. */
export const ClaimKind = z.enum([
  'casualties',
  'territorial-control',
  'attack',
  'military-action',
  'accusation',
  'denial',
  'statement',
  'other',
]);
export type ClaimKind = z.infer<typeof ClaimKind>;

/** Where a claim stands once checked: monitors' own verdicts. */
export const ClaimStatus = z.enum(['unverified', 'corroborated', 'disputed', 'false', 'retracted']);
export type ClaimStatus = z.infer<typeof ClaimStatus>;

export const Qualifier = z.enum([
  'exactly',
  'at least',
  'more than',
  'up to',
  'at most',
  'about',
  'nearly',
  'dozens',
  'hundreds',
  'thousands',
]);
export type Qualifier = z.infer<typeof Qualifier>;

/** Words of the article by offsets (UTF-16, end exclusive) and the words themselves. */
const TextSpan = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string().max(1000),
});

/** "At least 27 civilians killed": a figure, how it is qualified, who was counted and what happened to them. */
export const Quantity = TextSpan.extend({
  value: z.number().nonnegative().max(1e12),
  qualifier: Qualifier,
  category: z.string().max(100).nullable(),
  outcome: z.string().max(100).nullable(),
});
export type Quantity = z.infer<typeof Quantity>;

/**
 * Who says it, or who is accused: the words in the article ("He", "a UN official") when it names
 * them there (a party typed by the user has no span), who that is, and the registry entity if any.
 */
export const ClaimParty = z.object({
  text: z.string().max(300),
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().positive().nullable(),
  name: z.string().trim().min(1).max(300),
  entityId: EntityId.nullable(),
});
export type ClaimParty = z.infer<typeof ClaimParty>;

/** Days, months or years, as precise as the article is ("2024-11-27", "2020-03", "2015"). */
const PartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date such as 2024-11-27, 2024-11 or 2024');

export const ClaimId = z.string().regex(/^c_[0-9a-z]{10}$/, 'expected a claim id (c_ and 10 letters or digits)');
export const ClaimGroupId = z
  .string()
  .regex(/^cg_[0-9a-z]{12}$/, 'expected a claim group id (cg_ and 12 letters or digits)');

const ClaimFields = {
  /** The claim in the monitor's words; by default the claimed words of the article. */
  text: z.string().trim().min(1, 'a claim cannot be empty').max(5000),
  cue: TextSpan.nullable(),
  /** null: the outlet states it itself, attributing it to nobody. */
  claimant: ClaimParty.nullable(),
  /** The chain from the claimant to this outlet, nearest first: a UN official -> ["Reuters", "MENAFN"]. */
  via: z.array(z.string().trim().min(1).max(300)).max(20),
  /** Whom an accusation or a denial is about. */
  target: ClaimParty.nullable(),
  kind: ClaimKind,
  hedged: z.boolean(),
  hedges: z.array(TextSpan).max(50),
  quantities: z.array(Quantity).max(50),
  /** When what is claimed happened, resolved against the publication date. */
  eventDate: PartialDate.nullable(),
  /** Where it happened: location entities. */
  placeIds: z.array(EntityId).max(20),
  status: ClaimStatus,
  /** Why the status is what it is: sources checked, who disputes it. */
  reviewNote: z.string().max(10_000),
};

/** Who said what, through whom: a span of an article's text and what a monitor records about it. */
export const Claim = z.object({
  id: ClaimId,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  quote: TextQuote,
  ...ClaimFields,
  /** Suggested by the rules, confirmed or rejected by the user. */
  review: MentionStatus,
  source: z.enum(['rule', 'user']),
  confidence: z.number().min(0).max(1),
  /** The claims of other articles reporting the same thing share a group. */
  groupId: ClaimGroupId.nullable(),
});
export type Claim = z.infer<typeof Claim>;

/** A claim the user makes from selected words: everything else starts from what the rules would say. */
export const ClaimInput = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().positive(), ...ClaimFields })
  .partial({
    text: true,
    cue: true,
    claimant: true,
    via: true,
    target: true,
    kind: true,
    hedged: true,
    hedges: true,
    quantities: true,
    eventDate: true,
    placeIds: true,
    status: true,
    reviewNote: true,
  })
  .strict();
export type ClaimInput = z.input<typeof ClaimInput>;

export const ClaimPatch = z
  .object(ClaimFields)
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');
export type ClaimPatch = z.input<typeof ClaimPatch>;

export const ClaimReview = z
  .object({
    ids: z.array(z.string().max(20)).min(1, 'no claims given').max(5000),
    /** confirm: accept; reject: never suggest it here again; remove: delete a claim. */
    action: z.enum(['confirm', 'reject', 'remove']),
  })
  .strict();
export type ClaimReview = z.input<typeof ClaimReview>;

/** Most claims one article keeps. */
export const MAX_CLAIMS = 5000;

/** Claims across articles reporting the same thing: the group itself, its members live in the claims. */
export const ClaimGroup = z.object({
  id: ClaimGroupId,
  label: z.string().trim().min(1).max(300),
  note: z.string().max(10_000).default(''),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ClaimGroup = z.infer<typeof ClaimGroup>;

/** A claim as the claims view and the groups see it: enough to list, filter, plot and group, no article text. */
export type ClaimSummary = {
  articleId: string;
  claimId: string;
  text: string;
  kind: ClaimKind;
  status: ClaimStatus;
  review: MentionStatus;
  claimant: { name: string; entityId: string | null } | null;
  via: string[];
  hedged: boolean;
  quantities: Omit<Quantity, 'start' | 'end'>[];
  eventDate: string | null;
  placeIds: string[];
  groupId: string | null;
  /** Of the article: its outlet, dates, title, story (syndicated copies share one) and wire credits. */
  outlet: string;
  title: string;
  publishedAt: string | null;
  capturedAt: string;
  storyId: string | null;
  wireCredits: string[];
};

export const ClaimQuery = z
  .object({
    status: ClaimStatus.optional(),
    kind: ClaimKind.optional(),
    review: MentionStatus.optional(),
    /** Matches the claimant's name, ignoring case and accents. */
    claimant: z.string().max(300).optional(),
    placeId: EntityId.optional(),
    groupId: ClaimGroupId.optional(),
    /** Event dates (or, without one, publication dates) from and to, inclusive: 2024-11-27, 2024-11, 2024. */
    from: PartialDate.optional(),
    to: PartialDate.optional(),
    text: z.string().max(300).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(10_000).default(500),
  })
  .strict();
export type ClaimQuery = z.input<typeof ClaimQuery>;

export type ClaimPage = { total: number; offset: number; items: ClaimSummary[] };

/** A group with its members and what they add up to. */
export type ClaimGroupDetail = {
  group: ClaimGroup;
  claims: ClaimSummary[];
  /**
   * Sources that do not copy one another: syndicated copies of one story count once, and so do
   * claims that reach their outlets through the same wire agency or the same claimant chain.
   */
  independentSources: number;
  sources: { key: string; label: string; claims: number }[];
  /** Figures for the same outcome and category that disagree (27 against 31 killed). */
  conflicts: { outcome: string | null; category: string | null; values: number[] }[];
};

export const ClaimGroupInput = z
  .object({
    members: z
      .array(z.object({ articleId: ArticleId, claimId: ClaimId }).strict())
      .min(1, 'no claims given')
      .max(1000),
    /** Add to this group; without it a new group is made. */
    groupId: ClaimGroupId.optional(),
    label: z.string().trim().min(1).max(300).optional(),
  })
  .strict();
export type ClaimGroupInput = z.input<typeof ClaimGroupInput>;

export const ClaimGroupPatch = z
  .object({ label: z.string().trim().min(1).max(300), note: z.string().max(10_000) })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');
export type ClaimGroupPatch = z.input<typeof ClaimGroupPatch>;

/** A claim of another article that may report the same thing, and why. */
export type ClaimMatch = { claim: ClaimSummary; score: number; reasons: string[] };

export const CollectionId = z
  .string()
  .regex(/^col_[0-9a-z]{12}$/, 'expected a collection id (col_ and 12 letters or digits)');
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
export const CollectionPatch = z
  .object(CollectionFields)
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');
export type CollectionPatch = z.input<typeof CollectionPatch>;
/** Articles to add to or take out of a collection: a selection, or a page of search results. */
export const ArticleIds = z.array(ArticleId).min(1, 'no articles given').max(100_000);
/** A selection, or everything a query finds ("add all 312 results to the collection"). */
export const CollectionMembers = z.union([
  ArticleIds,
  z.object({ query: z.string().trim().min(1).max(2000) }).strict(),
]);
export type CollectionMembers = z.input<typeof CollectionMembers>;

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
    /** Only the articles of this hand-made collection. */
    collectionId: CollectionId.optional(),
  })
  .strict();
export type ListQuery = z.input<typeof ListQuery>;

export type ArticlePage = { total: number; offset: number; items: ArticleSummary[] };

/** Something found wrong with the data folder; reported, never silently repaired. */
export const Problem = z.object({
  file: z.string(),
  reason: z.string(),
  /** Where the bad file was moved, so nothing the user owned is lost. */
  movedTo: z.string().nullable(),
  /** The backup the archive recovered from, when there was one. */
  recoveredFrom: z.string().nullable(),
});
export type Problem = z.infer<typeof Problem>;

export type ArchiveStatus = {
  dataDir: string;
  articles: number;
  trash: number;
  problems: Problem[];
  search: SearchStatus;
  /** The export being written, article by article; null when none is. */
  export: { format: string; done: number; total: number } | null;
};

/** The full-text index: ready, being built from the article files (with progress), or catching up on changes. */
export type SearchStatus = {
  state: 'ready' | 'building' | 'updating' | 'unavailable';
  done: number;
  total: number;
  /** Why search is unavailable (no node:sqlite in this Node), or what the last rebuild found wrong. */
  message: string | null;
};

export const SearchQuery = z
  .object({
    /** The query language: words, "phrases", OR, -exclusions, prefix*, fuzzy~, field:value, date ranges. */
    query: z.string().max(2000),
    sort: z.enum(['relevance', 'newest', 'oldest']).default('relevance'),
    offset: z.number().int().min(0).max(100_000).default(0),
    limit: z.number().int().min(1).max(500).default(50),
    /** Counts by source, entity, type, language and month (costs a few milliseconds more). */
    facets: z.boolean().default(false),
  })
  .strict();
export type SearchQuery = z.input<typeof SearchQuery>;

export type SearchHit = {
  id: string;
  title: string;
  source: string;
  publishedAt: string | null;
  capturedAt: string;
  language: string;
  /** Higher is better (bm25, field-weighted); 0 when sorted by date without words. */
  score: number;
  /** A passage of the text around the matched words, and where they are in it (UTF-16 offsets). */
  snippet: string;
  highlights: [number, number][];
  titleHighlights: [number, number][];
};

export type FacetCount = { value: string; label: string; count: number };
export type SearchFacets = {
  source: FacetCount[];
  entity: FacetCount[];
  type: FacetCount[];
  language: FacetCount[];
  month: FacetCount[];
};

export type SearchResult = {
  total: number;
  hits: SearchHit[];
  facets: SearchFacets | null;
  /** Things the user should know about how the query was read ("no entity called X: searched the words"). */
  notices: string[];
  /** The folded words and prefixes matched, for highlighting elsewhere (the reader). */
  terms: { terms: string[]; prefixes: string[] };
  index: SearchStatus;
  tookMs: number;
};

export const SavedSearchId = z
  .string()
  .regex(/^ss_[0-9a-z]{10}$/, 'expected a saved search id (ss_ and 10 letters or digits)');
export const SavedSearch = z.object({
  id: SavedSearchId,
  name: z.string().trim().min(1, 'a saved search needs a name').max(200),
  query: z.string().max(2000),
  sort: z.enum(['relevance', 'newest', 'oldest']).default('relevance'),
  createdAt: z.iso.datetime(),
});
export type SavedSearch = z.infer<typeof SavedSearch>;
export const SavedSearchInput = SavedSearch.pick({ name: true, query: true, sort: true })
  .partial({ sort: true })
  .strict();
export type SavedSearchInput = z.input<typeof SavedSearchInput>;

/** archive.json: the small registries. Entities, collections and saved searches grow here. */
export const Registry = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  createdAt: z.iso.datetime(),
  collections: z.array(Collection).default([]),
  entities: z.array(Entity).default([]),
  merges: z.array(MergeRecord).default([]),
  claimGroups: z.array(ClaimGroup).default([]),
  savedSearches: z.array(SavedSearch).default([]),
  settings: z.record(z.string(), z.unknown()).default({}),
  /** Files found damaged and moved aside, until the user deals with them. */
  problems: z.array(Problem).default([]),
});
export type Registry = z.infer<typeof Registry>;

/** One thing to capture, as it crosses a transport: a file's bytes (base64) and its name. */
export const CaptureInput = z
  .object({
    name: z.string().min(1).max(1000),
    /** The bytes, base64-encoded. */
    data: z.base64({ error: 'data must be base64' }),
    /** A hint (from a browser drop or an HTTP header); the bytes decide when it is absent. */
    mediaType: z.string().max(200).optional(),
    /** Where it came from (a URL or a path), recorded in the provenance. */
    origin: z.string().max(2000).optional(),
  })
  .strict();
export type CaptureInput = z.input<typeof CaptureInput>;

/** The outcome of capturing one item: a file, a URL, or one entry of a feed. */
export type ImportResult = {
  status: 'saved' | 'duplicate' | 'failed';
  /** What was imported: a file name, a URL, or "feed.xml › item title". */
  item: string;
  id: string | null;
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  source: string | null;
  language: string | null;
  url: string | null;
  storyId: string | null;
  /** The article this one duplicates, when status is "duplicate". */
  duplicateOf: string | null;
  error: string | null;
};

/** What other tools read: see docs/exports.md for each format and what it holds. */
export const ExportFormat = z.enum([
  'bundle',
  'csv',
  'markdown',
  'html',
  'annotations',
  'csl',
  'ftm',
  'claimreview',
  /** The HTML report printed by the desktop app's Chromium; not available in browser mode or the CLI. */
  'pdf',
]);
export type ExportFormat = z.infer<typeof ExportFormat>;
export const CsvTable = z.enum(['articles', 'mentions', 'entities', 'claims']);
export type CsvTable = z.infer<typeof CsvTable>;

/** Which articles: a collection (hand-made or smart), what a query finds, a selection, or the whole library. */
export const ExportScope = z.union([
  z.object({ collectionId: CollectionId }).strict(),
  z.object({ query: z.string().trim().min(1, 'the query is empty').max(2000) }).strict(),
  z.object({ articleIds: ArticleIds }).strict(),
  z.object({ library: z.literal(true) }).strict(),
]);
export type ExportScope = z.input<typeof ExportScope>;

export const ExportRequest = z
  .object({
    scope: ExportScope,
    format: ExportFormat,
    /** CSV: one table, or (absent) all four in one zip. */
    table: CsvTable.optional(),
  })
  .strict();
export type ExportRequest = z.input<typeof ExportRequest>;

/** What an export will write, before it is written: for the dialog's count and the file's name. */
export type ExportPlan = {
  format: ExportFormat;
  /** The scope in words: "collection Weekly report", "search: casualties", "3 selected articles". */
  scope: string;
  articles: number;
  /** Claims that are not rejected, and the registry entities the articles point at. */
  claims: number;
  entities: number;
  /** A safe file name on every system, with its extension. */
  fileName: string;
  mediaType: string;
};

/** Where an export went and what it held. */
export type ExportResult = ExportPlan & {
  path: string;
  bytes: number;
  tookMs: number;
  /** Articles whose file was gone by the time it was read (deleted by hand): not in the export. */
  skipped: number;
};

/** A bundle's import, reported to the user: what was added, what was already here, what was matched. */
export type BundleImportReport = {
  articles: { added: number; alreadyHere: number; ids: string[] };
  entities: {
    added: number;
    /** Bundle entities found here under the same id or a name or alias; their mentions now point here. */
    matched: { bundleName: string; localName: string; localId: string; by: 'id' | 'name' | 'alias' }[];
  };
  claimGroups: { added: number; matched: number };
  collections: { added: string[]; matched: string[] };
  originals: number;
};
