// The contract: every archive method and its result. Nothing else crosses a process boundary (no zod here: the preload bundles this).
import type {
  Article,
  ArticleInput,
  ArticlePage,
  CaptureInput,
  ClaimGroupDetail,
  ClaimGroupInput,
  ClaimGroupPatch,
  ClaimInput,
  ClaimMatch,
  ClaimPage,
  ClaimPatch,
  ClaimQuery,
  ClaimReview,
  Entity,
  EntityDetail,
  EntityInput,
  EntityPatch,
  EntityQuery,
  EntitySummary,
  ImportResult,
  ArticlePatch,
  ArticleSummary,
  ArchiveStatus,
  BundleImportReport,
  Collection,
  CollectionInput,
  CollectionMembers,
  CollectionPatch,
  CollectionSummary,
  ExportPlan,
  ExportRequest,
  ExportResult,
  ListQuery,
  MentionReview,
  MergeRecord,
  SavedSearch,
  SavedSearchInput,
  SearchQuery,
  SearchResult,
  SpanTag,
} from './model.ts';

export interface ArchiveApi {
  /** Save pasted text and its metadata as a new article. */
  addArticle(input: ArticleInput): Promise<Article>;
  /** One page of the library (or the trash), sorted. */
  listArticles(query?: ListQuery): Promise<ArticlePage>;
  getArticle(id: string): Promise<Article>;
  updateArticle(id: string, patch: ArticlePatch): Promise<Article>;
  /** Move to the trash; restoreArticle brings it back. */
  deleteArticle(id: string): Promise<ArticleSummary>;
  restoreArticle(id: string): Promise<ArticleSummary>;
  /**
   * Capture a file's bytes: an HTML page, a text or Markdown file, an RSS/Atom feed (one result per
   * entry) or an OPML list of feeds (each fetched). Duplicates are not saved twice.
   */
  importDocument(input: CaptureInput): Promise<ImportResult[]>;
  /** Fetch a page or feed and capture it; offline it fails at once and saves nothing. */
  importUrl(url: string): Promise<ImportResult[]>;
  /** The other articles of this article's story (the same wire story republished), oldest first. */
  getStory(id: string): Promise<ArticleSummary[]>;
  /** Add the sample articles shipped with the app (skipping ones already there). */
  loadSamples(): Promise<{ added: number }>;
  getStatus(): Promise<ArchiveStatus>;

  /** The registry, filtered by name or alias and type, most mentioned first, with article counts. */
  listEntities(query?: EntityQuery): Promise<EntitySummary[]>;
  /** An entity's page: its articles (newest first), co-occurring entities, mentions per month. */
  getEntity(id: string): Promise<EntityDetail>;
  createEntity(input: EntityInput): Promise<Entity>;
  /** Rename (the old name stays as an alias), retype, edit aliases, description, external ids, notes. */
  updateEntity(id: string, patch: EntityPatch): Promise<Entity>;
  /** Out of the registry, and its mentions out of every article. */
  deleteEntity(id: string): Promise<{ removedMentions: number }>;
  /** The second entity goes into the first: names become aliases, mentions are re-pointed; undoable. */
  mergeEntities(keptId: string, mergedId: string): Promise<MergeRecord>;
  undoMerge(mergeId: string): Promise<Entity>;
  /** Runs the entity, date and claim suggesters on an article again; reviewed mentions and claims are kept. */
  runSuggestions(articleId: string): Promise<Article>;
  /** The user tags a span as an existing entity or a new one. */
  tagSpan(articleId: string, span: SpanTag): Promise<Article>;
  /** Confirm, reject or remove mentions of one article. */
  reviewMentions(articleId: string, review: MentionReview): Promise<Article>;

