// Opens a Newsdesk bundle and checks all of it before anything is imported: names, sizes, zip bombs, the manifest's checksums, every document's schema.
import { createHash } from 'node:crypto';
import { statfs } from 'node:fs/promises';
import type { Entry, ZipFile } from 'yauzl';
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
  originName,
  REGISTRY_ENTRIES,
} from './bundle-format.ts';
import { clipText } from '../common/clip-text.ts';
import { contentHash, encodeSignature, minhash } from '../capture/near-duplicates.ts';
import {
  BUNDLE_LIMITS,
  entryAllowance,
  entryReader,
  listEntries,
  openZip,
  totalAllowance,
  ZipRefused,
} from './bundle-zip.ts';

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
  let opened: Awaited<ReturnType<typeof openZip>>;
  try {
    opened = await openZip(path);
  } catch (error) {
    if (error instanceof ZipRefused) return refuse(`${error.message}.`);
    return refuse(`it is not a zip file that can be read (${(error as Error).message}).`);
  }
  const { zip, fileBytes } = opened;
  try {
    return await verify(zip, fileBytes, dataDir);
  } catch (error) {
    zip.close();
    if (error instanceof ArchiveError) throw error;
    // yauzl's own checks (a name with "..", an absolute path, a size that lies) and ours arrive here.
    return refuse(`${(error as Error).message}.`);
  }
}

/** An entry's bytes, refused unless they are the ones its manifest line names. */
const matches = (bytes: Buffer, expected: { bytes: number; sha256: string }) =>
  bytes.length === expected.bytes && createHash('sha256').update(bytes).digest('hex') === expected.sha256;

async function verify(zip: ZipFile, fileBytes: number, dataDir: string): Promise<BundleContents> {
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
    // Every entry, small ones too (200 entries of 1 MiB at 643:1 were once let through); the reader counts again as they inflate.
    if (entry.uncompressedSize > entryAllowance(entry))
      refuse(
        `${name} unpacks to ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} times its size (a zip bomb).`,
      );
    total += entry.uncompressedSize;
    byName.set(name, entry);
  }
  if (total > totalAllowance(fileBytes))
    refuse(`it unpacks to ${total} bytes from a ${fileBytes}-byte file (a zip bomb).`);
  // The archive's disk, where it will unpack to (the bundle may sit on a USB stick).
  const free = await statfs(dataDir)
    .then((s) => s.bavail * s.bsize)
    .catch(() => Infinity);
  if (total > free)
    throw new ArchiveError(
      'disk_full',
      `This bundle unpacks to ${total} bytes and the disk has ${free} free: nothing was imported.`,
    );

  const readEntry = entryReader(zip, fileBytes);
  const manifestEntry = byName.get(MANIFEST) ?? refuse('it has no manifest.json (is it a Newsdesk bundle?).');
  const manifest = parseJson(await readEntry(manifestEntry), Manifest, 'manifest.json');
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  if (listed.size !== manifest.files.length) refuse('its manifest lists a file twice.');
  for (const name of byName.keys())
    if (name !== MANIFEST && !listed.has(name)) refuse(`${name} is not in its manifest.`);
  for (const name of listed.keys()) if (!byName.has(name)) refuse(`${name} is in its manifest but not in the bundle.`);

  const articleIds: string[] = [];
  /** What each article says its original is: checked against the original's own bytes below. */
  const claimed = new Map<string, { entry: string; sha256: string; bytes: number }[]>();
  for (const entry of entries) {
    if (entry.fileName === MANIFEST) continue;
    const bytes = await readEntry(entry);
    if (!matches(bytes, listed.get(entry.fileName)!))
      refuse(`${entry.fileName} does not match its checksum in the manifest (damaged or changed).`);
    const article = ARTICLE_ENTRY.exec(entry.fileName);
    if (!article) continue;
    const doc = parseJson(bytes, ArticleDocument, entry.fileName);
    if (doc.article.id !== article[1]) refuse(`${entry.fileName} holds article ${doc.article.id}.`);
    // The hash that decides "already here" is recomputed: a copied one would drop a different text.
    if (doc.article.contentHash && doc.article.contentHash !== contentHash(doc.article.text))
      refuse(`${entry.fileName} records a content hash its text does not have.`);
    articleIds.push(doc.article.id);
    const { attachment, sha256, bytes: size } = doc.article.provenance;
    if (!attachment) continue;
    // Only the article's own name: any other would let a bundle write over another article's original.
    const own = ORIGINAL_ENTRY.exec(`originals/${attachment}`);
    if (!own || own[1] !== doc.article.id)
      refuse(`${entry.fileName} names an original that is not its own (${JSON.stringify(clipText(attachment, 100))}).`);
    const records = [{ sha256, bytes: size }, ...doc.article.attachments.filter((a) => a.name === attachment)];
    claimed.set(
      attachment,
      records.map((r) => ({ entry: entry.fileName, sha256: r.sha256, bytes: r.bytes })),
    );
  }
  for (const entry of entries) {
    const original = ORIGINAL_ENTRY.exec(entry.fileName);
    if (!original) continue;
    const claims = claimed.get(entry.fileName.slice('originals/'.length));
    if (!claims) refuse(`${entry.fileName} belongs to no article of the bundle.`);
    // The manifest line was checked against the bytes above, so it is their size and hash.
    const actual = listed.get(entry.fileName)!;
    for (const claim of claims!)
      if (claim.sha256 !== actual.sha256 || claim.bytes !== actual.bytes)
        refuse(`${entry.fileName} is not the original ${claim.entry} records (its size or sha256 differs).`);
  }
  return contents(zip, fileBytes, byName, listed, manifest, articleIds);
}

/**
 * What the merge reads, a second pass over the zip: each entry checked against its manifest line
 * again, so a file changed on disk since it was verified is refused, not imported.
 */
async function contents(
  zip: ZipFile,
  fileBytes: number,
  byName: Map<string, Entry>,
  listed: Map<string, Manifest['files'][number]>,
  manifest: Manifest,
  articleIds: string[],
): Promise<BundleContents> {
  const readEntry = entryReader(zip, fileBytes);
  const read = async (name: string) => {
    const bytes = await readEntry(byName.get(name)!);
    return matches(bytes, listed.get(name)!) ? bytes : refuse(`${name} changed while it was imported.`);
  };
  const registry = async <T>(name: string, schema: z.ZodType<T, unknown>): Promise<T[]> =>
    byName.has(name) ? parseJson(await read(name), z.array(schema), name) : [];
  return {
    manifest,
    entities: await registry(ENTITIES, Entity),
    claimGroups: await registry(CLAIM_GROUPS, ClaimGroup),
    collections: await registry(COLLECTIONS, Collection),
    articleIds,
    article: async (id) => {
      const { article } = parseJson(await read(`articles/${id}.json`), ArticleDocument, id);
      // Both fingerprints are this archive's to make: the hash was checked, the near-duplicate signature is remade.
      return {
        ...article,
        contentHash: contentHash(article.text),
        minhash: encodeSignature(minhash(article.text)),
        provenance: { ...article.provenance, origin: originName(article.provenance.origin) },
      };
    },
    original: async (attachment) => (byName.has(`originals/${attachment}`) ? read(`originals/${attachment}`) : null),
    close: () => zip.close(),
  };
}
