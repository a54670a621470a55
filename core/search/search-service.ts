// Search over the archive: keeps the index in step with every change, catches up on what changed behind its back, rebuilds it in a worker when it is missing or damaged, and answers queries with snippets and facets.
import { Worker } from 'node:worker_threads';
import type { z } from 'zod';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArchiveError } from '../errors.ts';
import {
  ClaimKind,
  ClaimStatus,
  type Article,
  type Entity,
  type FacetCount,
  type SearchFacets,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SearchStatus,
} from '../model.ts';
import type { CatalogEntry } from '../store/catalog.ts';
import { foldTerm, queryTerms } from './fold.ts';
import { rowFor, stampText, type EntityInfo } from './index-rows.ts';
import { compileQuery, type CompiledQuery } from './query-compile.ts';
import { QueryError, parseQuery } from './query-parser.ts';
import { SearchIndex } from './search-index.ts';
import { highlightsIn, snippetOf } from './snippets.ts';
import { Vocabulary } from './vocabulary.ts';
import { FacetColumns } from './facet-columns.ts';

export const INDEX_FILE = 'search.sqlite';
// Built, this module is inside dist/cli.js or dist/main.js, beside dist/search-worker.js (unpacked
// from app.asar in a package, as the tagging worker is).
const WORKER_PATH = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? './index-build-worker.ts' : './search-worker.js', import.meta.url),
).replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');

export type SearchHost = {
  indexDir: string;
  dataDir: string;
  entries: () => Iterable<CatalogEntry>;
  /** How many articles there are (the rebuild's progress counts towards it). */
  count: () => number;
  entry: (id: string) => CatalogEntry | undefined;
  read: (id: string) => Promise<Article>;
  /** Just the text, unvalidated, for snippets (null when the file cannot be read). */
  readText: (id: string) => Promise<string | null>;
  entities: () => readonly Entity[];
  collections: () => readonly { id: string; name: string; query: string | null }[];
};

/** What the build worker is given: where to build, where the articles are, and the registry's names. */
export type BuildJob = {
  path: string;
  dataDir: string;
  entities: [string, EntityInfo][];
};
export type BuildMessage = { progress: number } | { done: number; skipped: number } | { error: string };

/** Changes caught up on per turn of the event loop: each turn stays a few milliseconds. */
const CATCH_UP_BATCH = 50;
const FACET_LIMIT = 12;
/** Rows (ids, stamps, words) read per turn of the event loop after start-up: a few milliseconds each. */
const SLICE = 2_000;

export class SearchService {
  private index: SearchIndex | null = null;
  private status: SearchStatus = { state: 'ready', done: 0, total: 0, message: null };
  /** Articles to (re)index or drop, in the background. */
  private readonly pending = new Set<string>();
  private catchingUp: Promise<void> | null = null;
  private building: { worker: Worker; done: Promise<void> } | null = null;
  /** Changes made while a rebuild runs: applied to the new index once it is swapped in. */
  private readonly changedDuringBuild = new Set<string>();
  /** The index's words, read a slice at a time after start-up. */
  private vocabulary: { words: Vocabulary; after: string; complete: boolean } | null = null;
  /** What each row counts for in facets, read a slice at a time after start-up. */
  private rowIds: { columns: FacetColumns; after: number; complete: boolean } | null = null;
  private entityCache: { of: readonly Entity[]; byId: Map<string, Entity>; byName: Map<string, Entity[]> } | null =
    null;
  private closed = false;
  /** Bumped by every write of an article: catching up never puts back an older read over a newer write. */
  private readonly generations = new Map<string, number>();
  /** Each entity's name, aliases and type as the index has them: what a registry change is compared with. */
  private indexedEntities = new Map<string, string>();

  constructor(private readonly host: SearchHost) {}

