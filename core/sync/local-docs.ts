// The archive's documents as the desk sees them: article:<id>, entity:<id>, collection:<id>, claimgroup:<id>, search:<id>, merge:<id>, watch:<id> and this analyst's state:<analyst>:<article id>, read from and written through the normal stores.
import { readFile } from 'node:fs/promises';
import { ArchiveError } from '../errors.ts';
import type { WatchStore } from '../monitoring/watch-store.ts';
import { Article, FileAttachment, UNREAD, type Reading, type Registry, type Watch, type WatchFile } from '../model.ts';
import { sha256, type ArticleStore } from '../store/article-store.ts';
import type { RegistryStore } from '../store/registry-file.ts';
import type { SyncRecords } from './desk-files.ts';
import { analystKey, parseStateId, readingOf, stateContent, stateDocId, STATE_KIND } from './reading-docs.ts';
import { GroupWrites } from './registry-writes.ts';
import { hashOf, type Body } from './revs.ts';

/** The registry lists replicated entry by entry, by their document id's prefix. */
const REGISTRY_KINDS = {
  entity: 'entities',
  collection: 'collections',
  claimgroup: 'claimGroups',
  search: 'savedSearches',
  merge: 'merges',
} as const satisfies Record<string, keyof Registry>;
type RegistryKind = keyof typeof REGISTRY_KINDS;

/** What stays on this laptop: the analyst's own reading state (it travels as state: documents), and the time of the last local write. */
const LOCAL_ONLY = ['reading', 'updatedAt'] as const;

/** Watches replicate as watch:<id>, without `notify`: whether this desktop raises a system notification is its user's choice. */
const WATCH_KIND = 'watch';
function contentOfWatch(watch: Watch): Body {
  const { notify, ...content } = watch;
  void notify;
  return content;
}

/** The desk this archive syncs with as it concerns the documents: whose reading state, and what the desk sent before. */
export type DeskSide = { analyst: string; records: SyncRecords };

/** A file kept beside an article, as it travels: an attachment of the article's document. */
export type DocFile = { name: string; contentType: string; sha256: string };

function contentOfArticle(article: Article): Body {
  const content: Body = { ...article };
  for (const key of LOCAL_ONLY) delete content[key];
  return content;
}

export const docIdOf = (kind: string, id: string) => `${kind}:${id}`;

function split(docId: string): { kind: string; id: string } {
  const at = docId.indexOf(':');
  return { kind: docId.slice(0, at), id: docId.slice(at + 1) };
}

export class LocalDocs {
  private readonly registryWrites: GroupWrites<Registry>;
  private readonly watchWrites: GroupWrites<WatchFile>;
  /** This analyst's states pulled for articles not here yet (a batch writes side by side): set on the article when it comes. */
  private readonly arriving = new Map<string, Reading>();

  constructor(
    private readonly store: ArticleStore,
    private readonly registry: RegistryStore,
    private readonly watches: WatchStore,
    private readonly desk: DeskSide,
  ) {
    this.registryWrites = new GroupWrites(registry);
    this.watchWrites = new GroupWrites(watches);
  }

  /**
   * Every local document, with a stamp where one tells "not edited since it was synced" without
   * reading it: an article's updatedAt, a reading state's markedAt. Only states this analyst marked
   * are documents, all found in the catalog: an article as it arrived sends none.
   */
  *list(): Iterable<{ id: string; stamp: string | null }> {
    const { analyst } = this.desk;
    for (const entry of this.store.entries()) {
      yield { id: docIdOf('article', entry.id), stamp: entry.updatedAt };
      if (entry.reading.markedAt) yield { id: stateDocId(analyst, entry.id), stamp: entry.reading.markedAt };
    }
    for (const [kind, key] of Object.entries(REGISTRY_KINDS))
      for (const item of this.registry.data[key]) yield { id: docIdOf(kind, item.id), stamp: null };
    for (const watch of this.watches.data.watches) yield { id: docIdOf(WATCH_KIND, watch.id), stamp: null };
  }

