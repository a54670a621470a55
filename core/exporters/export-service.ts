// Exports: which articles a scope means, what the export will hold, and writing it (to a file, or as a stream for a download).
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { appInfo } from '../app-info.ts';
import { ArchiveError } from '../errors.ts';
import type { Article, Entity, ExportPlan, ExportRequest, ExportResult } from '../model.ts';
import type { SearchService } from '../search/search-service.ts';
import type { ArticleStore } from '../store/article-store.ts';
import { referencedIds } from '../store/catalog.ts';
import { CorruptFileError } from '../store/json-file.ts';
import type { RegistryStore } from '../store/registry-file.ts';
import type { CollectionService } from '../collections/collection-service.ts';
import { REVIEWED_ONLY_BY_DEFAULT } from '../common/vocabulary.ts';
import { readInOrder, type ExportSource } from './export-source.ts';
import { reviewedSource } from './reviewed-only.ts';
import { exportFileName } from './file-names.ts';
import { formatWriter, type FormatWriter, type PdfPrinter } from './formats.ts';
import { exportTarget, writeExport } from './write-export.ts';
import type { z } from 'zod';

export type ExportOptions = {
  /**
   * Asks the user where to save an export (the desktop app's save dialog), for `save`; null when
   * they cancel. Without it (browser mode, the CLI) exports download or go to --out.
   */
  chooseExportPath?: (suggestedName: string) => Promise<string | null>;
  /** Prints the HTML report to PDF (the desktop app's Chromium); without it the pdf format is refused. */
  printPdf?: PdfPrinter;
};

type Request = z.output<typeof ExportRequest>;
export type ExportProgress = { format: string; done: number; total: number };

export class ExportService {
  /** The export under way, for the status bar's progress; null when none is. */
  progress: ExportProgress | null = null;

  private readonly app = appInfo();

  constructor(
    private readonly store: ArticleStore,
    private readonly registry: RegistryStore,
    private readonly collections: CollectionService,
    private readonly search: Pick<SearchService, 'matchingIds'>,
    private readonly options: ExportOptions = {},
  ) {}

  plan(request: Request): ExportPlan {
    return this.prepare(request).plan;
  }

  /** Writes the export to `out` (a file that must not exist yet, or a folder to put it in). */
  async toFile(request: Request, out: string): Promise<ExportResult> {
    const started = performance.now();
    const { plan, source, writer, missing } = this.prepare(request);
    const path = await exportTarget(out, plan.fileName);
    const review: ExportSource['review'] = { reviewedOnly: plan.reviewedOnly, leftOut: null };
    const bytes = await writeExport(
      path,
      this.trackedStream(request, source, this.written(plan, source, writer, review)),
    );
    // What was written, not what was planned: a file gone since (deleted by hand) is left out and counted.
    return {
      ...plan,
      articles: plan.articles - missing.size,
      skipped: missing.size,
      leftOut: review.leftOut,
      path,
      bytes,
      tookMs: Math.round(performance.now() - started),
    };
  }

  /** Asks where to save (the desktop app's save dialog) and writes the export there; null when cancelled. */
  async save(request: Request): Promise<ExportResult | null> {
    const choose = this.options.chooseExportPath;
    if (!choose)
      throw new ArchiveError(
        'invalid',
        'Saving to a chosen file needs the desktop app; in the browser, exports download.',
      );
    const path = await choose(this.plan(request).fileName);
    return path ? this.toFile(request, path) : null;
  }

  /** The export as a stream of chunks (browser mode downloads it), with what it holds. */
  stream(request: Request): { plan: ExportPlan; chunks: AsyncIterable<string | Uint8Array> } {
    const { plan, source, writer } = this.prepare(request);
    return { plan, chunks: this.trackedStream(request, source, this.written(plan, source, writer)) };
  }

  /**
   * The format's chunks; a reviewed-only export first takes one pass to count what it leaves out
   * (told to `review`, for the result).
   */
  private async *written(
    plan: ExportPlan,
    source: ExportSource,
    writer: FormatWriter,
    review?: ExportSource['review'],
  ) {
    const written = plan.reviewedOnly ? await reviewedSource(source) : source;
    if (review) Object.assign(review, written.review);
    yield* writer.write(written);
  }

  private async *trackedStream(request: Request, source: ExportSource, chunks: AsyncIterable<string | Uint8Array>) {
    this.progress = { format: request.format, done: 0, total: source.ids.length };
    try {
      yield* chunks;
    } finally {
      this.progress = null;
    }
  }