  /** Opens the index without reading any article; what it lacks is filled in the background. */
  async open(): Promise<void> {
    const path = join(this.host.indexDir, INDEX_FILE);
    // What the index was built with, to tell later which entities' names changed.
    this.indexedEntities = entitySignatures(this.host.entities());
    const existed = existsSync(path);
    try {
      this.index = SearchIndex.open(path);
      if (!this.index.complete && !existed && this.index.size === 0 && isEmpty(this.host.entries())) {
        // A new archive: nothing to build.
        this.index.markComplete();
        return;
      }
      if (!this.index.complete) throw new Error('an unfinished build');
    } catch (error) {
      this.index?.close();
      this.index = null;
      if (error instanceof Error && /node:sqlite|Node 22/.test(error.message)) {
        this.status = { state: 'unavailable', done: 0, total: 0, message: error.message };
        return;
      }
      // Missing, unfinished, of an older format or damaged: it is derived, so it is built again.
      this.rebuild(existed ? `The search index was rebuilt (${describe(error)}).` : null);
      return;
    }
    // After start-up: what changed behind the index's back (a crash) is compared once, and what
    // facets and typo tolerance need is read into memory, a slice at a time.
    setTimeout(() => void this.warmUp(), 0).unref?.();
  }

  get state(): SearchStatus {
    return { ...this.status };
  }

  /** An article was written (or trashed, or restored): it is searchable once this returns. */
  noteChanged(article: Article, stamp: { size: number; mtimeMs: number }): void {
    this.bumpGeneration(article.id);
    if (this.building) {
      this.changedDuringBuild.add(article.id);
      return;
    }
    if (!this.index) return;
    // The article is already durable: an index that fails here (damaged under us) is rebuilt, and
    // the write still succeeds.
    this.guarded(() => {
      const row = rowFor(article, stampText(stamp), (id) => this.entityInfo(id));
      const [rowid] = this.index!.put([row]);
      this.noteRow(rowid!, article.id);
      this.vocabulary?.words.addText(`${row.title} ${row.text}`);
      this.pending.delete(article.id);
    });
  }

  /** Articles gone from the catalog (a damaged file moved aside, a deletion). */
  noteRemoved(id: string): void {
    this.bumpGeneration(id);
    if (this.building) this.changedDuringBuild.add(id);
    else if (this.index) this.guarded(() => this.index!.remove([id]));
  }

  /** Runs an index operation; an SQLite failure (a damaged file) starts a rebuild instead of failing the caller. */
  private guarded<T>(work: () => T): T | undefined {
    try {
      return work();
    } catch (error) {
      if (error instanceof ArchiveError) throw error;
      this.index?.close();
      this.index = null;
      this.rebuild(`The search index was damaged and is being rebuilt (${describe(error)}).`);
      return undefined;
    }
  }

  private bumpGeneration(id: string): void {
    this.generations.set(id, (this.generations.get(id) ?? 0) + 1);
  }

  /** The registry changed: articles mentioning entities whose names, aliases or type changed are indexed again. */
  noteRegistryChanged(): void {
    const before = this.indexedEntities;
    const after = entitySignatures(this.host.entities());
    this.indexedEntities = after;
    const changed = new Set<string>();
    for (const [id, signature] of before) if (after.get(id) !== signature) changed.add(id);
    if (!changed.size) return;
    const affected = [...this.host.entries()].filter((e) => e.entityIds.some((id) => changed.has(id))).map((e) => e.id);
    // During a rebuild the worker has the old names: these articles are indexed again after the swap.
    if (this.building) for (const id of affected) this.changedDuringBuild.add(id);
    else {
      for (const id of affected) this.pending.add(id);
      this.catchUp();
    }
  }

