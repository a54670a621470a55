// Mentions: the words of an article that name an entity (or are suggested to), the dates it resolves, and the user's tags and reviews of them.
import { z } from 'zod';
import { AnalystName } from './desk.ts';
import { EntityId, EntityName, EntityType, MentionSource, MentionStatus, reviewOf, TextQuote } from './primitives.ts';

/** A name in an article's text that refers to an entity, or a suggestion that it does. */
export const Mention = z.object({
  id: z.string().regex(/^m_[0-9a-z]{10}$/),
  /** UTF-16 offsets into the article's clean text, end exclusive. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  quote: TextQuote,
  /** The registry entity; null for a suggestion of an entity the registry does not have yet. */
  entityId: EntityId.nullable(),
  /** What the entity is called and is, for a suggestion without an entity (the name it would get). */
  name: EntityName,
  type: EntityType,
  status: MentionStatus,
  source: MentionSource,
  confidence: z.number().min(0).max(1),
  /**
   * The entities this mention pointed at before merges moved it, the latest last: undoing a merge
   * finds its mentions by this, even after a crash half-way through the merge.
   */
  mergedFrom: z.array(EntityId).max(100).optional(),
  /**
   * Who confirmed or rejected it (or tagged it by hand) and when: the analyst's desk name, null in an
   * archive on no desk. Absent on suggestions and on mentions reviewed before it was kept.
   */
  statusBy: AnalystName.nullable().optional(),
  statusAt: z.iso.datetime().optional(),
});
export type Mention = z.infer<typeof Mention>;

/** Most mentions one article keeps (a long report names a few hundred). */
export const MAX_MENTIONS = 20_000;

/** A time expression in the text, resolved against the publication date ("on Wednesday" -> 2024-11-27). */
export const DateMention = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string().max(200),
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
});
export type DateMention = z.infer<typeof DateMention>;

/** Tag a span of an article's text as an existing entity, or as a new one. */
export const SpanTag = z.union([
  z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive(), entityId: EntityId }).strict(),
  z
    .object({
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      name: EntityName,
      type: EntityType,
    })
    .strict(),
]);
export type SpanTag = z.input<typeof SpanTag>;

/** confirm creates the entity a suggestion names when the registry lacks it. */
export const MentionReview = reviewOf('mentions', 10_000);
export type MentionReview = z.input<typeof MentionReview>;
