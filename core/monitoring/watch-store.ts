// <data>/watches.json: the watches and their alerts, written durably one change at a time; a damaged file is moved aside and the copy made at the last open takes its place.
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { ArchiveError, describeIssues } from '../errors.ts';
import { SCHEMA_VERSION, WatchFile, type Problem } from '../model.ts';
import { SerialQueue } from '../serial.ts';
import { BACKUPS_DIR } from '../store/registry-file.ts';
import { CorruptFileError, JsonFile } from '../store/json-file.ts';

export const WATCH_FILE = 'watches.json';
const BACKUP_FILE = 'watches-at-last-open.json';

/**
 * The alerts kept: the oldest go first. At ~150 bytes each this bounds the file near 3 MB, so a
 * durable rewrite per new alert stays a few milliseconds even after years of monitoring.
 */
export const MAX_ALERTS = 20_000;

export class WatchStore {
  private readonly queue = new SerialQueue();
  private readonly watchListeners: (() => void)[] = [];
  private watchVersion = 0;

  private constructor(private readonly db: Low<WatchFile>) {}

  /** Opens watches.json (a new archive gets an empty one); what was found damaged is added to `problems`. */
  static async open(dataDir: string, problems: Problem[]): Promise<WatchStore> {
    const file = join(dataDir, WATCH_FILE);
    const fresh = (): WatchFile => ({ schemaVersion: SCHEMA_VERSION, watches: [], alerts: [] });
    const db = new Low(new JsonFile(file, WatchFile), fresh());
    const backup = join(dataDir, BACKUPS_DIR, BACKUP_FILE);
    try {
      const existing = await db.adapter.read();
      if (existing) db.data = existing;
      else await db.write();
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      const recovered = await readBackup(backup);
      db.data = recovered ?? fresh();
      await db.write();
      problems.push({
        file: error.file,
        reason: error.reason,
        movedTo: error.movedTo,
        recoveredFrom: recovered ? backup : null,
      });
    }
    await mkdir(join(dataDir, BACKUPS_DIR), { recursive: true });
    await copyFile(file, backup);
    return new WatchStore(db);
  }

  get data(): Readonly<WatchFile> {
    return this.db.data;
  }

  /** Bumped by every write that changed the watches themselves (not only alerts). */
  get watchChanges(): number {
    return this.watchVersion;
  }

  /** Called after a write that changed the watches themselves (not only alerts): the desk sends them. */
  onWatchesChange(listener: () => void): void {
    this.watchListeners.push(listener);
  }

  /** One change at a time on a copy, validated, visible only once durable; a failed write leaves things as they were. */
  update<T>(change: (draft: WatchFile) => T): Promise<T> {
    return this.queue.run(async () => {
      const before = this.db.data;
      const draft = structuredClone(before);
      const result = change(draft);
      if (draft.alerts.length > MAX_ALERTS) draft.alerts.splice(0, draft.alerts.length - MAX_ALERTS);
      const checked = WatchFile.safeParse(draft);
      if (!checked.success)
        throw new ArchiveError(
          'invalid',
          `That change would leave ${WATCH_FILE} unreadable: ${describeIssues(checked.error)}`,
        );
      this.db.data = checked.data;
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = before;
        throw error;
      }
      // A few watches, compared as text: cheap next to the durable write; alerts alone do not count.
      if (JSON.stringify(before.watches) !== JSON.stringify(checked.data.watches)) {
        this.watchVersion++;
        for (const listener of this.watchListeners) listener();
      }
      return result;
    });
  }
}

async function readBackup(path: string): Promise<WatchFile | null> {
  try {
    return WatchFile.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    return null;
  }
}
