// The desk's files in the data folder: desk.json (the desk joined, never a password) and one sync record per replicated document.
import { createHash } from 'node:crypto';
import { open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { DeskConfig, SyncRecord } from '../model.ts';
import { makeFolder, removeLeftoverTemps, syncFolder, writeFileDurably } from '../store/durable-write.ts';
import { JsonFile } from '../store/json-file.ts';
import { eachLimit } from '../serial.ts';
import { hashOf, type Body } from './revs.ts';

export const DESK_FILE = 'desk.json';
export const DESK_DIR = 'desk';
/** A merged write under way: the record it will have, beside the record file (docs/sync.md, "Resuming"). */
const INTENT = '.intent';
const INTENTS_DIR = 'intents';
const PARALLEL_READS = 32;
/** Bytes read at a time for a record's first line (its metadata: a few hundred bytes unless conflicts are open). */
const HEAD_CHUNK = 4096;

/** What decisions need of a record, kept in memory: all of it but its two bodies, which stay in its file. */
const Meta = SyncRecord.omit({ base: true, parent: true }).extend({ parentRev: z.string().nullable().default(null) });
export type SyncMeta = z.infer<typeof Meta>;
const Bodies = SyncRecord.pick({ base: true, parent: true });
export type SyncBodies = z.infer<typeof Bodies>;
const Intent = z.object({ record: SyncRecord, before: z.string() });

/** desk.json: null when no desk is joined. A damaged one is moved aside (json-file.ts) and the archive is off the desk. */
export class DeskConfigFile {
  private readonly db: Low<DeskConfig | null>;

  constructor(readonly dataDir: string) {
    this.db = new Low(new JsonFile<DeskConfig | null>(join(dataDir, DESK_FILE), DeskConfig.nullable()), null);
  }

  async read(): Promise<DeskConfig | null> {
    await this.db.read();
    return this.db.data;
  }

  async write(config: DeskConfig): Promise<void> {
    this.db.data = DeskConfig.parse(config);
    await this.db.write();
  }

  /** Leaving: desk.json goes; the records stay (keyed by the desk's URL) for a return to the same desk. */
  async remove(): Promise<void> {
    await rm(join(this.dataDir, DESK_FILE), { force: true });
    await syncFolder(this.dataDir);
    this.db.data = null;
  }
}

/** The sync records of one desk, under <data>/desk/<hash of its URL>/: another desk starts from none. */
export class SyncRecords {
  private readonly folder: string;
  /** Intents apart from the records, so that opening the archive finds a killed sync's in one short listing. */
  private readonly intentsDir: string;
  private intentsDirMade = false;
  /** Every record without its two bodies: what the sync's decisions need, small enough for 100,000 documents. */
  private readonly records = new Map<string, SyncMeta>();
  /** Documents with an intent on disk (a merged write under way). */
  private readonly intents = new Set<string>();
  /** Intents whose record is written: removed by `flush`, once the records' folder is synced (a power cut must not keep the removal and lose the record). */
  private readonly finished = new Set<string>();
  private loading: Promise<void> | null = null;

  constructor(
    private readonly dataDir: string,
    readonly url: string,
  ) {
    this.folder = join(dataDir, DESK_DIR, createHash('sha256').update(url).digest('hex').slice(0, 16));
    this.intentsDir = join(this.folder, INTENTS_DIR);
  }

  /** Whether a killed sync left an intent to settle (desk-service.ts settles them as the archive opens). */
  async hasIntents(): Promise<boolean> {
    const names = await readdir(this.intentsDir).catch(() => []);
    return names.some((name) => name.endsWith(INTENT));
  }

  /** A record as its file holds it: the metadata on the first line (all that loading reads), the bodies on the second. */
  static encode(record: SyncRecord): string {
    const { base, parent, ...meta } = record;
    return `${JSON.stringify({ ...meta, parentRev: parent?.rev ?? null })}\n${JSON.stringify({ base, parent })}`;
  }

  /**
   * Reads every record's first line, then settles the intents a killed sync left: `local` gives a
   * document's content here now (the write happened when it is no longer the content the merge
   * was made from).
   */
  load(local: (id: string) => Promise<Body | null>): Promise<void> {
    this.loading ??= this.read(local).catch((error: unknown) => {
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  get(id: string): SyncMeta | undefined {
    return this.records.get(id);
  }

  all(): IterableIterator<SyncMeta> {
    return this.records.values();
  }

  /** The record's bodies (its base and the parent's), read from its file: null when it has none readable. */
  async bodies(id: string): Promise<SyncBodies | null> {
    const text = await readFile(this.fileOf(id), 'utf8').catch(() => null);
    if (text === null) return null;
    const at = text.indexOf('\n');
    try {
      const parsed = Bodies.safeParse(JSON.parse(at < 0 ? text : text.slice(at + 1)));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Written durably except the folder's fsync, which `flush` does once for a batch; an intent it completes goes then. */
  async put(record: SyncRecord): Promise<void> {
    await writeFileDurably(this.fileOf(record.id), SyncRecords.encode(record), { syncFolder: false });
    const { base, parent, ...meta } = record;
    void base;
    this.records.set(record.id, { ...meta, parentRev: parent?.rev ?? null });
    if (this.intents.delete(record.id)) this.finished.add(record.id);
  }

  /**
   * The record with some of its metadata changed, its bodies kept. Bodies its file no longer gives
   * (damaged since it was loaded) stay unknown (a second line of null): never an empty base.
   */
  async update(id: string, change: Partial<SyncMeta>): Promise<void> {
    const meta = this.records.get(id);
    if (!meta) return;
    const next = { ...meta, ...change };
    const bodies = await this.bodies(id);
    if (bodies) {
      const { parentRev, ...rest } = next;
      return this.put({ ...rest, base: bodies.base, parent: bodies.parent?.rev === parentRev ? bodies.parent : null });
    }
    await writeFileDurably(this.fileOf(id), `${JSON.stringify(next)}\nnull`, { syncFolder: false });
    this.records.set(id, next);
  }

  /**
   * Before a merged document is written: the record it will have, durable first (folder included),
   * so a kill between the document's write and its record keeps the conflicts that record holds.
   * `before` is the hash of the content the merge was made from (hashOf).
   */
  async intend(record: SyncRecord, before: string): Promise<void> {
    if (!this.intentsDirMade) await makeFolder(this.intentsDir, this.dataDir);
    this.intentsDirMade = true;
    await writeFileDurably(this.intentOf(record.id), JSON.stringify({ record, before }));
    this.intents.add(record.id);
  }

  /** The write an intent announced did not happen (refused): the intent goes. */
  async abandon(id: string): Promise<void> {
    if (this.intents.delete(id)) await rm(this.intentOf(id), { force: true });
  }

  async flush(): Promise<void> {
    await syncFolder(this.folder);
    for (const id of this.finished) await rm(this.intentOf(id), { force: true });
    this.finished.clear();
  }

  /**
   * Settles the intents on disk: at load, and at the start of each sync, for a sync that failed in
   * the same process after a merged write (a full disk refusing its record) left its intent: the next
   * sync would otherwise take the written content as the local version and lose the value in conflict.
   */
  async settleIntents(local: (id: string) => Promise<Body | null>): Promise<void> {
    const intents = await readdir(this.intentsDir).catch(() => []);
    for (const name of intents.filter((n) => n.endsWith(INTENT))) await this.settle(join(this.intentsDir, name), local);
  }

  private async read(local: (id: string) => Promise<Body | null>): Promise<void> {
    await makeFolder(this.folder, this.dataDir);
    await removeLeftoverTemps(this.folder);
    await removeLeftoverTemps(this.intentsDir);
    const names = await readdir(this.folder);
    await eachLimit(
      names.filter((name) => name.endsWith('.json')),
      PARALLEL_READS,
      async (name) => {
        // A record torn or damaged is forgotten: the document is then matched by content, or merged with no base.
        const meta = await readMeta(join(this.folder, name));
        if (meta) this.records.set(meta.id, meta);
      },
    );
    await this.settleIntents(local);
  }

  /**
   * A killed sync's intent: done when the record already has its rev; else completed when the
   * document was written (its content is no longer the one the merge was made from), else dropped
   * (the write never happened: the record before it stands, and the pull, whose checkpoint did not
   * pass that batch, merges again).
   */
  private async settle(file: string, local: (id: string) => Promise<Body | null>): Promise<void> {
    const parsed = Intent.safeParse(
      await readFile(file, 'utf8')
        .then((text) => JSON.parse(text) as unknown)
        .catch(() => null),
    );
    if (parsed.success) {
      const { record, before } = parsed.data;
      const done = this.records.get(record.id)?.revs.includes(record.rev);
      // A document that cannot be read now (its file damaged) keeps its intent for a later settle: the archive still opens.
      const now = done ? null : await local(record.id).then(hashOf, () => undefined);
      if (now === undefined) return;
      if (!done && now !== before) {
        this.intents.add(record.id);
        await this.put(record);
        await this.flush();
        return;
      }
    }
    await rm(file, { force: true });
  }

  private fileOf(id: string): string {
    return join(this.folder, `${encodeURIComponent(id)}.json`);
  }

  private intentOf(id: string): string {
    return join(this.intentsDir, `${encodeURIComponent(id)}${INTENT}`);
  }
}

/** The first line of a record's file (a record from before the bodies moved to a second line is one line). */
async function readMeta(file: string): Promise<SyncMeta | null> {
  const head = await firstLine(file).catch(() => null);
  if (head === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(head);
  } catch {
    return null;
  }
  const parsed = Meta.safeParse(json);
  if (!parsed.success) return null;
  const parent = (json as { parent?: { rev?: unknown } }).parent;
  return typeof parent?.rev === 'string' && !parsed.data.parentRev
    ? { ...parsed.data, parentRev: parent.rev }
    : parsed.data;
}

async function firstLine(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    for (;;) {
      const buffer = Buffer.alloc(HEAD_CHUNK);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_CHUNK, null);
      const chunk = buffer.subarray(0, bytesRead);
      const at = chunk.indexOf(10);
      if (at >= 0 || bytesRead === 0) {
        chunks.push(at >= 0 ? chunk.subarray(0, at) : chunk);
        return Buffer.concat(chunks).toString('utf8');
      }
      chunks.push(chunk);
    }
  } finally {
    await handle.close();
  }
}