  async search(input: z.output<typeof SearchQuery>): Promise<SearchResult> {
    const started = performance.now();
    const empty = (notices: string[] = []): SearchResult => ({
      total: 0,
      hits: [],
      facets: null,
      notices,
      terms: { terms: [], prefixes: [] },
      index: this.state,
      tookMs: performance.now() - started,
    });
    if (this.status.state === 'unavailable')
      throw new ArchiveError('internal', this.status.message ?? 'Search is unavailable.');
    const compiled = this.compile(input.query);
    if (!this.index) {
      const progress = this.status.total ? ` (${Math.floor((100 * this.status.done) / this.status.total)}%)` : '';
      return empty([
        `The search index is being built${progress}: results will appear when it is ready.`,
        ...compiled.notices,
      ]);
    }
    const answer = this.guarded(() => {
      const rows = input.facets ? this.index!.matchingRows(compiled) : null;
      return { rows, ...this.index!.search(compiled, input.sort, input.limit, input.offset, rows?.length) };
    });
    if (!answer) return empty([this.status.message ?? 'The search index is being rebuilt.', ...compiled.notices]);
    const { rows, total, hits } = answer;
    const found = await Promise.all(hits.map((hit) => this.hitFor(hit.id, hit.score, compiled)));
    return {
      total,
      hits: found.filter((h): h is SearchHit => h !== null),
      facets: rows ? this.facets(rows) : null,
      notices: compiled.notices,
      terms: compiled.highlight,
      index: this.state,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }

  /** Every article the query finds, newest first (exports and smart collections): ids only, no snippets. */
  matchingIds(query: string): string[] {
    if (this.status.state === 'unavailable')
      throw new ArchiveError('unavailable', this.status.message ?? 'Search is unavailable.');
    const compiled = this.compile(query);
    const found = this.index ? this.guarded(() => this.index!.search(compiled, 'newest', 10_000_000, 0)) : undefined;
    if (!found)
      throw new ArchiveError(
        'unavailable',
        'The search index is being built: a search can be exported when it is ready (the status bar shows progress).',
      );
    return found.hits.map((hit) => hit.id);
  }

  /** Parses and compiles, turning what is wrong with the query into a message for the user. */
  compile(query: string): CompiledQuery {
    try {
      return compileQuery(parseQuery(query), {
        entities: (text) => this.entitiesCalled(text),
        collection: (name) => this.host.collections().find((c) => foldTerm(c.name) === foldTerm(name)) ?? null,
        similar: (term, distance) => this.vocab().similar(term, distance),
        claimStatuses: ClaimStatus.options,
        claimKinds: ClaimKind.options,
      });
    } catch (error) {
      if (error instanceof QueryError) {
        throw new ArchiveError('invalid', `${error.message} (at character ${error.at + 1} of the query)`);
      }
      throw error;
    }
  }

  /** Builds the index from the article files in a worker thread, with progress; searches answer meanwhile. */
  rebuild(message: string | null = null): void {
    if (this.building || this.closed) return;
    const path = join(this.host.indexDir, INDEX_FILE);
    const building = `${path}.building`;
    this.status = { state: 'building', done: 0, total: this.host.count(), message };
    const job: BuildJob = {
      path: building,
      dataDir: this.host.dataDir,
      entities: [...this.entityIndex().byId].map(([id, e]) => [id, { name: e.name, aliases: e.aliases, type: e.type }]),
    };
    const worker = new Worker(WORKER_PATH, { workerData: job });
    const done = new Promise<void>((resolve) => {
      let finished = false;
      // A build that fails leaves search unavailable until the next start tries again (the
      // unfinished file is not trusted then), and its threads are stopped.
      const failed = (why: string) => {
        finished = true;
        this.status = {
          state: 'unavailable',
          done: 0,
          total: 0,
          message: `The search index could not be built: ${why}`,
        };
        this.building = null;
        void worker.terminate();
        resolve();
      };
      worker.on('message', (m: BuildMessage) => {
        if ('progress' in m) this.status = { ...this.status, done: m.progress };
        else if ('done' in m) {
          finished = true;
          void this.swapIn(building).then(resolve, (error: unknown) => failed(describe(error)));
        } else failed(m.error);
      });
      worker.on('error', (error) => failed(describe(error)));
      worker.on('exit', () => {
        if (!finished) {
          this.building = null;
          resolve();
        }
      });
    });
    this.building = { worker, done };
  }

  /** Makes the index current now (the CLI, which searches once and exits): built, and caught up with the files. */
  async ready(): Promise<void> {
    await this.settled();
    await this.findStale();
    await this.settled();
  }

  /** Resolves when a rebuild in progress and the catching up after it are over (tests, the CLI). */
  async settled(): Promise<void> {
    while (this.building || this.catchingUp) {
      await this.building?.done;
      await this.catchingUp;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const building = this.building;
    if (building) {
      await building.worker.terminate();
      await building.done;
    }
    await this.catchingUp;
    this.index?.close();
    this.index = null;
  }

  private async swapIn(building: string): Promise<void> {
    const path = join(this.host.indexDir, INDEX_FILE);
    this.index?.close();
    this.index = null;
    try {
      for (const suffix of ['', '-wal', '-shm']) await rm(path + suffix, { force: true });
      await rename(building, path);
    } finally {
      this.building = null;
    }
    if (this.closed) return;
    this.index = SearchIndex.open(path);
    this.vocabulary = null;
    this.rowIds = null;
    this.status = { state: 'ready', done: 0, total: 0, message: this.status.message };
    for (const id of this.changedDuringBuild) this.pending.add(id);
    this.changedDuringBuild.clear();
    // Anything written between the worker's snapshot and now is caught by comparing stamps.
    await this.findStale();
  }

  private async warmUp(): Promise<void> {
    await this.findStale();
    const rows = this.rowState();
    while (!rows.complete && this.index && !this.closed && this.rowIds === rows) {
      this.loadRowIds(rows, SLICE);
      await new Promise((resolve) => setImmediate(resolve));
    }
    // The vocabulary for typo tolerance, the same way (a fuzzy query before it is done reads the rest at once).
    const vocabulary = this.wordState();
    while (!vocabulary.complete && this.index && !this.closed && this.vocabulary === vocabulary) {
      this.loadWords(vocabulary, SLICE);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private rowState(): NonNullable<SearchService['rowIds']> {
    return (this.rowIds ??= { columns: new FacetColumns(), after: 0, complete: false });
  }

  private wordState(): NonNullable<SearchService['vocabulary']> {
    return (this.vocabulary ??= { words: new Vocabulary(), after: '', complete: false });
  }

  private loadWords(vocabulary: NonNullable<SearchService['vocabulary']>, limit: number): void {
    const slice = this.index!.vocabularyAfter(vocabulary.after, limit);
    vocabulary.words.addAll(slice);
    if (slice.length) vocabulary.after = slice.at(-1)!.term;
    if (slice.length < limit) vocabulary.complete = true;
  }

  private loadRowIds(rows: NonNullable<SearchService['rowIds']>, limit: number): void {
    const slice = this.index!.idsAfter(rows.after, limit);
    for (const { rowid, id } of slice) {
      const entry = this.host.entry(id);
      if (entry) rows.columns.set(rowid, entry);
    }
    if (slice.length) rows.after = slice.at(-1)!.rowid;
    if (slice.length < limit) rows.complete = true;
  }

  private noteRow(rowid: number, id: string): void {
    const entry = this.rowIds && this.host.entry(id);
    if (entry) this.rowIds!.columns.set(rowid, entry);
  }

  /** Every row's facet values: what the warm-up has not read yet is read now. */
  private facetColumns(): FacetColumns {
    const rows = this.rowState();
    while (!rows.complete) this.loadRowIds(rows, 100_000);
    return rows.columns;
  }

  /** Compares the index's stamps with the catalog's, a slice at a time, and queues what differs. */
  private async findStale(): Promise<void> {
    const indexed = new Map<string, string>();
    for (let after = 0; ;) {
      if (!this.index || this.closed) return;
      const slice = this.index.stampsAfter(after, SLICE);
      for (const row of slice) indexed.set(row.id, row.stamp);
      if (slice.length < SLICE) break;
      after = slice.at(-1)!.rowid;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const entries = [...this.host.entries()];
    for (let i = 0; i < entries.length; i += SLICE * 5) {
      if (!this.index || this.closed) return;
      for (const entry of entries.slice(i, i + SLICE * 5)) {
        if (indexed.get(entry.id) !== stampText(entry)) this.pending.add(entry.id);
        indexed.delete(entry.id);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (!this.index || this.closed) return;
    if (indexed.size) this.index.remove([...indexed.keys()]);
    this.catchUp();
  }

  private catchUp(): void {
    if (this.catchingUp || !this.pending.size) return;
    this.catchingUp = (async () => {
      const total = this.pending.size;
      let done = 0;
      while (this.pending.size && this.index && !this.closed && !this.building) {
        if (total > CATCH_UP_BATCH) this.status = { ...this.status, state: 'updating', done, total };
        const batch = [...this.pending].slice(0, CATCH_UP_BATCH);
        for (const id of batch) this.pending.delete(id);
        const started = new Map(batch.map((id) => [id, this.generations.get(id) ?? 0]));
        const articles = await Promise.all(
          batch.map(async (id) => {
            const entry = this.host.entry(id);
            if (!entry) return { id, article: null };
            return this.host.read(id).then(
              (article) => ({ id, article, stamp: stampText(this.host.entry(id) ?? entry) }),
              () => ({ id, article: null }),
            );
          }),
        );
        if (!this.index || this.closed) break;
        const index = this.index;
        this.guarded(() =>
          index.transaction(() => {
            for (const item of articles) {
              // Written again while this batch was being read: that write is already indexed, and newer.
              if ((this.generations.get(item.id) ?? 0) !== started.get(item.id)) continue;
              if (!item.article) index.removeOne(item.id);
              else {
                const rowid = index.putOne(rowFor(item.article, item.stamp!, (id) => this.entityInfo(id)));
                this.noteRow(rowid, item.id);
              }
            }
          }),
        );
        done += batch.length;
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (this.status.state === 'updating') this.status = { ...this.status, state: 'ready', done: 0, total: 0 };
    })().finally(() => {
      this.catchingUp = null;
    });
  }

  private async hitFor(id: string, score: number, compiled: CompiledQuery): Promise<SearchHit | null> {
    const entry = this.host.entry(id);
    if (!entry) return null;
    const text = await this.host.readText(id);
    const snippet = text !== null ? snippetOf(text, compiled.highlight) : { text: '', highlights: [] };
    return {
      id,
      title: entry.title,
      source: entry.source,
      publishedAt: entry.publishedAt,
      capturedAt: entry.capturedAt,
      language: entry.language,
      score,
      snippet: snippet.text,
      highlights: snippet.highlights,
      titleHighlights: highlightsIn(entry.title, compiled.highlight),
    };
  }

  /** Counts through the catalog (which has every article's source, language, dates and entities). */
  private facets(rows: number[]): SearchFacets {
    const entities = this.entityIndex().byId;
    const counts = this.facetColumns().count(rows, (id) => entities.get(id)?.type);
    const top = (list: { value: string; count: number }[], label: (v: string) => string = (v) => v): FacetCount[] =>
      list
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
        .slice(0, FACET_LIMIT)
        .map(({ value, count }) => ({ value, label: label(value), count }));
    return {
      source: top(counts.source),
      language: top(counts.language),
      month: counts.month
        .sort((a, b) => (a.value < b.value ? 1 : -1))
        .map(({ value, count }) => ({ value, label: value, count })),
      entity: top(counts.entity, (id) => entities.get(id)?.name ?? id),
      type: top(counts.type),
    };
  }

  private vocab(): Vocabulary {
    const vocabulary = this.wordState();
    while (!vocabulary.complete && this.index) this.loadWords(vocabulary, 100_000);
    return vocabulary.words;
  }

  private entityInfo(id: string): EntityInfo | undefined {
    return this.entityIndex().byId.get(id);
  }

  private entityIndex(): NonNullable<SearchService['entityCache']> {
    const entities = this.host.entities();
    if (this.entityCache?.of === entities) return this.entityCache;
    const byId = new Map<string, Entity>();
    const byName = new Map<string, Entity[]>();
    for (const entity of entities) {
      byId.set(entity.id, entity);
      for (const name of [entity.name, ...entity.aliases]) {
        const key = queryTerms(name).join(' ');
        const list = byName.get(key);
        if (list) {
          if (!list.includes(entity)) list.push(entity);
        } else byName.set(key, [entity]);
      }
    }
    this.entityCache = { of: entities, byId, byName };
    return this.entityCache;
  }

  /** Entities called this (by name or alias, folded); failing that, those with a name that starts with it. */
  private entitiesCalled(text: string): { id: string; names: string[] }[] {
    const { byName } = this.entityIndex();
    const key = queryTerms(text).join(' ');
    let found = byName.get(key) ?? [];
    if (!found.length && key.length >= 3) {
      const starts = new Set<Entity>();
      for (const [name, list] of byName) if (name.startsWith(key)) for (const e of list) starts.add(e);
      found = [...starts].slice(0, 20);
    }
    return found.map((e) => ({ id: e.id, names: [e.name, ...e.aliases] }));
  }
}

function entitySignatures(entities: readonly Entity[]): Map<string, string> {
  return new Map(entities.map((e) => [e.id, `${e.type}\n${e.name}\n${e.aliases.join('\n')}`]));
}

function isEmpty(entries: Iterable<unknown>): boolean {
  for (const _ of entries) return false;
  return true;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
