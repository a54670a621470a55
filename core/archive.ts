// openArchive(dataDir): the one stateful object, implementing the contract over the JSON store.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { ArchiveApi } from './api.ts';
import { ArchiveError, describeIssues } from './errors.ts';
import type { Provenance } from './model.ts';
import {
  Article,
  ArticleId,
  ArticleInput,
  ArticlePatch,
  ArticleSummary,
  CaptureInput,
  EntityId,
  EntityInput,
  EntityPatch,
  EntityQuery,
  ClaimGroupId,
  ClaimGroupInput,
  ClaimGroupPatch,
  ClaimId,
  ClaimInput,
  ClaimPatch,
  ClaimQuery,
  ClaimReview,
  CollectionMembers,
  CollectionId,
  CollectionInput,
  CollectionPatch,
  ExportRequest,
  MAX_CLAIMS,
  HttpUrl,
  ListQuery,
  MentionReview,
  MergeId,
  SavedSearchId,
  SavedSearchInput,
  SearchQuery,
  SpanTag,
  summarize,
  type ImportResult,
  type ArticlePage,
  type ArchiveStatus,
  type ClaimGroupDetail,
  type ClaimMatch,
  type ClaimPage,
  type Entity,
  type EntityDetail,
  type EntitySummary,
  type MergeRecord,
  type SavedSearch,
  type SearchResult,
  type Problem,
  type BundleImportReport,
  type Collection,
  type CollectionSummary,
  type ExportPlan,
  type ExportResult,
} from './model.ts';
import { CollectionService } from './collections/collection-service.ts';
import { ExportService } from './exporters/export-service.ts';
import type { PdfPrinter } from './exporters/formats.ts';
import { openBundle } from './exporters/bundle-reader.ts';
import { importBundle } from './exporters/bundle-import.ts';
import { EntityService } from './entities/entity-service.ts';
import { anchorMentions } from './entities/mentions.ts';
import { starterAliases } from './tagging/starter-list.ts';
import { Tagger, type SuggestionResult } from './entities/tagger.ts';
import { ClaimIndex } from './claims/claim-index.ts';
import { claimFromSuggestion, foldClaims } from './claims/claim-ops.ts';
import { ClaimService } from './claims/claim-service.ts';
import { TaggingQueue } from './entities/tagging-queue.ts';
import type { CapturedItem } from './capture/capture-document.ts';
import { assertTextual, decodeText } from './capture/decode.ts';
import { findDateline, findWireCredits } from './capture/wire-credits.ts';
import { contentHash, encodeSignature, minhash } from './capture/near-duplicates.ts';
import { writeFileDurably } from './store/durable-write.ts';
import {
  articleFileFor,
  readArticleFile,
  readArticleText,
  scanArticleFiles,
  writeArticleFile,
  type FileStamp,
} from './store/article-files.ts';
import { Catalog, entryFor, INDEX_DIR, type CatalogEntry } from './store/catalog.ts';
import { lockFolder, type FolderLock } from './store/folder-lock.ts';
import { CorruptFileError } from './store/json-file.ts';
import { openRegistry, RegistryStore } from './store/registry-file.ts';
import { Importer } from './importer.ts';
import { SearchService } from './search/search-service.ts';
import { newSavedSearchId } from './ids.ts';

export type Archive = ArchiveApi & {
  readonly dataDir: string;
  importFile(bytes: Uint8Array, name: string, origin?: string, maxBytes?: number): Promise<ImportResult[]>;
  addFromFile(metadata: Omit<ArticleInput, 'text'>, bytes: Uint8Array, name: string): Promise<Article>;
  /**
   * Waits for writes in flight, compacts the catalog and releases the folder. Background suggestions
   * stop after the article under way, unless `finishTagging` asks to wait for all that are queued.
   */
  close(options?: { finishTagging?: boolean }): Promise<void>;
  /** Articles queued for background suggestions. */
  readonly taggingPending: number;
  /** The full-text index: its state, and waiting for it to be current (the CLI searches once and exits). */
  readonly searchService: Pick<SearchService, 'state' | 'ready' | 'settled'>;
  /** Writes an export to `out` (a new file, or a folder to put it in), never over an existing file. */
  exportToFile(request: ExportRequest, out: string): Promise<ExportResult>;
  /** The export as chunks, for a download (browser mode); what it holds is known before the first chunk. */
  exportStream(request: ExportRequest): { plan: ExportPlan; chunks: AsyncIterable<string | Uint8Array> };
  /** Verifies a bundle at `path` whole, then merges it in (the CLI's `newsdesk import BUNDLE.zip`). */
  importBundleFile(path: string): Promise<BundleImportReport>;
};

/** Files over this are refused on import unless archive.json's settings.maxImportBytes says otherwise. */
export const DEFAULT_MAX_IMPORT_BYTES = 20_000_000;

