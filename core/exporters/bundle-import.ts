// Merges a verified bundle into this archive: articles already here are kept as they are, entities matched by id then name or alias, the user told what was merged.
import type { Article, BundleImportReport, ClaimGroup, ClaimParty, Collection, Entity, Registry } from '../model.ts';
import { newCollectionId } from '../ids.ts';
import { foldTerm, indexText } from '../search/fold.ts';
import type { ArticleStore } from '../store/article-store.ts';
import type { RegistryStore } from '../store/registry-file.ts';
import type { BundleContents } from './bundle-reader.ts';

type Match = BundleImportReport['entities']['matched'][number];

/** Articles written at once: enough to overlap the disk's waits, few enough to keep memory flat. */
const IMPORT_AT_ONCE = 8;

/** Entities of one type by every folded name and alias: "Hayat Tahrir al-Sham" and "HTS" find the same one. */
function namesOf(entities: readonly Entity[]) {
  const byName = new Map<string, Entity>();
  const byAlias = new Map<string, Entity>();
  for (const e of entities) {
    byName.set(`${e.type}|${indexText(e.name)}`, e);
    for (const alias of e.aliases) byAlias.set(`${e.type}|${indexText(alias)}`, e);
  }
  return { byName, byAlias };
}

/** The registry changes a bundle brings, and how its ids map onto this archive's. */
export function planMerge(registry: Readonly<Registry>, bundle: BundleContents) {
  const entityIds = new Map<string, string>();
  const matched: Match[] = [];
  const newEntities: Entity[] = [];
  const local = new Map(registry.entities.map((e) => [e.id, e]));
  const { byName, byAlias } = namesOf(registry.entities);
  for (const entity of bundle.entities) {
    const key = (name: string) => `${entity.type}|${indexText(name)}`;
    const same = local.get(entity.id);
    // By id (it came from here, or was imported before), then by name (theirs against ours, then
    // against our aliases), then their aliases against our names. Types must agree: Georgia the
    // country is not Georgia a person.
    const byTheirName = byName.get(key(entity.name)) ?? byAlias.get(key(entity.name));
    const byTheirAlias = entity.aliases.map((a) => byName.get(key(a))).find(Boolean);
    const found = same ?? byTheirName ?? byTheirAlias;
    if (found) {
      entityIds.set(entity.id, found.id);
      const by = same ? 'id' : byName.get(key(entity.name)) ? 'name' : 'alias';
      if (by !== 'id' || found.name !== entity.name)
        matched.push({ bundleName: entity.name, localName: found.name, localId: found.id, by });
    } else {
      entityIds.set(entity.id, entity.id);
      newEntities.push(entity);
    }
  }
  const groupIds = new Set(registry.claimGroups.map((g) => g.id));
  const newGroups: ClaimGroup[] = bundle.claimGroups.filter((g) => !groupIds.has(g.id));
  const collectionIds = new Map<string, string>();
  const newCollections: Collection[] = [];
  const matchedCollections: string[] = [];
  // Names compare as the registry keeps them unique (folded); a smart collection of that name is not a match.
  const taken = (name: string) =>
    [...registry.collections, ...newCollections].some((c) => foldTerm(c.name) === foldTerm(name));
  for (const collection of bundle.collections) {
    const same =
      registry.collections.find((c) => c.id === collection.id && c.query === null) ??
      registry.collections.find((c) => c.query === null && foldTerm(c.name) === foldTerm(collection.name));
    if (same) {
      collectionIds.set(collection.id, same.id);
      matchedCollections.push(same.name);
      continue;
    }
    let name = collection.name;
    for (let n = 1; taken(name); n++) name = `${collection.name} (imported${n > 1 ? ` ${n}` : ''})`;
    const id = registry.collections.some((c) => c.id === collection.id) ? newCollectionId() : collection.id;
    collectionIds.set(collection.id, id);
    newCollections.push({ ...collection, id, name, query: null });
  }
  return {
    entityIds,
    matched,
    newEntities,
    newGroups,
    matchedGroups: bundle.claimGroups.length - newGroups.length,
    collectionIds,
    newCollections,
    matchedCollections,
    knownGroups: new Set([...groupIds, ...newGroups.map((g) => g.id)]),
  };
}

type MergePlan = ReturnType<typeof planMerge>;

