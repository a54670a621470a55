// Entities: the registry's people, organizations, groups and places, with aliases, merges and what a page about one shows.
import { z } from 'zod';
import type { ArticleSummary } from './article.ts';
import { EntityId, EntityName, EntityType, MergeId, patchOf } from './primitives.ts';

/** External identifiers by scheme: `{ wikidata: 'Q123' }`. */
const ExternalIds = z.record(
  z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'an external id scheme is a short lowercase word such as wikidata'),
  z.string().trim().min(1).max(300),
);

const EntityFields = {
  name: EntityName,
  type: EntityType,
  /** Other names: acronyms, transliterations, former names, short forms. */
  aliases: z
    .array(EntityName)
    .max(500)
    .transform((aliases) => [...new Set(aliases)]),
  description: z.string().max(5000),
  externalIds: ExternalIds,
  notes: z.string().max(100_000),
};

export const Entity = z.object({
  id: EntityId,
  ...EntityFields,
  aliases: EntityFields.aliases.default([]),
  description: EntityFields.description.default(''),
  externalIds: ExternalIds.default({}),
  notes: EntityFields.notes.default(''),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Entity = z.infer<typeof Entity>;

export const EntityInput = z
  .object(EntityFields)
  .partial({ aliases: true, description: true, externalIds: true, notes: true })
  .strict();
export type EntityInput = z.input<typeof EntityInput>;

export const EntityPatch = patchOf(EntityFields);
export type EntityPatch = z.input<typeof EntityPatch>;

export const EntityQuery = z
  .object({
    /** Matches names and aliases, ignoring case and accents. */
    text: z.string().max(300).optional(),
    type: EntityType.optional(),
    limit: z.number().int().min(1).max(10_000).default(1000),
  })
  .strict();
export type EntityQuery = z.input<typeof EntityQuery>;

/** An entity in the registry view: how many articles mention it (not counting rejected suggestions). */
export type EntitySummary = Entity & { articles: number };

/** The entity page: its articles, who and what appears with it, and its mentions over time. */
export type EntityDetail = {
  entity: Entity;
  articles: ArticleSummary[];
  /** Other entities in the same articles, most shared first. */
  cooccurring: { id: string; name: string; type: EntityType; articles: number }[];
  /** Articles mentioning it per month of publication (of capture when the date is unknown). */
  timeline: { month: string; articles: number }[];
};

/** A merge, kept so it can be undone: the merged entity as it was and the mentions that were re-pointed. */
export const MergeRecord = z.object({
  id: MergeId,
  at: z.iso.datetime(),
  keptId: EntityId,
  merged: Entity,
  /** Names of the merged entity added to the kept one's aliases (removed again on undo). */
  aliasesAdded: z.array(z.string()),
  undoneAt: z.iso.datetime().nullable().default(null),
});
export type MergeRecord = z.infer<typeof MergeRecord>;
