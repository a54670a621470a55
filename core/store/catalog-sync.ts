// The catalog at start-up: loaded as it was left, or brought in line with the article files when it is missing or the last session crashed.
import type { Problem } from '../model.ts';
import { readArticleFile, scanArticleFiles } from './article-files.ts';
import { Catalog, entryFor, type CatalogEntry } from './catalog.ts';
import { CorruptFileError } from './json-file.ts';

/** Files read at once while syncing: enough to overlap the disk's waits, few enough to keep memory flat. */
const READ_AT_ONCE = 32;

/**
 * The catalog of the data folder. Missing or unreadable, it is rebuilt from the files; after a crash
 * (the last owner died holding the lock) it is reconciled with them, since an article written just
 * before the kill may be missing from it. Damaged files found on the way are added to `problems`.
 */
export async function openCatalog(dataDir: string, lastSessionCrashed: boolean, problems: Problem[]): Promise<Catalog> {
  let catalog = await Catalog.load(dataDir);
  if (!catalog) {
    catalog = Catalog.empty(dataDir);
    await syncCatalogWithFiles(dataDir, catalog, problems);
  } else if (lastSessionCrashed) await syncCatalogWithFiles(dataDir, catalog, problems);
  return catalog;
}

/**
 * Brings the catalog in line with the article files (the files are the truth, the catalog is derived),
 * rereading only files that are new or changed, then writes it as one fresh snapshot.
 */
async function syncCatalogWithFiles(dataDir: string, catalog: Catalog, problems: Problem[]): Promise<void> {
  const files = await scanArticleFiles(dataDir);
  const known = new Map<string, CatalogEntry>();
  for (const entry of catalog.values()) known.set(entry.file, entry);
  const entries: CatalogEntry[] = [];
  const stale: string[] = [];
  for (const [file, stamp] of files) {
    const entry = known.get(file);
    if (entry && entry.size === stamp.size && entry.mtimeMs === stamp.mtimeMs) entries.push(entry);
    else stale.push(file);
  }
  for (let i = 0; i < stale.length; i += READ_AT_ONCE) {
    const batch = stale.slice(i, i + READ_AT_ONCE);
    await Promise.all(
      batch.map(async (file) => {
        try {
          const article = await readArticleFile(dataDir, file);
          if (article) entries.push(entryFor(article, file, files.get(file)!));
        } catch (error) {
          if (!(error instanceof CorruptFileError)) throw error;
          problems.push({ file: error.file, reason: error.reason, movedTo: error.movedTo, recoveredFrom: null });
        }
      }),
    );
  }
  await catalog.replaceAll(entries);
}
