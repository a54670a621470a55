// The desk's files in the data folder: desk.json (the desk joined, never a password) and one sync record per replicated document.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DeskConfig, SyncRecord } from '../model.ts';
import { makeFolder, removeLeftoverTemps, syncFolder, writeFileDurably } from '../store/durable-write.ts';
import { JsonFile } from '../store/json-file.ts';

export const DESK_FILE = 'desk.json';
export const DESK_DIR = 'desk';

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
  private readonly records = new Map<string, SyncRecord>();
  private loaded = false;

  constructor(
    private readonly dataDir: string,
    readonly url: string,
  ) {
    this.folder = join(dataDir, DESK_DIR, createHash('sha256').update(url).digest('hex').slice(0, 16));
  }

  async load(): Promise<Map<string, SyncRecord>> {
    if (this.loaded) return this.records;
    await makeFolder(this.folder, this.dataDir);
    await removeLeftoverTemps(this.folder);
    for (const name of await readdir(this.folder)) {
      if (!name.endsWith('.json')) continue;
      // A record torn or damaged is forgotten: the document is then matched by content, or merged with no base.
      const parsed = SyncRecord.safeParse(
        await readFile(join(this.folder, name), 'utf8')
          .then((text) => JSON.parse(text) as unknown)
          .catch(() => null),
      );
      if (parsed.success) this.records.set(parsed.data.id, parsed.data);
    }
    this.loaded = true;
    return this.records;
  }

  get(id: string): SyncRecord | undefined {
    return this.records.get(id);
  }

  all(): IterableIterator<SyncRecord> {
    return this.records.values();
  }

  /** Written durably except the folder's fsync, which `flush` does once for a batch. */
  async put(record: SyncRecord): Promise<void> {
    await writeFileDurably(this.fileOf(record.id), JSON.stringify(record), { syncFolder: false });
    this.records.set(record.id, record);
  }

  async flush(): Promise<void> {
    await syncFolder(this.folder);
  }

  private fileOf(id: string): string {
    return join(this.folder, `${encodeURIComponent(id)}.json`);
  }
}
