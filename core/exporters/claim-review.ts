// schema.org ClaimReview (JSON-LD) for fact-check tools: one review per kept claim a monitor has given a verdict, streamed as one @graph.
import { CLAIM_STATUS_LABELS } from '../common/vocabulary.ts';
import type { Article, Claim, ClaimStatus, EntityType } from '../model.ts';
import { keptClaims, keptMentions, type ExportSource } from './export-source.ts';
import { articleIri } from './web-annotations.ts';

/*
 * What we do not store, and what stands in for it:
 * - `url`: Google requires the page hosting the review; the reviews live in the archive, not on a
 *   page, so each gets a urn IRI (`urn:newsdesk:article:<id>:claim:<id>:review`), also its @id.
 * - `datePublished` of the review: the export time; `dateCreated` is when the status was set, where
 *   that is known (`statusAt`).
 * - `author` of the review: the analyst who set the status on a desk (`statusBy`, a Person); else
 *   the reviewer callers may pass; the registered format uses "<app> export" as an Organization.
 * - `firstAppearance`: only this article is known to carry the claim (a claim group's other
 *   articles are not read here), so it is left out rather than guessed.
 * Claimants are Person or Organization by their registry entity's type, else by the type of a
 * mention on the same words; a claimant with neither is a Person ("a UN official").
 */

/** The verdicts a review gives; unverified claims are not reviewed and are left out. */
export const VERDICTS: Record<Exclude<ClaimStatus, 'unverified'>, string> = {
  corroborated: CLAIM_STATUS_LABELS.corroborated,
  disputed: CLAIM_STATUS_LABELS.disputed,
  false: CLAIM_STATUS_LABELS.false,
  retracted: CLAIM_STATUS_LABELS.retracted,
};

export type Reviewer = { '@type': 'Organization' | 'Person'; name: string };

export async function* claimReviews(source: ExportSource, reviewer?: Reviewer): AsyncIterable<string> {
  const author = reviewer ?? { '@type': 'Organization', name: `${source.app.name} export` };
  yield '{\n  "@context": "https://schema.org",\n  "@graph": [\n';
  let first = true;
  for await (const article of source.articles()) {
    for (const claim of keptClaims(article)) {
      if (claim.status === 'unverified') continue;
      const review = claimReview(source, article, claim, author);
      yield (first ? '' : ',\n') + JSON.stringify(review, null, 2).replace(/^/gm, '    ');
      first = false;
    }
  }
  yield first ? '  ]\n}\n' : '\n  ]\n}\n';
}

function claimReview(source: ExportSource, article: Article, claim: Claim, author: Reviewer): object {
  const url = `${articleIri(article.id)}:claim:${claim.id}:review`;
  const outlet = article.source ? { '@type': 'Organization', name: article.source } : undefined;
  const appearance = {
    '@type': 'NewsArticle',
    '@id': articleIri(article.id),
    url: article.url || undefined,
    headline: article.title,
    datePublished: article.publishedAt ?? undefined,
    inLanguage: article.language || undefined,
    publisher: outlet,
  };
  return {
    '@type': 'ClaimReview',
    '@id': url,
    url,
    claimReviewed: claim.text,
    datePublished: source.exportedAt,
    dateCreated: claim.statusAt,
    author: claim.statusBy ? { '@type': 'Person', name: claim.statusBy } : author,
    reviewRating: { '@type': 'Rating', alternateName: VERDICTS[claim.status as keyof typeof VERDICTS] },
    reviewBody: claim.reviewNote || undefined,
    itemReviewed: {
      '@type': 'Claim',
      // No claimant: the outlet states it itself.
      author: claim.claimant ? { '@type': claimantType(source, article, claim), name: claim.claimant.name } : outlet,
      datePublished: article.publishedAt ?? undefined,
      appearance,
    },
  };
}

const ORGANIZATIONS: ReadonlySet<EntityType> = new Set(['organization', 'group', 'location', 'event', 'other']);

/** "Ministry of Defence" as a location or group still speaks as an organisation; only persons are Person. */
function claimantType(source: ExportSource, article: Article, claim: Claim): 'Person' | 'Organization' {
  const party = claim.claimant!;
  let type = party.entityId ? source.entities.get(party.entityId)?.type : undefined;
  if (!type && party.start !== null && party.end !== null)
    type = keptMentions(article).find((m) => m.start < party.end! && party.start! < m.end)?.type;
  return type && ORGANIZATIONS.has(type) ? 'Organization' : 'Person';
}
