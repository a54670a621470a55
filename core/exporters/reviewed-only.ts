// Reviewed-only exports: an article without the suggestions nobody has reviewed, and the pass that counts what that leaves out.
import type { Article, Claim, Mention } from '../model.ts';
import { entityIdsOf, type ExportSource } from './export-source.ts';

/** A mention nobody has confirmed or rejected yet. */
export const isUnreviewedMention = (m: Mention) => m.status === 'suggested';

/**
 * A claim nobody has looked at: still a suggestion and still unverified. A verdict (corroborated,
 * disputed, false, retracted) is a person's review even where the suggestion was not confirmed as such.
 */
export const isUnreviewedClaim = (c: Claim) => c.review === 'suggested' && c.status === 'unverified';

/**
 * The article with its unreviewed suggestions taken out. Rejected ones stay: the formats that show
 * suggestions leave them out anyway, and a bundle carries them so they are not suggested again.
 */
export function withoutUnreviewed(article: Article): Article {
  return {
    ...article,
    mentions: article.mentions.filter((m) => !isUnreviewedMention(m)),
    claims: article.claims.filter((c) => !isUnreviewedClaim(c)),
  };
}

/** What a reviewed-only export left out: unreviewed suggestions of mentions and of claims. */
export type LeftOut = { mentions: number; claims: number };

/**
 * The source a reviewed-only export writes from: its articles without unreviewed suggestions, its
 * entities only those the reviewed part still points at, and the count of what was left out. One
 * pass over the articles first (they are read again as the format writes, never kept).
 */
export async function reviewedSource(source: ExportSource): Promise<ExportSource> {
  const leftOut: LeftOut = { mentions: 0, claims: 0 };
  const mentioning = new Map<string, number>();
  for await (const article of source.articles()) {
    leftOut.mentions += article.mentions.filter(isUnreviewedMention).length;
    // Rejected claims are in no export: only unreviewed ones count as left out here.
    leftOut.claims += article.claims.filter(isUnreviewedClaim).length;
    for (const id of entityIdsOf(withoutUnreviewed(article))) mentioning.set(id, (mentioning.get(id) ?? 0) + 1);
  }
  const articles = source.articles;
  return {
    ...source,
    review: { reviewedOnly: true, leftOut },
    entities: new Map([...source.entities].filter(([id]) => mentioning.has(id))),
    articlesMentioning: mentioning,
    async *articles() {
      for await (const article of articles()) yield withoutUnreviewed(article);
    },
  };
}
