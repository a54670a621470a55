// A claim as the rules find it, in token indexes, before its parties are named and its kind is read.
import type { CueFrame } from './cue-words.ts';
import type { Range } from './noun-phrases.ts';

export type RawClaim = {
  /** The cue's tokens, `cueLast` inclusive; `cueLast < cueFirst` for a claim without a cue. */
  cueFirst: number;
  cueLast: number;
  /** The content's tokens, `last` inclusive. */
  first: number;
  last: number;
  claimant: Range | null;
  /** The chain after the claimant, nearest first. */
  via: Range[];
  target: Range | null;
  frame: CueFrame | 'according' | 'label' | 'hedge' | 'outlet';
  lemma: string;
  /** The claimant is the subject of an earlier cue ("... and said"). */
  carried: boolean;
  confidence: number;
};
