// The contract: every archive method, its argument schemas and its result. Nothing else crosses a process boundary.
import { z } from 'zod';
import {
  ArticleId,
  ArticleInput,
  ArticlePatch,
  ListQuery,
  type Article,
  type ArticlePage,
  type ArticleSummary,
  type ArchiveStatus,
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
  /** Add the sample articles shipped with the app (skipping ones already there). */
  loadSamples(): Promise<{ added: number }>;
  getStatus(): Promise<ArchiveStatus>;
}

export type MethodName = keyof ArchiveApi;

/**
 * The argument schemas of every method, checked at every transport. The `satisfies` makes a
 * method missing here a compile error, and ArgsMatch below makes a schema that disagrees with
 * the interface one too.
 */
export const methodArgs = {
  addArticle: z.tuple([ArticleInput]),
  listArticles: z.tuple([ListQuery.optional()]),
  getArticle: z.tuple([ArticleId]),
  updateArticle: z.tuple([ArticleId, ArticlePatch]),
  deleteArticle: z.tuple([ArticleId]),
  restoreArticle: z.tuple([ArticleId]),
  loadSamples: z.tuple([]),
  getStatus: z.tuple([]),
} satisfies Record<MethodName, z.ZodTuple>;

type ArgsMatch = {
  [K in MethodName]: z.input<(typeof methodArgs)[K]> extends Parameters<ArchiveApi[K]> ? true : false;
};
type Expect<T extends true> = T;
/** Fails to compile when a schema accepts something its method's signature does not. */
export type SchemasMatchInterface = Expect<ArgsMatch extends Record<MethodName, true> ? true : false>;

export const methodNames = Object.keys(methodArgs) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methodArgs, name);
}

/** What a transport sends back: a value, or an error with a stable code. */
export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
