// Where article documents live (`articles/YYYY/MM/<id>.json`) and how one is read, written and found on disk.
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { ArticleDocument, SCHEMA_VERSION, type Article } from '../model.ts';
import { makeFolder, TEMP_FILE, type DurableWriteOptions } from './durable-write.ts';
import { JsonFile } from './json-file.ts';

export const ARTICLES_DIR = 'articles';
const ARTICLE_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json$/;

/** The file of an article, relative to the data folder, by the month it was captured. */
export function articleFileFor(article: Pick<Article, 'id' | 'capturedAt'>): string {
  // What join() would give for these plain segments, without its normalizing: the catalog derives
  // 100k of these at start-up.
  const { capturedAt, id } = article;
  return `${ARTICLES_DIR}${sep}${capturedAt.slice(0, 4)}${sep}${capturedAt.slice(5, 7)}${sep}${id}.json`;
}

export async function readArticleFile(dataDir: string, file: string): Promise<Article | null> {
  const document = await new JsonFile(join(dataDir, file), ArticleDocument).read();
  return document?.article ?? null;
}

/**
 * Only the text of an article file, parsed but not validated (search snippets: display only, a
 * schema check of the whole document would cost more than the search). null when unreadable.
 */
export async function readArticleText(dataDir: string, file: string): Promise<string | null> {
  try {
    const document = JSON.parse(await readFile(join(dataDir, file), 'utf8')) as { article?: { text?: unknown } };
    return typeof document.article?.text === 'string' ? document.article.text : null;
  } catch {
    return null;
  }
}

export async function writeArticleFile(
  dataDir: string,
  file: string,
  article: Article,
  options: Pick<DurableWriteOptions, 'beforeRename'> = {},
): Promise<FileStamp> {
  const path = join(dataDir, file);
  await makeFolder(join(path, '..'), dataDir);
  await new JsonFile(path, ArticleDocument, options).write({ schemaVersion: SCHEMA_VERSION, article });
  return stampOf(path);
}

/** Size and modification time: enough to notice a file that changed behind the catalog's back. */
export type FileStamp = { size: number; mtimeMs: number };

export async function stampOf(path: string): Promise<FileStamp> {
  const info = await stat(path);
  return { size: info.size, mtimeMs: info.mtimeMs };
}

/**
 * Every article file with its stamp. Only called to rebuild or reconcile the catalog, never at a
 * normal start. Temp files left by a killed writer are removed on the way: the caller holds the lock.
 */
/** Every article file (relative to the data folder), touching nothing: safe beside the archive's own writes, unlike scanArticleFiles. */
export async function listArticleFiles(dataDir: string): Promise<string[]> {
  const entries = await readdir(join(dataDir, ARTICLES_DIR), { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  return entries
    .filter((entry) => entry.isFile() && ARTICLE_FILE.test(entry.name))
    .map((entry) => relative(dataDir, join(entry.parentPath, entry.name)));
}

export async function scanArticleFiles(dataDir: string): Promise<Map<string, FileStamp>> {
  const root = join(dataDir, ARTICLES_DIR);
  const found = new Map<string, FileStamp>();
  let entries;
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return found;
    throw error;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (TEMP_FILE.test(entry.name)) await rm(path, { force: true });
    // Only `<uuid>.json`: captured originals (`<uuid>.capture.*`) and moved-aside files live beside them.
    else if (ARTICLE_FILE.test(entry.name)) found.set(relative(dataDir, path), await stampOf(path));
  }
  return found;
}
