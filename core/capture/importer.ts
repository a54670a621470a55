// Imports captured documents into the archive: exact duplicates refused, syndicated copies grouped into stories.
import { join } from 'node:path';
import { ArchiveError, toErrorBody } from '../errors.ts';
import { failedImport as failed, type Article, type CaptureProgress, type ImportResult } from '../model.ts';
import { SerialQueue } from '../serial.ts';
import { sha256, type ArticleStore, type ExtraFile, type NewArticle } from '../store/article-store.ts';
import { INDEX_DIR } from '../store/catalog.ts';
import type { RegistryStore } from '../store/registry-file.ts';
import { settingsOf } from '../store/settings.ts';
import { SignatureIndex } from '../store/signature-index.ts';
import {
  isPdf,
  type CandidateArticle,
  type CapturedItem,
  type CaptureRequest,
  type CaptureResult,
} from './capture-document.ts';
import { capturePdf } from './capture-pdf.ts';
import { CaptureWorkers } from './capture-workers.ts';
import { fetchUrl } from './fetch-url.ts';
import { contentHash, encodeSignature, minhash, SAME_STORY_THRESHOLD } from './near-duplicates.ts';
import { OcrEngine } from './ocr.ts';
import { assertPublicUrl, privateNetworkAllowed } from '../monitoring/private-network.ts';
import { hostOf } from './page-outlets.ts';

type Captured = CaptureResult | ImportResult;

/**
 * Fields a capture does not know and its caller does: a subscription's item comes with its feed,
 * unread, and with what the feed says of it, used only where the page itself is silent.
 */
export type ExtraFields = Partial<Pick<NewArticle, 'feed' | 'reading'>> & {
  fallback?: FeedFallback;
  /** Files to keep beside the article (the clipper's screenshot); given, the article lists all its files. */
  files?: ExtraFile[];
  /** A quote from a page shares the page's URL: only the same words make it a duplicate, and it claims no URL. */
  quote?: boolean;
};

/** The feed item's date, author and outlet (the feed's title), for a page that gives none of its own. */
export type FeedFallback = { publishedAt: string | null; byline: string; source: string };

export class Importer {
  private exact: { byUrl: Map<string, string>; byHash: Map<string, string> } | null = null;
  private signatures: SignatureIndex | null = null;
  /** One import at a time: two copies of a page arriving together must still be seen as duplicates. */
  private readonly queue = new SerialQueue();
  /** Scanned PDFs are read by one Tesseract worker thread, started on the first and stopped when idle. */
  private readonly ocr = new OcrEngine();
  /** Pages are extracted on worker threads, one per core, while this thread saves. */
  private readonly pages = new CaptureWorkers();
  /** The paged document being read (page by page, for the status the UI polls); null when none is. */
  progress: CaptureProgress | null = null;

  constructor(
    private readonly store: ArticleStore,
    private readonly registry: RegistryStore,
  ) {
    // An article pulled from the team desk: a later import of the same page is its duplicate (or of its story).
    store.on('arrived', (article) => {
      if (this.exact) {
        if (article.url) this.exact.byUrl.set(normalizeUrl(article.url), article.id);
        if (article.contentHash) this.exact.byHash.set(article.contentHash, article.id);
      }
      // Not loaded yet: it will be, from the catalog, which holds the article already.
      if (this.signatures && article.minhash) this.signatures.add(article.id, article.minhash).catch(() => undefined);
    });
  }

  /**
   * `maxBytes` overrides the archive's limit for this call (the CLI's --max-size). Extraction needs
   * no store, so it runs at once, before the queue: a caller with the next file ready extracts it
   * while the previous one's writes wait on the disk.
   */
  fromBytes(request: CaptureRequest, maxBytes?: number, extra?: ExtraFields): Promise<ImportResult[]> {
    // A page starts extracting on a worker thread, a PDF starts reading; each is awaited in turn.
    const captured = this.capture(request, maxBytes);
    return this.queue.run(async () => this.saveCaptured(await captured, extra));
  }

  /** Items captured elsewhere (the shipped samples, a feed's own entries), saved with the same duplicate and story rules. */
  fromItems(items: CapturedItem[], extra?: ExtraFields): Promise<ImportResult[]> {
    return this.queue.run(async () => {
      const results: ImportResult[] = [];
      for (const item of items) results.push(await this.save(item, extra));
      return results;
    });
  }

  /** The article already saved from this URL (tracking parameters and the like aside), so a followed item is not fetched again. */
  knownUrl(url: string): string | null {
    return this.exactIndex().byUrl.get(normalizeUrl(url)) ?? null;
  }

  /** Fetches a page or feed and captures it; offline it fails at once and saves nothing. */
  fromUrl(url: string): Promise<ImportResult[]> {
    return this.queue.run(() => this.fetchAndSave(url));
  }

  private async fetchAndSave(url: string): Promise<ImportResult[]> {
    let fetched;
    try {
      fetched = await fetchUrl(url, { maxBytes: this.maxImportBytes() });
    } catch (error) {
      return [failed(url, toErrorBody(error).message)];
    }
    return this.saveCaptured(
      await this.capture({
        bytes: fetched.bytes,
        name: fetched.url,
        mediaType: fetched.mediaType,
        origin: fetched.url,
        method: 'url',
      }),
    );
  }

  private capture(request: CaptureRequest, maxBytes?: number): Captured | Promise<Captured> {
    const max = maxBytes ?? this.maxImportBytes();
    if (request.bytes.length > max)
      return failed(request.name, `The file is over the import size limit (${mb(request.bytes.length)} > ${mb(max)}).`);
    try {
      return isPdf(request) ? this.capturePdf(request) : this.pages.capture(request);
    } catch (error) {
      return failed(request.name, toErrorBody(error).message);
    }
  }

