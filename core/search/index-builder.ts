// Starts a rebuild of the search index in a worker thread (core/search/index-build-worker.ts) and reports its progress and end.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EntityInfo } from './index-rows.ts';

// Built, this module is inside dist/cli.js or dist/main.js, beside dist/search-worker.js (inside
// app.asar in a package, which Electron's worker threads read: electron#33216).
const WORKER_PATH = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? './index-build-worker.ts' : './search-worker.js', import.meta.url),
);

/** What the build worker is given: where to build, where the articles are, and the registry's names. */
export type BuildJob = {
  path: string;
  dataDir: string;
  entities: [string, EntityInfo][];
};
export type BuildMessage = { progress: number } | { done: number; skipped: number } | { error: string };

export type Build = {
  worker: Worker;
  /** Resolves when the worker has written the whole index to `job.path`; rejects with why it could not. */
  written: Promise<void>;
  /** Resolves once the worker has gone, however it ended (terminated, failed or done). */
  exited: Promise<void>;
};

export function startBuild(job: BuildJob, onProgress: (done: number) => void): Build {
  const worker = new Worker(WORKER_PATH, { workerData: job });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const written = new Promise<void>((resolve, reject) => {
    worker.on('message', (m: BuildMessage) => {
      if ('progress' in m) onProgress(m.progress);
      else if ('done' in m) resolve();
      else reject(new Error(m.error));
    });
    worker.on('error', reject);
    void exited.then(() => reject(new Error('the build was stopped')));
  });
  return { worker, written, exited };
}
