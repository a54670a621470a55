// Turns the rules' claims into suggestions: spans, named parties and chain, target, figures, kind, hedges.
import { classifyClaim, findHedges } from './classify-claims.ts';
import type { Article } from './clauses.ts';
import { parseQuantities } from './parse-quantities.ts';
import type { RawClaim } from './raw-claim.ts';
import { PartyResolver } from './resolve-parties.ts';
import type { ClaimParty, ClaimSuggestion, EntityHint, TextSpan } from './claim-types.ts';

const IMPLICIT_TARGET_CUES = new Set(['allege', 'accuse', 'blame', 'charge']);

export function buildClaims(
  article: Article,
  raws: RawClaim[],
  entities: EntityHint[],
  outlet: string | undefined,
): ClaimSuggestion[] {
  const { text, tokens, sentences } = article;
  const resolver = new PartyResolver(text, tokens, entities);
  const span = (first: number, last: number): TextSpan => {
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    return { start, end, text: text.slice(start, end) };
  };
  let at = 0;
  const claims: ClaimSuggestion[] = [];
  for (const raw of raws) {
    while (at + 1 < sentences.length && sentences[at + 1]!.first <= raw.first) at++;
    const content = span(raw.first, raw.last);
    const cue =
      raw.cueLast >= raw.cueFirst ? span(raw.cueFirst, raw.cueLast) : { ...content, end: content.start, text: '' };
    const claimant = raw.claimant ? resolver.resolve(raw.claimant) : null;
    const via = raw.via.map((range) => resolver.resolve(range).name);
    if (outlet && claimant && via[via.length - 1] !== outlet && claimant.name !== outlet) via.push(outlet);
    const quantities = parseQuantities(content.text, content.start);
    const kind = classifyClaim(raw, tokens, quantities, content.text);
    let target = raw.target ? resolver.resolve(raw.target) : null;
    if (!target && kind === 'accusation' && IMPLICIT_TARGET_CUES.has(raw.lemma))
      target = firstParty(text, entities, content, claimant);
    const hedges = findHedges(text, tokens, raw, sentences, at);
    let confidence = raw.confidence;
    if (claimant && claimant.name === claimant.text && /^(he|she|they|it|who|the)$/i.test(claimant.text))
      confidence -= 0.2;
    claims.push({
      ...content,
      cue,
      claimant,
      via,
      target,
      kind,
      hedged: hedges.length > 0,
      hedges,
      quantities,
      confidence: Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100,
    });
  }
  return claims;
}

/** "alleged a close partnership between the US and insurgents": the first party the content names. */
function firstParty(
  text: string,
  entities: EntityHint[],
  content: TextSpan,
  claimant: ClaimParty | null,
): ClaimParty | null {
  let lo = 0;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entities[mid]!.start < content.start) lo = mid + 1;
    else hi = mid;
  }
  for (const e of entities.slice(lo, lo + 50)) {
    if (e.end > content.end) break;
    if (e.type === 'event' || e.type === 'other' || e.name === claimant?.name) continue;
    return { start: e.start, end: e.end, text: text.slice(e.start, e.end), name: e.name, entityId: e.entityId };
  }
  return null;
}