/** The article with every id pointing at this archive's entities, groups and collections. */
export function remapArticle(article: Article, plan: MergePlan, exists: (entityId: string) => boolean): Article {
  const entity = (id: string | null) => {
    if (!id) return null;
    const mapped = plan.entityIds.get(id) ?? id;
    return exists(mapped) ? mapped : null;
  };
  const party = (p: ClaimParty | null) => (p ? { ...p, entityId: entity(p.entityId) } : null);
  return {
    ...article,
    // An entity the bundle did not carry (deleted there) leaves a suggestion with its name and type.
    mentions: article.mentions.map((m) => {
      const entityId = entity(m.entityId);
      const kept = entityId || m.status === 'rejected';
      // Back to a suggestion: no one confirmed it here, so it names no one.
      const undecided = { status: 'suggested' as const, statusBy: undefined, statusAt: undefined };
      return { ...m, entityId, mergedFrom: undefined, ...(!kept && undecided) };
    }),
    claims: article.claims.map((c) => ({
      ...c,
      claimant: party(c.claimant),
      target: party(c.target),
      placeIds: c.placeIds.flatMap((id) => entity(id) ?? []),
      groupId: c.groupId && plan.knownGroups.has(c.groupId) ? c.groupId : null,
    })),
    collectionIds: [...new Set(article.collectionIds.flatMap((id) => plan.collectionIds.get(id) ?? []))],
  };
}

export async function mergeBundle(
  store: ArticleStore,
  registry: RegistryStore,
  bundle: BundleContents,
): Promise<BundleImportReport> {
  const plan = await registry.update((draft) => {
    const merge = planMerge(draft, bundle);
    draft.entities.push(...merge.newEntities);
    draft.claimGroups.push(...merge.newGroups);
    draft.collections.push(...merge.newCollections);
    return merge;
  });
  const registryIds = new Set(registry.data.entities.map((e) => e.id));
  const hashes = new Map<string, string>();
  for (const entry of store.entries()) if (entry.contentHash) hashes.set(entry.contentHash, entry.id);
  const added: string[] = [];
  let alreadyHere = 0;
  let originals = 0;
  /** Writes of this import still under way, by content hash: a copy later in the bundle waits for its first. */
  const writing = new Map<string, Promise<void>>();
  const importOne = async (id: string): Promise<void> => {
    const article = remapArticle(await bundle.article(id), plan, (e) => registryIds.has(e));
    const first = article.contentHash ? writing.get(article.contentHash) : undefined;
    if (first) await first;
    const existing = store.entry(article.id)?.id ?? (article.contentHash ? hashes.get(article.contentHash) : undefined);
    if (existing && store.entry(existing)) {
      // Kept as it is here (its tags and edits are this archive's), but put in the bundle's collections.
      alreadyHere++;
      const wanted = article.collectionIds;
      if (wanted.some((c) => !store.entry(existing)!.collectionIds.includes(c)))
        await store.change(existing, (a) => ({
          ...a,
          collectionIds: [...a.collectionIds, ...wanted.filter((c) => !a.collectionIds.includes(c))],
        }));
      return;
    }
    const name = article.provenance.attachment;
    const saving = (async () => {
      const bytes = name ? await bundle.original(name) : null;
      await store.saveImported(article, name && bytes ? { name, bytes } : null);
      if (bytes) originals++;
      if (article.contentHash) hashes.set(article.contentHash, article.id);
      added.push(article.id);
    })();
    if (article.contentHash)
      writing.set(
        article.contentHash,
        saving.catch(() => undefined),
      );
    try {
      await saving;
    } finally {
      if (article.contentHash) writing.delete(article.contentHash);
    }
  };
  // A few at a time: each write waits for its fsyncs, and the waits overlap (one at a time left the CPU idle half the time).
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  for (const id of bundle.articleIds) {
    if (failure) break;
    const task: Promise<void> = importOne(id)
      .catch((error: unknown) => void (failure ??= { error }))
      .finally(() => running.delete(task));
    running.add(task);
    if (running.size >= IMPORT_AT_ONCE) await Promise.race(running);
  }
  await Promise.all(running);
  // What was written stays (each article is whole and durable); importing the bundle again adds the rest.
  if (failure) throw (failure as { error: unknown }).error;
  return {
    articles: { added: added.length, alreadyHere, ids: added },
    entities: { added: plan.newEntities.length, matched: plan.matched },
    claimGroups: { added: plan.newGroups.length, matched: plan.matchedGroups },
    collections: { added: plan.newCollections.map((c) => c.name), matched: plan.matchedCollections },
    originals,
  };
}
