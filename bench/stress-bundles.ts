// The stress run's bundles: BUNDLES small Newsdesk bundles, one article each, exported once from a scratch archive for the writer to import.
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openArchive } from '../core/archive.ts';

export const BUNDLES = 40;

export const bundledTitle = (n: number) => `Bundled ${n}`;

/** Writes `<n>.zip` for n below BUNDLES into `folder`: each an article with a claim and an entity, in its own collection. */
export async function makeBundles(folder: string): Promise<void> {
  const scratch = join(folder, 'scratch');
  const archive = await openArchive(scratch);
  try {
    const group = await archive.createEntity({ name: 'Bundle Brigade', type: 'group' });
    for (let n = 0; n < BUNDLES; n++) {
      const text = `Bundle Brigade fighters crossed the river near Karovsk, bundle ${n} reports. `.repeat(6);
      const article = await archive.addArticle({ title: bundledTitle(n), text, source: `Wire ${n}` });
      await archive.tagSpan(article.id, { start: 0, end: 14, entityId: group.id });
      await archive.addClaim(article.id, { start: 0, end: 60 });
      const collection = await archive.createCollection({ name: `Bundle ${n}` });
      await archive.addToCollection(collection.id, [article.id]);
      const out = await archive.exportToFile({ scope: { collectionId: collection.id }, format: 'bundle' }, folder);
      await rename(out.path, join(folder, `${n}.zip`));
    }
  } finally {
    await archive.close();
  }
  await rm(scratch, { recursive: true, force: true });
}