  /** Whether this archive takes the desk's document: other analysts' reading states are theirs, never fetched here. */
  static replicates(docId: string, analyst: string): boolean {
    const { kind } = split(docId);
    if (kind === STATE_KIND) return parseStateId(docId)?.key === analystKey(analyst);
    return kind === 'article' || kind === WATCH_KIND || Object.hasOwn(REGISTRY_KINDS, kind);
  }

  /** The document's content (no `_` or desk fields), or null when it is not here. */
  async read(docId: string): Promise<Body | null> {
    const { kind, id } = split(docId);
    if (kind === 'article') {
      return this.store.entry(id) ? contentOfArticle(await this.store.read(id)) : null;
    }
    if (kind === STATE_KIND) return this.readState(docId);
    if (kind === WATCH_KIND) {
      const watch = this.watches.data.watches.find((w) => w.id === id);
      return watch ? contentOfWatch(watch) : null;
    }
    const item = this.registryList(kind).find((entry) => entry.id === id);
    return item ? { ...item } : null;
  }

  stamp(docId: string): string | null {
    const { kind, id } = split(docId);
    if (kind === STATE_KIND) return this.store.entry(parseStateId(docId)?.articleId ?? '')?.reading.markedAt ?? null;
    return kind === 'article' ? (this.store.entry(id)?.updatedAt ?? null) : null;
  }

  /** The files an article's document carries, each with the sha256 recorded when it was captured. */
  files(docId: string, content: Body): DocFile[] {
    if (split(docId).kind !== 'article') return [];
    const article = content as Partial<Article>;
    const files = new Map<string, DocFile>();
    const original = article.provenance?.attachment;
    if (original && article.provenance)
      files.set(original, {
        name: original,
        contentType: article.provenance.mediaType || 'application/octet-stream',
        sha256: article.provenance.sha256,
      });
    for (const file of article.attachments ?? [])
      files.set(file.name, { name: file.name, contentType: file.mediaType, sha256: file.sha256 });
    for (const name of files.keys())
      if (!FileAttachment.shape.name.safeParse(name).success)
        throw new ArchiveError('invalid', `Article ${docId} names a file "${name}" that cannot be kept beside it.`);
    return [...files.values()];
  }

  /** The bytes of a file kept beside an article here, or null when it is missing or not the bytes recorded. */
  async fileBytes(docId: string, file: DocFile): Promise<Buffer | null> {
    const { id } = split(docId);
    if (!this.store.entry(id)) return null;
    const bytes = await readFile(this.store.pathBeside(id, file.name)).catch(() => null);
    return bytes && sha256(bytes) === file.sha256 ? bytes : null;
  }

