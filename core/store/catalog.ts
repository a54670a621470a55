// The slim catalog of every article (no text): a snapshot plus an append-only log, so start-up never opens article files.
import { open, readFile, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { READ, summarize, type Article, type ArticleSummary, type SortField } from '../model.ts';
import { SerialQueue } from '../serial.ts';
import { syncFolder, writeFileDurably } from './durable-write.ts';
import { articleFileFor, type FileStamp } from './article-files.ts';

export const INDEX_DIR = 'index';
const SNAPSHOT = 'catalog.json';
const LOG = 'catalog.log';
/**
 * Format 2 keeps one array per entry under a header of column names, newest capture first: no
 * repeated keys (40% smaller than format 1's objects; no faster to load, object creation costs as
 * much as the parse), the file path left out when it is the usual one, and the library's default
 * order needing no real sort at start-up.
 */
const SNAPSHOT_FORMAT = 2;
const ROWS_PER_TURN = 2000;
const COLUMNS = [
  'id',
  'title',
  'source',
  'url',
  'byline',
  'publishedAt',
  'language',
  'tags',
  'capturedAt',
  'updatedAt',
  'deletedAt',
  'modifiedAt',
  'dateline',
  'wireCredits',
  'contentHash',
  'storyId',
  'taggedAt',
  'entityIds',
  'claimCount',
  'file',
  'size',
  'mtimeMs',
  'rejectedEntityIds',
  'claimEntityIds',
  'collectionIds',
  'extraction',
  'ocrConfidence',
  'reading',
  'feed',
] as const;
/** Past this many logged changes the snapshot is rewritten, keeping start-up replay short. */
const COMPACT_AFTER = 5000;

export type CatalogEntry = ArticleSummary &
  FileStamp & {
    file: string;
    /** Entities only rejected suggestions point at: a delete or merge must still reach them. */
    rejectedEntityIds?: string[];
    /** Entities only claims point at (a claimant, target or place chosen by hand): the same. */
    claimEntityIds?: string[];
  };
type LogLine = { put: CatalogEntry } | { remove: string };

export function entryFor(article: Article, file: string, stamp: FileStamp): CatalogEntry {
  const summary = summarize(article);
  const known = new Set(summary.entityIds);
  const rejected = new Set<string>();
  for (const m of article.mentions) if (m.entityId && !known.has(m.entityId)) rejected.add(m.entityId);
  const claimed = new Set<string>();
  for (const c of article.claims)
    for (const id of [c.claimant?.entityId, c.target?.entityId, ...c.placeIds])
      if (id && !known.has(id) && !rejected.has(id)) claimed.add(id);
  return {
    ...summary,
    file,
    ...stamp,
    ...(rejected.size ? { rejectedEntityIds: [...rejected] } : {}),
    ...(claimed.size ? { claimEntityIds: [...claimed] } : {}),
  };
}

/** Every entity an article's mentions or claims point at, rejected suggestions included. */
export function referencedIds(entry: CatalogEntry): string[] {
  const { entityIds, rejectedEntityIds = [], claimEntityIds = [] } = entry;
  return rejectedEntityIds.length || claimEntityIds.length
    ? [...entityIds, ...rejectedEntityIds, ...claimEntityIds]
    : entityIds;
}

export class Catalog {
  private readonly entries = new Map<string, CatalogEntry>();
  private readonly sortedCache = new Map<string, CatalogEntry[]>();
  private log: FileHandle | null = null;
  private loggedChanges = 0;
  private changes = 0;
  /** Log appends and compactions never interleave. */
  private readonly queue = new SerialQueue();

  private constructor(private readonly dataDir: string) {}

  /** Loads snapshot + log. Returns null when they are missing or unreadable: the caller rebuilds. */
  static async load(dataDir: string): Promise<Catalog | null> {
    const catalog = new Catalog(dataDir);
    try {
      const snapshot = JSON.parse(await readFile(catalog.path(SNAPSHOT), 'utf8')) as Snapshot;
      const entries = snapshotEntries(snapshot);
      if (!entries) return null;
      for (const entry of entries) catalog.entries.set(entry.id, upgrade(entry));
      const lines = await readFile(catalog.path(LOG), 'utf8').catch(() => '');
      const parts = lines.split('\n');
      for (const [i, line] of parts.entries()) {
        if (!line) continue;
        let change: LogLine;
        try {
          change = JSON.parse(line) as LogLine;
        } catch {
          // Only the last line may be torn (a write cut by a crash); anything else means rebuild.
          if (i === parts.length - 1) break;
          return null;
        }
        if ('put' in change ? !isEntry(change.put) : typeof change.remove !== 'string') return null;
        if ('put' in change) upgrade(change.put);
        catalog.apply(change);
        catalog.loggedChanges++;
      }
    } catch {
      return null;
    }
    return catalog;
  }

  static empty(dataDir: string): Catalog {
    return new Catalog(dataDir);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bumped by every change: lets callers cache what they derive from the entries. */
  get version(): number {
    return this.changes;
  }

  get(id: string): CatalogEntry | undefined {
    return this.entries.get(id);
  }

  values(): IterableIterator<CatalogEntry> {
    return this.entries.values();
  }

  /** Records a change durably (appended and fdatasync'd) before it is acknowledged. */
  async put(entry: CatalogEntry): Promise<void> {
    await this.record({ put: entry });
  }

  async remove(id: string): Promise<void> {
    if (this.entries.has(id)) await this.record({ remove: id });
  }

  /** Entries of the library or the trash, sorted; cached until the next change. */
  sorted(field: SortField, order: 'asc' | 'desc', trash: boolean): CatalogEntry[] {
    const key = `${field} ${order} ${trash}`;
    let list = this.sortedCache.get(key);
    if (!list) {
      const keyed = [...this.entries.values()]
        .filter((entry) => (entry.deletedAt !== null) === trash)
        .map((entry) => ({ entry, key: sortKey(field, entry) }));
      const direction = order === 'asc' ? 1 : -1;
      keyed.sort((a, b) => direction * compareKeys(field, a.key, b.key) || a.entry.id.localeCompare(b.entry.id));
      list = keyed.map(({ entry }) => entry);
      this.sortedCache.set(key, list);
    }
    return list;
  }

  /** Writes the whole catalog as a fresh snapshot and empties the log. */
  async compact(): Promise<void> {
    await this.queue.run(async () => {
      await writeFileDurably(this.path(SNAPSHOT), await snapshotText([...this.entries.values()]));
      await this.log?.close();
      this.log = null;
      await rm(this.path(LOG), { force: true });
      this.loggedChanges = 0;
    });
  }

  async close(): Promise<void> {
    await this.compact();
  }

  /**
   * For a change that reached an article file but could not be logged (a full disk): memory follows
   * the file, and the snapshot and log are dropped so the next start rebuilds from the files.
   */
  async forceRebuild(entry: CatalogEntry): Promise<void> {
    await this.queue.run(async () => {
      this.apply({ put: entry });
      await this.log?.close();
      this.log = null;
      await rm(this.path(LOG), { force: true });
      await rm(this.path(SNAPSHOT), { force: true });
    });
  }

  /** Replaces everything (after a rebuild from the article files). */
  async replaceAll(entries: Iterable<CatalogEntry>): Promise<void> {
    this.entries.clear();
    this.sortedCache.clear();
    this.changes++;
    for (const entry of entries) this.entries.set(entry.id, entry);
    await this.compact();
  }

  private async record(change: LogLine): Promise<void> {
    await this.queue.run(async () => {
      this.log ??= await this.openLog();
      await this.log.appendFile(JSON.stringify(change) + '\n');
      await this.log.datasync();
      this.apply(change);
      this.loggedChanges++;
    });
    if (this.loggedChanges >= COMPACT_AFTER) await this.compact();
  }

  /**
   * The log, for appending. A new one's name is made durable (its folder fsynced) before its first
   * line is acknowledged: else after a power loss the whole log, and every change in it, could be gone.
   */
  private async openLog(): Promise<FileHandle> {
    try {
      const handle = await open(this.path(LOG), 'ax');
      await syncFolder(join(this.dataDir, INDEX_DIR));
      return handle;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return open(this.path(LOG), 'a');
    }
  }

  private apply(change: LogLine): void {
    if ('put' in change) this.entries.set(change.put.id, change.put);
    else this.entries.delete(change.remove);
    this.sortedCache.clear();
    this.changes++;
  }

  private path(name: string): string {
    return join(this.dataDir, INDEX_DIR, name);
  }
}

type Snapshot = { format: 1; entries: unknown[] } | { format: 2; columns: string[]; rows: unknown[][] };

/**
 * The snapshot (format 2) as JSON, ROWS_PER_TURN rows per turn of the event loop: the changes wait
 * in the catalog's queue meanwhile, and the archive's thread answers calls between chunks (one
 * JSON.stringify of the whole held it 70 ms at 10,000 articles, ~350 ms at 100k).
 */
async function snapshotText(entries: CatalogEntry[]): Promise<string> {
  entries.sort((a, b) => (a.capturedAt === b.capturedAt ? 0 : a.capturedAt < b.capturedAt ? 1 : -1));
  const chunks: string[] = [];
  for (let start = 0; start < entries.length; start += ROWS_PER_TURN) {
    if (start) await new Promise((resolve) => setImmediate(resolve));
    chunks.push(
      entries
        .slice(start, start + ROWS_PER_TURN)
        .map((entry) => JSON.stringify(rowOf(entry)))
        .join(','),
    );
  }
  return `{"format":${SNAPSHOT_FORMAT},"columns":${JSON.stringify(COLUMNS)},"rows":[${chunks.join(',')}]}`;
}

function rowOf(entry: CatalogEntry): unknown[] {
  return COLUMNS.map((column) =>
    column === 'file' && entry.file === articleFileFor(entry) ? '' : (entry[column] ?? null),
  );
}

/** The entries of a snapshot of either format; null when it is of neither or any entry looks wrong. */
function snapshotEntries(snapshot: Snapshot): CatalogEntry[] | null {
  if (snapshot.format === 1) {
    return Array.isArray(snapshot.entries) && snapshot.entries.every(isEntry) ? snapshot.entries : null;
  }
  if (snapshot.format !== 2 || !Array.isArray(snapshot.columns) || !Array.isArray(snapshot.rows)) return null;
  const { columns } = snapshot;
  const at = (name: (typeof COLUMNS)[number]) => columns.indexOf(name);
  const [id, title, source, url, byline, publishedAt, language, tags, capturedAt, updatedAt, deletedAt] =
    COLUMNS.map(at);
  const [modifiedAt, dateline, wireCredits, contentHash, storyId, taggedAt, entityIds, claimCount] =
    COLUMNS.slice(11).map(at);
  const [file, size, mtimeMs, rejectedEntityIds, claimEntityIds, collectionIds, extraction, ocrConfidence] =
    COLUMNS.slice(19).map(at);
  const [reading, feed] = COLUMNS.slice(27).map(at);
  const entries: CatalogEntry[] = [];
  for (const row of snapshot.rows) {
    if (!Array.isArray(row) || row.length !== columns.length) return null;
    const value = (i: number | undefined) => (i === undefined || i < 0 ? undefined : row[i]);
    // One literal per entry, not keys added in a loop: V8 then gives all 100k entries one compact
    // shape (keys added one by one made them dictionaries, twice the heap).
    const e = {
      id: value(id),
      title: value(title),
      source: value(source),
      url: value(url),
      byline: value(byline),
      publishedAt: value(publishedAt),
      language: value(language),
      tags: value(tags),
      capturedAt: value(capturedAt),
      updatedAt: value(updatedAt),
      deletedAt: value(deletedAt),
      modifiedAt: value(modifiedAt),
      dateline: value(dateline),
      wireCredits: value(wireCredits),
      contentHash: value(contentHash),
      storyId: value(storyId),
      taggedAt: value(taggedAt),
      entityIds: value(entityIds),
      claimCount: value(claimCount),
      file: value(file),
      size: value(size),
      mtimeMs: value(mtimeMs),
      rejectedEntityIds: value(rejectedEntityIds) ?? undefined,
      claimEntityIds: value(claimEntityIds) ?? undefined,
      // Snapshots written before collections, or before extraction was recorded, have no such column.
      collectionIds: value(collectionIds) ?? [],
      extraction: value(extraction) ?? 'article',
      ocrConfidence: value(ocrConfidence) ?? null,
      // Snapshots written before reading states (issue 15): every article then was read.
      reading: value(reading) ?? READ,
      feed: value(feed) ?? null,
    } as CatalogEntry;
    if (e.file === '' && typeof e.id === 'string' && typeof e.capturedAt === 'string') e.file = articleFileFor(e);
    if (!isEntry(e)) return null;
    entries.push(e);
  }
  return entries;
}

/**
 * A light shape check of each entry: a full zod parse of 100k entries would double start-up, and the
 * catalog is derived, so anything odd just means "rebuild it from the files".
 */
/** Entries written before entities existed name none and were never tagged. */
function upgrade(entry: CatalogEntry): CatalogEntry {
  entry.entityIds ??= [];
  entry.taggedAt ??= null;
  entry.collectionIds ??= [];
  entry.extraction ??= 'article';
  entry.ocrConfidence ??= null;
  entry.reading ??= READ;
  entry.feed ??= null;
  return entry;
}

function isEntry(value: unknown): value is CatalogEntry {
  const e = value as CatalogEntry;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.id === 'string' &&
    typeof e.file === 'string' &&
    typeof e.title === 'string' &&
    typeof e.source === 'string' &&
    typeof e.url === 'string' &&
    typeof e.capturedAt === 'string' &&
    (e.publishedAt === null || typeof e.publishedAt === 'string') &&
    (e.deletedAt === null || typeof e.deletedAt === 'string') &&
    Array.isArray(e.tags) &&
    (e.entityIds === undefined || Array.isArray(e.entityIds)) &&
    typeof e.size === 'number' &&
    typeof e.mtimeMs === 'number'
  );
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Capture times are all UTC (`…Z`) and compare as text; publication dates carry the outlet's offset,
 * so they compare as instants, and articles without one sort as the oldest.
 */
function sortKey(field: SortField, entry: CatalogEntry): string | number {
  if (field === 'publishedAt') return entry.publishedAt ? Date.parse(entry.publishedAt) : -Infinity;
  return entry[field];
}

function compareKeys(field: SortField, a: string | number, b: string | number): number {
  if (field === 'title' || field === 'source') return collator.compare(String(a), String(b));
  return a === b ? 0 : a < b ? -1 : 1;
}