export type OpenOptions = {
  /** Folder of sample articles offered on an empty archive (defaults to the shipped assets/samples). */
  samplesDir?: string;
  /**
   * Suggest entities for new articles in the background (a worker thread), and at open for any left
   * untagged. The desktop app, `newsdesk serve` and `newsdesk import` turn it on; without it,
   * suggestions run only when asked for (`runSuggestions`).
   */
  tagInBackground?: boolean;
  /**
   * Asks the user where to save an export (the desktop app's save dialog), for `saveExport`; null when
   * they cancel. Without it (browser mode, the CLI) exports download or go to --out.
   */
  chooseExportPath?: (suggestedName: string) => Promise<string | null>;
  /** Prints the HTML report to PDF (the desktop app's Chromium); without it the pdf format is refused. */
  printPdf?: PdfPrinter;
};

/** The app's name and version, written into bundles' manifests. */
function appInfo(): { name: string; version: string } {
  try {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as {
      version?: string;
    };
    return { name: 'Newsdesk', version: pkg.version ?? '0.0.0' };
  } catch {
    return { name: 'Newsdesk', version: '0.0.0' };
  }
}

const SHIPPED_SAMPLES = fileURLToPath(new URL('../assets/samples', import.meta.url));

export async function openArchive(dataDir: string, options: OpenOptions = {}): Promise<Archive> {
  const dir = resolve(dataDir);
  await mkdir(join(dir, INDEX_DIR), { recursive: true });
  const lock = await lockFolder(dir);
  try {
    const problems: Problem[] = [];
    const registry = new RegistryStore(await openRegistry(dir, problems));
    let catalog = await Catalog.load(dir);
    if (!catalog) {
      catalog = Catalog.empty(dir);
      await syncCatalogWithFiles(dir, catalog, problems);
    } else if (lock.previousOwnerCrashed) {
      // The last session was killed: an article written just before may be missing from the catalog.
      await syncCatalogWithFiles(dir, catalog, problems);
    }
    if (problems.length) {
      // Kept in archive.json, so a file moved aside is still reported in later sessions.
      await registry.update((draft) => void draft.problems.push(...problems));
    }
    const archive = new JsonArchive(
      dir,
      lock,
      registry,
      catalog,
      options.samplesDir ?? SHIPPED_SAMPLES,
      options.tagInBackground,
      options,
    );
    await archive.searchService.open();
    return archive;
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/**
 * Brings the catalog in line with the article files (the files are the truth, the catalog is derived),
 * rereading only files that are new or changed, then writes it as one fresh snapshot.
 */
async function syncCatalogWithFiles(dataDir: string, catalog: Catalog, problems: Problem[]): Promise<void> {
  const files = await scanArticleFiles(dataDir);
  const known = new Map<string, CatalogEntry>();
  for (const entry of catalog.values()) known.set(entry.file, entry);
  const entries: CatalogEntry[] = [];
  const stale: string[] = [];
  for (const [file, stamp] of files) {
    const entry = known.get(file);
    if (entry && entry.size === stamp.size && entry.mtimeMs === stamp.mtimeMs) entries.push(entry);
    else stale.push(file);
  }
  const READ_AT_ONCE = 32;
  for (let i = 0; i < stale.length; i += READ_AT_ONCE) {
    const batch = stale.slice(i, i + READ_AT_ONCE);
    await Promise.all(
      batch.map(async (file) => {
        try {
          const article = await readArticleFile(dataDir, file);
          if (article) entries.push(entryFor(article, file, files.get(file)!));
        } catch (error) {
          if (!(error instanceof CorruptFileError)) throw error;
          problems.push({ file: error.file, reason: error.reason, movedTo: error.movedTo, recoveredFrom: null });
        }
      }),
    );
  }
  await catalog.replaceAll(entries);
}

function parseArgument<T>(schema: z.ZodType<T, unknown>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ArchiveError('invalid', `${what}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** What a new article needs; the archive adds its id, times, hashes and the attachment's name. */
export type NewArticle = Omit<
  z.input<typeof Article>,
  'id' | 'capturedAt' | 'updatedAt' | 'deletedAt' | 'contentHash' | 'minhash' | 'provenance'
> & {
  provenance: Omit<z.input<typeof Provenance>, 'capturedAt' | 'attachment'>;
  /** Already computed by the importer from the same words (line endings do not change them). */
  fingerprints?: { contentHash: string; minhash: string };
};

function fromInput(
  fields: z.output<typeof ArticleInput>,
  capture: { method: 'pasted' | 'sample' | 'file'; origin: string; captured: string },
): NewArticle {
  return {
    title: fields.title ?? '',
    source: fields.source ?? '',
    url: fields.url ?? '',
    byline: fields.byline ?? '',
    publishedAt: fields.publishedAt ?? null,
    language: fields.language ?? '',
    notes: fields.notes ?? '',
    tags: fields.tags ?? [],
    text: fields.text,
    provenance: {
      method: capture.method,
      sha256: sha256(capture.captured),
      bytes: Buffer.byteLength(capture.captured, 'utf8'),
      origin: capture.origin,
    },
  };
}

function sampleItem(name: string, fields: z.output<typeof ArticleInput>, bytes: Uint8Array): CapturedItem {
  const text = fields.text;
  return {
    ok: true,
    item: name,
    article: {
      title: fields.title ?? titleFromText(text),
      source: fields.source ?? '',
      url: fields.url ?? '',
      byline: fields.byline ?? '',
      publishedAt: fields.publishedAt ?? null,
      modifiedAt: null,
      language: fields.language ?? '',
      text,
      html: '',
      dateline: findDateline(text),
      wireCredits: findWireCredits(text, fields.byline ?? ''),
    },
    capture: {
      bytes,
      mediaType: 'application/json',
      encoding: 'UTF-8',
      extension: '.sample',
      method: 'sample',
      origin: name,
    },
  };
}

/** The first non-empty line, shortened: a title for pasted text that came without one. */
function titleFromText(text: string): string {
  const line =
    text
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? 'Untitled';
  return line.length > 120 ? `${line.slice(0, 117).trimEnd()}…` : line;
}

class JsonArchive implements Archive {
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly articleQueues = new Map<string, Promise<unknown>>();
  private closed = false;
  private readonly importer: Importer;
  private readonly entities: EntityService;
  private readonly claims: ClaimService;
  private readonly collections: CollectionService;
  private readonly exports: ExportService;
  readonly searchService: SearchService;
  /** The claims index, loaded on first use (listing or grouping claims), never at start-up. */
  private claimIndexLoad: Promise<ClaimIndex> | null = null;
  private claimIndexLoaded: ClaimIndex | null = null;
  /** Articles written while the claims index loads: applied once it has. */
  private writtenDuringLoad = new Map<string, { article: Article; stamp: FileStamp }>();
  private readonly tagger: Tagger;
  private readonly tagging: TaggingQueue | null;
  /** What `newsdesk import` waits for the suggestions of before it exits: not the whole backlog. */
  private readonly savedThisSession = new Set<string>();

  constructor(
    readonly dataDir: string,
    private readonly lock: FolderLock,
    readonly registry: RegistryStore,
    private readonly catalog: Catalog,
    private readonly samplesDir: string,
    tagInBackground = false,
    private readonly exportOptions: Pick<OpenOptions, 'chooseExportPath' | 'printPdf'> = {},
  ) {
    this.entities = new EntityService({
      registry,
      entries: () => this.catalog.values(),
      catalogVersion: () => this.catalog.version,
      summary: (entry) => toSummary(entry),
      read: (id) => this.read(this.entry(id)),
      change: (id, edit) => this.change(id, edit),
      tag: (text, publishedAt, outlet) => this.tagger.tag(text, publishedAt, outlet),
      starterAliases,
    });
    this.claims = new ClaimService({
      registry,
      entry: (id) => this.catalog.get(id),
      read: (id) => this.read(this.entry(id)),
      change: (id, edit) => this.change(id, edit),
      claimIndex: () => this.claimIndex(),
      entityExists: (id) => this.registry.data.entities.some((e) => e.id === id),
    });
    this.searchService = new SearchService({
      indexDir: join(dataDir, INDEX_DIR),
      dataDir,
      entries: () => this.catalog.values(),
      count: () => this.catalog.size,
      entry: (id) => this.catalog.get(id),
      read: (id) => this.read(this.entry(id)),
      readText: (id) => {
        const entry = this.catalog.get(id);
        return entry ? readArticleText(this.dataDir, entry.file) : Promise.resolve(null);
      },
      entities: () => this.registry.data.entities,
      collections: () => this.registry.data.collections,
    });
    registry.onChange(() => this.searchService.noteRegistryChanged());
    this.collections = new CollectionService({
      registry,
      entries: () => this.catalog.values(),
      entry: (id) => this.catalog.get(id),
      change: (id, edit) => this.change(id, edit),
      checkQuery: (query) => void this.searchService.compile(query),
      matchingIds: (query) => this.searchService.matchingIds(query),
    });
    this.exports = new ExportService({
      dataDir,
      app: appInfo(),
      entries: () => this.catalog.values(),
      entry: (id) => this.catalog.get(id),
      newestFirst: () => this.catalog.sorted('publishedAt', 'desc', false),
      read: (id) => {
        const entry = this.catalog.get(id);
        // A file gone or damaged since the export began is left out (and counted); anything else fails it.
        return entry
          ? this.read(entry).catch((error: unknown) => {
              if (error instanceof CorruptFileError || (error instanceof ArchiveError && error.code === 'not_found'))
                return null;
              throw error;
            })
          : Promise.resolve(null);
      },
      entities: () => this.registry.data.entities,
      claimGroups: () => this.registry.data.claimGroups,
      collections: this.collections,
      allCollections: () => this.registry.data.collections,
      matchingIds: (query) => this.searchService.matchingIds(query),
      printPdf: exportOptions.printPdf,
    });
    this.tagger = new Tagger({
      version: () => this.entities.registryVersion(),
      entries: () => this.entities.gazetteer(),
    });
    this.tagging = tagInBackground
      ? new TaggingQueue(async (id) => {
          // Gone, or tagged meanwhile (the reader asks for an article's suggestions when it is opened).
          const entry = this.catalog.get(id);
          if (entry && !entry.taggedAt) await this.track(() => this.entities.suggest(id, foldSuggestedClaims));
        })
      : null;
    this.tagging?.enqueue(untagged(this.catalog.values()));
    this.importer = new Importer({
      indexDir: join(this.dataDir, INDEX_DIR),
      entries: () => this.catalog.values(),
      entry: (id) => this.catalog.get(id),
      saveNew: (fields, attachment) => this.saveNew(fields, attachment),
      setStory: async (id, storyId) => {
        await this.change(id, (article) => ({ ...article, storyId }));
      },
      signatureOf: async (id) => (await this.read(this.entry(id))).minhash,
      maxImportBytes: () => {
        const setting = this.registry.data.settings.maxImportBytes;
        return typeof setting === 'number' && setting > 0 ? setting : DEFAULT_MAX_IMPORT_BYTES;
      },
    });
  }

  async addArticle(input: ArticleInput): Promise<Article> {
    return this.write(async () => {
      const fields = parseArgument(ArticleInput, input, 'addArticle');
      return this.saveNew(fromInput(fields, { method: 'pasted', origin: '', captured: input.text }));
    });
  }

  async listArticles(query?: ListQuery): Promise<ArticlePage> {
    this.assertOpen();
    const q = parseArgument(ListQuery, query ?? {}, 'listArticles');
    let list = this.catalog.sorted(q.sort, q.order, q.trash);
    if (q.collectionId) {
      const collection = this.collections.get(q.collectionId);
      if (collection.query !== null)
        throw new ArchiveError(
          'invalid',
          `"${collection.name}" is a smart collection: search for its query to list it.`,
        );
      list = list.filter((e) => e.collectionIds.includes(collection.id));
    }
    return {
      total: list.length,
      offset: q.offset,
      items: list.slice(q.offset, q.offset + q.limit).map(toSummary),
    };
  }

  async getArticle(id: string): Promise<Article> {
    this.assertOpen();
    return this.read(this.entry(id));
  }

  async updateArticle(id: string, patch: ArticlePatch): Promise<Article> {
    const parsed = parseArgument(ArticlePatch, patch, 'updateArticle');
    // An absent field means "leave it", never "clear it".
    const changes = Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined));
    this.assertOpen();
    return this.change(id, (article) => ({ ...article, ...changes }));
  }

  async deleteArticle(id: string): Promise<ArticleSummary> {
    const now = new Date().toISOString();
    this.assertOpen();
    return toSummary(await this.change(id, (article) => ({ ...article, deletedAt: article.deletedAt ?? now })));
  }

  async restoreArticle(id: string): Promise<ArticleSummary> {
    this.assertOpen();
    return toSummary(await this.change(id, (article) => ({ ...article, deletedAt: null })));
  }

  /** The CLI's `add --text-file`: the file's exact bytes are the evidence, its decoded text the article. */
  async addFromFile(metadata: Omit<ArticleInput, 'text'>, bytes: Uint8Array, name: string): Promise<Article> {
    return this.write(async () => {
      assertTextual(bytes, name);
      const { text } = decodeText(bytes);
      const fields = parseArgument(ArticleInput, { ...metadata, text }, 'add');
      const article = fromInput(fields, { method: 'file', origin: basename(name), captured: '' });
      return this.saveNew(
        {
          ...article,
          provenance: { ...article.provenance, sha256: sha256(bytes), bytes: bytes.length, mediaType: 'text/plain' },
        },
        { bytes, extension: '.txt' },
      );
    });
  }

  async importDocument(input: CaptureInput): Promise<ImportResult[]> {
    const parsed = parseArgument(CaptureInput, input, 'importDocument');
    const bytes = Buffer.from(parsed.data, 'base64');
    return this.write(() =>
      this.importer.importBytes({
        bytes,
        name: parsed.name,
        mediaType: parsed.mediaType,
        origin: parsed.origin,
        method: 'file',
      }),
    );
  }

  /** For the CLI, which reads files itself: the same import without a base64 round trip. */
  importFile(bytes: Uint8Array, name: string, origin?: string, maxBytes?: number): Promise<ImportResult[]> {
    return this.write(() => this.importer.importBytes({ bytes, name, origin, method: 'file' }, maxBytes));
  }

  async importUrl(url: string): Promise<ImportResult[]> {
    const parsed = parseArgument(HttpUrl, url, 'importUrl');
    return this.write(() => this.importer.importUrl(parsed));
  }

  async getStory(id: string): Promise<ArticleSummary[]> {
    this.assertOpen();
    const { storyId } = this.entry(id);
    if (!storyId) return [];
    const members = [...this.catalog.values()].filter((e) => e.storyId === storyId && e.id !== id && !e.deletedAt);
    const when = (e: CatalogEntry) => (e.publishedAt ? Date.parse(e.publishedAt) : Date.parse(e.capturedAt));
    return members.sort((a, b) => when(a) - when(b)).map(toSummary);
  }

  async loadSamples(): Promise<{ added: number }> {
    return this.write(async () => {
      const items: CapturedItem[] = [];
      for (const name of (await readdir(this.samplesDir)).filter((n) => n.endsWith('.json')).sort()) {
        const bytes = await readFile(join(this.samplesDir, name));
        const fields = parseArgument(ArticleInput, JSON.parse(bytes.toString('utf8')), `sample ${name}`);
        items.push(sampleItem(name, fields, bytes));
      }
      // Through the importer, so samples already there are skipped as duplicates and the
      // syndicated pair among them forms a story, as it would for real articles.
      const results = await this.importer.importCandidates(items);
      return { added: results.filter((r) => r.status === 'saved').length };
    });
  }

  async listEntities(query?: EntityQuery): Promise<EntitySummary[]> {
    this.assertOpen();
    return this.entities.listEntities(parseArgument(EntityQuery, query ?? {}, 'listEntities'));
  }

  async getEntity(id: string): Promise<EntityDetail> {
    this.assertOpen();
    return this.entities.getEntity(parseArgument(EntityId, id, 'getEntity'));
  }

  async createEntity(input: EntityInput): Promise<Entity> {
    const fields = parseArgument(EntityInput, input, 'createEntity');
    return this.write(() => this.entities.createEntity(fields));
  }

  async updateEntity(id: string, patch: EntityPatch): Promise<Entity> {
    const parsed = parseArgument(EntityPatch, patch, 'updateEntity');
    return this.write(() => this.entities.updateEntity(parseArgument(EntityId, id, 'updateEntity'), parsed));
  }

  async deleteEntity(id: string): Promise<{ removedMentions: number }> {
    return this.write(() => this.entities.deleteEntity(parseArgument(EntityId, id, 'deleteEntity')));
  }

  async mergeEntities(keptId: string, mergedId: string): Promise<MergeRecord> {
    const kept = parseArgument(EntityId, keptId, 'mergeEntities');
    const merged = parseArgument(EntityId, mergedId, 'mergeEntities');
    return this.write(() => this.entities.mergeEntities(kept, merged));
  }

  async undoMerge(mergeId: string): Promise<Entity> {
    return this.write(() => this.entities.undoMerge(parseArgument(MergeId, mergeId, 'undoMerge')));
  }

  async runSuggestions(articleId: string): Promise<Article> {
    const id = parseArgument(ArticleId, articleId, 'runSuggestions');
    return this.write(() => this.entities.suggest(id, foldSuggestedClaims));
  }

  async tagSpan(articleId: string, span: SpanTag): Promise<Article> {
    const id = parseArgument(ArticleId, articleId, 'tagSpan');
    const parsed = parseArgument(SpanTag, span, 'tagSpan');
    return this.write(() => this.entities.tagSpan(id, parsed));
  }

  async reviewMentions(articleId: string, review: MentionReview): Promise<Article> {
    const id = parseArgument(ArticleId, articleId, 'reviewMentions');
    const parsed = parseArgument(MentionReview, review, 'reviewMentions');
    return this.write(() => this.entities.reviewMentions(id, parsed));
  }

  async addClaim(articleId: string, input: ClaimInput): Promise<Article> {
    const id = parseArgument(ArticleId, articleId, 'addClaim');
    const parsed = parseArgument(ClaimInput, input, 'addClaim');
    return this.write(() => this.claims.addClaim(id, parsed));
  }

  async updateClaim(articleId: string, claimId: string, patch: ClaimPatch): Promise<Article> {
    const id = parseArgument(ArticleId, articleId, 'updateClaim');
    const claim = parseArgument(ClaimId, claimId, 'updateClaim');
    const parsed = parseArgument(ClaimPatch, patch, 'updateClaim');
    return this.write(() => this.claims.updateClaim(id, claim, parsed));
  }

  async reviewClaims(articleId: string, review: ClaimReview): Promise<Article> {
    const id = parseArgument(ArticleId, articleId, 'reviewClaims');
    const parsed = parseArgument(ClaimReview, review, 'reviewClaims');
    return this.write(() => this.claims.reviewClaims(id, parsed));
  }

  async listClaims(query?: ClaimQuery): Promise<ClaimPage> {
    this.assertOpen();
    return this.claims.listClaims(parseArgument(ClaimQuery, query ?? {}, 'listClaims'));
  }

  async findClaimMatches(articleId: string, claimId: string): Promise<ClaimMatch[]> {
    this.assertOpen();
    const id = parseArgument(ArticleId, articleId, 'findClaimMatches');
    return this.claims.findMatches(id, parseArgument(ClaimId, claimId, 'findClaimMatches'));
  }

  async groupClaims(input: ClaimGroupInput): Promise<ClaimGroupDetail> {
    const parsed = parseArgument(ClaimGroupInput, input, 'groupClaims');
    return this.write(() => this.claims.groupClaims(parsed));
  }

  async ungroupClaim(articleId: string, claimId: string): Promise<Article> {
    const id = parseArgument(ArticleId, articleId, 'ungroupClaim');
    const claim = parseArgument(ClaimId, claimId, 'ungroupClaim');
    return this.write(() => this.claims.ungroupClaim(id, claim));
  }

  async getClaimGroup(id: string): Promise<ClaimGroupDetail> {
    this.assertOpen();
    return this.claims.getGroup(parseArgument(ClaimGroupId, id, 'getClaimGroup'));
  }

  async listClaimGroups(): Promise<ClaimGroupDetail[]> {
    this.assertOpen();
    return this.claims.listGroups();
  }

  async updateClaimGroup(id: string, patch: ClaimGroupPatch): Promise<ClaimGroupDetail> {
    const group = parseArgument(ClaimGroupId, id, 'updateClaimGroup');
    const parsed = parseArgument(ClaimGroupPatch, patch, 'updateClaimGroup');
    return this.write(() => this.claims.updateGroup(group, parsed));
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    this.assertOpen();
    return this.searchService.search(parseArgument(SearchQuery, query, 'search'));
  }

  async listSavedSearches(): Promise<SavedSearch[]> {
    this.assertOpen();
    return [...this.registry.data.savedSearches];
  }

  async saveSearch(input: SavedSearchInput): Promise<SavedSearch> {
    const fields = parseArgument(SavedSearchInput, input, 'saveSearch');
    // A query that does not parse is refused now, not when the saved search is next run.
    this.searchService.compile(fields.query);
    return this.write(() =>
      this.registry.update((draft) => {
        // Saving under a name already used replaces that search (the list stays one per name).
        const existing = draft.savedSearches.findIndex((s) => s.name.toLowerCase() === fields.name.toLowerCase());
        const saved: SavedSearch = {
          id: existing >= 0 ? draft.savedSearches[existing]!.id : newSavedSearchId(),
          name: fields.name,
          query: fields.query,
          sort: fields.sort ?? 'relevance',
          createdAt: new Date().toISOString(),
        };
        if (existing >= 0) draft.savedSearches[existing] = saved;
        else draft.savedSearches.push(saved);
        return saved;
      }),
    );
  }

  async deleteSavedSearch(id: string): Promise<SavedSearch[]> {
    const parsed = parseArgument(SavedSearchId, id, 'deleteSavedSearch');
    return this.write(() =>
      this.registry.update((draft) => {
        const at = draft.savedSearches.findIndex((s) => s.id === parsed);
        if (at < 0) throw new ArchiveError('not_found', `There is no saved search with id ${parsed}.`);
        draft.savedSearches.splice(at, 1);
        return [...draft.savedSearches];
      }),
    );
  }

  async listCollections(): Promise<CollectionSummary[]> {
    this.assertOpen();
    return this.collections.list();
  }

  async createCollection(input: CollectionInput): Promise<Collection> {
    const fields = parseArgument(CollectionInput, input, 'createCollection');
    return this.write(() => this.collections.create(fields));
  }

  async updateCollection(id: string, patch: CollectionPatch): Promise<Collection> {
    const collection = parseArgument(CollectionId, id, 'updateCollection');
    const fields = parseArgument(CollectionPatch, patch, 'updateCollection');
    return this.write(() => this.collections.update(collection, fields));
  }

  async deleteCollection(id: string): Promise<{ removedFrom: number }> {
    const collection = parseArgument(CollectionId, id, 'deleteCollection');
    return this.write(() => this.collections.delete(collection));
  }

  async addToCollection(id: string, articles: CollectionMembers): Promise<{ changed: number; unchanged: number }> {
    const collection = parseArgument(CollectionId, id, 'addToCollection');
    const members = parseArgument(CollectionMembers, articles, 'addToCollection');
    return this.write(() => this.collections.add(collection, this.membersOf(members)));
  }

  async removeFromCollection(id: string, articles: CollectionMembers): Promise<{ changed: number; unchanged: number }> {
    const collection = parseArgument(CollectionId, id, 'removeFromCollection');
    const members = parseArgument(CollectionMembers, articles, 'removeFromCollection');
    return this.write(() => this.collections.remove(collection, this.membersOf(members)));
  }

  /** The ids a selection names, or those its query finds now (trashed articles are not in the index's results). */
  private membersOf(members: string[] | { query: string }): string[] {
    return Array.isArray(members) ? members : this.searchService.matchingIds(members.query);
  }

  async planExport(request: ExportRequest): Promise<ExportPlan> {
    this.assertOpen();
    return this.exports.plan(parseArgument(ExportRequest, request, 'planExport'));
  }

  async saveExport(request: ExportRequest): Promise<ExportResult | null> {
    const parsed = parseArgument(ExportRequest, request, 'saveExport');
    this.assertOpen();
    const choose = this.exportOptions.chooseExportPath;
    if (!choose)
      throw new ArchiveError(
        'invalid',
        'Saving to a chosen file needs the desktop app; in the browser, exports download.',
      );
    const plan = this.exports.plan(parsed);
    const path = await choose(plan.fileName);
    if (!path) return null;
    return this.track(() => this.exports.toFile(parsed, path));
  }

  exportToFile(request: ExportRequest, out: string): Promise<ExportResult> {
    const parsed = parseArgument(ExportRequest, request, 'export');
    return this.write(() => this.exports.toFile(parsed, out));
  }

  exportStream(request: ExportRequest): { plan: ExportPlan; chunks: AsyncIterable<string | Uint8Array> } {
    this.assertOpen();
    return this.exports.stream(parseArgument(ExportRequest, request, 'export'));
  }

  async importBundle(input: CaptureInput): Promise<BundleImportReport> {
    const parsed = parseArgument(CaptureInput, input, 'importBundle');
    return this.write(async () => {
      // yauzl reads a zip by random access: the upload goes to a temp file in the derived folder first.
      const temp = join(this.dataDir, INDEX_DIR, `.bundle-${randomBytes(6).toString('hex')}.zip`);
      try {
        await writeFile(temp, Buffer.from(parsed.data, 'base64'), { flag: 'wx' });
        return await this.importBundleAt(temp);
      } finally {
        await rm(temp, { force: true });
      }
    });
  }

  importBundleFile(path: string): Promise<BundleImportReport> {
    return this.write(() => this.importBundleAt(resolve(path)));
  }

  private async importBundleAt(path: string): Promise<BundleImportReport> {
    const bundle = await openBundle(path, this.dataDir);
    try {
      return await importBundle(
        {
          registry: this.registry,
          entries: () => this.catalog.values(),
          entry: (id) => this.catalog.get(id),
          saveImported: (article, original) => this.persistNew(article, original, { fromElsewhere: true }),
          change: (id, edit) => this.change(id, edit),
        },
        bundle,
      );
    } finally {
      bundle.close();
    }
  }

  get taggingPending(): number {
    return this.tagging?.pending ?? 0;
  }

  async getStatus(): Promise<ArchiveStatus> {
    this.assertOpen();
    let trash = 0;
    for (const entry of this.catalog.values()) if (entry.deletedAt) trash++;
    return {
      dataDir: this.dataDir,
      articles: this.catalog.size - trash,
      trash,
      problems: [...this.registry.data.problems],
      search: this.searchService.state,
      export: this.exports.progress ? { ...this.exports.progress } : null,
    };
  }

  async close(options: { finishTagging?: boolean } = {}): Promise<void> {
    if (this.closed) return;
    // No new calls from now on; the queue's own writes still run while it finishes.
    this.closed = true;
    if (options.finishTagging) await this.tagging?.finish(this.savedThisSession);
    // The article under way is abandoned (the worker stops), not waited for: quitting must be quick.
    const stopped = this.tagging?.stop();
    await this.tagger.close();
    await stopped;
    await Promise.allSettled(this.inFlight);
    await this.searchService.close();
    try {
      // Derived: failing to save it costs rereads at the next start, never data.
      await (await this.claimIndexLoad?.catch(() => null))?.save().catch(() => undefined);
      await this.catalog.close();
    } finally {
      await this.lock.release();
    }
  }

  /** Writes a new article (and the captured bytes beside it, first) and records it in the catalog. */
  async saveNew(fields: NewArticle, attachment?: { bytes: Uint8Array; extension: string }): Promise<Article> {
    const now = new Date().toISOString();
    const text = fields.text.replace(/\r\n?/g, '\n');
    const id = crypto.randomUUID();
    const attachmentName = attachment ? `${id}.capture${attachment.extension}` : null;
    const { fingerprints, ...rest } = fields;
    const article = Article.parse({
      ...rest,
      id,
      title: fields.title || titleFromText(text),
      text,
      contentHash: fingerprints?.contentHash ?? contentHash(text),
      minhash: fingerprints?.minhash ?? encodeSignature(minhash(text)),
      capturedAt: now,
      updatedAt: now,
      deletedAt: null,
      provenance: { ...fields.provenance, capturedAt: now, attachment: attachmentName },
    } satisfies z.input<typeof Article>);
    await this.persistNew(article, attachment ? { name: attachmentName!, bytes: attachment.bytes } : null);
    this.savedThisSession.add(article.id);
    this.tagging?.enqueue([article.id]);
    return article;
  }

  /**
   * Writes a new article file (and the captured bytes beside it, first) and records it in the catalog
   * and the indexes; on failure nothing is left behind. Bundles' articles come in here as they are.
   */
  private async persistNew(
    given: Article,
    attachment: { name: string; bytes: Uint8Array } | null,
    options: { fromElsewhere?: boolean } = {},
  ): Promise<void> {
    const article = attachment ? given : { ...given, provenance: { ...given.provenance, attachment: null } };
    const base = articleFileFor(article);
    const written: string[] = [];
    const attachmentPath = attachment ? join(this.dataDir, base, '..', attachment.name) : null;
    if (options.fromElsewhere)
      // An id of our own is new by construction; one from a bundle may name files already here.
      for (const path of [join(this.dataDir, base), attachmentPath])
        if (path && (await lstat(path).catch(() => null)))
          throw new ArchiveError('exists', `${path} is already in the data folder: the bundle's copy was not written.`);
    // The two files are written and fsynced side by side, so the disk waits overlap. The article is
    // renamed into place only after the attachment, and its folder fsync makes both renames durable.
    const attachmentWritten = attachmentPath
      ? mkdir(join(attachmentPath, '..'), { recursive: true })
          .then(() => writeFileDurably(attachmentPath, attachment!.bytes, { syncFolder: false }))
          .then(() => written.push(attachmentPath))
      : Promise.resolve(0);
    try {
      // Handled below (in the catch, once it has settled) even when the article's write fails first.
      attachmentWritten.catch(() => undefined);
      const stamp = await writeArticleFile(this.dataDir, base, article, { beforeRename: attachmentWritten });
      written.push(join(this.dataDir, base));
      await this.catalog.put(entryFor(article, base, stamp));
      this.noteClaims(article, stamp);
      this.searchService.noteChanged(article, stamp);
    } catch (error) {
      await attachmentWritten.catch(() => undefined);
      // Unacknowledged, so it must not turn up later either: nothing is half-saved.
      for (const path of written) await rm(path, { force: true });
      throw error;
    }
  }

  /**
   * Read-modify-write of one article, one at a time per article, durable before it returns. Public
   * methods check the archive is open before they get here; the tagging queue may still use it while
   * close() lets it finish.
   */
  private change(id: string, edit: (article: Article) => Article): Promise<Article> {
    return this.track(() => {
      const previous = this.articleQueues.get(id) ?? Promise.resolve();
      const run = previous.then(async () => {
        const entry = this.entry(id);
        const before = await this.read(entry);
        const edited = Article.parse({ ...edit(before), updatedAt: new Date().toISOString() });
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
        this.noteClaims(edited, stamp);
        this.searchService.noteChanged(edited, stamp);
        return edited;
      });
      const settled = run.catch(() => undefined);
      this.articleQueues.set(id, settled);
      void settled.then(() => {
        if (this.articleQueues.get(id) === settled) this.articleQueues.delete(id);
      });
      return run;
    });
  }

  private claimIndex(): Promise<ClaimIndex> {
    this.claimIndexLoad ??= ClaimIndex.open(join(this.dataDir, INDEX_DIR), [...this.catalog.values()], (id) =>
      this.catalog.get(id) ? this.read(this.entry(id)) : Promise.resolve(null),
    ).then((index) => {
      for (const { article, stamp } of this.writtenDuringLoad.values()) index.put(article, stamp);
      this.writtenDuringLoad.clear();
      return (this.claimIndexLoaded = index);
    });
    return this.claimIndexLoad;
  }

  /** Keeps the claims index (when it is loaded, or loading) in step with an article just written. */
  private noteClaims(article: Article, stamp: FileStamp): void {
    if (this.claimIndexLoaded) this.claimIndexLoaded.put(article, stamp);
    else if (this.claimIndexLoad) this.writtenDuringLoad.set(article.id, { article, stamp });
  }

  private entry(id: string): CatalogEntry {
    const entry = this.catalog.get(id);
    if (!entry) throw new ArchiveError('not_found', `There is no article with id ${id}.`);
    return entry;
  }

  private async read(entry: CatalogEntry): Promise<Article> {
    try {
      const article = await readArticleFile(this.dataDir, entry.file);
      // Offsets that no longer fit (a file edited by hand) are found again by their quotes.
      if (article) return { ...article, mentions: anchorMentions(article.text, article.mentions) };
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      await this.registry.update((draft) => {
        draft.problems.push({ file: error.file, reason: error.reason, movedTo: error.movedTo, recoveredFrom: null });
      });
      await this.catalog.remove(entry.id);
      this.searchService.noteRemoved(entry.id);
      throw error;
    }
    await this.catalog.remove(entry.id);
    this.searchService.noteRemoved(entry.id);
    throw new ArchiveError(
      'not_found',
      `The file of article ${entry.id} (${entry.file}) is gone from the data folder.`,
    );
  }

  /** Tracks a write so close() can wait for it. */
  private write<T>(work: () => Promise<T>): Promise<T> {
    this.assertOpen();
    return this.track(work);
  }

  /** Tracks a write so close() can wait for it (the tagging queue's, too, while close lets it finish). */
  private track<T>(work: () => Promise<T>): Promise<T> {
    const run = work();
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run)).catch(() => undefined);
    return run;
  }

  private assertOpen(): void {
    if (this.closed) throw new ArchiveError('internal', 'The archive is closed.');
  }
}

function toSummary(article: ArticleSummary | CatalogEntry | Article): ArticleSummary {
  return 'text' in article ? summarize(article) : ArticleSummary.parse(article);
}

/** The claim suggestions of a run folded into the article, after its mentions (claimants link to them). */
function foldSuggestedClaims(article: Article, result: SuggestionResult): Article {
  const suggested = result.claims.flatMap((s) => claimFromSuggestion(article, s) ?? []);
  return { ...article, claims: foldClaims(article.claims, suggested).slice(0, MAX_CLAIMS) };
}

function* untagged(entries: Iterable<CatalogEntry>): Iterable<string> {
  for (const entry of entries) if (!entry.taggedAt && !entry.deletedAt) yield entry.id;
}
