// The archive's documents as the desk sees them: article:<id>, entity:<id>, collection:<id>, claimgroup:<id>, search:<id>, merge:<id>, read from and written through the normal stores.
import { readFile } from 'node:fs/promises';
import { ArchiveError } from '../errors.ts';
import { Article, FileAttachment, UNREAD, type Registry } from '../model.ts';
import { sha256, type ArticleStore } from '../store/article-store.ts';
import type { RegistryStore } from '../store/registry-file.ts';
import { RegistryWrites } from './registry-writes.ts';
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

/** What stays on this laptop: the analyst's own reading state, and the time of the last local write. */
const LOCAL_ONLY = ['reading', 'updatedAt'] as const;

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
  private readonly registryWrites: RegistryWrites;

  constructor(
    private readonly store: ArticleStore,
    private readonly registry: RegistryStore,
  ) {
    this.registryWrites = new RegistryWrites(registry);
  }

  /** Every local document, with the article's updatedAt as a stamp (unchanged: not edited since it was synced). */
  *list(): Iterable<{ id: string; stamp: string | null }> {
    for (const entry of this.store.entries()) yield { id: docIdOf('article', entry.id), stamp: entry.updatedAt };
    for (const [kind, key] of Object.entries(REGISTRY_KINDS))
      for (const item of this.registry.data[key]) yield { id: docIdOf(kind, item.id), stamp: null };
  }

  static replicates(docId: string): boolean {
    const { kind } = split(docId);
    return kind === 'article' || Object.hasOwn(REGISTRY_KINDS, kind);
  }

  /** The document's content (no `_` or desk fields), or null when it is not here. */
  async read(docId: string): Promise<Body | null> {
    const { kind, id } = split(docId);
    if (kind === 'article') {
      return this.store.entry(id) ? contentOfArticle(await this.store.read(id)) : null;
    }
    const item = this.registryList(kind).find((entry) => entry.id === id);
    return item ? { ...item } : null;
  }

  stamp(docId: string): string | null {
    const { kind, id } = split(docId);
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
        // New here: unread for this analyst, like a subscription's item (one already here keeps its state).
        const article = Article.parse({ updatedAt: new Date().toISOString(), ...content, reading: UNREAD, id });
        saved = await this.store.putReplicated(article, files, (before) => check(before && contentOfArticle(before)));
      }
      return { stamp: this.stamp(docId), after: saved && contentOfArticle(saved) };
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

  private registryList(kind: string): readonly { id: string }[] {
    if (!Object.hasOwn(REGISTRY_KINDS, kind))
      throw new ArchiveError('invalid', `"${kind}" documents are not replicated.`);
    return this.registry.data[REGISTRY_KINDS[kind as RegistryKind]];
  }
}
