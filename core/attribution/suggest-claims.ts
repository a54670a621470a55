// The offline attribution extractor: who said what, through whom, with the figures, kind and hedges of each claim.
import { suggestEntities } from '../tagging/suggest-entities.ts';
import { tokenize, type Token } from '../tagging/tokenize.ts';
import { buildClaims } from './build-claims.ts';
import type { ClaimSuggestion, EntityHint } from './claim-types.ts';
import { claimLanguage } from './claim-language.ts';
import type { Article } from './clauses.ts';
import { findForeignClaims } from './find-foreign-claims.ts';
import { findRawClaims } from './find-claims.ts';
import { dropFragments } from './fragment-guard.ts';
import { findQuotes, markQuoted, splitSentences } from './sentences.ts';

export type ClaimOptions = {
  entities?: EntityHint[];
  outlet?: string;
  publishedAt?: string | null;
  /** The article's language (ISO 639-1); detected from the text when empty. */
  language?: string;
};

/**
 * Claims in one article, sorted by start, contents never overlapping, none made from a fragment. Pure and
 * synchronous; the tagger's resources load on first use, and without `entities` the tagger runs first to find
 * them. English, French, Spanish and Arabic have rules; other languages get no claims.
 */
export function suggestClaims(text: string, options: ClaimOptions = {}): ClaimSuggestion[] {
  if (typeof text !== 'string' || text.trim() === '') return [];
  const language = claimLanguage(text, options.language);
  if (language === null) return [];
  const entities = (options.entities ?? mentionsOf(text, options.publishedAt))
    .filter((e) => e.end > e.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  if (language !== 'en')
    return dropFragments(text, findForeignClaims(text, language, entities, options.outlet), entities);
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
  return dropFragments(text, buildClaims(article, findRawClaims(article), entities, options.outlet), entities);
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
