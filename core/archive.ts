// openArchive(dataDir): the one stateful object, implementing the contract over the JSON store.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { ArchiveApi } from './api.ts';
import { ArchiveError, describeIssues } from './errors.ts';
import {
  Article,
  ArticleInput,
  ArticlePatch,
  ArticleSummary,
  ListQuery,
  type ArticlePage,
  type ArchiveStatus,
  type Problem,
} from './model.ts';
import { articleFileFor, readArticleFile, scanArticleFiles, writeArticleFile } from './store/article-files.ts';
import { Catalog, entryFor, INDEX_DIR, type CatalogEntry } from './store/catalog.ts';
import { lockFolder, type FolderLock } from './store/folder-lock.ts';
import { CorruptFileError } from './store/json-file.ts';
import { openRegistry, type RegistryDb } from './store/registry-file.ts';

export type Archive = ArchiveApi & {
  readonly dataDir: string;
  /** Waits for writes in flight, compacts the catalog and releases the folder. */
  close(): Promise<void>;
};

export type OpenOptions = {
  /** Folder of sample articles offered on an empty archive (defaults to the shipped assets/samples). */
  samplesDir?: string;
};

const SHIPPED_SAMPLES = fileURLToPath(new URL('../assets/samples', import.meta.url));

export async function openArchive(dataDir: string, options: OpenOptions = {}): Promise<Archive> {
  const dir = resolve(dataDir);
  await mkdir(join(dir, INDEX_DIR), { recursive: true });
  const lock = await lockFolder(dir);
  try {
    const problems: Problem[] = [];
    const registry = await openRegistry(dir, problems);
    let catalog = await Catalog.load(dir);
    if (!catalog) {
      catalog = Catalog.empty(dir);
      await syncCatalogWithFiles(dir, catalog, problems);
    } else if (lock.previousOwnerCrashed) {
      // The last session was killed: an article written just before may be missing from the catalog.
      await syncCatalogWithFiles(dir, catalog, problems);
    }
    return new JsonArchive(dir, lock, registry, catalog, problems, options.samplesDir ?? SHIPPED_SAMPLES);
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

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
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

  constructor(
    readonly dataDir: string,
    private readonly lock: FolderLock,
    readonly registry: RegistryDb,
    private readonly catalog: Catalog,
    private readonly problems: Problem[],
    private readonly samplesDir: string,
  ) {}

  async addArticle(input: ArticleInput): Promise<Article> {
    return this.write(async () => {
      const fields = parseArgument(ArticleInput, input, 'addArticle');
      return this.saveNew(fields, { method: 'pasted', origin: '', captured: input.text });
    });
  }

  async listArticles(query?: ListQuery): Promise<ArticlePage> {
    this.assertOpen();
    const q = parseArgument(ListQuery, query ?? {}, 'listArticles');
    const list = this.catalog.sorted(q.sort, q.order, q.trash);
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
    return this.change(id, (article) => ({ ...article, ...changes }));
  }

  async deleteArticle(id: string): Promise<ArticleSummary> {
    const now = new Date().toISOString();
    return toSummary(await this.change(id, (article) => ({ ...article, deletedAt: article.deletedAt ?? now })));
  }

  async restoreArticle(id: string): Promise<ArticleSummary> {
    return toSummary(await this.change(id, (article) => ({ ...article, deletedAt: null })));
  }

  async loadSamples(): Promise<{ added: number }> {
    return this.write(async () => {
      const known = new Set([...this.catalog.values()].map((entry) => entry.url).filter(Boolean));
      let added = 0;
      for (const name of (await readdir(this.samplesDir)).filter((n) => n.endsWith('.json')).sort()) {
        const raw = await readFile(join(this.samplesDir, name), 'utf8');
        const fields = parseArgument(ArticleInput, JSON.parse(raw), `sample ${name}`);
        if (fields.url && known.has(fields.url)) continue;
        await this.saveNew(fields, { method: 'sample', origin: name, captured: raw });
        added++;
      }
      return { added };
    });
  }

  async getStatus(): Promise<ArchiveStatus> {
    this.assertOpen();
    let trash = 0;
    for (const entry of this.catalog.values()) if (entry.deletedAt) trash++;
    return {
      dataDir: this.dataDir,
      articles: this.catalog.size - trash,
      trash,
      problems: [...this.problems],
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled(this.inFlight);
    try {
      await this.catalog.close();
    } finally {
      await this.lock.release();
    }
  }

  private async saveNew(
    fields: z.output<typeof ArticleInput>,
    capture: { method: 'pasted' | 'sample'; origin: string; captured: string },
  ): Promise<Article> {
    const now = new Date().toISOString();
    const text = fields.text.replace(/\r\n?/g, '\n');
    const article = Article.parse({
      id: crypto.randomUUID(),
      title: fields.title ?? titleFromText(text),
      source: fields.source ?? '',
      url: fields.url ?? '',
      byline: fields.byline ?? '',
      publishedAt: fields.publishedAt ?? null,
      language: fields.language ?? '',
      notes: fields.notes ?? '',
      tags: fields.tags ?? [],
      text,
      capturedAt: now,
      updatedAt: now,
      deletedAt: null,
      provenance: {
        method: capture.method,
        sha256: sha256(capture.captured),
        bytes: Buffer.byteLength(capture.captured, 'utf8'),
        capturedAt: now,
        origin: capture.origin,
      },
    } satisfies z.input<typeof Article>);
    const file = articleFileFor(article);
    const stamp = await writeArticleFile(this.dataDir, file, article);
    try {
      await this.catalog.put(entryFor(article, file, stamp));
    } catch (error) {
      // Unacknowledged, so it must not turn up later either.
      await rm(join(this.dataDir, file), { force: true });
      throw error;
    }
    return article;
  }

  /** Read-modify-write of one article, one at a time per article, durable before it returns. */
  private change(id: string, edit: (article: Article) => Article): Promise<Article> {
    return this.write(() => {
      const previous = this.articleQueues.get(id) ?? Promise.resolve();
      const run = previous.then(async () => {
        const entry = this.entry(id);
        const edited = Article.parse({ ...edit(await this.read(entry)), updatedAt: new Date().toISOString() });
        const stamp = await writeArticleFile(this.dataDir, entry.file, edited);
        await this.catalog.put(entryFor(edited, entry.file, stamp));
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

  private entry(id: string): CatalogEntry {
    const entry = this.catalog.get(id);
    if (!entry) throw new ArchiveError('not_found', `There is no article with id ${id}.`);
    return entry;
  }

  private async read(entry: CatalogEntry): Promise<Article> {
    try {
      const article = await readArticleFile(this.dataDir, entry.file);
      if (article) return article;
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      this.problems.push({ file: error.file, reason: error.reason, movedTo: error.movedTo, recoveredFrom: null });
      await this.catalog.remove(entry.id);
      throw error;
    }
    await this.catalog.remove(entry.id);
    throw new ArchiveError(
      'not_found',
      `The file of article ${entry.id} (${entry.file}) is gone from the data folder.`,
    );
  }

  /** Tracks a write so close() can wait for it. */
  private write<T>(work: () => Promise<T>): Promise<T> {
    this.assertOpen();
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
  return ArticleSummary.parse(article);
}
