// What the export dialog offers to export, worked out from what is on screen.
import type { Article, CollectionSummary, ExportScope } from '../../core/model.ts';
import { formatCount } from '../format.ts';
import type { Section } from '../navigation.ts';

export type ScopeOption = { key: string; label: string; scope: ExportScope };

type OnScreen = {
  section: Section;
  query: string;
  /** The hand-made collection the library lists, if any. */
  listed: CollectionSummary | undefined;
  article: Pick<Article, 'id' | 'title' | 'deletedAt'> | null;
  collections: CollectionSummary[];
  /** The watchlist's digest, when the export was asked for from there: the last day's alerts' articles and new claims. */
  digest?: { articleIds: string[]; alerts: number };
};

/** The most specific first: what is on screen, then the open article, then everything. */
export function exportScopes({ section, query, listed, article, collections, digest }: OnScreen): ScopeOption[] {
  const scopes: ScopeOption[] = [];
  if (digest?.articleIds.length)
    scopes.push({
      key: 'digest',
      label: `The last day's digest: ${formatCount(digest.alerts, 'alert', 'alerts')}, ${formatCount(digest.articleIds.length, 'article', 'articles')} with alerts or new claims`,
      scope: { articleIds: digest.articleIds },
    });
  if (section === 'search' && query.trim())
    scopes.push({ key: 'search', label: `The search results for “${query.trim()}”`, scope: { query: query.trim() } });
  if (section === 'library' && listed)
    scopes.push({
      key: 'collection',
      label: `The collection “${listed.name}” (${formatCount(listed.articles ?? 0, 'article', 'articles')})`,
      scope: { collectionId: listed.id },
    });
  if (article && !article.deletedAt)
    scopes.push({ key: 'article', label: `This article: “${article.title}”`, scope: { articleIds: [article.id] } });
  for (const c of collections)
    if (c.id !== listed?.id)
      scopes.push({ key: c.id, label: `The collection “${c.name}”`, scope: { collectionId: c.id } });
  scopes.push({ key: 'library', label: 'The whole library', scope: { library: true } });
  return scopes;
}
