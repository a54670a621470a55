// Every article's claims in one derived index (index/claims.json), loaded only when claims are listed or grouped.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../model.ts';
import type { ArticleStore } from '../store/article-store.ts';
import { INDEX_DIR, type CatalogEntry } from '../store/catalog.ts';
import { writeFileDurably } from '../store/durable-write.ts';
import type { FileStamp } from '../store/article-files.ts';
import { indexClaim, type IndexedClaim } from './claim-ops.ts';

const FILE = 'claims.json';
const FORMAT = 1;

type Row = { stamp: FileStamp; claims: IndexedClaim[] };

/**
 * Derived, and checked rather than trusted: each article's row carries the size and mtime of the file
 * it was read from, and any that no longer match the catalog's are read again. So nothing needs to be
 * written on every change, a crash costs a few rereads, and a missing or damaged file a rebuild (of
 * only the articles the catalog says have claims).
 */
export class ClaimIndex {
  private changed = false;
  /** How many indexed claims each group has, so a group left empty is found without a scan. */
  private readonly groupSizes = new Map<string, number>();

  private constructor(
    private readonly path: string,
    private readonly rows: Map<string, Row>,
  ) {}

  static async open(
    indexDir: string,
    entries: Iterable<CatalogEntry>,
    read: (id: string) => Promise<Article | null>,
  ): Promise<ClaimIndex> {
    const path = join(indexDir, FILE);
    const saved = new Map<string, Row>();
    try {
      const json = JSON.parse(await readFile(path, 'utf8')) as { format: number; rows: Record<string, Row> };
      if (json.format === FORMAT && json.rows && typeof json.rows === 'object')
        for (const [id, row] of Object.entries(json.rows)) if (isRow(row)) saved.set(id, row);
    } catch {
      // Missing or damaged: everything is read again.
    }
    const index = new ClaimIndex(path, new Map());
    const stale: CatalogEntry[] = [];
    for (const entry of entries) {
      if (!entry.claimCount) continue;
      const row = saved.get(entry.id);
      if (row && row.stamp.size === entry.size && row.stamp.mtimeMs === entry.mtimeMs) index.setRow(entry.id, row);
      else stale.push(entry);
    }
    // The file read is the one the catalog stamped: the archive holds the folder's lock.
    for (const entry of stale) {
      const article = await read(entry.id).catch(() => null);
      if (article) index.put(article, { size: entry.size, mtimeMs: entry.mtimeMs });
    }
    index.changed = stale.length > 0 || saved.size !== index.rows.size;
    return index;
  }

  /** After every write of an article: its claims as they are now. */
  put(article: Article, stamp: FileStamp): void {
    // Rejected suggestions are kept in the article (so they are not made again), never listed.
    const kept = article.claims.filter((c) => c.review !== 'rejected');
    const row = kept.length ? { stamp, claims: kept.map((claim) => indexClaim(article.id, claim)) } : null;
    if (this.setRow(article.id, row)) this.changed = true;
  }

  /** Claims in the group, those of articles in the trash included (a restore brings them back). */
  groupSize(groupId: string): number {
    return this.groupSizes.get(groupId) ?? 0;
  }

  *claims(): Iterable<{ articleId: string; claims: IndexedClaim[] }> {
    for (const [articleId, row] of this.rows) yield { articleId, claims: row.claims };
  }

  of(articleId: string): IndexedClaim[] {
    return this.rows.get(articleId)?.claims ?? [];
  }

  /** Replaces (or with null removes) an article's row, keeping the group sizes in step; false if there was nothing to remove. */
  private setRow(articleId: string, row: Row | null): boolean {
    const before = this.rows.get(articleId);
    if (before) this.countGroups(before.claims, -1);
    if (!row) return this.rows.delete(articleId);
    this.rows.set(articleId, row);
    this.countGroups(row.claims, 1);
    return true;
  }

  private countGroups(claims: IndexedClaim[], by: 1 | -1): void {
    for (const { groupId } of claims) {
      if (!groupId) continue;
      const size = (this.groupSizes.get(groupId) ?? 0) + by;
      if (size > 0) this.groupSizes.set(groupId, size);
      else this.groupSizes.delete(groupId);
    }
  }

  /** Written at close (and only if anything changed): losing it costs rereads, never data. */
  async save(): Promise<void> {
    if (!this.changed) return;
    await writeFileDurably(this.path, JSON.stringify({ format: FORMAT, rows: Object.fromEntries(this.rows) }));
    this.changed = false;
  }
}

/** The claims index of an archive: loaded on first use (listing or grouping claims), never at start-up, and kept in step with every write. */
export class LazyClaimIndex {
  private loading: Promise<ClaimIndex> | null = null;
  private loaded: ClaimIndex | null = null;
  /** Articles written while it loads: applied once it has. */
  private readonly writtenDuringLoad = new Map<string, { article: Article; stamp: FileStamp }>();

  constructor(private readonly store: ArticleStore) {
    store.on('written', (article, stamp) => {
      if (this.loaded) this.loaded.put(article, stamp);
      else if (this.loading) this.writtenDuringLoad.set(article.id, { article, stamp });
    });
  }

  get(): Promise<ClaimIndex> {
    this.loading ??= ClaimIndex.open(join(this.store.dataDir, INDEX_DIR), [...this.store.entries()], (id) =>
      this.store.entry(id) ? this.store.read(id) : Promise.resolve(null),
    ).then((index) => {
      for (const { article, stamp } of this.writtenDuringLoad.values()) index.put(article, stamp);
      this.writtenDuringLoad.clear();
      return (this.loaded = index);
    });
    return this.loading;
  }

  /** Derived: failing to save it costs rereads at the next start, never data. */
  async save(): Promise<void> {
    await (await this.loading?.catch(() => null))?.save().catch(() => undefined);
  }
}

function isRow(value: unknown): value is Row {
  const row = value as Row;
  return (
    typeof row === 'object' &&
    row !== null &&
    typeof row.stamp?.size === 'number' &&
    typeof row.stamp?.mtimeMs === 'number' &&
    Array.isArray(row.claims) &&
    row.claims.every((claim) => typeof claim === 'object' && claim !== null)
  );
}
