// The zod schemas of every contract method's arguments, checked at every transport by core/dispatch.ts.
import { z } from 'zod';
import type { ArchiveApi, MethodName } from './api.ts';
import { ArticleId, ArticleInput, ArticlePatch, CaptureInput, HttpUrl, ListQuery } from './model.ts';

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
} satisfies Record<MethodName, z.ZodTuple>;

type ArgsMatch = {
  [K in MethodName]: z.input<(typeof methodArgs)[K]> extends Parameters<ArchiveApi[K]> ? true : false;
};
type Expect<T extends true> = T;
/** Fails to compile when a schema accepts something its method's signature does not. */
export type SchemasMatchInterface = Expect<ArgsMatch extends Record<MethodName, true> ? true : false>;
