// A lowdb adapter for one JSON file: durable writes, validated reads, and bad files moved aside, never overwritten.
import { readFile, rename } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { ArchiveError, describeIssues } from '../errors.ts';
import { SCHEMA_VERSION } from '../model.ts';
import { writeFileDurably, type DurableWriteOptions } from './durable-write.ts';

export class CorruptFileError extends ArchiveError {
  constructor(
    readonly file: string,
    readonly movedTo: string,
    readonly reason: string,
  ) {
    super('corrupt', `${file} could not be read (${reason}); it was moved to ${movedTo}.`);
  }
}

export class JsonFile<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T, unknown>,
    private readonly writeOptions: Pick<DurableWriteOptions, 'beforeRename'> = {},
  ) {}

  /** null when the file does not exist; throws CorruptFileError after moving a bad file aside. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw await quarantine(this.file, `not valid JSON: ${(error as Error).message}`);
    }
    const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (typeof version === 'number' && version > SCHEMA_VERSION)
      // Not damaged, just newer than us: refuse without touching it.
      throw new ArchiveError(
        'invalid',
        `${this.file} was written by a newer Newsdesk (schema ${version}; this one reads ${SCHEMA_VERSION}). Update Newsdesk to open it.`,
      );
    const parsed = this.schema.safeParse(json);
    if (!parsed.success)
      throw await quarantine(this.file, `not a valid Newsdesk file: ${describeIssues(parsed.error, { inFile: true })}`);
    return parsed.data;
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.file, JSON.stringify(data, null, 2) + '\n', this.writeOptions);
  }
}

/** Moves a file that failed to parse or validate to `<name>.corrupt-<time>` beside it. */
export async function quarantine(file: string, reason: string): Promise<CorruptFileError> {
  const movedTo = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, movedTo);
  return new CorruptFileError(file, movedTo, reason);
}
