// A bundle's zip read under limits: its end record checked before one entry is listed, every entry's inflated bytes counted against its ratio and the bundle's total.
import { open } from 'node:fs/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** Limits that no real bundle reaches and every zip bomb does (docs/exports.md, docs/security.md). */
export const BUNDLE_LIMITS = {
  /** Two entries an article (its document and its original): a bundle of 500,000 articles. */
  entries: 1_000_000,
  /** A central-directory record of ours is under 200 bytes (46 fixed, a name under 80, yazl's extras). */
  recordBytes: 512,
  /** One article document, one original, one registry file. */
  entryBytes: 256 * 1024 * 1024,
  /** Everything unpacked, whatever the bundle's size. */
  totalBytes: 64 * 1024 * 1024 * 1024,
  /** Deflate reaches ~1000:1 on a run of one byte; news JSON compresses ~5-20:1, pages ~5-10:1. */
  ratio: 200,
  /**
   * An entry may unpack to this much whatever its ratio: a small registry file of repeated keys is
   * not a bomb. Each entry costs ~150 bytes of headers besides its data, so entries at the floor
   * cannot add up past the ratio on the whole file.
   */
  ratioFloor: 16 * 1024,
};

export class ZipRefused extends Error {}

/** The end-of-central-directory record (zip64's when there is one): how many entries, and how many bytes list them. */
async function endRecord(path: string): Promise<{ entries: number; directoryBytes: number; fileBytes: number }> {
  const file = await open(path, 'r');
  try {
    const fileBytes = (await file.stat()).size;
    // The record is 22 bytes and a comment of at most 65,535 follows it; zip64's locator (20) and record (56) precede it.
    const length = Math.min(fileBytes, 22 + 0xffff + 20);
    const tail = Buffer.alloc(length);
    await file.read(tail, 0, length, fileBytes - length);
    let at = -1;
    for (let i = length - 22; i >= 0 && at < 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) at = i;
    if (at < 0) throw new ZipRefused('it is not a zip file that can be read (no end of central directory)');
    let entries = tail.readUInt16LE(at + 10);
    let directoryBytes = tail.readUInt32LE(at + 12);
    if (at >= 20 && tail.readUInt32LE(at - 20) === 0x07064b50) {
      const record = Buffer.alloc(56);
      const offset = Number(tail.readBigUInt64LE(at - 20 + 8));
      await file.read(record, 0, 56, Math.min(offset, Math.max(0, fileBytes - 56)));
      if (record.readUInt32LE(0) !== 0x06064b50) throw new ZipRefused('its zip64 end record is damaged');
      entries = Number(record.readBigUInt64LE(32));
      directoryBytes = Number(record.readBigUInt64LE(40));
    }
    return { entries, directoryBytes, fileBytes };
  } finally {
    await file.close();
  }
}

/**
 * Opens the zip at `path` once its end record passes the limits: a million records cost yauzl
 * ~45 s and ~800 MB to list, so the count and the directory's size are refused before that.
 */
export async function openZip(path: string): Promise<{ zip: ZipFile; fileBytes: number }> {
  const end = await endRecord(path);
  if (end.entries > BUNDLE_LIMITS.entries)
    throw new ZipRefused(`it holds ${end.entries} files, more than ${BUNDLE_LIMITS.entries}`);
  if (end.directoryBytes > end.entries * BUNDLE_LIMITS.recordBytes)
    throw new ZipRefused(
      `its central directory takes ${end.directoryBytes} bytes for ${end.entries} files (at most ${BUNDLE_LIMITS.recordBytes} each)`,
    );
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true },
      (error, opened) =>
        error ? reject(new ZipRefused(`it is not a zip file that can be read (${error.message})`)) : resolve(opened),
    ),
  );
  // yauzl reads its own count from the same record; a zip64 record it trusts and we did not see is refused too.
  if (zip.entryCount > BUNDLE_LIMITS.entries) {
    zip.close();
    throw new ZipRefused(`it holds ${zip.entryCount} files, more than ${BUNDLE_LIMITS.entries}`);
  }
  return { zip, fileBytes: end.fileBytes };
}

export function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      if (entries.length > BUNDLE_LIMITS.entries)
        reject(new ZipRefused(`it holds more than ${BUNDLE_LIMITS.entries} files`));
      else zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/** The most an entry may unpack to: its ratio to the bytes it takes in the file, or the floor. */
export const entryAllowance = (entry: Entry) =>
  Math.min(BUNDLE_LIMITS.entryBytes, Math.max(BUNDLE_LIMITS.ratioFloor, BUNDLE_LIMITS.ratio * entry.compressedSize));

/** The most a whole bundle may unpack to: its ratio to the file's size (entries can overlap in a crafted zip), and the cap. */
export const totalAllowance = (fileBytes: number) =>
  Math.min(BUNDLE_LIMITS.totalBytes, Math.max(BUNDLE_LIMITS.ratioFloor, BUNDLE_LIMITS.ratio * fileBytes));

/**
 * Reads entries whole, counting the bytes as they inflate: the declared sizes are a claim, these
 * are what arrives. One reader per pass over the bundle, so the total covers every entry read.
 */
export function entryReader(zip: ZipFile, fileBytes: number) {
  const allowed = totalAllowance(fileBytes);
  let total = 0;
  return async (entry: Entry): Promise<Buffer> => {
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      zip.openReadStream(entry, (error, s) => (error ? reject(error) : resolve(s))),
    );
    const limit = entryAllowance(entry);
    const parts: Buffer[] = [];
    let size = 0;
    for await (const part of stream as AsyncIterable<Buffer>) {
      size += part.length;
      total += part.length;
      // validateEntrySizes stops a stream longer than declared; this is the same promise, kept by us.
      if (size > entry.uncompressedSize) throw new ZipRefused(`${entry.fileName} is longer than it says`);
      if (size > limit)
        throw new ZipRefused(
          `${entry.fileName} unpacks to more than ${limit} bytes from ${entry.compressedSize} (a zip bomb)`,
        );
      if (total > allowed)
        throw new ZipRefused(`it unpacks to more than ${allowed} bytes from a ${fileBytes}-byte file (a zip bomb)`);
      parts.push(part);
    }
    return Buffer.concat(parts);
  };
}
