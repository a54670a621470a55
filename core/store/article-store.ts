// The articles: one file each plus the catalog, read and changed one at a time per article, every write durable before it returns.
import { createHash } from 'node:crypto';
import { lstat, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { anchorMentions } from '../entities/mentions.ts';
import { ArchiveError } from '../errors.ts';
import { Article, type FileAttachment, type Provenance, type SortField } from '../model.ts';
import { KeyedQueue } from '../serial.ts';
import { datelineDate } from '../capture/dateline-date.ts';
import { contentHash, encodeSignature, minhash } from '../capture/near-duplicates.ts';
import { titleFromText } from '../capture/text-lead.ts';
import { articleFileFor, readArticleFile, readArticleText, writeArticleFile, type FileStamp } from './article-files.ts';
import { entryFor, type Catalog, type CatalogEntry } from './catalog.ts';
import { makeFolder, syncFolder, tempFileFor, writeFileDurably } from './durable-write.ts';
import { CorruptFileError } from './json-file.ts';
import type { RegistryStore } from './registry-file.ts';

/** What a new article needs; the store adds its id, times, hashes and the attachment's name. */
export type NewArticle = Omit<
  z.input<typeof Article>,
  'id' | 'capturedAt' | 'updatedAt' | 'deletedAt' | 'contentHash' | 'minhash' | 'provenance'
> & {
  provenance: Omit<z.input<typeof Provenance>, 'capturedAt' | 'attachment'>;
  /** Already computed by the importer from the same words (line endings do not change them). */
  fingerprints?: { contentHash: string; minhash: string };
};

/** The captured bytes of a new article, kept beside its file. */
export type Attachment = { bytes: Uint8Array; extension: string };

/** Another file kept beside a new article (the clipper's screenshot), named `<id><suffix>`. */
export type ExtraFile = { role: FileAttachment['role']; bytes: Uint8Array; suffix: string; mediaType: string };

type Listeners = {
  /** An article was written (new, changed, trashed or restored): the derived indexes follow. */
  written: ((article: Article, stamp: FileStamp) => void)[];
  /** An article's file is gone or damaged and it left the catalog. */
  removed: ((id: string) => void)[];
  /** A new article of this session's own (not one merged from a bundle): it wants suggestions. */
  created: ((article: Article) => void)[];
  /** A new article from the team desk (core/sync/): the duplicate checks and the watches learn of it, as of one saved here. */
  arrived: ((article: Article) => void)[];
};

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export class ArticleStore {
  private readonly queues = new KeyedQueue();
  private readonly listeners: Listeners = { written: [], removed: [], created: [], arrived: [] };

  constructor(
    readonly dataDir: string,
    private readonly catalog: Catalog,
    private readonly registry: RegistryStore,
  ) {}

  on<K extends keyof Listeners>(event: K, listener: Listeners[K][number]): void {
    (this.listeners[event] as Listeners[K][number][]).push(listener);
  }

  get size(): number {
    return this.catalog.size;
  }

  /** Bumped by every change: lets callers cache what they derive from the entries. */
  get version(): number {
    return this.catalog.version;
  }

  entries(): Iterable<CatalogEntry> {
    return this.catalog.values();
  }

  entry(id: string): CatalogEntry | undefined {
    return this.catalog.get(id);
  }

  /** The catalog entry of an article that exists (in the library or the trash). */
  require(id: string): CatalogEntry {
    const entry = this.catalog.get(id);
    if (!entry) throw new ArchiveError('not_found', `There is no article with id ${id}.`);
    return entry;
  }

  /** Entries of the library or the trash, sorted; cached until the next change. */
  sorted(field: SortField, order: 'asc' | 'desc', trash: boolean): CatalogEntry[] {
    return this.catalog.sorted(field, order, trash);
  }

  /**
   * The article's file, validated. One that is gone or damaged leaves the catalog (a damaged one is
   * moved aside and reported in archive.json's problems) and the read fails with why.
   */
  async read(id: string): Promise<Article> {
    const entry = this.require(id);
    try {
      const article = await readArticleFile(this.dataDir, entry.file);
      // Offsets that no longer fit (a file edited by hand) are found again by their quotes.
      if (article) return { ...article, mentions: anchorMentions(article.text, article.mentions) };
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      await this.registry.update((draft) => {
        draft.problems.push({ file: error.file, reason: error.reason, movedTo: error.movedTo, recoveredFrom: null });
      });
      await this.forget(entry.id);
      throw error;
    }
    await this.forget(entry.id);
    throw new ArchiveError(
      'not_found',
      `The file of article ${entry.id} (${entry.file}) is gone from the data folder.`,
    );
  }

  /** Just the text, unvalidated, for snippets (null when the file cannot be read). */
  readText(id: string): Promise<string | null> {
    const entry = this.catalog.get(id);
    return entry ? readArticleText(this.dataDir, entry.file) : Promise.resolve(null);
  }

  /**
   * Read-modify-write of one article, one at a time per article, durable before it returns.
   * `beforeWrite` runs in the article's queue once the edit is made, before the file is written.
   */
  change(
    id: string,
    edit: (article: Article) => Article,
    beforeWrite: () => Promise<void> = async () => undefined,
  ): Promise<Article> {
    return this.queues.run(id, async () => {
      const entry = this.require(id);
      const before = await this.read(id);
      const edited = Article.parse({ ...edit(before), updatedAt: new Date().toISOString() });
      await beforeWrite();
      const stamp = await writeArticleFile(this.dataDir, entry.file, edited);
      try {
        await this.catalog.put(entryFor(edited, entry.file, stamp));
      } catch (error) {
        // The file changed but the catalog could not say so: put the old version back, so the
        // error's "nothing was changed" is true; failing that, rebuild the catalog from the files.
        try {
          await writeArticleFile(this.dataDir, entry.file, before);
        } catch {
          await this.catalog.forceRebuild(entryFor(edited, entry.file, stamp)).catch(() => undefined);
        }
        throw error;
      }
      for (const listener of this.listeners.written) listener(edited, stamp);
      return edited;
    });
  }

  /**
   * Writes a new article (and the captured bytes beside it, first) and records it in the catalog.
   * With `extras` (the clipper's), every file kept beside it is listed in `attachments` with its hash.
   */
  async saveNew(fields: NewArticle, attachment?: Attachment, extras?: ExtraFile[]): Promise<Article> {
    const now = new Date().toISOString();
    const text = fields.text.replace(/\r\n?/g, '\n');
    const id = crypto.randomUUID();
    const attachmentName = attachment ? `${id}.capture${attachment.extension}` : null;
    const { fingerprints, ...rest } = fields;
    const files = extras?.map((extra) => ({ name: `${id}${extra.suffix}`, bytes: extra.bytes })) ?? [];
    const listed: FileAttachment[] = [];
    if (extras && attachment && attachmentName)
      listed.push(fileRecord('capture', attachmentName, fields.provenance.mediaType ?? '', attachment.bytes, now));
    for (const [i, extra] of (extras ?? []).entries())
      listed.push(fileRecord(extra.role, files[i]!.name, extra.mediaType, extra.bytes, now));
    const article = Article.parse({
      ...rest,
      id,
      title: fields.title || titleFromText(text),
      // Page, URL and feed dates come with the fields; without one, the dateline's day if it states one.
      publishedAt: fields.publishedAt ?? datelineDate(fields.dateline ?? '', text, now),
      text,
      contentHash: fingerprints?.contentHash ?? contentHash(text),
      minhash: fingerprints?.minhash ?? encodeSignature(minhash(text)),
      capturedAt: now,
      updatedAt: now,
      deletedAt: null,
      provenance: { ...fields.provenance, capturedAt: now, attachment: attachmentName },
      attachments: listed,
    } satisfies z.input<typeof Article>);
    await this.persist(article, attachment ? { name: attachmentName!, bytes: attachment.bytes } : null, {}, files);
    for (const listener of this.listeners.created) listener(article);
    return article;
  }

  /** Writes an article from elsewhere (a bundle) as it is, its id and capture time kept, with its original. */
  saveImported(article: Article, original: { name: string; bytes: Uint8Array } | null): Promise<void> {
    return this.persist(article, original, { fromElsewhere: true });
  }

  /**
   * Writes an article as a desk sent it, its id kept (core/sync/): a new one with its files beside it,
   * or over the one here (keeping this analyst's reading state), files it lacks written first: under
   * temporary names, put in place in the article's queue only once `check` allowed the write.
   */
  async putReplicated(
    article: Article,
    files: { name: string; bytes: Uint8Array }[],
    /** Throws to refuse the write, given the article as it is here (null: not here). */
    check: (before: Article | null) => void = () => undefined,
  ): Promise<Article> {
    const entry = this.catalog.get(article.id);
    if (!entry) {
      check(null);
      const original = files.find((file) => file.name === article.provenance.attachment) ?? null;
      const extras = files.filter((file) => file !== original);
      await this.persist(article, original, { fromElsewhere: true, replicated: true }, extras);
      for (const listener of this.listeners.arrived) listener(article);
      return article;
    }
    const folder = join(this.dataDir, entry.file, '..');
    const staged = files.map((file) => ({ ...file, temp: tempFileFor(join(folder, file.name)) }));
    try {
      for (const file of staged) await writeFileDurably(file.temp, file.bytes, { syncFolder: false });
      return await this.change(
        article.id,
        (before) => {
          check(before);
          return { ...article, reading: before.reading };
        },
        async () => {
          for (const file of staged) await rename(file.temp, join(folder, file.name));
          if (staged.length) await syncFolder(folder);
        },
      );
    } finally {
      // Refused (or failed): the staged files go; the ones put in place are no longer there to remove.
      for (const file of staged) await rm(file.temp, { force: true });
    }
  }

  /** Where a file kept beside an article is (its name checked by the caller against the article's records). */
  pathBeside(id: string, name: string): string {
    return join(this.dataDir, this.require(id).file, '..', name);
  }

  close(): Promise<void> {
    return this.catalog.close();
  }

  /**
   * Writes a new article file (and the captured bytes beside it, first) and records it in the catalog
   * and the indexes; on failure nothing is left behind.
   */
  private async persist(
    given: Article,
    attachment: { name: string; bytes: Uint8Array } | null,
    options: { fromElsewhere?: boolean; replicated?: boolean } = {},
    extras: { name: string; bytes: Uint8Array }[] = [],
  ): Promise<void> {
    // A desk's article keeps the name of an original the desk did not have: it may come with a later sync.
    const article =
      attachment || options.replicated ? given : { ...given, provenance: { ...given.provenance, attachment: null } };
    const base = articleFileFor(article);
    const written: string[] = [];
    const attachmentPath = attachment ? join(this.dataDir, base, '..', attachment.name) : null;
    // An id of our own is new by construction; one from a bundle may name files already here. A desk's
    // copy may follow one a killed sync left half-written: its files were checked against their sha256.
    if (options.fromElsewhere && !options.replicated)
      for (const path of [join(this.dataDir, base), attachmentPath])
        if (path && (await lstat(path).catch(() => null)))
          throw new ArchiveError('exists', `${path} is already in the data folder: the bundle's copy was not written.`);
    // The two files are written and fsynced side by side, so the disk waits overlap. The article is
    // renamed into place only after the attachment, and its folder fsync makes both renames durable.
    const folder = join(this.dataDir, base, '..');
    const besides = [
      ...(attachmentPath ? [{ path: attachmentPath, bytes: attachment!.bytes }] : []),
      ...extras.map((extra) => ({ path: join(folder, extra.name), bytes: extra.bytes })),
    ];
    const attachmentWritten = besides.length
      ? makeFolder(folder, this.dataDir).then(() =>
          Promise.all(
            besides.map(({ path, bytes }) =>
              writeFileDurably(path, bytes, { syncFolder: false }).then(() => written.push(path)),
            ),
          ),
        )
      : Promise.resolve([]);
    try {
      // Handled below (in the catch, once it has settled) even when the article's write fails first.
      attachmentWritten.catch(() => undefined);
      const stamp = await writeArticleFile(this.dataDir, base, article, { beforeRename: attachmentWritten });
      written.push(join(this.dataDir, base));
      await this.catalog.put(entryFor(article, base, stamp));
      for (const listener of this.listeners.written) listener(article, stamp);
    } catch (error) {
      await attachmentWritten.catch(() => undefined);
      // Unacknowledged, so it must not turn up later either: nothing is half-saved.
      for (const path of written) await rm(path, { force: true });
      throw error;
    }
  }

  /** The bytes of a file listed in the article's `attachments` (never a path the caller names). */
  async readAttachment(id: string, name: string): Promise<{ file: FileAttachment; bytes: Buffer }> {
    const article = await this.read(id);
    const file = article.attachments.find((attachment) => attachment.name === name);
    if (!file) throw new ArchiveError('not_found', `Article ${id} keeps no file named ${name}.`);
    const entry = this.require(id);
    return { file, bytes: await readFile(join(this.dataDir, entry.file, '..', file.name)) };
  }

  private async forget(id: string): Promise<void> {
    await this.catalog.remove(id);
    for (const listener of this.listeners.removed) listener(id);
  }
}

function fileRecord(
  role: FileAttachment['role'],
  name: string,
  mediaType: string,
  bytes: Uint8Array,
  capturedAt: string,
): FileAttachment {
  return { name, role, mediaType, sha256: sha256(bytes), bytes: bytes.length, capturedAt };
}
