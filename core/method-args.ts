// The zod schemas of every contract method's arguments, checked at every transport by core/dispatch.ts.
import { z } from 'zod';
import type { ArchiveApi, MethodName } from './api.ts';
import {
  ArticleId,
  ArticleInput,
  ArticlePatch,
  CaptureInput,
  ClaimGroupId,
  ClaimGroupInput,
  ClaimGroupPatch,
  ClaimId,
  ClaimInput,
  ClaimPatch,
  ClaimQuery,
  ClaimReview,
  EntityId,
  EntityInput,
  EntityPatch,
  EntityQuery,
  HttpUrl,
  ListQuery,
  MentionReview,
  MergeId,
  SavedSearchId,
  SavedSearchInput,
  SearchQuery,
  SpanTag,
} from './model.ts';

export const methodArgs = {
  addArticle: z.tuple([ArticleInput]),
  listArticles: z.tuple([ListQuery.optional()]),
  getArticle: z.tuple([ArticleId]),
  updateArticle: z.tuple([ArticleId, ArticlePatch]),
  deleteArticle: z.tuple([ArticleId]),
  restoreArticle: z.tuple([ArticleId]),
  importDocument: z.tuple([CaptureInput]),
  importUrl: z.tuple([HttpUrl]),
  getStory: z.tuple([ArticleId]),
  loadSamples: z.tuple([]),
  getStatus: z.tuple([]),
  listEntities: z.tuple([EntityQuery.optional()]),
  getEntity: z.tuple([EntityId]),
  createEntity: z.tuple([EntityInput]),
  updateEntity: z.tuple([EntityId, EntityPatch]),
  deleteEntity: z.tuple([EntityId]),
  mergeEntities: z.tuple([EntityId, EntityId]),
  undoMerge: z.tuple([MergeId]),
  runSuggestions: z.tuple([ArticleId]),
  tagSpan: z.tuple([ArticleId, SpanTag]),
  reviewMentions: z.tuple([ArticleId, MentionReview]),
  addClaim: z.tuple([ArticleId, ClaimInput]),
  updateClaim: z.tuple([ArticleId, ClaimId, ClaimPatch]),
  reviewClaims: z.tuple([ArticleId, ClaimReview]),
  listClaims: z.tuple([ClaimQuery.optional()]),
  findClaimMatches: z.tuple([ArticleId, ClaimId]),
  groupClaims: z.tuple([ClaimGroupInput]),
  ungroupClaim: z.tuple([ArticleId, ClaimId]),
  getClaimGroup: z.tuple([ClaimGroupId]),
  listClaimGroups: z.tuple([]),
  updateClaimGroup: z.tuple([ClaimGroupId, ClaimGroupPatch]),
  search: z.tuple([SearchQuery]),
  listSavedSearches: z.tuple([]),
  saveSearch: z.tuple([SavedSearchInput]),
  deleteSavedSearch: z.tuple([SavedSearchId]),
} satisfies Record<MethodName, z.ZodTuple>;

type ArgsMatch = {
  [K in MethodName]: z.input<(typeof methodArgs)[K]> extends Parameters<ArchiveApi[K]> ? true : false;
};
type Expect<T extends true> = T;
/** Fails to compile when a schema accepts something its method's signature does not. */
export type SchemasMatchInterface = Expect<ArgsMatch extends Record<MethodName, true> ? true : false>;
