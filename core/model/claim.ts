// Claims: who said what, through whom, with figures and hedges; their groups across articles and the views of them.
import { z } from 'zod';
import {
  ArticleId,
  ClaimGroupId,
  ClaimId,
  ClaimKind,
  ClaimStatus,
  EntityId,
  MentionStatus,
  PartialDate,
  Qualifier,
  reviewOf,
  TextQuote,
  TextSpan,
  patchOf,
} from './primitives.ts';
import { AnalystName } from './desk.ts';

/** "At least 27 civilians killed": a figure, how it is qualified, who was counted and what happened to them. */
export const Quantity = TextSpan.extend({
  value: z.number().nonnegative().max(1e12),
  qualifier: Qualifier,
  category: z.string().max(100).nullable(),
  outcome: z.string().max(100).nullable(),
});
export type Quantity = z.infer<typeof Quantity>;

/**
 * Who says it, or who is accused: the words in the article ("He", "a UN official") when it names
 * them there (a party typed by the user has no span), who that is, and the registry entity if any.
 */
export const ClaimParty = z.object({
  text: z.string().max(300),
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().positive().nullable(),
  name: z.string().trim().min(1).max(300),
  entityId: EntityId.nullable(),
});
export type ClaimParty = z.infer<typeof ClaimParty>;

const ClaimFields = {
  /** The claim in the monitor's words; by default the claimed words of the article. */
  text: z.string().trim().min(1, 'a claim cannot be empty').max(5000),
  cue: TextSpan.nullable(),
  /** null: the outlet states it itself, attributing it to nobody. */
  claimant: ClaimParty.nullable(),
  /** The chain from the claimant to this outlet, nearest first: a UN official -> ["Reuters", "MENAFN"]. */
  via: z.array(z.string().trim().min(1).max(300)).max(20),
  /** Whom an accusation or a denial is about. */
  target: ClaimParty.nullable(),
  kind: ClaimKind,
  hedged: z.boolean(),
  hedges: z.array(TextSpan).max(50),
  quantities: z.array(Quantity).max(50),
  /** When what is claimed happened, resolved against the publication date. */
  eventDate: PartialDate.nullable(),
  /** Where it happened: location entities. */
  placeIds: z.array(EntityId).max(20),
  status: ClaimStatus,
  /** Why the status is what it is: sources checked, who disputes it. */
  reviewNote: z.string().max(10_000),
};

/** Who said what, through whom: a span of an article's text and what a monitor records about it. */
export const Claim = z.object({
  id: ClaimId,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  quote: TextQuote,
  ...ClaimFields,
  /** Suggested by the rules, confirmed or rejected by the user. */
  review: MentionStatus,
  source: z.enum(['rule', 'user']),
  confidence: z.number().min(0).max(1),
  /** The claims of other articles reporting the same thing share a group. */
  groupId: ClaimGroupId.nullable(),
  /**
   * Who set the status and when (`reviewBy`/`reviewAt`: who confirmed or rejected the suggestion, or
   * made the claim): the analyst's desk name, null in an archive on no desk; absent when never set.
   */
  statusBy: AnalystName.nullable().optional(),
  statusAt: z.iso.datetime().optional(),
  reviewBy: AnalystName.nullable().optional(),
  reviewAt: z.iso.datetime().optional(),
});
export type Claim = z.infer<typeof Claim>;

/** A claim the user makes from selected words: everything else starts from what the rules would say. */
export const ClaimInput = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().positive(), ...ClaimFields })
  .partial({
    text: true,
    cue: true,
    claimant: true,
    via: true,
    target: true,
    kind: true,
    hedged: true,
    hedges: true,
    quantities: true,
    eventDate: true,
    placeIds: true,
    status: true,
    reviewNote: true,
  })
  .strict();
export type ClaimInput = z.input<typeof ClaimInput>;

export const ClaimPatch = patchOf(ClaimFields);
export type ClaimPatch = z.input<typeof ClaimPatch>;

export const ClaimReview = reviewOf('claims', 5000);
export type ClaimReview = z.input<typeof ClaimReview>;

/** Most claims one article keeps. */
export const MAX_CLAIMS = 5000;

/** Claims across articles reporting the same thing: the group itself, its members live in the claims. */
export const ClaimGroup = z.object({
  id: ClaimGroupId,
  label: z.string().trim().min(1).max(300),
  note: z.string().max(10_000).default(''),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ClaimGroup = z.infer<typeof ClaimGroup>;

/** A claim as the claims view and the groups see it: enough to list, filter, plot and group, no article text. */
export type ClaimSummary = {
  articleId: string;
  claimId: string;
  text: string;
  kind: ClaimKind;
  status: ClaimStatus;
  review: MentionStatus;
  claimant: { name: string; entityId: string | null } | null;
  via: string[];
  hedged: boolean;
  quantities: Omit<Quantity, 'start' | 'end'>[];
  eventDate: string | null;
  placeIds: string[];
  groupId: string | null;
  /** Of the article: its outlet, dates, title, story (syndicated copies share one) and wire credits. */
  outlet: string;
  title: string;
  publishedAt: string | null;
  capturedAt: string;
  storyId: string | null;
  wireCredits: string[];
};

export const ClaimQuery = z
  .object({
    status: ClaimStatus.optional(),
    kind: ClaimKind.optional(),
    review: MentionStatus.optional(),
    /** Matches the claimant's name, ignoring case and accents. */
    claimant: z.string().max(300).optional(),
    placeId: EntityId.optional(),
    groupId: ClaimGroupId.optional(),
    /** Event dates (or, without one, publication dates) from and to, inclusive: 2024-11-27, 2024-11, 2024. */
    from: PartialDate.optional(),
    to: PartialDate.optional(),
    text: z.string().max(300).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(10_000).default(500),
  })
  .strict();
export type ClaimQuery = z.input<typeof ClaimQuery>;

export type ClaimPage = { total: number; offset: number; items: ClaimSummary[] };

/** A group with its members and what they add up to. */
export type ClaimGroupDetail = {
  group: ClaimGroup;
  claims: ClaimSummary[];
  /**
   * Sources that do not copy one another: syndicated copies of one story count once, and so do
   * claims that reach their outlets through the same wire agency or the same claimant chain.
   */
  independentSources: number;
  sources: { key: string; label: string; claims: number }[];
  /** Figures for the same outcome and category that disagree (27 against 31 killed). */
  conflicts: { outcome: string | null; category: string | null; values: number[] }[];
};

export const ClaimGroupInput = z
  .object({
    members: z
      .array(z.object({ articleId: ArticleId, claimId: ClaimId }).strict())
      .min(1, 'no claims given')
      .max(1000),
    /** Add to this group; without it a new group is made. */
    groupId: ClaimGroupId.optional(),
    label: z.string().trim().min(1).max(300).optional(),
  })
  .strict();
export type ClaimGroupInput = z.input<typeof ClaimGroupInput>;

export const ClaimGroupPatch = patchOf({ label: z.string().trim().min(1).max(300), note: z.string().max(10_000) });
export type ClaimGroupPatch = z.input<typeof ClaimGroupPatch>;

/** A claim of another article that may report the same thing, and why. */
export type ClaimMatch = { claim: ClaimSummary; score: number; reasons: string[] };
