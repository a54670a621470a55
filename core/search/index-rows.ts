// What the search index keeps of one article: its folded words per field, the registry's names for its entities, its claims, and the columns facets count.
import type { Article, EntityType } from '../model.ts';
import { indexText } from './fold.ts';

/** What the registry says of an entity, for indexing the articles that mention it. */
export type EntityInfo = { name: string; aliases: string[]; type: EntityType };
export type EntityLookup = (id: string) => EntityInfo | undefined;

export type IndexRow = {
  id: string;
  stamp: string;
  trashed: number;
  source: string;
  lang: string;
  published: string | null;
  captured: string;
  title: string;
  text: string;
  sourceWords: string;
  byline: string;
  notes: string;
  tags: string;
  entities: string;
  claims: string;
  entityRefs: { id: string; type: string }[];
};

// Markers for what is not a word of the article, in their own column: no word of any language
// starts "qq" and carries a colon-free id, and they are never shown (snippets come from the text).
export const entityToken = (id: string) => `qqe${id.replace(/[^0-9a-z]/g, '')}`;
export const typeToken = (type: string) => `qqt${type.replace(/[^0-9a-z]/g, '')}`;
export const claimStatusToken = (status: string) => `qqs${status.replace(/[^0-9a-z]/g, '')}`;
export const claimKindToken = (kind: string) => `qqk${kind.replace(/[^0-9a-z]/g, '')}`;
export const HEDGED_TOKEN = 'qqhedged';
export const collectionToken = (id: string) => `qqc${id.replace(/[^0-9a-z]/g, '')}`;
export const extractionToken = (method: string) => `qqx${method.replace(/[^0-9a-z]/g, '')}`;
/** Issue 15: `is:unread`, `is:archived`, `is:starred`; a read, unstarred article (the default) has no token. */
export const readingToken = (mark: string) => `qqr${mark.replace(/[^0-9a-z]/g, '')}`;
/** Each word of the feed's title, marked: `feed:"Reuters World"` is then a phrase of them. */
export const feedWordTokens = (title: string) =>
  indexText(title)
    .split(' ')
    .filter(Boolean)
    .map((w) => `qqf${w}`);

export function stampText(stamp: { size: number; mtimeMs: number }): string {
  return `${stamp.size}:${Math.round(stamp.mtimeMs)}`;
}

export function rowFor(article: Article, stamp: string, lookup: EntityLookup): IndexRow {
  const entityRefs: { id: string; type: string }[] = [];
  const entityWords: string[] = [];
  const seen = new Set<string>();
  for (const mention of article.mentions) {
    const id = mention.entityId;
    if (!id || mention.status === 'rejected' || seen.has(id)) continue;
    seen.add(id);
    const info = lookup(id);
    if (!info) continue;
    entityRefs.push({ id, type: info.type });
    entityWords.push(entityToken(id), typeToken(info.type), indexText(info.name));
    for (const alias of info.aliases) entityWords.push(indexText(alias));
  }
  const claimWords: string[] = [];
  for (const claim of article.claims) {
    if (claim.review === 'rejected') continue;
    claimWords.push(claimStatusToken(claim.status), claimKindToken(claim.kind), indexText(claim.text));
    if (claim.hedged) claimWords.push(HEDGED_TOKEN);
    if (claim.claimant) claimWords.push(indexText(claim.claimant.name));
  }
  return {
    id: article.id,
    stamp,
    trashed: article.deletedAt ? 1 : 0,
    source: article.source,
    lang: article.language.toLowerCase(),
    published: article.publishedAt ? article.publishedAt.slice(0, 10) : null,
    captured: article.capturedAt.slice(0, 10),
    title: indexText(article.title),
    text: indexText(article.text),
    sourceWords: indexText(article.source),
    byline: indexText(article.byline),
    notes: indexText(article.notes),
    // Collections are tokens in the tags column: `collection:NAME` matches them, no words can.
    // How the text was got, in the same column: `extraction:fallback` (an article proper has no token).
    tags: [
      ...article.tags.map(indexText),
      ...article.collectionIds.map(collectionToken),
      ...(article.extraction === 'article' ? [] : [extractionToken(article.extraction)]),
      ...(article.reading.state === 'read' ? [] : [readingToken(article.reading.state)]),
      ...(article.reading.starred ? [readingToken('starred')] : []),
      ...(article.feed ? feedWordTokens(article.feed.title) : []),
    ].join(' '),
    entities: entityWords.join(' '),
    claims: claimWords.join(' '),
    entityRefs,
  };
}
