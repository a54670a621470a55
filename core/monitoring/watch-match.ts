// Whether a newly saved article matches a watch: a search watch through the search engine narrowed to that article, an entity watch by its mentions or any of its names, a claims watch by a claim of that kind in that place.
import type { Article, Entity, Watch } from '../model.ts';
import { indexText } from '../search/fold.ts';
import type { SearchService } from '../search/search-service.ts';

export type MatchContext = {
  search: Pick<SearchService, 'matchingIds'>;
  entity: (id: string) => Entity | undefined;
};

export function matchesWatch(watch: Watch, article: Article, context: MatchContext): boolean {
  if (article.deletedAt) return false;
  const target = watch.target;
  if (target.kind === 'search') return found(context, target.query, article.id);
  const entity = context.entity(target.kind === 'entity' ? target.entityId : target.placeId);
  // A watched entity merged away or deleted matches nothing: the watch says so in the panel.
  if (!entity) return false;
  if (target.kind === 'entity') {
    if (article.mentions.some((m) => m.entityId === entity.id && m.status !== 'rejected')) return true;
    // The search language's entity: term finds the name and every alias (docs/search.md).
    return found(context, `entity:"${entity.name.replace(/"/g, ' ')}"`, article.id);
  }
  const names = [entity.name, ...entity.aliases].map(indexText).filter(Boolean);
  return article.claims.some(
    (claim) =>
      claim.review !== 'rejected' &&
      claim.kind === target.claimKind &&
      (claim.placeIds.includes(entity.id) || names.some((name) => containsWords(indexText(claim.text), name))),
  );
}

/** The search engine's answer for one article; nothing while the index is being built (it is derived and catches up). */
function found(context: MatchContext, query: string, id: string): boolean {
  try {
    return context.search.matchingIds(query, id).length > 0;
  } catch {
    return false;
  }
}

function containsWords(text: string, words: string): boolean {
  return ` ${text} `.includes(` ${words} `);
}
