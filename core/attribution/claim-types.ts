// The attribution vocabulary: spans, figures, parties and claims, shared by the extractor's stages and its callers.
import type { ClaimKind, EntityType, Qualifier } from '../common/vocabulary.ts';

export type { ClaimKind, Qualifier } from '../common/vocabulary.ts';

/** UTF-16 offsets into the text, end exclusive; `text` is the slice. */
export type TextSpan = { start: number; end: number; text: string };
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
