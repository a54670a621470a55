// One sorted listing of the library (or the trash), fetched a page at a time as its rows scroll into view.
import { useState, useSyncExternalStore } from 'react';
import type { ArticlePage, ArticleSummary, ListQuery, SortField } from '../core/model.ts';

/** Rows per request: a few screens' worth, small enough to answer in a few milliseconds at 100k articles. */
export const PAGE_SIZE = 200;

export type ListView = {
  sort: SortField;
  order: 'asc' | 'desc';
  trash: boolean;
  /** Only this hand-made collection's articles. */
  collectionId?: string;
};

type FetchPage = (query: ListQuery) => Promise<ArticlePage>;

export class LibraryPages {
  private readonly pages = new Map<number, ArticleSummary[]>();
  /** Pages fetched since the last reset; the others are shown until their fresh copy arrives. */
  private readonly fresh = new Set<number>();
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly listeners = new Set<() => void>();
  private generation = 0;
  private wanted = { first: 0, last: 0 };
  /** Unknown (null) until the first page of the current view arrives. */
  total: number | null = null;
  version = 0;

  constructor(
    private readonly fetchPage: FetchPage,
    private view: ListView,
    private readonly onError: (error: unknown) => void,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getVersion = (): number => this.version;

  /** Switches to another listing; a new sort keeps the old rows up until the new ones arrive, so nothing flickers. */
  setView(view: ListView): Promise<void> {
    const sameList = view.trash === this.view.trash && view.collectionId === this.view.collectionId;
    this.view = view;
    if (!sameList) {
      this.pages.clear();
      this.total = null;
      this.wanted = { first: 0, last: 0 };
    }
    return this.refresh();
  }

  /** Refetches the rows in view, after a change to the archive. Resolves once they have arrived. */
  refresh(): Promise<void> {
    this.generation++;
    this.fresh.clear();
    this.inFlight.clear();
    for (const page of this.pages.keys())
      if (page < this.wanted.first || page > this.wanted.last) this.pages.delete(page);
    this.notify();
    return this.ensure(this.wanted.first * PAGE_SIZE, this.wanted.last * PAGE_SIZE);
  }

  /** Makes sure the rows first..last (inclusive) are loaded or on their way. */
  ensure(first: number, last: number): Promise<void> {
    const firstPage = Math.floor(Math.max(0, first) / PAGE_SIZE);
    const lastPage = Math.max(firstPage, Math.floor(Math.max(0, last) / PAGE_SIZE));
    this.wanted = { first: firstPage, last: lastPage };
    const loads: Promise<void>[] = [];
    for (let page = firstPage; page <= lastPage; page++) {
      if (this.total !== null && page * PAGE_SIZE >= Math.max(this.total, 1)) break;
      if (this.fresh.has(page)) continue;
      loads.push(this.inFlight.get(page) ?? this.load(page));
    }
    return Promise.all(loads).then(() => undefined);
  }

  at(index: number): ArticleSummary | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /** The row at index, fetching its page when needed (for keyboard moves past what has been loaded). */
  async fetchAt(index: number): Promise<ArticleSummary | undefined> {
    const page = Math.floor(index / PAGE_SIZE);
    if (!this.fresh.has(page)) await (this.inFlight.get(page) ?? this.load(page));
    return this.at(index);
  }

  /** Where a loaded article sits in the list, or -1. */
  indexOf(id: string): number {
    for (const [page, items] of this.pages) {
      const at = items.findIndex((item) => item.id === id);
      if (at >= 0) return page * PAGE_SIZE + at;
    }
    return -1;
  }

  private load(page: number): Promise<void> {
    const generation = this.generation;
    const request = this.fetchPage({ ...this.view, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
      .then((result) => {
        if (generation !== this.generation) return;
        this.pages.set(page, result.items);
        this.fresh.add(page);
        if (result.total !== this.total) {
          this.total = result.total;
          for (const known of this.pages.keys()) if (known * PAGE_SIZE >= result.total) this.pages.delete(known);
        }
        this.notify();
      })
      .catch(this.onError)
      .finally(() => {
        if (this.inFlight.get(page) === request) this.inFlight.delete(page);
      });
    this.inFlight.set(page, request);
    return request;
  }

  private notify(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

/** A LibraryPages that lives as long as the component, re-rendering it whenever rows arrive. */
export function useLibraryPages(fetchPage: FetchPage, view: ListView, onError: (error: unknown) => void): LibraryPages {
  // Created once: later views go through setView, so loaded rows survive a re-sort.
  const [pages] = useState(() => new LibraryPages(fetchPage, view, onError));
  useSyncExternalStore(pages.subscribe, pages.getVersion);
  return pages;
}
