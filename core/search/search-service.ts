// Search over the archive: keeps the index in step with every change, catches up on what changed behind its back, rebuilds it in a worker when it is missing or damaged, and answers queries with snippets and facets.
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { CLAIM_KINDS, CLAIM_STATUSES } from '../common/vocabulary.ts';
import { ArchiveError } from '../errors.ts';
import type { Article, SearchFacets, SearchHit, SearchQuery, SearchResult, SearchStatus } from '../model.ts';
import type { ArticleStore } from '../store/article-store.ts';
import { INDEX_DIR } from '../store/catalog.ts';
import type { RegistryStore } from '../store/registry-file.ts';
import { EntityNames } from './entity-names.ts';
import { foldTerm } from './fold.ts';
import { startBuild, type Build } from './index-builder.ts';
import { rowFor, stampText } from './index-rows.ts';
import { compileQuery, type CompiledQuery } from './query-compile.ts';
import { QueryError, parseQuery } from './query-parser.ts';
import { ReadAhead, SLICE } from './read-ahead.ts';
import { SearchIndex } from './search-index.ts';
import { facetsOf, hitFor } from './search-results.ts';

export const INDEX_FILE = 'search.sqlite';

/** Changes caught up on per turn of the event loop: each turn stays a few milliseconds. */
const CATCH_UP_BATCH = 50;

export class SearchService {
  private index: SearchIndex | null = null;
  private status: SearchStatus = { state: 'ready', done: 0, total: 0, message: null };
  /** Articles to (re)index or drop, in the background. */
  private readonly pending = new Set<string>();
  private catchingUp: Promise<void> | null = null;
  private building: { worker: Build['worker']; done: Promise<void> } | null = null;
  /** Changes made while a rebuild runs: applied to the new index once it is swapped in. */
  private readonly changedDuringBuild = new Set<string>();
  /** The index's words and what each row counts for in facets, read a slice at a time after start-up. */
  private readonly readAhead: ReadAhead;
  private readonly names: EntityNames;
  private closed = false;
  /** Bumped by every write of an article: catching up never puts back an older read over a newer write. */
  private readonly generations = new Map<string, number>();
  /** Each entity's name, aliases and type as the index has them: what a registry change is compared with. */
  private indexedEntities = new Map<string, string>();

  constructor(
    private readonly store: ArticleStore,
    private readonly registry: RegistryStore,
  ) {
    this.names = new EntityNames(registry);
    this.readAhead = new ReadAhead(
      () => this.index,
      (id) => store.entry(id),
    );
    store.on('written', (article, stamp) => this.noteChanged(article, stamp));
    store.on('removed', (id) => this.noteRemoved(id));
    registry.onChange(() => this.noteRegistryChanged());
  }

  /** Opens the index without reading any article; what it lacks is filled in the background. */
  async open(): Promise<void> {
    const path = this.path();
    // What the index was built with, to tell later which entities' names changed.
    this.indexedEntities = this.names.signatures();
    const existed = existsSync(path);
    try {
      this.index = SearchIndex.open(path);
      if (!this.index.complete && !existed && this.index.size === 0 && this.store.size === 0) {
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
  private noteChanged(article: Article, stamp: { size: number; mtimeMs: number }): void {
    this.bumpGeneration(article.id);
    if (this.building) {
      this.changedDuringBuild.add(article.id);
      return;
    }
    if (!this.index) return;
    // The article is already durable: an index that fails here (damaged under us) is rebuilt, and
    // the write still succeeds.
    this.guarded(() => {
      const row = rowFor(article, stampText(stamp), (id) => this.names.info(id));
      const [rowid] = this.index!.put([row]);
      this.readAhead.noteRow(rowid!, article.id);
      this.readAhead.noteWords(`${row.title} ${row.text}`);
      this.pending.delete(article.id);
    });
  }

  /** Articles gone from the catalog (a damaged file moved aside, a deletion). */
  private noteRemoved(id: string): void {
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
  private noteRegistryChanged(): void {
    const before = this.indexedEntities;
    const after = this.names.signatures();
    this.indexedEntities = after;
    const changed = new Set<string>();
    for (const [id, signature] of before) if (after.get(id) !== signature) changed.add(id);
    if (!changed.size) return;
    const affected = [...this.store.entries()]
      .filter((e) => e.entityIds.some((id) => changed.has(id)))
      .map((e) => e.id);
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
    const found = await Promise.all(hits.map((hit) => hitFor(this.store, hit.id, hit.score, compiled.highlight)));
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

  /** Every article the query finds, newest first (exports, smart collections), or whether it finds `onlyId` (a watch). */
  matchingIds(query: string, onlyId?: string): string[] {
    if (this.status.state === 'unavailable')
      throw new ArchiveError('unavailable', this.status.message ?? 'Search is unavailable.');
    const all = this.compile(query);
    const compiled = onlyId ? { ...all, where: [...all.where, 'd.id = ?'], params: [...all.params, onlyId] } : all;
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
        entities: (text) => this.names.called(text),
        collection: (name) => this.registry.data.collections.find((c) => foldTerm(c.name) === foldTerm(name)) ?? null,
        similar: (term, distance) => this.readAhead.vocabulary().similar(term, distance),
        claimStatuses: CLAIM_STATUSES,
        claimKinds: CLAIM_KINDS,
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
    const building = `${this.path()}.building`;
    this.status = { state: 'building', done: 0, total: this.store.size, message };
    const entities = [...this.names.byId].map(
      ([id, e]): [string, { name: string; aliases: string[]; type: typeof e.type }] => [
        id,
        { name: e.name, aliases: e.aliases, type: e.type },
      ],
    );
    const build = startBuild({ path: building, dataDir: this.store.dataDir, entities }, (done) => {
      this.status = { ...this.status, done };
    });
    const done = build.written
      .then(() => this.swapIn(building))
      .catch((error: unknown) => {
        this.building = null;
        void build.worker.terminate();
        // Stopped by close(): the next start builds again. Otherwise search stays unavailable until
        // then (the unfinished file is not trusted), and the build's threads are stopped.
        if (!this.closed)
          this.status = {
            state: 'unavailable',
            done: 0,
            total: 0,
            message: `The search index could not be built: ${describe(error)}`,
          };
      });
    this.building = { worker: build.worker, done };
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
    const path = this.path();
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
    this.readAhead.reset();
    this.status = { state: 'ready', done: 0, total: 0, message: this.status.message };
    for (const id of this.changedDuringBuild) this.pending.add(id);
    this.changedDuringBuild.clear();
    // Anything written between the worker's snapshot and now is caught by comparing stamps.
    await this.findStale();
  }

  private async warmUp(): Promise<void> {
    await this.findStale();
    await this.readAhead.warmUp(() => this.closed);
  }

  private path(): string {
    return join(this.store.dataDir, INDEX_DIR, INDEX_FILE);
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
    const entries = [...this.store.entries()];
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
            const entry = this.store.entry(id);
            if (!entry) return { id, article: null };
            return this.store.read(id).then(
              (article) => ({ id, article, stamp: stampText(this.store.entry(id) ?? entry) }),
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
                const rowid = index.putOne(rowFor(item.article, item.stamp!, (id) => this.names.info(id)));
                this.readAhead.noteRow(rowid, item.id);
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

  /** Counts through the catalog (which has every article's source, language, dates and entities). */
  private facets(rows: number[]): SearchFacets {
    const entities = this.names.byId;
    return facetsOf(
      this.readAhead.facetColumns().count(rows, (id) => entities.get(id)?.type),
      entities,
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