  /**
   * Writes what the desk sent (null: deleted there) through the store that owns it; its stamp after,
   * and the document as it now is here (what `read` would give, without reading the file again).
   * With `expected` (the content the merge was made from), a document edited here meanwhile is not
   * overwritten: the write fails and the sync, whose checkpoint has not moved, merges it next time.
   */
  async write(
    docId: string,
    content: Body | null,
    files: { name: string; bytes: Uint8Array }[] = [],
    expected?: Body | null,
  ) {
    const { kind, id } = split(docId);
    const check = (current: Body | null) => {
      if (expected !== undefined && hashOf(current) !== hashOf(expected))
        throw new ArchiveError(
          'exists',
          `${docId} changed here during the sync; nothing of it was overwritten. Sync again to merge it.`,
        );
    };
    if (kind === 'article') {
      let saved: Article | null = null;
      if (!content) {
        // Articles are never deleted here, only trashed: a delete from elsewhere moves it to the trash.
        if (this.store.entry(id))
          saved = await this.store.change(id, (article) => {
            check(contentOfArticle(article));
            return { ...article, deletedAt: article.deletedAt ?? new Date().toISOString() };
          });
      } else {
        // New here: unread for this analyst, like a subscription's item, unless they marked it on
        // another laptop (its state came first); one already here keeps its state.
        const isNew = !this.store.entry(id);
        const reading = (isNew && (await this.pendingReading(id))) || UNREAD;
        const article = Article.parse({ updatedAt: new Date().toISOString(), ...content, reading, id });
        saved = await this.store.putReplicated(article, files, (before) => check(before && contentOfArticle(before)));
        const late = isNew ? this.arriving.get(id) : undefined;
        this.arriving.delete(id);
        // Its state arrived while it was being written: set now.
        if (late && hashOf(late) !== hashOf(saved.reading))
          saved = await this.store.change(id, (written) => ({ ...written, reading: late }));
      }
      return { stamp: this.stamp(docId), after: saved && contentOfArticle(saved) };
    }
    if (kind === STATE_KIND) return this.writeState(docId, content, check);
    if (kind === WATCH_KIND) {
      await this.watchWrites.write((draft) => {
        const at = draft.watches.findIndex((watch) => watch.id === id);
        check(at >= 0 ? contentOfWatch(draft.watches[at]!) : null);
        if (!content) {
          // Deleted on the desk: its alerts here go with it, as when it is deleted here.
          if (at >= 0) draft.watches.splice(at, 1);
          draft.alerts = draft.alerts.filter((alert) => alert.watchId !== id);
          return;
        }
        // New here: no system notification until this analyst asks for one; one here keeps its choice.
        const watch = { ...content, id, notify: at >= 0 ? draft.watches[at]!.notify : false } as Watch;
        if (at >= 0) draft.watches[at] = watch;
        else draft.watches.push(watch);
      });
      return { stamp: null, after: await this.read(docId) };
    }
    const key = REGISTRY_KINDS[kind as RegistryKind];
    // Entries written side by side by a pull share archive.json's writes (registry-writes.ts).
    await this.registryWrites.write((draft) => {
      const list = draft[key] as { id: string }[];
      const at = list.findIndex((entry) => entry.id === id);
      check(at >= 0 ? { ...list[at] } : null);
      if (!content) {
        if (at >= 0) list.splice(at, 1);
      } else if (at >= 0) list[at] = { ...content, id };
      else list.push({ ...content, id });
    });
    return { stamp: null, after: await this.read(docId) };
  }

  /** This analyst's state of an article: as marked here, else (the article not here yet) as pulled for it. */
  private async readState(docId: string): Promise<Body | null> {
    const parsed = parseStateId(docId);
    if (!parsed || parsed.key !== analystKey(this.desk.analyst)) return null;
    const entry = this.store.entry(parsed.articleId);
    const reading = entry ? entry.reading : await this.pendingReading(parsed.articleId);
    return stateContent(this.desk.analyst, parsed.articleId, reading ?? undefined);
  }

  /** The state pulled for an article not here yet: in this sync, or recorded by an earlier one (a sync cut before the article came). */
  private async pendingReading(articleId: string): Promise<Reading | null> {
    const arriving = this.arriving.get(articleId);
    if (arriving) return arriving;
    const id = stateDocId(this.desk.analyst, articleId);
    const record = this.desk.records.get(id);
    // The body is read from the record's file (records keep only their metadata in memory).
    const base = record && !record.deleted ? (await this.desk.records.bodies(id))?.base : undefined;
    return base ? readingOf(base) : null;
  }

  /** Sets this analyst's reading state of the article (kept for it when it is not here yet). A delete on the desk changes nothing here. */
  private async writeState(docId: string, content: Body | null, check: (current: Body | null) => void) {
    const { articleId } = parseStateId(docId)!;
    if (content) {
      const reading = readingOf(content);
      if (!this.store.entry(articleId)) {
        check(await this.readState(docId));
        this.arriving.set(articleId, reading);
      } else
        await this.store.change(articleId, (article) => {
          check(stateContent(this.desk.analyst, articleId, article.reading));
          return { ...article, reading };
        });
    }
    return { stamp: this.stamp(docId), after: await this.readState(docId) };
  }

  private registryList(kind: string): readonly { id: string }[] {
    if (!Object.hasOwn(REGISTRY_KINDS, kind))
      throw new ArchiveError('invalid', `"${kind}" documents are not replicated.`);
    return this.registry.data[REGISTRY_KINDS[kind as RegistryKind]];
  }
}
