// <data>/clipper.json: the paired extensions (token hashes only), written durably one change at a time; a damaged file is moved aside and reported.
import { join } from 'node:path';
import { Low } from 'lowdb';
import { ClipperFile, SCHEMA_VERSION, type Problem } from '../model.ts';
import { SerialQueue } from '../serial.ts';
import { CorruptFileError, JsonFile } from '../store/json-file.ts';

export const CLIPPER_FILE = 'clipper.json';

export class ClientStore {
  private readonly queue = new SerialQueue();

  private constructor(private readonly db: Low<ClipperFile>) {}

  /**
   * Reads clipper.json; an archive that never paired has none, and gets one only at the first pairing.
   * A damaged file is moved aside and reported: its extensions pair again (a token hash is nothing to recover).
   */
  static async open(dataDir: string, problems: Problem[]): Promise<ClientStore> {
    const fresh = (): ClipperFile => ({ schemaVersion: SCHEMA_VERSION, clients: [] });
    const db = new Low(new JsonFile(join(dataDir, CLIPPER_FILE), ClipperFile), fresh());
    try {
      db.data = (await db.adapter.read()) ?? fresh();
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      problems.push({ file: error.file, reason: error.reason, movedTo: error.movedTo, recoveredFrom: null });
    }
    return new ClientStore(db);
  }

  get data(): Readonly<ClipperFile> {
    return this.db.data;
  }

  /** One change at a time on a copy, validated, visible only once durable: a revocation holds once it returns. */
  update<T>(change: (draft: ClipperFile) => T): Promise<T> {
    return this.queue.run(async () => {
      const before = this.db.data;
      const draft = structuredClone(before);
      const result = change(draft);
      const next = ClipperFile.parse(draft);
      await this.db.adapter.write(next);
      this.db.data = next;
      return result;
    });
  }
}
