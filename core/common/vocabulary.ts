// The closed lists every side shares (core, the UI, the reports) and how each value reads: declared once, here.

/** What an entity is: `group` is for armed and political groups; `event` for named events (a ceasefire, a summit). */
export const ENTITY_TYPES = ['person', 'organization', 'group', 'location', 'event', 'other'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const ENTITY_TYPE_LABELS: Record<EntityType, { label: string; plural: string; short: string }> = {
  person: { label: 'Person', plural: 'People', short: 'PER' },
  organization: { label: 'Organization', plural: 'Organizations', short: 'ORG' },
  group: { label: 'Armed or political group', plural: 'Armed and political groups', short: 'GRP' },
  location: { label: 'Place', plural: 'Places', short: 'LOC' },
  event: { label: 'Event', plural: 'Events', short: 'EVT' },
  other: { label: 'Other', plural: 'Other', short: 'OTH' },
};

/** What a claim is about: the categories monitors sort claims into. */
export const CLAIM_KINDS = [
  'casualties',
  'territorial-control',
  'attack',
  'military-action',
  'accusation',
  'denial',
  'statement',
  'other',
] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const CLAIM_KIND_LABELS: Record<ClaimKind, string> = {
  casualties: 'Casualties',
  'territorial-control': 'Territorial control',
  attack: 'Attack',
  'military-action': 'Military action',
  accusation: 'Accusation',
  denial: 'Denial',
  statement: 'Statement',
  other: 'Other',
};

/** Where a claim stands once checked: monitors' own verdicts. */
export const CLAIM_STATUSES = ['unverified', 'corroborated', 'disputed', 'false', 'retracted'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  unverified: 'Unverified',
  corroborated: 'Corroborated',
  disputed: 'Disputed',
  false: 'False',
  retracted: 'Retracted',
};

/** How a figure is qualified ("at least 27"); "dozens", "hundreds" and "thousands" stand for a figure not given. */
export const QUALIFIERS = [
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
] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** A suggestion the user has not looked at yet, or their verdict on it: for mentions and claims alike. */
export const REVIEW_STATES = ['suggested', 'confirmed', 'rejected'] as const;

/** What the user can do with suggestions: accept, never suggest here again, or delete. */
export const REVIEW_ACTIONS = ['confirm', 'reject', 'remove'] as const;

/** Where a mention came from: the user's registry, the shipped starter list, the language model, a cue rule, or the user. */
export const MENTION_SOURCES = ['registry', 'starter', 'model', 'rule', 'user'] as const;
export type MentionSource = (typeof MENTION_SOURCES)[number];

/** How an article came in. */
export const CAPTURE_METHODS = ['pasted', 'file', 'url', 'feed', 'sample', 'bundle', 'clipper'] as const;
export type CaptureMethod = (typeof CAPTURE_METHODS)[number];

/**
 * How an article's text was got: the article found in a page; the page's readable text when no
 * article-like block was found (saved rather than refused, and marked); a PDF's text layer; OCR of a scan;
 * a passage the user selected in the browser, saved as a quote of its page (the clipper).
 */
export const EXTRACTION_METHODS = ['article', 'fallback', 'pdf', 'ocr', 'feed', 'selection'] as const;
export type ExtractionMethod = (typeof EXTRACTION_METHODS)[number];

export const EXTRACTION_LABELS: Record<ExtractionMethod, string> = {
  article: 'Article',
  fallback: 'Page text: no article found',
  pdf: 'PDF',
  ocr: 'OCR',
  feed: 'Feed item only: the page could not be fetched',
  selection: 'Quote: a passage selected on the page',
};

/** The library's sort fields. */
export const SORT_FIELDS = ['capturedAt', 'publishedAt', 'title', 'source'] as const;
export type SortField = (typeof SORT_FIELDS)[number];

/** How search results are ordered. */
export const SEARCH_SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** What other tools read: see docs/exports.md for each format and what it holds. pdf: the desktop app only. */
export const EXPORT_FORMATS = [
  'bundle',
  'csv',
  'markdown',
  'html',
  'annotations',
  'csl',
  'ftm',
  'claimreview',
  'pdf',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Reports go to readers outside the desk (a client, an editor), so by default they hold only what a
 * person confirmed; the other formats feed tools and colleagues and hold every suggestion unless asked.
 */
export const REVIEWED_ONLY_BY_DEFAULT: readonly ExportFormat[] = ['html', 'markdown', 'pdf'];

/** The tables a CSV export can hold. */
export const CSV_TABLES = ['articles', 'mentions', 'entities', 'claims'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];
