// Entity, date and claim suggestions from a worker thread, so a long article never stalls the archive's other calls.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ArchiveError } from '../errors.ts';
import type { ClaimSuggestion } from '../attribution/claim-types.ts';
import type { GazetteerEntry, TaggingResult } from '../tagging/suggest-entities.ts';

/** What one run of the suggesters gives: entities, dates, and the claims made with those entities. */
export type SuggestionResult = TaggingResult & { claims: ClaimSuggestion[] };
export type TaggerRequest =
  | { kind: 'registry'; entries: GazetteerEntry[] }
  | { kind: 'tag'; id: number; text: string; publishedAt: string | null; outlet: string; language: string };
export type TaggerResponse = { id: number; result: SuggestionResult } | { id: number; error: string };

// Built, this module is inside dist/cli.js or dist/main.js, beside dist/tagger-worker.js: inside
// app.asar in a package, which Electron's worker threads read (electron#33216), so the
// ASAR-integrity check covers the worker too.
const WORKER_PATH = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? './tagger-worker.ts' : './tagger-worker.js', import.meta.url),
);
/** Far above any real article (a 2 MB text takes seconds); a runaway input must not hold the queue forever. */
const TIMEOUT_MS = 120_000;

type Pending = { resolve: (result: SuggestionResult) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

export class Tagger {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private registryVersion = -1;
  private closed = false;

  /** The registry's entries are sent to the worker again only when its version has changed. */
  constructor(private readonly registry: { version(): number; entries(): GazetteerEntry[] }) {}

  tag(text: string, publishedAt: string | null, outlet = '', language = ''): Promise<SuggestionResult> {
    // A job that reaches here after close must not start a worker nobody will stop.
    if (this.closed)
      return Promise.reject(new ArchiveError('internal', 'The archive was closed before suggestions finished.'));
    const worker = this.ensureWorker();
    const version = this.registry.version();
    if (version !== this.registryVersion) {
      worker.postMessage({ kind: 'registry', entries: this.registry.entries() } satisfies TaggerRequest);
      this.registryVersion = version;
    }
    const id = this.nextId++;
    return new Promise<SuggestionResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new ArchiveError('internal', 'Entity suggestions took too long and were stopped.'));
      }, TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ kind: 'tag', id, text, publishedAt, outlet, language } satisfies TaggerRequest);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.fail(new ArchiveError('internal', 'The archive was closed before suggestions finished.'));
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_PATH);
    // Idle, it must not keep a CLI process alive.
    worker.unref();
    worker.on('message', (response: TaggerResponse) => {
      const waiting = this.pending.get(response.id);
      if (!waiting) return;
      this.pending.delete(response.id);
      clearTimeout(waiting.timer);
      if ('error' in response)
        waiting.reject(new ArchiveError('internal', `Entity suggestions failed: ${response.error}`));
      else waiting.resolve(response.result);
    });
    worker.on('error', (error) =>
      this.fail(new ArchiveError('internal', `The tagging worker failed: ${error.message}`)),
    );
    worker.on('exit', () => {
      if (this.worker === worker) this.fail(new ArchiveError('internal', 'The tagging worker stopped.'));
    });
    this.registryVersion = -1;
    return (this.worker = worker);
  }

  /** Rejects everything waiting and drops the worker; the next call starts a fresh one. */
  private fail(error: Error): void {
    const worker = this.worker;
    this.worker = null;
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer);
      reject(error);
    }
    this.pending.clear();
    void worker?.terminate();
  }
}
