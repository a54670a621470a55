// Opens a Newsdesk bundle and checks all of it before anything is imported: names, sizes, zip bombs, the manifest's checksums, every document's schema.
import { createHash } from 'node:crypto';
import { statfs } from 'node:fs/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { z } from 'zod';
import { ArchiveError, describeIssues } from '../errors.ts';
import { ArticleDocument, ClaimGroup, Collection, Entity, type Article } from '../model.ts';
import {
  ARTICLE_ENTRY,
  CLAIM_GROUPS,
  COLLECTIONS,
  ENTITIES,
  MANIFEST,
  Manifest,
  ORIGINAL_ENTRY,
  REGISTRY_ENTRIES,
} from './bundle-format.ts';
import { clipText } from '../common/clip-text.ts';

/** Limits that no real bundle reaches and every zip bomb does. */
export const BUNDLE_LIMITS = {
  entries: 1_000_000,
  /** One article document, one original, one registry file. */
  entryBytes: 256 * 1024 * 1024,
  /** Everything unpacked. */
  totalBytes: 64 * 1024 * 1024 * 1024,
  /** Deflate reaches ~1000:1 on a run of one byte; news JSON compresses ~5-20:1. */
  ratio: 200,
};

export type BundleContents = {
  manifest: Manifest;
  entities: Entity[];
  claimGroups: ClaimGroup[];
  collections: Collection[];
  /** Article ids in the bundle's order. */
  articleIds: string[];
  /** Reads one article document (already verified) back from the zip. */
  article(id: string): Promise<Article>;
  /** The captured original named in an article's provenance, when the bundle carries it. */
  original(attachment: string): Promise<Buffer | null>;
  close(): void;
};

const refuse = (why: string): never => {
  throw new ArchiveError('invalid', `This bundle was refused and nothing was imported: ${why}`);
};

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true },
      (error, zip) => (error ? reject(error) : resolve(zip)),
    ),
  );
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      if (entries.length > BUNDLE_LIMITS.entries)
        reject(new Error(`it holds more than ${BUNDLE_LIMITS.entries} files`));
      else zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

async function readEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, (error, s) => (error ? reject(error) : resolve(s))),
  );
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of stream as AsyncIterable<Buffer>) {
    size += part.length;
    // validateEntrySizes stops a stream longer than declared; this is the same promise, kept by us.
    if (size > entry.uncompressedSize) throw new Error(`${entry.fileName} is longer than it says`);
    parts.push(part);
  }
  return Buffer.concat(parts);
}

function parseJson<T>(bytes: Buffer, schema: z.ZodType<T, unknown>, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return refuse(`${what} is not valid JSON (${(error as Error).message}).`);
  }
  const parsed = schema.safeParse(value);
  return parsed.success
    ? parsed.data
    : refuse(`${what} does not fit the bundle format: ${describeIssues(parsed.error)}`);
}

/**
 * Opens and verifies the bundle at `path` (every byte is read and hashed once); throws an 'invalid'
 * ArchiveError saying what is wrong before anything could be imported.
 */
export async function openBundle(path: string, dataDir: string): Promise<BundleContents> {
  let zip: ZipFile;
  try {
    zip = await openZip(path);
  } catch (error) {
    return refuse(`it is not a zip file that can be read (${(error as Error).message}).`);
  }
  try {
    return await verify(zip, dataDir);
  } catch (error) {
    zip.close();
    if (error instanceof ArchiveError) throw error;
    // yauzl's own checks (a name with "..", an absolute path, a size that lies) arrive here.
    return refuse(`${(error as Error).message}.`);
  }
}

