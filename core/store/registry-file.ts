// archive.json, the small registries, with rotating backups it is recovered from when it is damaged.
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { ArchiveError, describeIssues } from '../errors.ts';
import { Registry, SCHEMA_VERSION, type Problem } from '../model.ts';
import { SerialQueue } from '../serial.ts';
import { writeFileDurably } from './durable-write.ts';
import { CorruptFileError, JsonFile } from './json-file.ts';

export const REGISTRY_FILE = 'archive.json';
export const BACKUPS_DIR = 'backups';
const KEEP_BACKUPS = 10;

export type RegistryDb = Low<Registry>;

/**
 * archive.json's one writer: changes run one at a time on a copy, are validated against the schema
 * the next start will read it with, and become visible only once durable. A change that would make
 * the file unreadable is refused with the reason; a failed write (a full disk) leaves it as it was.
 */
export class RegistryStore {
  private readonly queue = new SerialQueue();
  private version = 0;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly db: RegistryDb) {}

  get data(): Readonly<Registry> {
    return this.db.data;
  }

  /** Bumped by every committed change. */
  get changes(): number {
    return this.version;
  }

  /** Called after every committed change (the search index re-reads entity names from it). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  update<T>(change: (draft: Registry) => T | Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      const before = this.db.data;
      const draft = structuredClone(before);
      const result = await change(draft);
      const checked = Registry.safeParse(draft);
      if (!checked.success)
        throw new ArchiveError(
          'invalid',
          `That change would leave archive.json unreadable: ${describeIssues(checked.error)}`,
        );
      this.db.data = checked.data;
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = before;
        throw error;
      }
      this.version++;
      for (const listener of this.listeners) listener();
      return result;
    });
  }
}

/** Opens archive.json; a damaged one is moved aside and the newest good backup takes its place. */
export async function openRegistry(dataDir: string, problems: Problem[]): Promise<RegistryDb> {
  const file = join(dataDir, REGISTRY_FILE);
  const fresh = (): Registry => ({
    schemaVersion: SCHEMA_VERSION,
    createdAt: new Date().toISOString(),
    collections: [],
    entities: [],
    merges: [],
    claimGroups: [],
    savedSearches: [],
    settings: {},
    problems: [],
    subscriptions: [],
  });
  const db = new Low(new JsonFile(file, Registry), fresh());
  try {
    const existing = await db.adapter.read();
    if (existing) db.data = existing;
    else await db.write();
  } catch (error) {
    if (!(error instanceof CorruptFileError)) throw error;
    const backup = await newestGoodBackup(dataDir);
    db.data = backup?.data ?? fresh();
    await db.write();
    problems.push({
      file: error.file,
      reason: error.reason,
      movedTo: error.movedTo,
      recoveredFrom: backup?.file ?? null,
    });
  }
  await backUp(dataDir);
  return db;
}

/** Keeps a copy of archive.json whenever it differs from the newest backup. */
async function backUp(dataDir: string): Promise<void> {
  const dir = join(dataDir, BACKUPS_DIR);
  await mkdir(dir, { recursive: true });
  const names = await backupNames(dir);
  const current = await readFile(join(dataDir, REGISTRY_FILE), 'utf8');
  const newest = names.at(-1);
  if (newest && (await readFile(join(dir, newest), 'utf8').catch(() => '')) === current) return;
  await writeFileDurably(join(dir, `archive-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), current);
  for (const old of names.slice(0, Math.max(0, names.length + 1 - KEEP_BACKUPS))) await rm(join(dir, old));
}

async function newestGoodBackup(dataDir: string): Promise<{ file: string; data: Registry } | null> {
  const dir = join(dataDir, BACKUPS_DIR);
  for (const name of (await backupNames(dir)).reverse()) {
    try {
      const data = Registry.parse(JSON.parse(await readFile(join(dir, name), 'utf8')));
      return { file: join(dir, name), data };
    } catch {
      // A damaged backup is skipped; an older one may still be good.
    }
  }
  return null;
}

async function backupNames(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  // ISO timestamps sort chronologically as text.
  return names.filter((name) => /^archive-.*\.json$/.test(name)).sort();
}
