// The full-text index on disk: SQLite FTS5 over folded words (index/search.sqlite), the columns facets count, and the vocabulary fuzzy matching looks through.
import { openDatabase, type Database, type Statement } from './sqlite.ts';
import type { IndexRow } from './index-rows.ts';

/** Bumped when the schema or the folding changes: an index of another format is rebuilt. */
export const INDEX_FORMAT = '4';

// Columns in FTS order, and bm25 weights for them: a word in the title or an entity's name
// counts for more than one in the body.
const COLUMNS = ['title', 'text', 'source', 'byline', 'notes', 'tags', 'entities', 'claims'] as const;
const WEIGHTS = [8, 1, 3, 3, 2, 4, 2, 2];

export type Hit = { id: string; score: number; published: string | null; source: string };

/** A compiled query: an FTS5 expression (or none), one to exclude, and SQL conditions on the docs table. */
export type Compiled = {
  match: string | null;
  exclude: string | null;
  where: string[];
  params: (string | number)[];
};

export type Order = 'relevance' | 'newest' | 'oldest';

const byDate = (order: Order) => `coalesce(d.published, d.captured) ${order === 'oldest' ? 'ASC' : 'DESC'}, d.rowid`;

export class SearchIndex {
  private readonly statements = new Map<string, Statement>();
  private vocabCounts: Map<string, number> | null = null;

  private constructor(private readonly db: Database) {}

