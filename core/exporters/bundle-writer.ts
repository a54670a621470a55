// Writes a Newsdesk bundle: every article document, its captured original, the registry entries they use, and a manifest of checksums.
import { SCHEMA_VERSION } from '../model.ts';
import {
  articleEntry,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  CLAIM_GROUPS,
  COLLECTIONS,
  ENTITIES,
  MANIFEST,
  originalEntry,
  originName,
  type Manifest,
} from './bundle-format.ts';
import { entityIdsOf, type ExportSource } from './export-source.ts';
import { zipStream } from './zip-writer.ts';

export function bundle(source: ExportSource): AsyncIterable<Buffer> {
  return zipStream(async (zip) => {
    const groupIds = new Set<string>();
    const entityIds = new Set<string>();
    const collectionIds = new Set<string>();
    let articles = 0;
    let originals = 0;
    for await (const article of source.articles()) {
      // The whole document, rejected suggestions too: the other archive must not suggest them again.
      // Where it came from as a file name, not the exporter's path to it (a URL stays whole).
      const shared = {
        ...article,
        provenance: { ...article.provenance, origin: originName(article.provenance.origin) },
      };
      await zip.add(articleEntry(article.id), JSON.stringify({ schemaVersion: SCHEMA_VERSION, article: shared }));
      articles++;
      for (const claim of article.claims) if (claim.groupId) groupIds.add(claim.groupId);
      for (const id of article.collectionIds) collectionIds.add(id);
      // Every entity the document points at, rejected suggestions too: the other archive keeps them rejected.
      for (const m of article.mentions) if (m.entityId) entityIds.add(m.entityId);
      for (const id of entityIdsOf(article)) entityIds.add(id);
      const bytes = await source.original(article);
      if (bytes && article.provenance.attachment) {
        await zip.add(originalEntry(article.provenance.attachment), bytes);
        originals++;
      }
    }
    const pick = <T>(from: ReadonlyMap<string, T>, ids: Set<string>) => [...ids].flatMap((id) => from.get(id) ?? []);
    const groups = pick(source.claimGroups, groupIds);
    const collections = pick(source.collections, collectionIds);
    const entities = [...entityIds].flatMap((id) => source.entity(id) ?? []);
    await zip.add(ENTITIES, JSON.stringify(entities, null, 1));
    await zip.add(CLAIM_GROUPS, JSON.stringify(groups, null, 1));
    await zip.add(COLLECTIONS, JSON.stringify(collections, null, 1));
    await zip.end(() => {
      const manifest: Manifest = {
        format: BUNDLE_FORMAT,
        formatVersion: BUNDLE_VERSION,
        schemaVersion: SCHEMA_VERSION,
        app: source.app,
        createdAt: source.exportedAt,
        scope: source.scope,
        counts: {
          articles,
          originals,
          entities: entities.length,
          claimGroups: groups.length,
          collections: collections.length,
        },
        files: zip.entries,
      };
      return { path: MANIFEST, data: JSON.stringify(manifest, null, 1) };
    });
  });
}
