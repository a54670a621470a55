// Writes a zip as a stream of chunks (yazl), entry after entry, holding only a few entries in memory at a time.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import yazl from 'yazl';

/** Entries queued in yazl before the next is added: bounds memory whatever the archive's size. */
const WINDOW = 16;

export type ZipEntryRecord = { path: string; bytes: number; sha256: string };

/**
 * A zip being written: `add` queues an entry (waiting while WINDOW entries are still unwritten),
 * `chunks` is the zip's bytes for writeExport. Every entry's size and SHA-256 are recorded for a manifest.
 */
export class ZipWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly queued: Promise<unknown>[] = [];
  readonly entries: ZipEntryRecord[] = [];
  readonly chunks: AsyncIterable<Buffer>;
  /** Settles when nobody reads the zip any more (a cancelled download): the writer then stops. */
  private stop!: () => void;
  private readonly stopped = new Promise<void>((resolve) => (this.stop = resolve));
  private cancelled = false;

  constructor(private readonly mtime = new Date()) {
    this.chunks = this.zip.outputStream as unknown as AsyncIterable<Buffer>;
  }

  cancel(): void {
    this.cancelled = true;
    this.stop();
  }

  /** Waits for an entry to be written, or for the reader to have gone (then throws: the producer stops). */
  private async waitFor(written: Promise<unknown>): Promise<void> {
    await Promise.race([written, this.stopped]);
    if (this.cancelled) throw new Error('The export was cancelled.');
  }

  /** Text or bytes under `path`, hashed as they go in; `record: false` leaves it out of `entries` (the manifest itself). */
  async add(path: string, data: string | Uint8Array | AsyncIterable<string>, record = true): Promise<void> {
    if (this.queued.length >= WINDOW) await this.waitFor(this.queued.shift()!);
    if (this.cancelled) throw new Error('The export was cancelled.');
    const hash = createHash('sha256');
    let bytes = 0;
    // yazl keeps every entry (and the function that opens its stream) until the zip ends: only this
    // holder points at the data, and it lets go once the entry is written, or memory grows with the archive.
    const holder: { data: typeof data | null } = { data };
    const entry = { path, bytes: 0, sha256: '' };
    if (record) this.entries.push(entry);
    let ended: () => void;
    let failed: (error: Error) => void;
    const written = new Promise<void>((resolve, reject) => {
      ended = resolve;
      failed = reject;
    });
    written.catch(() => undefined);
    this.queued.push(written);
    this.zip.addReadStreamLazy(path, { mtime: this.mtime, compress: true }, (open) => {
      const parts = holder.data!;
      holder.data = null;
      const counted = async function* (): AsyncIterable<Buffer> {
        for await (const part of typeof parts === 'string' || parts instanceof Uint8Array ? [parts] : parts) {
          const buffer = typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part);
          hash.update(buffer);
          bytes += buffer.length;
          yield buffer;
        }
        entry.bytes = bytes;
        entry.sha256 = hash.digest('hex');
      };
      const stream = Readable.from(counted(), { objectMode: false });
      stream.once('end', () => ended());
      stream.once('error', (error) => failed(error));
      open(null, stream);
    });
  }

  /** Waits for every entry to be hashed (their records complete), then finishes the zip. */
  async end(last?: () => { path: string; data: string }): Promise<void> {
    await this.waitFor(Promise.all(this.queued));
    if (last) {
      const { path, data } = last();
      await this.add(path, data, false);
      await this.waitFor(Promise.all(this.queued));
    }
    this.zip.end();
  }
}

/** The zip `produce` writes, as chunks; a failure while producing fails the stream (and so the export). */
export function zipStream(produce: (zip: ZipWriter) => Promise<void>): AsyncIterable<Buffer> {
  const zip = new ZipWriter();
  produce(zip).catch((error: unknown) => (zip.chunks as unknown as Readable).destroy(error as Error));
  return (async function* () {
    try {
      yield* zip.chunks;
    } finally {
      // Read to the end, or abandoned (a cancelled download): either way the producer must not wait on.
      zip.cancel();
    }
  })();
}
