// An article's claims as pure functions: from suggestions, from the user's selection, edits, entity merges and deletes, and folding re-runs into reviews.
import type { ClaimSuggestion } from '../attribution/claim-types.ts';
import { quoteAt } from '../entities/mentions.ts';
import { ArchiveError } from '../errors.ts';
import { newClaimId } from '../ids.ts';
import {
  Claim,
  type Article,
  type ArticleSummary,
  type ClaimInput,
  type ClaimParty,
  type ClaimSummary,
  type Mention,
  type Quantity,
} from '../model.ts';
import { clipText, wholeCharEnd } from '../common/clip-text.ts';

/**
 * What the rules said, as a claim to review; entity links come from the article's own mentions where
 * they cover the words. Null when it could never be saved, so one odd sentence cannot fail the run.
 */
export function claimFromSuggestion(article: Article, s: ClaimSuggestion): Claim | null {
  const claim: Claim = {
    id: newClaimId(),
    start: s.start,
    end: s.end,
    // As for a claim of the user's own: a long claim is found again by its first 1,000 characters.
    quote: quoteAt(article.text, s.start, wholeCharEnd(article.text, Math.min(s.end, s.start + 1000))),
    text: clipText(s.text.replace(/\s+/g, ' ').trim() || article.text.slice(s.start, s.end), 5000),
    // The outlet's own statements come with an empty cue: there is no cue word to point at.
    cue: s.cue && s.cue.end > s.cue.start ? { ...s.cue, text: clipText(s.cue.text, 1000) } : null,
    claimant: s.claimant && party(article.mentions, s.claimant),
    via: s.via
      .map((name) => clipText(name.trim(), 300))
      .filter(Boolean)
      .slice(0, 20),
    target: s.target && party(article.mentions, s.target),
    kind: s.kind,
    hedged: s.hedged,
    hedges: s.hedges.slice(0, 50).map((h) => ({ ...h, text: clipText(h.text, 1000) })),
    quantities: cleanQuantities(s.quantities),
    eventDate: dateIn(article, s.start, s.end),
    placeIds: placesIn(article.mentions, s.start, s.end),
    status: 'unverified',
    reviewNote: '',
    review: 'suggested',
    source: 'rule',
    confidence: s.confidence,
    groupId: null,
  };
  return Claim.safeParse(claim).success ? claim : null;
}

/** Figures parsed from words, as the model keeps them: at most 50, none beyond 10^12, the words clipped. */
export function cleanQuantities(quantities: Quantity[]): Quantity[] {
  return quantities
    .filter((q) => q.value >= 0 && q.value <= 1e12)
    .slice(0, 50)
    .map((q) => ({
      ...q,
      text: clipText(q.text, 1000),
      category: q.category && clipText(q.category, 100),
      outcome: q.outcome && clipText(q.outcome, 100),
    }));
}

