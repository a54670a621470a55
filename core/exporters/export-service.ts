// Exports: which articles a scope means, what the export will hold, and writing it (to a file, or as a stream for a download).
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ArchiveError } from '../errors.ts';
import type { Article, ClaimGroup, Collection, Entity, ExportPlan, ExportRequest, ExportResult } from '../model.ts';
import { referencedIds, type CatalogEntry } from '../store/catalog.ts';
import type { CollectionService } from '../collections/collection-service.ts';
import { readInOrder, type ExportSource } from './export-source.ts';
import { exportFileName } from './file-names.ts';
import { formatWriter, type PdfPrinter } from './formats.ts';
import { exportTarget, writeExport } from './write-export.ts';
import type { z } from 'zod';

export type ExportHost = {
  dataDir: string;
  app: { name: string; version: string };
  entries: () => Iterable<CatalogEntry>;
  entry: (id: string) => CatalogEntry | undefined;
  /** Sorted like the library: newest publication first. */
  newestFirst: () => CatalogEntry[];
  read: (id: string) => Promise<Article | null>;
  entities: () => readonly Entity[];
  claimGroups: () => readonly ClaimGroup[];
  collections: CollectionService;
  allCollections: () => readonly Collection[];
  matchingIds: (query: string) => string[];
  printPdf?: PdfPrinter;
};

type Request = z.output<typeof ExportRequest>;
export type ExportProgress = { format: string; done: number; total: number };

export class ExportService {
  /** The export under way, for getStatus (the UI's progress bar); null when none is. */
  progress: ExportProgress | null = null;

  constructor(private readonly host: ExportHost) {}

  plan(request: Request): ExportPlan {
    return this.prepare(request).plan;
  }

  /** Writes the export to `out` (a file that must not exist yet, or a folder to put it in). */
  async toFile(request: Request, out: string): Promise<ExportResult> {
    const started = performance.now();
    const { plan, source, writer, missing } = this.prepare(request);
    const path = await exportTarget(out, plan.fileName);
    const bytes = await writeExport(path, this.trackedStream(request, source, writer.write(source)));
    // What was written, not what was planned: a file gone since (deleted by hand) is left out and counted.
    return {
      ...plan,
      articles: plan.articles - missing.size,
      skipped: missing.size,
      path,
      bytes,
      tookMs: Math.round(performance.now() - started),
    };
  }

  /** The export as a stream of chunks (browser mode downloads it), with what it holds. */
  stream(request: Request): { plan: ExportPlan; chunks: AsyncIterable<string | Uint8Array> } {
    const { plan, source, writer } = this.prepare(request);
    return { plan, chunks: this.trackedStream(request, source, writer.write(source)) };
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
    const writer = formatWriter(request.format, request.table, this.host.printPdf);
    const entityIds = new Map<string, number>();
    let claims = 0;
    for (const id of ids) {
      const entry = this.host.entry(id)!;
      claims += entry.claimCount;
      for (const e of new Set(referencedIds(entry))) entityIds.set(e, (entityIds.get(e) ?? 0) + 1);
    }
    const registry = new Map(this.host.entities().map((e) => [e.id, e]));
    const entities = new Map<string, Entity>();
    for (const id of entityIds.keys()) {
      const entity = registry.get(id);
      if (entity) entities.set(id, entity);
    }
    const exportedAt = new Date().toISOString();
    const plan: ExportPlan = {
      format: request.format,
      scope,
      articles: ids.length,
      claims,
      entities: entities.size,
      fileName: exportFileName(`newsdesk ${scope}`, exportedAt, writer.extension),
      mediaType: writer.mediaType,
    };
    const missing = new Set<string>();
    const read = async (id: string) => {
      const article = await this.host.read(id);
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
      claimGroups: new Map(this.host.claimGroups().map((g) => [g.id, g])),
      collections: new Map(this.host.allCollections().map((c) => [c.id, c])),
      exportedAt,
      app: this.host.app,
      articles: () => readInOrder(ids, read, countRead),
      original: (article) => this.original(article),
      entity: (id) => this.liveEntity(id),
    };
    return { plan, source, writer, missing };
  }

  private entityCache: { of: readonly Entity[]; byId: Map<string, Entity> } | null = null;

  /** By id in the registry as it is now (the registry is replaced, not mutated, by each change). */
  private liveEntity(id: string): Entity | undefined {
    const entities = this.host.entities();
    if (this.entityCache?.of !== entities)
      this.entityCache = { of: entities, byId: new Map(entities.map((e) => [e.id, e])) };
    return this.entityCache.byId.get(id);
  }

  private resolve(scope: Request['scope']): { ids: string[]; scope: string } {
    const live = (ids: Iterable<string>) => [...ids].filter((id) => this.host.entry(id)?.deletedAt === null);
    if ('collectionId' in scope) {
      const collection = this.host.collections.get(scope.collectionId);
      const members = new Set(this.host.collections.memberIds(collection));
      // Hand-made collections list like the library; smart ones keep their query's order (newest first too).
      const ids =
        collection.query === null
          ? this.host.newestFirst().flatMap((e) => (members.has(e.id) ? [e.id] : []))
          : [...members];
      return { ids: live(ids), scope: collection.name };
    }
    if ('query' in scope) return { ids: live(this.host.matchingIds(scope.query)), scope: `search ${scope.query}` };
    if ('articleIds' in scope) {
      const unknown = scope.articleIds.filter((id) => !this.host.entry(id));
      if (unknown.length)
        throw new ArchiveError('not_found', `There is no article with id ${unknown[0]}: nothing was exported.`);
      const ids = [...new Set(scope.articleIds)];
      return { ids, scope: ids.length === 1 ? '1 article' : `${ids.length} articles` };
    }
    return { ids: live(this.host.newestFirst().map((e) => e.id)), scope: 'library' };
  }

  private async original(article: Article): Promise<Uint8Array | null> {
    const name = article.provenance.attachment;
    const entry = this.host.entry(article.id);
    if (!name || !entry) return null;
    // The name is ours (`<id>.capture.<ext>`), checked again because the file may have been edited by hand.
    if (!/^[0-9a-f-]{36}\.capture\.[a-z0-9]{1,10}$/.test(name)) return null;
    return readFile(join(this.host.dataDir, dirname(entry.file), name)).catch(() => null);
  }
}
