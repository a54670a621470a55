// Imports captured documents into the archive: exact duplicates refused, syndicated copies grouped into stories.
import { createHash } from 'node:crypto';
import {
  captureDocument,
  type CapturedItem,
  type CaptureRequest,
  type CaptureResult,
} from './capture/capture-document.ts';
import { fetchUrl } from './capture/fetch-url.ts';
import { contentHash, encodeSignature, minhash, SAME_STORY_THRESHOLD } from './capture/near-duplicates.ts';
import { toErrorBody } from './errors.ts';
import type { Article, ImportResult } from './model.ts';
import type { NewArticle } from './archive.ts';
import type { CatalogEntry } from './store/catalog.ts';
import { SignatureIndex } from './store/signature-index.ts';

/** The part of the archive an import needs. */
export type ImportHost = {
  indexDir: string;
  entries(): Iterable<CatalogEntry>;
  entry(id: string): CatalogEntry | undefined;
  saveNew(fields: NewArticle, attachment?: { bytes: Uint8Array; extension: string }): Promise<Article>;
  setStory(id: string, storyId: string): Promise<void>;
  signatureOf(id: string): Promise<string>;
  maxImportBytes(): number;
};

export class Importer {
  private exact: { byUrl: Map<string, string>; byHash: Map<string, string> } | null = null;
  private signatures: SignatureIndex | null = null;
  /** One import at a time: two copies of a page arriving together must still be seen as duplicates. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: ImportHost) {}

  /**
   * `maxBytes` overrides the archive's limit for this call (the CLI's --max-size). Extraction needs
   * no store, so it runs at once, before the queue: a caller with the next file ready extracts it
   * while the previous one's writes wait on the disk.
   */
  importBytes(request: CaptureRequest, maxBytes?: number): Promise<ImportResult[]> {
    const captured = this.capture(request, maxBytes);
    return this.serially(() => this.saveCaptured(captured));
  }

  /** Items captured elsewhere (the shipped samples), saved with the same duplicate and story rules. */
  importCandidates(items: CapturedItem[]): Promise<ImportResult[]> {
    return this.serially(async () => {
      const results: ImportResult[] = [];
      for (const item of items) results.push(await this.save(item));
      return results;
    });
  }

  importUrl(url: string): Promise<ImportResult[]> {
    return this.serially(() => this.fetchAndSave(url));
  }

  private async fetchAndSave(url: string): Promise<ImportResult[]> {
    let fetched;
    try {
      fetched = await fetchUrl(url, { maxBytes: this.host.maxImportBytes() });
    } catch (error) {
      return [failed(url, toErrorBody(error).message)];
    }
    return this.saveCaptured(
      this.capture({
        bytes: fetched.bytes,
        name: fetched.url,
        mediaType: fetched.mediaType,
        origin: fetched.url,
        method: 'url',
      }),
    );
  }

  private capture(request: CaptureRequest, maxBytes?: number): CaptureResult | ImportResult {
    const max = maxBytes ?? this.host.maxImportBytes();
    if (request.bytes.length > max)
      return failed(request.name, `The file is over the import size limit (${mb(request.bytes.length)} > ${mb(max)}).`);
    try {
      return captureDocument(request);
    } catch (error) {
      return failed(request.name, toErrorBody(error).message);
    }
  }

  private async saveCaptured(captured: CaptureResult | ImportResult): Promise<ImportResult[]> {
    if ('status' in captured) return [captured];
    const { items, feedUrls } = captured;
    const results: ImportResult[] = [];
    for (const item of items) results.push(await this.save(item));
    // An OPML list names feeds: each is fetched (and fails at once, clearly, when offline).
    for (const feedUrl of feedUrls) results.push(...(await this.fetchAndSave(feedUrl)));
    return results;
  }

  private async save(item: CapturedItem): Promise<ImportResult> {
    if (!item.ok) return failed(item.item, item.error);
    const { article: candidate, capture } = item;
    try {
      const exact = this.exactIndex();
      const urlKey = candidate.url ? normalizeUrl(candidate.url) : '';
      const hash = contentHash(candidate.text);
      const existing = (urlKey && exact.byUrl.get(urlKey)) || exact.byHash.get(hash);
      if (existing) return { ...describe(item.item, candidate), status: 'duplicate', duplicateOf: existing };

      const signatures = await this.signatureIndex();
      const signature = minhash(candidate.text);
      const match = signatures.similarTo(signature, SAME_STORY_THRESHOLD).find((m) => this.host.entry(m.id));
      let storyId: string | null = null;
      if (match) {
        const other = this.host.entry(match.id)!;
        storyId = other.storyId ?? other.id;
        if (!other.storyId) await this.host.setStory(other.id, storyId);
      }
      const { bytes, mediaType, encoding, extension, method, origin } = capture;
      const saved = await this.host.saveNew(
        {
          ...candidate,
          fingerprints: { contentHash: hash, minhash: encodeSignature(signature) },
          notes: '',
          tags: [],
          storyId,
          provenance: {
            method,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            bytes: bytes.length,
            origin,
            mediaType,
            encoding,
          },
        },
        { bytes, extension },
      );
      if (urlKey) exact.byUrl.set(urlKey, saved.id);
      exact.byHash.set(saved.contentHash, saved.id);
      await signatures.add(saved.id, encodeSignature(signature));
      return { ...describe(item.item, saved), status: 'saved', id: saved.id, storyId: saved.storyId };
    } catch (error) {
      return failed(item.item, toErrorBody(error).message);
    }
  }

  /** Built on the first import from the catalog (start-up does not pay for it). */
  private exactIndex() {
    if (!this.exact) {
      const byUrl = new Map<string, string>();
      const byHash = new Map<string, string>();
      for (const entry of this.host.entries()) {
        if (entry.url) byUrl.set(normalizeUrl(entry.url), entry.id);
        if (entry.contentHash) byHash.set(entry.contentHash, entry.id);
      }
      this.exact = { byUrl, byHash };
    }
    return this.exact;
  }

  private async signatureIndex(): Promise<SignatureIndex> {
    this.signatures ??= await SignatureIndex.load(
      this.host.indexDir,
      [...this.host.entries()].map((e) => e.id),
      (id) => this.host.signatureOf(id),
    );
    return this.signatures;
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** The same article behind tracking parameters, fragments, a trailing slash or another scheme is one URL. */
export function normalizeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const key of [...u.searchParams.keys()])
      if (/^(utm_|fbclid$|gclid$|ocid$|cmpid$|at_|ref$|smid$)/i.test(key)) u.searchParams.delete(key);
    const path = u.pathname.replace(/\/+$/, '') || '/';
    return `${u.hostname.replace(/^www\./, '').toLowerCase()}${path}${u.search}`;
  } catch {
    return url;
  }
}

function describe(
  item: string,
  article: Pick<Article, 'title' | 'byline' | 'publishedAt' | 'source' | 'language' | 'url'>,
): Omit<ImportResult, 'status'> {
  return {
    item,
    id: null,
    title: article.title,
    byline: article.byline || null,
    publishedAt: article.publishedAt ?? null,
    source: article.source || null,
    language: article.language || null,
    url: article.url || null,
    storyId: null,
    duplicateOf: null,
    error: null,
  };
}

function failed(item: string, error: string): ImportResult {
  return {
    item,
    status: 'failed',
    id: null,
    title: null,
    byline: null,
    publishedAt: null,
    source: null,
    language: null,
    url: null,
    storyId: null,
    duplicateOf: null,
    error,
  };
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
