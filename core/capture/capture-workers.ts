// Page extraction on worker threads, one per core: an import of a folder extracts pages side by side while the archive's thread saves.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { captureDocument, type CaptureRequest, type CaptureResult } from './capture-document.ts';

export type CaptureJob = { id: number; request: CaptureRequest };
export type CaptureReply = { id: number; result: CaptureResult };

// Built, this module is inside dist/cli.js or dist/main.js, beside dist/capture-worker.js. That one
// imports jsdom and the rest from node_modules (jsdom reads its own files, so it cannot be bundled),
// so in a package it stays inside app.asar, which Electron's worker threads read (electron#33216).
// Not run packaged here: if the thread cannot start, pages are extracted on the main thread instead.
const WORKER_PATH = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? './capture-worker.ts' : './capture-worker.js', import.meta.url),
);

/** Threads at most: each holds its own DOM libraries (~60 MB). Measured in docs/capture.md. */
const MAX_THREADS = 4;
/** An idle thread stops after this long, so an app left open does not keep them. */
const IDLE_MS = 60_000;

type Thread = { worker: Worker; jobs: Map<number, { request: CaptureRequest; done: (r: CaptureResult) => void }> };

/**
 * Same results as captureDocument, from worker threads. A thread that cannot start or dies mid-page
 * is dropped and its pages are extracted here instead, as they were before threads: nothing is lost.
 */
export class CaptureWorkers {
  private readonly threads: Thread[] = [];
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private broken = false;

  constructor(private readonly size = Math.min(MAX_THREADS, availableParallelism())) {}

  capture(request: CaptureRequest): Promise<CaptureResult> {
    if (this.closed || this.broken || this.size < 1) return Promise.resolve(captureDocument(request));
    const thread = this.leastBusy();
    const id = this.nextId++;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    return new Promise((done) => {
      thread.jobs.set(id, { request, done });
      thread.worker.ref();
      thread.worker.postMessage({ id, request } satisfies CaptureJob);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const threads = this.threads.splice(0);
    for (const thread of threads) this.drop(thread);
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }

  private leastBusy(): Thread {
    const idle = this.threads.find((thread) => thread.jobs.size === 0);
    if (idle) return idle;
    if (this.threads.length < this.size) return this.start();
    return this.threads.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
  }

  private start(): Thread {
    const thread: Thread = { worker: new Worker(WORKER_PATH), jobs: new Map() };
    let replied = false;
    thread.worker.on('message', ({ id, result }: CaptureReply) => {
      replied = true;
      const job = thread.jobs.get(id);
      thread.jobs.delete(id);
      if (thread.jobs.size === 0) this.rest(thread);
      job?.done(result);
    });
    thread.worker.on('error', () => {
      // A thread that fails before its first page (its script missing, as in a package that did not
      // ship it) would fail again for every page: no more threads, pages go on in this thread.
      if (!replied) this.broken = true;
      this.drop(thread);
    });
    thread.worker.on('exit', () => this.drop(thread));
    this.threads.push(thread);
    return thread;
  }

  /** Unreferenced while idle (a CLI must be able to exit), and all stopped after a while. */
  private rest(thread: Thread): void {
    thread.worker.unref();
    if (this.threads.some((t) => t.jobs.size > 0)) return;
    this.idleTimer = setTimeout(() => {
      for (const t of this.threads.splice(0)) void t.worker.terminate();
    }, IDLE_MS);
    this.idleTimer.unref();
  }

  /** A thread gone: its pages are extracted on this thread instead. */
  private drop(thread: Thread): void {
    const at = this.threads.indexOf(thread);
    if (at >= 0) this.threads.splice(at, 1);
    const jobs = [...thread.jobs.values()];
    thread.jobs.clear();
    for (const { request, done } of jobs) done(captureDocument(request));
  }
}
