// What facets and typo tolerance need from the index, read into memory a slice at a time after start-up (or at once when asked first).
import type { CatalogEntry } from '../store/catalog.ts';
import { FacetColumns } from './facet-columns.ts';
import type { SearchIndex } from './search-index.ts';
import { Vocabulary } from './vocabulary.ts';

/** Rows (ids, stamps, words) read per turn of the event loop after start-up: a few milliseconds each. */
export const SLICE = 2_000;

type Words = { words: Vocabulary; after: string; complete: boolean };
type Rows = { columns: FacetColumns; after: number; complete: boolean };

export class ReadAhead {
  private words: Words | null = null;
  private rows: Rows | null = null;

  constructor(
    private readonly index: () => SearchIndex | null,
    private readonly entry: (id: string) => CatalogEntry | undefined,
  ) {}

  /** A new index (swapped in after a rebuild): everything is read again. */
  reset(): void {
    this.words = null;
    this.rows = null;
  }

  /** Reads both in slices, yielding between them, until done or `stop()` says the index went away. */
  async warmUp(stop: () => boolean): Promise<void> {
    const rows = this.rowState();
    while (!rows.complete && this.index() && !stop() && this.rows === rows) {
      this.loadRows(rows, SLICE);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const words = this.wordState();
    while (!words.complete && this.index() && !stop() && this.words === words) {
      this.loadWords(words, SLICE);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** A row just written: its facet values, if they are being kept. */
  noteRow(rowid: number, id: string): void {
    const entry = this.rows && this.entry(id);
    if (entry) this.rows!.columns.set(rowid, entry);
  }

  /** New words of a row just written, if the vocabulary is being kept. */
  noteWords(text: string): void {
    this.words?.words.addText(text);
  }

  /** Every row's facet values: what the warm-up has not read yet is read now. */
  facetColumns(): FacetColumns {
    const rows = this.rowState();
    while (!rows.complete) this.loadRows(rows, 100_000);
    return rows.columns;
  }

  /** Every indexed word, for typo tolerance: what the warm-up has not read yet is read now. */
  vocabulary(): Vocabulary {
    const words = this.wordState();
    while (!words.complete && this.index()) this.loadWords(words, 100_000);
    return words.words;
  }

  private rowState(): Rows {
    return (this.rows ??= { columns: new FacetColumns(), after: 0, complete: false });
  }

  private wordState(): Words {
    return (this.words ??= { words: new Vocabulary(), after: '', complete: false });
  }

  private loadWords(words: Words, limit: number): void {
    const slice = this.index()!.vocabularyAfter(words.after, limit);
    words.words.addAll(slice);
    if (slice.length) words.after = slice.at(-1)!.term;
    if (slice.length < limit) words.complete = true;
  }

  private loadRows(rows: Rows, limit: number): void {
    const slice = this.index()!.idsAfter(rows.after, limit);
    for (const { rowid, id } of slice) {
      const entry = this.entry(id);
      if (entry) rows.columns.set(rowid, entry);
    }
    if (slice.length) rows.after = slice.at(-1)!.rowid;
    if (slice.length < limit) rows.complete = true;
  }
}