/** A claim the user makes from selected words; what they did not say is filled in as the rules would. */
export function claimFromInput(article: Article, input: ClaimInput, suggested: Partial<Claim>): Claim {
  const { start, end } = input;
  if (!(start >= 0 && end > start && end <= article.text.length))
    throw new ArchiveError(
      'invalid',
      `The span ${start}-${end} is not inside the article's text (0-${article.text.length}).`,
    );
  if (end - start > 5000) throw new ArchiveError('invalid', 'A claim is at most 5,000 characters of the text.');
  const words = article.text.slice(start, end);
  if (!words.trim()) throw new ArchiveError('invalid', 'A claim cannot be only spaces.');
  const claim: Claim = {
    id: newClaimId(),
    start,
    end,
    quote: quoteAt(article.text, start, wholeCharEnd(article.text, Math.min(end, start + 1000))),
    text: words.replace(/\s+/g, ' ').trim(),
    cue: null,
    claimant: null,
    via: [],
    target: null,
    kind: 'statement',
    hedged: false,
    hedges: [],
    quantities: [],
    eventDate: dateIn(article, start, end),
    placeIds: placesIn(article.mentions, start, end),
    status: 'unverified',
    reviewNote: '',
    ...suggested,
    review: 'confirmed',
    source: 'user',
    confidence: 1,
    groupId: null,
  };
  const fields: Partial<ClaimInput> = { ...input };
  delete fields.start;
  delete fields.end;
  return { ...claim, ...stripUndefined(fields) };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/**
 * New suggestions folded into an article's claims, as for mentions: the user's decisions and own
 * claims stay, earlier suggestions are replaced (the same one keeps its id and its group), and no
 * suggestion is made again over a decided claim or for words already rejected.
 */
export function foldClaims(claims: Claim[], suggestions: Claim[]): Claim[] {
  const decided = claims.filter((c) => c.review !== 'suggested');
  const rejected = new Set(decided.filter((c) => c.review === 'rejected').map((c) => c.quote.exact));
  const earlier = new Map(claims.filter((c) => c.review === 'suggested').map((c) => [`${c.start} ${c.end}`, c]));
  const fresh = suggestions
    .filter((s) => !decided.some((c) => overlaps(c, s)) && !rejected.has(s.quote.exact))
    .map((s) => {
      const before = earlier.get(`${s.start} ${s.end}`);
      // Kept: the id (a panel may show it) and the group; status and note too, for files from before
      // an edit confirmed a suggestion (now an edited suggestion is decided, and never replaced).
      return before
        ? { ...s, id: before.id, groupId: before.groupId, status: before.status, reviewNote: before.reviewNote }
        : s;
    });
  return [...decided, ...fresh].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * A claim's links to some entities moved to another (a merge) or cut (null: a delete). The words and
 * names stay: they are what the article said and what the monitor wrote.
 */
export function relinkClaim(claim: Claim, from: ReadonlySet<string>, to: string | null): Claim {
  const linked = (p: ClaimParty | null) => p?.entityId != null && from.has(p.entityId);
  if (!linked(claim.claimant) && !linked(claim.target) && !claim.placeIds.some((id) => from.has(id))) return claim;
  const party = (p: ClaimParty | null) => (p && linked(p) ? { ...p, entityId: to } : p);
  const places = claim.placeIds.flatMap((id) => (!from.has(id) ? [id] : to ? [to] : []));
  return { ...claim, claimant: party(claim.claimant), target: party(claim.target), placeIds: [...new Set(places)] };
}

/**
 * After a merge is undone: links to the kept entity go back to the restored one where the article's
 * mentions (already pointed back) say so, as the claim's links came from them. A link the user chose
 * by hand has no mention to go by, and stays with the kept entity.
 */
export function unmergeClaim(claim: Claim, mentions: Mention[], keptId: string, restoredId: string): Claim {
  const live = mentions.filter((m) => m.status !== 'rejected');
  const names = (id: string, where: (m: Mention) => boolean) => live.some((m) => m.entityId === id && where(m));
  // A claimant or target is one entity: it goes back only if its words now name the restored one alone.
  const party = (p: ClaimParty | null) => {
    if (p?.entityId !== keptId || p.start === null || p.end === null) return p;
    const words = { start: p.start, end: p.end };
    const over = (m: Mention) => overlaps(m, words);
    return names(restoredId, over) && !names(keptId, over) ? { ...p, entityId: restoredId } : p;
  };
  const inside = (m: Mention) => m.type === 'location' && m.start >= claim.start && m.end <= claim.end;
  let placeIds = claim.placeIds;
  if (placeIds.includes(keptId) && names(restoredId, inside)) {
    const both = names(keptId, inside) ? [keptId, restoredId] : [restoredId];
    placeIds = [...new Set(placeIds.flatMap((id) => (id === keptId ? both : [id])))].slice(0, 20);
  }
  const [claimant, target] = [party(claim.claimant), party(claim.target)];
  if (claimant === claim.claimant && target === claim.target && placeIds === claim.placeIds) return claim;
  return { ...claim, claimant, target, placeIds };
}

/** The claim's own part of what the claims view lists; the article's part (outlet, dates, story) is joined to it. */
export type IndexedClaim = Omit<
  ClaimSummary,
  'outlet' | 'title' | 'publishedAt' | 'capturedAt' | 'storyId' | 'wireCredits'
>;

export function indexClaim(articleId: string, claim: Claim): IndexedClaim {
  return {
    articleId,
    claimId: claim.id,
    text: clipText(claim.text, 300),
    kind: claim.kind,
    status: claim.status,
    review: claim.review,
    claimant: claim.claimant && { name: claim.claimant.name, entityId: claim.claimant.entityId },
    via: claim.via,
    hedged: claim.hedged,
    quantities: claim.quantities.map((q) => ({
      text: q.text,
      value: q.value,
      qualifier: q.qualifier,
      category: q.category,
      outcome: q.outcome,
    })),
    eventDate: claim.eventDate,
    placeIds: claim.placeIds,
    groupId: claim.groupId,
  };
}

/** A claim as the claims view lists it, with its article's outlet, dates and story. */
export function joinArticle(
  article: Pick<ArticleSummary, 'source' | 'title' | 'publishedAt' | 'capturedAt' | 'storyId' | 'wireCredits'>,
  claim: IndexedClaim,
): ClaimSummary {
  return {
    ...claim,
    outlet: article.source,
    title: article.title,
    publishedAt: article.publishedAt,
    capturedAt: article.capturedAt,
    storyId: article.storyId,
    wireCredits: article.wireCredits,
  };
}

/** A claimant or target linked to the entity mention that covers its words, when there is one. */
function party(
  mentions: Mention[],
  p: { start: number; end: number; text: string; name: string; entityId: string | null },
): ClaimParty {
  const mention = mentions.find((m) => m.status !== 'rejected' && m.entityId && overlaps(m, p));
  return {
    text: clipText(p.text, 300),
    start: p.start,
    end: p.end,
    name: clipText((mention?.name ?? p.name).replace(/\s+/g, ' ').trim() || p.text.trim() || 'unnamed', 300),
    entityId: mention?.entityId ?? p.entityId,
  };
}

/** The places the claim's words name: location mentions inside it. */
function placesIn(mentions: Mention[], start: number, end: number): string[] {
  const ids = mentions
    .filter((m) => m.type === 'location' && m.entityId && m.status !== 'rejected' && m.start >= start && m.end <= end)
    .map((m) => m.entityId!);
  return [...new Set(ids)].slice(0, 20);
}

/** The event's date: the first date the claim's words give, resolved against the publication date. */
function dateIn(article: Article, start: number, end: number): string | null {
  return article.dates.find((d) => d.start >= start && d.end <= end)?.date ?? null;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
