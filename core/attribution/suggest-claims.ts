// The offline attribution extractor: who said what, through whom, with the figures, kind and hedges of each claim.
import type { EntityType } from '../model.ts';
import { suggestEntities } from '../tagging/suggest-entities.ts';
import { tokenize, type Token } from '../tagging/tokenize.ts';
import { buildClaims } from './build-claims.ts';
import type { Article } from './clauses.ts';
import { findRawClaims } from './find-claims.ts';
import { findQuotes, markQuoted, splitSentences } from './sentences.ts';

export { parseQuantities } from './parse-quantities.ts';

/** UTF-16 offsets into the text, end exclusive; `text` is the slice. */
export type TextSpan = { start: number; end: number; text: string };
export type ClaimKind =
  'casualties' | 'territorial-control' | 'attack' | 'military-action' | 'accusation' | 'denial' | 'statement' | 'other';
export type Qualifier =
  'exactly' | 'at least' | 'more than' | 'up to' | 'at most' | 'about' | 'nearly' | 'dozens' | 'hundreds' | 'thousands';
export type Quantity = TextSpan & {
  /** 27 for "27" or "twenty-seven"; the lower bound for "dozens" (24), "hundreds" (200), "thousands" (2,000). */
  value: number;
  /** 'exactly' when none is stated. */
  qualifier: Qualifier;
  /** Who or what was counted, as a plural noun ('civilians', 'children', 'aid workers'); null if unclear. */
  category: string | null;
  /** What happened to them, normalized ('killed', 'injured', 'displaced' ...); null if none is said. */
  outcome: string | null;
};
/** `text`: the article's words ("He", "a UN official"); `name`: who that is ("David Carden", "a UN official"). */
export type ClaimParty = TextSpan & { name: string; entityId: string | null };
/** An entity mention of the article, as the tagger gives it. */
export type EntityHint = { start: number; end: number; name: string; type: EntityType; entityId: string | null };
/** The span is the claimed content. */
export type ClaimSuggestion = TextSpan & {
  /** "said", "according to", "reportedly" ...; empty (at the content's start) when the outlet states it itself. */
  cue: TextSpan;
  /** null: the outlet states it itself (or passes on unnamed reports). */
  claimant: ClaimParty | null;
  /** The chain after the claimant, nearest first; the outlet last when `outlet` is given. */
  via: string[];
  /** Who is accused or denied against. */
  target: ClaimParty | null;
  kind: ClaimKind;
  hedged: boolean;
  hedges: TextSpan[];
  /** The figures inside the content. */
  quantities: Quantity[];
  /** 0..1 */
  confidence: number;
};
export type ClaimOptions = { entities?: EntityHint[]; outlet?: string; publishedAt?: string | null };

/**
 * Claims in one article, sorted by start, contents never overlapping. Pure and synchronous; the tagger's
 * resources load on first use, and without `entities` the tagger runs first to find them.
 */
export function suggestClaims(text: string, options: ClaimOptions = {}): ClaimSuggestion[] {
  if (typeof text !== 'string' || text.trim() === '') return [];
  const entities = (options.entities ?? mentionsOf(text, options.publishedAt))
    .filter((e) => e.end > e.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  // Typewriter quotes (`` and '') read as one mark each; the length, and so every offset, stays the same.
  const tokens = tokenize(text.replace(/''|``/g, '" '));
  markNames(tokens, entities);
  const quotes = findQuotes(text, tokens);
  const article: Article = {
    text,
    tokens,
    sentences: splitSentences(text, tokens),
    quotes,
    opening: new Map(quotes.map((q) => [q.open, q])),
    closing: new Map(quotes.map((q) => [q.close, q])),
    quoted: markQuoted(tokens, quotes),
  };
  return buildClaims(article, findRawClaims(article), entities, options.outlet);
}

/** A word inside a name is a proper noun, whatever the tagger guessed for a sentence's first word ("Lynch said"). */
function markNames(tokens: Token[], entities: EntityHint[]): void {
  let e = 0;
  for (const token of tokens) {
    while (e < entities.length && entities[e]!.end <= token.start) e++;
    const entity = entities[e];
    if (entity && entity.start <= token.start && token.end <= entity.end && /\p{L}/u.test(token.text))
      token.pos = 'PROPN';
  }
}

function mentionsOf(text: string, publishedAt: string | null | undefined): EntityHint[] {
  return suggestEntities(text, { publishedAt: publishedAt ?? null }).entities.map((e) => ({
    start: e.start,
    end: e.end,
    name: e.name,
    type: e.type,
    entityId: e.entityId,
  }));
}
