// The stress runs' one checker: what the acknowledged writes left, and which of them a reopened archive lost.
import type { Archive } from '../core/archive.ts';

export type Line = { ready?: true; begin?: string; ack?: string; key: string; value: string };
export type Write = { kind: string; key: string; value: string };

/** One data folder's checker: what must be there, from the writes acknowledged so far. */
export function checker() {
  /** What must be there: the last acknowledged value per record, and the facts that only accumulate. */
  const state = {
    titles: new Map<string, string>(), // article or import id -> title
    entities: new Map<string, string>(), // entity id -> name
    claims: new Map<string, Set<string>>(), // article id -> claim texts
    collections: new Map<string, string>(), // collection id -> name
    members: new Map<string, Set<string>>(), // collection id -> article ids
  };

  const byKind = new Map<string, number>();

  function record(write: Write): void {
    byKind.set(write.kind, (byKind.get(write.kind) ?? 0) + 1);
    const add = (map: Map<string, Set<string>>, key: string, value: string) =>
      map.set(key, (map.get(key) ?? new Set()).add(value));
    if (write.key === 'new') return; // created nothing: a bundle imported before
    if (write.kind === 'article' || write.kind === 'import' || write.kind === 'bundle')
      state.titles.set(write.key, write.value);
    else if (write.kind === 'entity') state.entities.set(write.key, write.value);
    else if (write.kind === 'claim') add(state.claims, write.key, write.value);
    else if (write.kind === 'collection') state.collections.set(write.key, write.value);
    else if (write.kind === 'member') add(state.members, write.key, write.value);
  }

  /** Every acknowledged write of the round (and everything acknowledged before it) is in the reopened archive. */
  async function lost(archive: Archive, round: Write[], inFlight: Write | null): Promise<string[]> {
    const missing: string[] = [];
    const titles = new Map<string, string>();
    for (let offset = 0; ; offset += 5000) {
      const page = await archive.listArticles({ offset, limit: 5000 });
      for (const a of page.items) titles.set(a.id, a.title);
      if (titles.size >= page.total || !page.items.length) break;
    }
    for (const [id, title] of state.titles) {
      const found = titles.get(id);
      if (found === title) continue;
      // The write under way at the kill may have landed: then it is the acknowledged state from now on.
      if (found && inFlight?.key === id && found === inFlight.value) state.titles.set(id, found);
      else missing.push(`article ${id}: "${found}" instead of "${title}"`);
    }
    const entities = new Map((await archive.listEntities({ limit: 10_000 })).map((e) => [e.id, e.name]));
    for (const [id, name] of state.entities) {
      const found = entities.get(id);
      if (found === name) continue;
      if (found && inFlight?.key === id && found === inFlight.value) state.entities.set(id, found);
      else missing.push(`entity ${id}: "${found}" instead of "${name}"`);
    }
    const collections = new Map((await archive.listCollections()).map((c) => [c.id, c.name]));
    for (const [id, name] of state.collections)
      if (collections.get(id) !== name) missing.push(`collection ${id}: "${collections.get(id)}" instead of "${name}"`);
    // Claims and memberships live in article files: read the articles this round touched (their files,
    // not just the catalog, which could list an article whose file is gone).
    const touched = new Set(round.filter((w) => w.kind !== 'member' && w.kind !== 'entity').map((w) => w.key));
    for (const w of round) if (w.kind === 'member') touched.add(w.value);
    touched.delete('new');
    for (const id of touched) {
      if (state.collections.has(id)) continue;
      const article = await archive.getArticle(id).catch((error: Error) => error);
      if (article instanceof Error) {
        missing.push(`article ${id}: ${article.message}`);
        continue;
      }
      const texts = new Set(article.claims.map((c) => c.text));
      for (const text of state.claims.get(id) ?? []) if (!texts.has(text)) missing.push(`claim "${text}" of ${id}`);
      for (const [collection, ids] of state.members)
        if (ids.has(id) && !article.collectionIds.includes(collection))
          missing.push(`article ${id} out of collection ${collection}`);
    }
    return missing;
  }
  return { record, lost, byKind };
}
