// A search's answer as the user sees it: each hit with its snippet and highlights, and the facet counts ranked and labelled.
import type { Entity, FacetCount, SearchFacets, SearchHit } from '../model.ts';
import type { ArticleStore } from '../store/article-store.ts';
import type { FacetColumns } from './facet-columns.ts';
import type { CompiledQuery } from './query-compile.ts';
import { highlightsIn, snippetOf } from './snippets.ts';

/** Values shown per facet (months: all of them, for the bar chart). */
const FACET_LIMIT = 12;

/** A hit from the catalog's fields and a snippet of the file's text; null when the article has gone meanwhile. */
export async function hitFor(
  store: ArticleStore,
  id: string,
  score: number,
  highlight: CompiledQuery['highlight'],
): Promise<SearchHit | null> {
  const entry = store.entry(id);
  if (!entry) return null;
  const text = await store.readText(id);
  const snippet = text !== null ? snippetOf(text, highlight) : { text: '', highlights: [] };
  return {
    id,
    title: entry.title,
    source: entry.source,
    publishedAt: entry.publishedAt,
    capturedAt: entry.capturedAt,
    language: entry.language,
    score,
    snippet: snippet.text,
    highlights: snippet.highlights,
    titleHighlights: highlightsIn(entry.title, highlight),
  };
}

/** The counts, most first (months newest first), entities by name. */
export function facetsOf(counts: ReturnType<FacetColumns['count']>, entities: Map<string, Entity>): SearchFacets {
  const top = (list: { value: string; count: number }[], label: (v: string) => string = (v) => v): FacetCount[] =>
    list
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
      .slice(0, FACET_LIMIT)
      .map(({ value, count }) => ({ value, label: label(value), count }));
  return {
    source: top(counts.source),
    language: top(counts.language),
    month: counts.month
      .sort((a, b) => (a.value < b.value ? 1 : -1))
      .map(({ value, count }) => ({ value, label: value, count })),
    entity: top(counts.entity, (id) => entities.get(id)?.name ?? id),
    type: top(counts.type),
  };
}