  private async capturePdf(request: CaptureRequest): Promise<CaptureResult> {
    let mine: CaptureProgress | null = null;
    try {
      return await capturePdf(request, {
        ocr: this.ocr,
        ocrLanguages: settingsOf(this.registry).ocrLanguages,
        onProgress: (progress) => (this.progress = mine = { item: request.name, ...progress }),
      });
    } finally {
      // Another PDF read alongside (the CLI reads a few files ahead) may have taken over the progress.
      if (this.progress === mine) this.progress = null;
    }
  }

  /** Stops the OCR and extraction worker threads, if any run. */
  async close(): Promise<void> {
    await Promise.all([this.ocr.close(), this.pages.close()]);
  }

  private async saveCaptured(captured: Captured, extra?: ExtraFields): Promise<ImportResult[]> {
    if ('status' in captured) return [captured];
    const { items, feedUrls } = captured;
    const results: ImportResult[] = [];
    for (const item of items) results.push(await this.save(item, extra));
    // An OPML list names feeds: each is fetched (and fails at once, clearly, when offline). A URL found
    // in a file is the file's word, not the user's: it stays off this machine and the local network.
    const allowPrivate = privateNetworkAllowed() || settingsOf(this.registry).allowPrivateNetwork;
    for (const feedUrl of feedUrls) {
      try {
        await assertPublicUrl(feedUrl, allowPrivate);
      } catch (error) {
        // Refused (private, not http): said so. A name that does not resolve is the fetch's to report (offline …).
        if (error instanceof ArchiveError) {
          results.push(failed(feedUrl, error.message));
          continue;
        }
      }
      results.push(...(await this.fetchAndSave(feedUrl)));
    }
    return results;
  }

  private async save(
    item: CapturedItem,
    { fallback, files, quote, ...extra }: ExtraFields = {},
  ): Promise<ImportResult> {
    if (!item.ok) return failed(item.item, item.error);
    const { capture } = item;
    const candidate = fallback ? filledFromFeed(item.article, fallback) : item.article;
    try {
      const exact = this.exactIndex();
      const urlKey = candidate.url && !quote ? normalizeUrl(candidate.url) : '';
      const hash = contentHash(candidate.text);
      const existing = (urlKey && exact.byUrl.get(urlKey)) || exact.byHash.get(hash);
      if (existing) return { ...describe(item.item, candidate), status: 'duplicate', duplicateOf: existing };

      const signatures = await this.signatureIndex();
      const signature = minhash(candidate.text);
      const match = signatures.similarTo(signature, SAME_STORY_THRESHOLD).find((m) => this.store.entry(m.id));
      let storyId: string | null = null;
      if (match) {
        const other = this.store.entry(match.id)!;
        const story = other.storyId ?? other.id;
        if (!other.storyId) await this.store.change(other.id, (article) => ({ ...article, storyId: story }));
        storyId = story;
      }
      const { bytes, mediaType, encoding, extension, method, origin, producer = '', ocrLanguages = [] } = capture;
      const saved = await this.store.saveNew(
        {
          ...candidate,
          ...extra,
          fingerprints: { contentHash: hash, minhash: encodeSignature(signature) },
          notes: '',
          tags: [],
          storyId,
          provenance: {
            method,
            sha256: sha256(bytes),
            bytes: bytes.length,
            origin,
            mediaType,
            encoding,
            producer,
            ocrLanguages,
          },
        },
        { bytes, extension },
        files,
      );
      if (urlKey) exact.byUrl.set(urlKey, saved.id);
      exact.byHash.set(saved.contentHash, saved.id);
      await signatures.add(saved.id, encodeSignature(signature));
      return {
        ...describe(item.item, saved),
        status: 'saved',
        id: saved.id,
        storyId: saved.storyId,
        ...(item.warning ? { warning: item.warning } : {}),
      };
    } catch (error) {
      return failed(item.item, toErrorBody(error).message);
    }
  }

  /** Built on the first import from the catalog (start-up does not pay for it). */
  private exactIndex() {
    if (!this.exact) {
      const byUrl = new Map<string, string>();
      const byHash = new Map<string, string>();
      for (const entry of this.store.entries()) {
        if (entry.url) byUrl.set(normalizeUrl(entry.url), entry.id);
        if (entry.contentHash) byHash.set(entry.contentHash, entry.id);
      }
      this.exact = { byUrl, byHash };
    }
    return this.exact;
  }

  private async signatureIndex(): Promise<SignatureIndex> {
    this.signatures ??= await SignatureIndex.load(
      join(this.store.dataDir, INDEX_DIR),
      [...this.store.entries()].map((e) => e.id),
      async (id) => (await this.store.read(id)).minhash,
    );
    return this.signatures;
  }

  private maxImportBytes(): number {
    return settingsOf(this.registry).maxImportBytes;
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

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * A page that states no date, author or outlet of its own takes the feed's: the publisher's feed is
 * the publisher speaking. A source that is only the page's host name (what capture falls back to)
 * gives way to the feed's title ("Coastal Herald", not "news.example.org").
 */
function filledFromFeed(article: CandidateArticle, feed: FeedFallback): CandidateArticle {
  return {
    ...article,
    publishedAt: article.publishedAt ?? feed.publishedAt,
    byline: article.byline || feed.byline,
    source: !article.source || article.source === hostOf(article.url) ? feed.source || article.source : article.source,
  };
}
