// After a pull, what two laptops' offline changes left inconsistent across documents, made whole the same way on every laptop: one merge made twice, an entity pair merged both ways, a claim group deleted while a claim joined it.
import type { LazyClaimIndex } from '../claims/claim-index.ts';
import { relinkClaim } from '../claims/claim-ops.ts';
import { mergeInto } from '../entities/registry-ops.ts';
import { ArchiveError } from '../errors.ts';
import { ClaimGroup, type Article, type Entity, type MergeRecord } from '../model.ts';
import type { ArticleStore } from '../store/article-store.ts';
import { referencedIds } from '../store/catalog.ts';
import type { RegistryStore } from '../store/registry-file.ts';
import { docIdOf } from './local-docs.ts';
import { contentOf } from './merge.ts';
import type { SyncContext } from './sync-context.ts';

export type Stores = { store: ArticleStore; registry: RegistryStore; claimIndex: LazyClaimIndex | null };

/**
 * Runs between the pull and the push: what it changes is a local edit the push sends. Every laptop
 * that sees the same documents makes the same changes (no clock, no randomness), so their edits
 * merge without conflict wherever they meet.
 */
export async function reconcile(ctx: SyncContext, stores: Stores): Promise<void> {
  await dropRepeatedMerges(stores);
  await foldMergeCycles(ctx, stores);
  await restoreNamedGroups(ctx, stores);
}

const earlier = (x: MergeRecord, y: MergeRecord) => x.at < y.at || (x.at === y.at && x.id < y.id);

/**
 * The same merge made on two laptops (G into K on both): the documents agree, but two merge records
 * would offer two undos of one merge. The later is marked undone at its own time; the earlier stands.
 */
async function dropRepeatedMerges({ registry }: Stores): Promise<void> {
  const active = registry.data.merges.filter((m) => !m.undoneAt);
  const repeats = active.filter((m) =>
    active.some((o) => o !== m && o.keptId === m.keptId && o.merged.id === m.merged.id && earlier(o, m)),
  );
  if (!repeats.length) return;
  const ids = new Set(repeats.map((m) => m.id));
  await registry.update((draft) => {
    draft.merges = draft.merges.map((m) => (ids.has(m.id) ? { ...m, undoneAt: m.at } : m));
  });
}

/**
 * Two laptops merged the same two entities opposite ways (K into G on one, G into K on the other):
 * each entity came back as an edit against a delete, and each laptop's re-pointed mentions point at
 * the other. The earlier merge (by time, then id) stands: G goes into K with every name of both, every
 * mention and claim link of G points at K, and the later merge is marked undone (it never took effect).
 */
async function foldMergeCycles(ctx: SyncContext, { store, registry }: Stores): Promise<void> {
  const active = registry.data.merges.filter((m) => !m.undoneAt);
  for (const winner of active) {
    const loser = active.find((m) => m.keptId === winner.merged.id && m.merged.id === winner.keptId);
    if (!loser || !earlier(winner, loser)) continue;
    const [keptId, goneId] = [winner.keptId, winner.merged.id];
    let kept: Entity | undefined;
    try {
      await registry.update((draft) => {
        const at = draft.entities.findIndex((e) => e.id === keptId);
        const gone = draft.entities.find((e) => e.id === goneId);
        if (at >= 0 && gone) {
          // As a merge here folds them (names, notes, external ids), at the time of the later merge:
          // the same on every laptop, so their folds are one edit.
          draft.entities[at] = mergeInto(draft.entities[at]!, gone, loser.at).entity;
          draft.entities = draft.entities.filter((e) => e.id !== goneId);
        }
        kept = draft.entities.find((e) => e.id === keptId);
        const i = draft.merges.findIndex((m) => m.id === loser.id);
        draft.merges[i] = { ...loser, undoneAt: loser.at };
      });
    } catch (error) {
      // Folding would break a registry limit (500 aliases): left as two entities with their conflicts, to be resolved by hand.
      if (error instanceof ArchiveError && error.code === 'invalid') continue;
      throw error;
    }
    if (!kept) continue;
    // The edit-against-delete conflicts of the two entities are answered by the fold.
    for (const id of [keptId, goneId]) {
      const record = ctx.records.get(docIdOf('entity', id));
      if (record?.conflicts.some((c) => c.field === 'deleted'))
        await ctx.records.update(record.id, { conflicts: record.conflicts.filter((c) => c.field !== 'deleted') });
    }
    const target = kept;
    const articles = [...store.entries()].filter((entry) => referencedIds(entry).includes(goneId));
    for (const entry of articles) await store.change(entry.id, (article) => repoint(article, goneId, target));
  }
}

/** Mentions of `goneId` on `kept`: those the undone merge had moved off `kept` go back (their last hop dropped). */
function repoint(article: Article, goneId: string, kept: Entity): Article {
  const mentions = article.mentions.map((m) => {
    if (m.entityId !== goneId) return m;
    const back = m.mergedFrom?.at(-1) === kept.id;
    const mergedFrom = back ? m.mergedFrom!.slice(0, -1) : [...(m.mergedFrom ?? []), goneId];
    return { ...m, entityId: kept.id, name: kept.name, mergedFrom: mergedFrom.length ? mergedFrom : undefined };
  });
  const claims = article.claims.map((c) => relinkClaim(c, new Set([goneId]), kept.id));
  return { ...article, mentions, claims };
}

/**
 * A claim group deleted on one laptop (its last member taken out) while another put a claim in it:
 * the delete wins the group's document, but a claim here still names the group, so it comes back as
 * it last was (the record keeps that body) and the push sends it again.
 */
async function restoreNamedGroups(ctx: SyncContext, { registry, claimIndex }: Stores): Promise<void> {
  if (!claimIndex) return;
  const deleted = [...ctx.records.all()].filter((r) => r.id.startsWith('claimgroup:') && r.deleted && r.parentRev);
  if (!deleted.length) return;
  const index = await claimIndex.get();
  const back: ClaimGroup[] = [];
  for (const record of deleted) {
    const id = record.id.slice('claimgroup:'.length);
    if (!index.groupSize(id) || registry.data.claimGroups.some((g) => g.id === id)) continue;
    const parent = (await ctx.records.bodies(record.id))?.parent;
    if (!parent) continue;
    const last = ClaimGroup.safeParse({ ...contentOf(parent.body), id });
    if (last.success) back.push(last.data);
  }
  if (back.length) await registry.update((draft) => void draft.claimGroups.push(...back));
}