  /** Opens (or creates) the index at path. Throws when the file is not a usable index: the caller rebuilds. */
  static open(path: string, options: { bulk?: boolean } = {}): SearchIndex {
    const db = openDatabase(path);
    try {
      // A bulk build writes a new file that replaces the index only once complete (a crash leaves a
      // file that is deleted next time): no journal, no syncs, a large cache. Otherwise WAL: each
      // change one small commit, readable at once.
      db.exec(
        options.bulk
          ? 'PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;'
          : 'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;',
      );
      db.exec(`
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS docs (
          rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, stamp TEXT NOT NULL, trashed INTEGER NOT NULL,
          source TEXT NOT NULL, lang TEXT NOT NULL, published TEXT, captured TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS docs_published ON docs (published);
        CREATE INDEX IF NOT EXISTS docs_captured ON docs (captured);
        CREATE TABLE IF NOT EXISTS doc_entities (
          doc INTEGER NOT NULL, entity TEXT NOT NULL, type TEXT NOT NULL, PRIMARY KEY (doc, entity)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS doc_entities_entity ON doc_entities (entity);
        CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5 (${COLUMNS.join(', ')},
          content = '', contentless_delete = 1,
          tokenize = 'ascii');
        CREATE TABLE IF NOT EXISTS vocab (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
      `);
      const format = db.prepare('SELECT value FROM meta WHERE key = ?').get('format');
      if (!format) db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('format', INDEX_FORMAT);
      else if (format.value !== INDEX_FORMAT) throw new Error(`index format ${String(format.value)}`);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SearchIndex(db);
  }

  get complete(): boolean {
    return this.meta('complete') === '1';
  }

  /** Marks a rebuild finished: until then the index is not trusted at start-up. */
  markComplete(): void {
    this.setMeta('complete', '1');
    this.db.exec('PRAGMA journal_mode = WAL');
  }

  meta(key: string): string | null {
    const row = this.stmt('SELECT value FROM meta WHERE key = ?').get(key);
    return row ? String(row.value) : null;
  }

  setMeta(key: string, value: string): void {
    this.stmt('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      key,
      value,
    );
  }

  /** Adds or replaces articles, in one transaction. */
  put(rows: IndexRow[]): number[] {
    const rowids: number[] = [];
    this.transaction(() => {
      for (const row of rows) rowids.push(this.putOne(row));
    });
    return rowids;
  }

  remove(ids: string[]): void {
    this.transaction(() => {
      for (const id of ids) this.removeOne(id);
    });
  }

  /** Drops one article (inside the caller's transaction). */
  removeOne(id: string): void {
    const found = this.stmt('SELECT rowid FROM docs WHERE id = ?').get(id);
    if (found) this.dropRow(Number(found.rowid));
  }

  /** Ids and stamps, `limit` rows after `after`: compared with the catalog to find what changed behind the index's back. */
  stampsAfter(after: number, limit: number): { rowid: number; id: string; stamp: string }[] {
    return this.stmt('SELECT rowid, id, stamp FROM docs WHERE rowid > ? ORDER BY rowid LIMIT ?')
      .all(after, limit)
      .map((r) => ({ rowid: Number(r.rowid), id: String(r.id), stamp: String(r.stamp) }));
  }

  get size(): number {
    return Number(this.stmt('SELECT count(*) AS n FROM docs').get()!.n);
  }

  /** Matching articles, best first (or by date), with the total. */
  /** Matching articles, best first (or by date); the total when it is not already known (from matchingRows). */
  search(
    query: Compiled,
    order: Order,
    limit: number,
    offset: number,
    knownTotal?: number,
  ): { total: number; hits: Hit[] } {
    const score = `bm25(fts, ${WEIGHTS.join(', ')})`;
    let rows;
    let total = knownTotal;
    if (query.match && !query.where.length && !query.exclude) {
      // Words only: FTS5 alone counts and ranks, and only the page is joined to its rows.
      total ??= Number(this.stmt('SELECT count(*) AS n FROM fts WHERE fts MATCH ?').get(query.match)!.n);
      if (total === 0) return { total, hits: [] };
      rows =
        order === 'relevance'
          ? this.stmt(
              `SELECT d.id, f.score, d.published, d.source FROM (SELECT rowid, ${score} AS score FROM fts WHERE fts MATCH ? ORDER BY score LIMIT ? OFFSET ?) f JOIN docs d ON d.rowid = f.rowid ORDER BY f.score`,
            ).all(query.match, limit, offset)
          : this.stmt(
              `SELECT d.id, 0 AS score, d.published, d.source FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE fts MATCH ? ORDER BY ${byDate(order)} LIMIT ? OFFSET ?`,
            ).all(query.match, limit, offset);
    } else {
      const { from, where, params } = this.plan(query);
      total ??= Number(this.stmt(`SELECT count(*) AS n FROM ${from} WHERE ${where}`).get(...params)!.n);
      if (total === 0) return { total, hits: [] };
      const orderBy = order === 'relevance' && query.match ? 'score' : byDate(order);
      rows = this.stmt(
        `SELECT d.id, ${query.match ? score : '0'} AS score, d.published, d.source FROM ${from} WHERE ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
      ).all(...params, limit, offset);
    }
    return {
      total,
      hits: rows.map((r) => ({
        id: String(r.id),
        // bm25 is lower for better matches; shown the other way round.
        score: Math.round(-Number(r.score) * 1000) / 1000,
        published: r.published === null ? null : String(r.published),
        source: String(r.source),
      })),
    };
  }

  /**
   * Indexed words after `after` (in order) with about how many articles each is in, for fuzzy
   * matching. Counts only grow (fts5vocab would be exact, but scans the whole index: 0.3 s at 100k).
   */
  vocabularyAfter(after: string, limit: number): { term: string; docs: number }[] {
    return this.stmt('SELECT term, docs FROM vocab WHERE term > ? ORDER BY term LIMIT ?')
      .all(after, limit)
      .map((r) => ({ term: String(r.term), docs: Number(r.docs) }));
  }

  /** Article ids by rowid, `limit` rows after `after`: facets count through the catalog, which has the rest. */
  idsAfter(after: number, limit: number): { rowid: number; id: string }[] {
    return this.stmt('SELECT rowid, id FROM docs WHERE rowid > ? ORDER BY rowid LIMIT ?')
      .all(after, limit)
      .map((r) => ({ rowid: Number(r.rowid), id: String(r.id) }));
  }

  /** The rows that match (all of them, for facets and totals). */
  matchingRows(query: Compiled): number[] {
    const { from, where, params } = this.plan(query);
    const found = this.db.prepare(`SELECT group_concat(d.rowid) AS rows FROM ${from} WHERE ${where}`).get(...params);
    const rows = found?.rows;
    return rows ? String(rows).split(',').map(Number) : [];
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  private plan(query: Compiled): { from: string; where: string; params: (string | number)[] } {
    // Trashed articles are not in the full-text table; only a scan of all rows must skip them.
    const where = query.match ? [...query.where] : ['d.trashed = 0', ...query.where];
    const params: (string | number)[] = [];
    let from = 'docs d';
    if (query.match) {
      from = 'fts JOIN docs d ON d.rowid = fts.rowid';
      where.unshift('fts MATCH ?');
      params.push(query.match);
    }
    params.push(...query.params);
    if (query.exclude) {
      where.push('d.rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)');
      params.push(query.exclude);
    }
    return { from, where: where.join(' AND ') || '1', params };
  }

  /** Adds or replaces one article; its rowid is returned (for the caller's rowid-to-id map). */
  putOne(row: IndexRow): number {
    const found = this.stmt('SELECT rowid FROM docs WHERE id = ?').get(row.id);
    if (found) this.dropRow(Number(found.rowid));
    const { lastInsertRowid } = this.stmt(
      'INSERT INTO docs (id, stamp, trashed, source, lang, published, captured) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(row.id, row.stamp, row.trashed, row.source, row.lang, row.published, row.captured);
    const rowid = Number(lastInsertRowid);
    // A trashed article keeps its row (and stamp) but leaves the full-text index: no query finds it.
    if (row.trashed) return rowid;
    this.stmt(`INSERT INTO fts (rowid, ${COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      rowid,
      row.title,
      row.text,
      row.sourceWords,
      row.byline,
      row.notes,
      row.tags,
      row.entities,
      row.claims,
    );
    const addEntity = this.stmt('INSERT OR IGNORE INTO doc_entities (doc, entity, type) VALUES (?, ?, ?)');
    for (const ref of row.entityRefs) addEntity.run(rowid, ref.id, ref.type);
    const terms = wordsOf(row);
    if (this.vocabCounts) for (const term of terms) this.vocabCounts.set(term, (this.vocabCounts.get(term) ?? 0) + 1);
    else {
      const count = this.stmt(
        'INSERT INTO vocab (term, docs) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET docs = docs + 1',
      );
      for (const term of terms) count.run(term);
    }
    return rowid;
  }

  /**
   * For a bulk build: vocabulary counts are kept in memory and written once by flushVocabulary
   * (an upsert per word per article was most of a rebuild's time).
   */
  deferVocabulary(): void {
    this.vocabCounts ??= new Map();
  }

  flushVocabulary(): void {
    const counts = this.vocabCounts;
    if (!counts) return;
    this.vocabCounts = null;
    const count = this.stmt(
      'INSERT INTO vocab (term, docs) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET docs = docs + excluded.docs',
    );
    this.transaction(() => {
      for (const [term, docs] of counts) count.run(term, docs);
    });
  }

  private dropRow(rowid: number): void {
    // Deleting a rowid the full-text table does not have (a trashed article's) is a no-op.
    this.stmt('DELETE FROM fts WHERE rowid = ?').run(rowid);
    this.stmt('DELETE FROM doc_entities WHERE doc = ?').run(rowid);
    this.stmt('DELETE FROM docs WHERE rowid = ?').run(rowid);
  }

  transaction(work: () => void): void {
    this.db.exec('BEGIN');
    try {
      work();
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  private stmt(sql: string): Statement {
    // Queries with filters make their own SQL: the cache must not grow without end.
    if (this.statements.size > 500) this.statements.clear();
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }
}

/** The distinct words of an article's own fields (not the marker words), for the vocabulary. */
function wordsOf(row: IndexRow): Set<string> {
  const terms = new Set(
    `${row.title} ${row.text} ${row.sourceWords} ${row.byline} ${row.notes} ${row.tags}`.split(' '),
  );
  terms.delete('');
  return terms;
}