  private prepare(request: Request) {
    const { ids, scope } = this.resolve(request.scope);
    const writer = formatWriter(request.format, request.table, this.options.printPdf);
    const entityIds = new Map<string, number>();
    let claims = 0;
    for (const id of ids) {
      const entry = this.store.entry(id)!;
      claims += entry.claimCount;
      for (const e of new Set(referencedIds(entry))) entityIds.set(e, (entityIds.get(e) ?? 0) + 1);
    }
    const registry = new Map(this.registry.data.entities.map((e) => [e.id, e]));
    const entities = new Map<string, Entity>();
    for (const id of entityIds.keys()) {
      const entity = registry.get(id);
      if (entity) entities.set(id, entity);
    }
    const exportedAt = new Date().toISOString();
    const plan: ExportPlan = {
      format: request.format,
      reviewedOnly: request.reviewedOnly ?? REVIEWED_ONLY_BY_DEFAULT.includes(request.format),
      scope,
      articles: ids.length,
      claims,
      entities: entities.size,
      fileName: exportFileName(`newsdesk ${scope}`, exportedAt, writer.extension),
      mediaType: writer.mediaType,
    };
    const missing = new Set<string>();
    const read = async (id: string) => {
      const article = await this.readIfThere(id);
      if (!article) missing.add(id);
      return article;
    };
    const countRead = () => {
      if (this.progress) this.progress.done = Math.min(this.progress.done + 1, this.progress.total);
    };
    const source: ExportSource = {
      scope,
      ids,
      entities,
      articlesMentioning: entityIds,
      claimGroups: new Map(this.registry.data.claimGroups.map((g) => [g.id, g])),
      collections: new Map(this.registry.data.collections.map((c) => [c.id, c])),
      review: { reviewedOnly: false, leftOut: null },
      exportedAt,
      app: this.app,
      articles: () => readInOrder(ids, read, countRead),
      original: (article) => this.original(article),
      entity: (id) => this.liveEntity(id),
    };
    return { plan, source, writer, missing };
  }

  private entityCache: { of: readonly Entity[]; byId: Map<string, Entity> } | null = null;

  /** By id in the registry as it is now (the registry is replaced, not mutated, by each change). */
  private liveEntity(id: string): Entity | undefined {
    const entities = this.registry.data.entities;
    if (this.entityCache?.of !== entities)
      this.entityCache = { of: entities, byId: new Map(entities.map((e) => [e.id, e])) };
    return this.entityCache.byId.get(id);
  }

  private resolve(scope: Request['scope']): { ids: string[]; scope: string } {
    const live = (ids: Iterable<string>) => [...ids].filter((id) => this.store.entry(id)?.deletedAt === null);
    if ('collectionId' in scope) {
      const collection = this.collections.get(scope.collectionId);
      const members = new Set(this.collections.memberIds(collection));
      // Hand-made collections list like the library; smart ones keep their query's order (newest first too).
      const ids =
        collection.query === null ? this.newestFirst().flatMap((e) => (members.has(e.id) ? [e.id] : [])) : [...members];
      return { ids: live(ids), scope: collection.name };
    }
    if ('query' in scope) return { ids: live(this.search.matchingIds(scope.query)), scope: `search ${scope.query}` };
    if ('articleIds' in scope) {
      const unknown = scope.articleIds.filter((id) => !this.store.entry(id));
      if (unknown.length)
        throw new ArchiveError('not_found', `There is no article with id ${unknown[0]}: nothing was exported.`);
      const ids = [...new Set(scope.articleIds)];
      return { ids, scope: ids.length === 1 ? '1 article' : `${ids.length} articles` };
    }
    return { ids: live(this.newestFirst().map((e) => e.id)), scope: 'library' };
  }

  /** Sorted like the library: newest publication first. */
  private newestFirst() {
    return this.store.sorted('publishedAt', 'desc', false);
  }

  /** A file gone or damaged since the export began is left out (and counted); anything else fails it. */
  private async readIfThere(id: string): Promise<Article | null> {
    if (!this.store.entry(id)) return null;
    return this.store.read(id).catch((error: unknown) => {
      if (error instanceof CorruptFileError || (error instanceof ArchiveError && error.code === 'not_found'))
        return null;
      throw error;
    });
  }

  private async original(article: Article): Promise<Uint8Array | null> {
    const name = article.provenance.attachment;
    const entry = this.store.entry(article.id);
    if (!name || !entry) return null;
    // The name is ours (`<id>.capture.<ext>`), checked again because the file may have been edited by hand.
    if (!/^[0-9a-f-]{36}\.capture\.[a-z0-9]{1,10}$/.test(name)) return null;
    return readFile(join(this.store.dataDir, dirname(entry.file), name)).catch(() => null);
  }
}
