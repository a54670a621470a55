// Facet values of every indexed article as numbers by rowid (source, language, month, entities), so counting 20k matches is array increments, not map lookups.
import type { CatalogEntry } from '../store/catalog.ts';

/** Strings to small numbers and back. */
class Codes {
  readonly values: string[] = [];
  private readonly byValue = new Map<string, number>();

  code(value: string): number {
    let code = this.byValue.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.byValue.set(value, code);
    }
    return code;
  }
}

export type Counts = { value: string; count: number }[];

export class FacetColumns {
  private readonly sources = new Codes();
  private readonly languages = new Codes();
  private readonly months = new Codes();
  private readonly entityCodes = new Codes();
  private source = new Int32Array(1024).fill(-1);
  private language = new Int32Array(1024).fill(-1);
  private month = new Int32Array(1024).fill(-1);
  private entities: (Int32Array | undefined)[] = [];

  /** Records (or replaces) what a row counts for. */
  set(rowid: number, entry: CatalogEntry): void {
    this.grow(rowid);
    this.source[rowid] = entry.source ? this.sources.code(entry.source) : -1;
    // By primary language (pt for pt-BR), as lang:pt finds both.
    this.language[rowid] = entry.language ? this.languages.code(entry.language.toLowerCase().split(/[-_]/)[0]!) : -1;
    // By publication month only: an undated article is in no month's bar, not in the month it was saved.
    this.month[rowid] = entry.publishedAt ? this.months.code(entry.publishedAt.slice(0, 7)) : -1;
    this.entities[rowid] = entry.entityIds.length
      ? Int32Array.from(entry.entityIds, (id) => this.entityCodes.code(id))
      : undefined;
  }

  /**
   * Counts over the rows: by source, language, month and entity, and by entity type (an article
   * counted once per type it mentions; `typeOf` says an entity's type, or undefined for one gone).
   */
  count(rows: number[], typeOf: (entityId: string) => string | undefined) {
    const source = new Int32Array(this.sources.values.length);
    const language = new Int32Array(this.languages.values.length);
    const month = new Int32Array(this.months.values.length);
    const entity = new Int32Array(this.entityCodes.values.length);
    const types = this.entityCodes.values.map(typeOf);
    const typeCodes = new Codes();
    const typeOfCode = types.map((t) => (t === undefined ? -1 : typeCodes.code(t)));
    const type = new Int32Array(8);
    for (const row of rows) {
      if (row >= this.source.length) continue;
      const s = this.source[row]!;
      if (s >= 0) source[s]!++;
      const l = this.language[row]!;
      if (l >= 0) language[l]!++;
      const m = this.month[row]!;
      if (m >= 0) month[m]!++;
      const list = this.entities[row];
      if (!list) continue;
      let seen = 0;
      for (const e of list) {
        const t = typeOfCode[e]!;
        if (t < 0) continue;
        entity[e]!++;
        if (!(seen & (1 << t))) {
          seen |= 1 << t;
          type[t]!++;
        }
      }
    }
    const out = (codes: readonly string[], counts: Int32Array): Counts =>
      codes.map((value, i) => ({ value, count: counts[i]! })).filter((c) => c.count > 0);
    return {
      source: out(this.sources.values, source),
      language: out(this.languages.values, language),
      month: out(this.months.values, month),
      entity: out(this.entityCodes.values, entity),
      type: out(typeCodes.values, type),
    };
  }

  private grow(rowid: number): void {
    if (rowid < this.source.length) return;
    const size = Math.max(rowid + 1, this.source.length * 2);
    const widen = (old: Int32Array) => {
      const next = new Int32Array(size).fill(-1);
      next.set(old);
      return next;
    };
    this.source = widen(this.source);
    this.language = widen(this.language);
    this.month = widen(this.month);
  }
}