async function verify(zip: ZipFile, dataDir: string): Promise<BundleContents> {
  const entries = await listEntries(zip);
  const byName = new Map<string, Entry>();
  let total = 0;
  for (const entry of entries) {
    const name = entry.fileName;
    if (byName.has(name)) refuse(`it holds ${name} twice.`);
    if (
      name !== MANIFEST &&
      !REGISTRY_ENTRIES.includes(name) &&
      !ARTICLE_ENTRY.test(name) &&
      !ORIGINAL_ENTRY.test(name)
    )
      refuse(`it holds a file a bundle never has: ${JSON.stringify(clipText(name, 200))}.`);
    if (entry.isEncrypted()) refuse(`${name} is encrypted.`);
    if (entry.uncompressedSize > BUNDLE_LIMITS.entryBytes)
      refuse(`${name} unpacks to ${entry.uncompressedSize} bytes.`);
    if (
      entry.uncompressedSize > 1 << 20 &&
      entry.uncompressedSize / Math.max(1, entry.compressedSize) > BUNDLE_LIMITS.ratio
    )
      refuse(
        `${name} unpacks to ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} times its size (a zip bomb).`,
      );
    total += entry.uncompressedSize;
    byName.set(name, entry);
  }
  if (total > BUNDLE_LIMITS.totalBytes) refuse(`it unpacks to ${total} bytes.`);
  // The archive's disk, where it will unpack to (the bundle may sit on a USB stick).
  const free = await statfs(dataDir)
    .then((s) => s.bavail * s.bsize)
    .catch(() => Infinity);
  if (total > free)
    throw new ArchiveError(
      'disk_full',
      `This bundle unpacks to ${total} bytes and the disk has ${free} free: nothing was imported.`,
    );

  const manifestEntry = byName.get(MANIFEST) ?? refuse('it has no manifest.json (is it a Newsdesk bundle?).');
  const manifest = parseJson(await readEntry(zip, manifestEntry), Manifest, 'manifest.json');
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  if (listed.size !== manifest.files.length) refuse('its manifest lists a file twice.');
  for (const name of byName.keys())
    if (name !== MANIFEST && !listed.has(name)) refuse(`${name} is not in its manifest.`);
  for (const name of listed.keys()) if (!byName.has(name)) refuse(`${name} is in its manifest but not in the bundle.`);

  const registry =
    <T>(name: string, schema: z.ZodType<T, unknown>) =>
    async (): Promise<T[]> =>
      byName.has(name) ? parseJson(await readEntry(zip, byName.get(name)!), z.array(schema), name) : [];
  const articleIds: string[] = [];
  const attachments = new Set<string>();
  for (const entry of entries) {
    if (entry.fileName === MANIFEST) continue;
    const bytes = await readEntry(zip, entry);
    const expected = listed.get(entry.fileName)!;
    if (bytes.length !== expected.bytes || createHash('sha256').update(bytes).digest('hex') !== expected.sha256)
      refuse(`${entry.fileName} does not match its checksum in the manifest (damaged or changed).`);
    const article = ARTICLE_ENTRY.exec(entry.fileName);
    if (article) {
      const doc = parseJson(bytes, ArticleDocument, entry.fileName);
      if (doc.article.id !== article[1]) refuse(`${entry.fileName} holds article ${doc.article.id}.`);
      articleIds.push(doc.article.id);
      const attachment = doc.article.provenance.attachment;
      if (attachment) {
        // Only the article's own name: any other would let a bundle write over another article's original.
        const own = ORIGINAL_ENTRY.exec(`originals/${attachment}`);
        if (!own || own[1] !== doc.article.id)
          refuse(
            `${entry.fileName} names an original that is not its own (${JSON.stringify(clipText(attachment, 100))}).`,
          );
        attachments.add(attachment);
      }
    }
  }
  for (const entry of entries) {
    const original = ORIGINAL_ENTRY.exec(entry.fileName);
    if (original && !attachments.has(entry.fileName.slice('originals/'.length)))
      refuse(`${entry.fileName} belongs to no article of the bundle.`);
  }
  const contents: BundleContents = {
    manifest,
    entities: await registry(ENTITIES, Entity)(),
    claimGroups: await registry(CLAIM_GROUPS, ClaimGroup)(),
    collections: await registry(COLLECTIONS, Collection)(),
    articleIds,
    article: async (id) =>
      parseJson(await readEntry(zip, byName.get(`articles/${id}.json`)!), ArticleDocument, id).article,
    original: async (attachment) => {
      const entry = byName.get(`originals/${attachment}`);
      return entry ? readEntry(zip, entry) : null;
    },
    close: () => zip.close(),
  };
  return contents;
}
