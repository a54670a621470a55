// The article methods' work: pasted and file-read texts saved, the library listed, one article read, edited, trashed or restored, its story.
import { basename } from 'node:path';
import type { z } from 'zod';
import { assertTextual, decodeText } from '../capture/decode.ts';
import { detectLanguage } from '../capture/language.ts';
import { leadOf } from '../capture/text-lead.ts';
import { findWireCredits } from '../capture/wire-credits.ts';
import type { CollectionService } from '../collections/collection-service.ts';
import { ArchiveError, invalidArguments } from '../errors.ts';
import {
  ArticleInput,
  ArticleSummary,
  summarize,
  type Article,
  type ArticlePage,
  type ArticlePatch,
  type ListQuery,
} from '../model.ts';
import { sha256, type ArticleStore, type NewArticle } from '../store/article-store.ts';
import type { CatalogEntry } from '../store/catalog.ts';

type Fields = z.output<typeof ArticleInput>;

/** A new article of typed-in or file-read text, its provenance a fingerprint of exactly what was given. */
function fromFields(
  fields: Fields,
  capture: { method: 'pasted' | 'file'; origin: string; captured: string | Uint8Array },
): NewArticle {
  // A text pasted without a title is named by its first sentence, its opening credit the source.
  const lead = leadOf(fields.text);
  const byline = fields.byline ?? '';
  return {
    title: fields.title || lead.title,
    source: fields.source || lead.credit,
    dateline: lead.dateline,
    wireCredits: findWireCredits(fields.text, byline, lead.dateline),
    url: fields.url ?? '',
    byline,
    publishedAt: fields.publishedAt ?? null,
    // Typed-in or file-read text says nothing of its language: detected, as a page's is, to pick the tagging rules.
    language: fields.language ?? detectLanguage(fields.text),
    notes: fields.notes ?? '',
    tags: fields.tags ?? [],
    text: fields.text,
    provenance: {
      method: capture.method,
      sha256: sha256(capture.captured),
      bytes:
        typeof capture.captured === 'string' ? Buffer.byteLength(capture.captured, 'utf8') : capture.captured.length,
      origin: capture.origin,
      ...(typeof capture.captured === 'string' ? {} : { mediaType: 'text/plain' }),
    },
  };
}

export function toSummary(article: ArticleSummary | CatalogEntry | Article): ArticleSummary {
  return 'text' in article ? summarize(article) : ArticleSummary.parse(article);
}

export class ArticleService {
  constructor(
    private readonly store: ArticleStore,
    private readonly collections: CollectionService,
  ) {}

  addPasted(fields: Fields): Promise<Article> {
    return this.store.saveNew(fromFields(fields, { method: 'pasted', origin: '', captured: fields.text }));
  }

  /** The CLI's `add --text-file`: the file's exact bytes are the evidence, its decoded text the article. */
  addTextFile(metadata: Omit<Fields, 'text'>, bytes: Uint8Array, name: string): Promise<Article> {
    assertTextual(bytes, name);
    // The text is read here, not sent: it is checked as a pasted one would be at the gate.
    const fields = ArticleInput.safeParse({ ...metadata, text: decodeText(bytes).text });
    // Only the text can be wrong here (the metadata passed the gate): it is the bytes, argument 2.
    if (!fields.success) throw invalidArguments(basename(name), fields.error, 1);
    const article = fromFields(fields.data, { method: 'file', origin: basename(name), captured: bytes });
    return this.store.saveNew(article, { bytes, extension: '.txt' });
  }

  list(query: z.output<typeof ListQuery>): ArticlePage {
    let list = this.store.sorted(query.sort, query.order, query.trash);
    if (query.collectionId) {
      const collection = this.collections.get(query.collectionId);
      if (collection.query !== null)
        throw new ArchiveError(
          'invalid',
          `"${collection.name}" is a smart collection: search for its query to list it.`,
        );
      list = list.filter((e) => e.collectionIds.includes(collection.id));
    }
    return {
      total: list.length,
      offset: query.offset,
      items: list.slice(query.offset, query.offset + query.limit).map(toSummary),
    };
  }

  get(id: string): Promise<Article> {
    return this.store.read(id);
  }

  update(id: string, patch: z.output<typeof ArticlePatch>): Promise<Article> {
    // An absent field means "leave it", never "clear it".
    const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    return this.store.change(id, (article) => ({ ...article, ...changes }));
  }

  async trash(id: string): Promise<ArticleSummary> {
    const now = new Date().toISOString();
    return toSummary(await this.store.change(id, (article) => ({ ...article, deletedAt: article.deletedAt ?? now })));
  }

  async restore(id: string): Promise<ArticleSummary> {
    return toSummary(await this.store.change(id, (article) => ({ ...article, deletedAt: null })));
  }

  /** The other articles of this article's story (the same wire story republished), oldest first. */
  storyOf(id: string): ArticleSummary[] {
    const { storyId } = this.store.require(id);
    if (!storyId) return [];
    const members = [...this.store.entries()].filter((e) => e.storyId === storyId && e.id !== id && !e.deletedAt);
    const when = (e: CatalogEntry) => (e.publishedAt ? Date.parse(e.publishedAt) : Date.parse(e.capturedAt));
    return members.sort((a, b) => when(a) - when(b)).map(toSummary);
  }
}