  /** The user makes a claim of selected words; what they leave out is filled in as the rules would. */
  addClaim(articleId: string, input: ClaimInput): Promise<Article>;
  /** Edit any field of a claim: text, claimant, chain, target, kind, hedges, figures, date, places, status, note. */
  updateClaim(articleId: string, claimId: string, patch: ClaimPatch): Promise<Article>;
  /** Confirm, reject or remove claims of one article. */
  reviewClaims(articleId: string, review: ClaimReview): Promise<Article>;
  /** Claims across the archive, filtered, newest event first. */
  listClaims(query?: ClaimQuery): Promise<ClaimPage>;
  /** Claims of other articles that may report the same thing as this one, best first, with the reasons. */
  findClaimMatches(articleId: string, claimId: string): Promise<ClaimMatch[]>;
  /** Put claims into one group (a new one, or an existing one): the same thing reported across articles. */
  groupClaims(input: ClaimGroupInput): Promise<ClaimGroupDetail>;
  ungroupClaim(articleId: string, claimId: string): Promise<Article>;
  getClaimGroup(id: string): Promise<ClaimGroupDetail>;
  /** Every group with its claims, independent sources and conflicting figures. */
  listClaimGroups(): Promise<ClaimGroupDetail[]>;
  /** Full-text search in the query language (docs/search.md), ranked or by date, with snippets and facets. */
  search(query: SearchQuery): Promise<SearchResult>;
  listSavedSearches(): Promise<SavedSearch[]>;
  saveSearch(input: SavedSearchInput): Promise<SavedSearch>;
  deleteSavedSearch(id: string): Promise<SavedSearch[]>;
  updateClaimGroup(id: string, patch: ClaimGroupPatch): Promise<ClaimGroupDetail>;

  /** Collections, by name, with how many articles each holds. */
  listCollections(): Promise<CollectionSummary[]>;
  /** A hand-made collection, or (with a query) a smart one: its articles are what the query finds. */
  createCollection(input: CollectionInput): Promise<Collection>;
  updateCollection(id: string, patch: CollectionPatch): Promise<Collection>;
  /** The collection goes; its articles stay. */
  deleteCollection(id: string): Promise<{ removedFrom: number }>;
  /** Adds a selection, or everything a query finds; `changed` counts the articles that were not in it yet. */
  addToCollection(id: string, articles: CollectionMembers): Promise<{ changed: number; unchanged: number }>;
  removeFromCollection(id: string, articles: CollectionMembers): Promise<{ changed: number; unchanged: number }>;
  /** What an export of a collection, a search or a selection will hold, and the file name it is offered under. */
  planExport(request: ExportRequest): Promise<ExportPlan>;
  /** Asks where to save (the desktop app's save dialog) and writes the export there; null when cancelled. */
  saveExport(request: ExportRequest): Promise<ExportResult | null>;
  /** Verifies a Newsdesk bundle whole, then merges it in: no duplicate articles, entities matched by id, then name or alias. */
  importBundle(input: CaptureInput): Promise<BundleImportReport>;
}

export type MethodName = keyof ArchiveApi;

/** Every method once: `satisfies` turns a method missing here (or one too many) into a compile error. */
const METHODS = {
  addArticle: true,
  listArticles: true,
  getArticle: true,
  updateArticle: true,
  deleteArticle: true,
  restoreArticle: true,
  importDocument: true,
  importUrl: true,
  getStory: true,
  loadSamples: true,
  getStatus: true,
  listEntities: true,
  getEntity: true,
  createEntity: true,
  updateEntity: true,
  deleteEntity: true,
  mergeEntities: true,
  undoMerge: true,
  runSuggestions: true,
  tagSpan: true,
  reviewMentions: true,
  addClaim: true,
  updateClaim: true,
  reviewClaims: true,
  listClaims: true,
  findClaimMatches: true,
  groupClaims: true,
  ungroupClaim: true,
  getClaimGroup: true,
  listClaimGroups: true,
  search: true,
  listSavedSearches: true,
  saveSearch: true,
  deleteSavedSearch: true,
  updateClaimGroup: true,
  listCollections: true,
  createCollection: true,
  updateCollection: true,
  deleteCollection: true,
  addToCollection: true,
  removeFromCollection: true,
  planExport: true,
  saveExport: true,
  importBundle: true,
} as const satisfies Record<MethodName, true>;

export const methodNames = Object.keys(METHODS) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(METHODS, name);
}

/** What a transport sends back: a value, or an error with a stable code. */
export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/**
 * The contract as it crosses Electron's bridge (`window.archive`): every method answers with a Reply
 * instead of throwing, because contextBridge keeps only an Error's message and would drop its code.
 */
export type ArchiveBridge = {
  [K in MethodName]: (...args: Parameters<ArchiveApi[K]>) => Promise<Reply<Awaited<ReturnType<ArchiveApi[K]>>>>;
};
