// An import batch's state: a queue of files, URLs and pastes sent to the archive one at a time, with progress and cancel.
import { useCallback, useRef, useState } from 'react';
import { failedImport as failed, type ImportResult } from '../../core/common/import-result.ts';
import type { BundleImportReport } from '../../core/model.ts';
import { archive, ArchiveCallError, messageOf } from '../api.ts';
import { fileToBase64, textToBase64, type PickedFile } from './read-files.ts';
import { useFileDrop } from './use-file-drop.ts';

export type ImportJob =
  | { kind: 'file'; picked: PickedFile }
  | { kind: 'url'; url: string }
  | { kind: 'text'; name: string; text: string; mediaType: string };

/** A result as the table shows it: a duplicate also names the article already in the archive. */
export type ImportRow = ImportResult & { existing?: { title: string; source: string } };

export type ImportCounts = { saved: number; duplicate: number; failed: number };

export type ImportRun = {
  phase: 'idle' | 'running' | 'cancelling' | 'done';
  /** Items queued in this batch (a drop during a run adds to it) and how many have been sent. */
  total: number;
  done: number;
  /** The item being read or sent right now. */
  current: string | null;
  /** One per article found: a feed yields one per entry, so there can be more results than items. */
  results: ImportRow[];
  counts: ImportCounts;
  /** Items left unsent because the batch was cancelled. */
  skipped: number;
  /** Date.now() at the start and the end of the batch, to say how long it took. */
  startedAt: number | null;
  finishedAt: number | null;
};

const IDLE: ImportRun = {
  phase: 'idle',
  total: 0,
  done: 0,
  current: null,
  results: [],
  counts: { saved: 0, duplicate: 0, failed: 0 },
  skipped: 0,
  startedAt: null,
  finishedAt: null,
};

/**
 * Beyond this a file is not even read: the base64 copy alone would take several times its size in
 * memory, and the archive caps captures far below it anyway.
 */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

function labelOf(job: ImportJob): string {
  return job.kind === 'file' ? job.picked.path : job.kind === 'url' ? job.url : job.name;
}

async function send(job: ImportJob): Promise<ImportResult[]> {
  switch (job.kind) {
    case 'url':
      return archive.importUrl(job.url);
    case 'text':
      return archive.importDocument({ name: job.name, data: textToBase64(job.text), mediaType: job.mediaType });
    case 'file': {
      const { file, path } = job.picked;
      if (file.size > MAX_READ_BYTES)
        return [failed(path, `The file is ${Math.round(file.size / 1024 / 1024)} MB: too large to import.`)];
      const data = await fileToBase64(file);
      if (/\.zip$/i.test(path)) return [bundleResult(path, await archive.importBundle({ name: path, data }))];
      return archive.importDocument({ name: path, data, mediaType: file.type || undefined, origin: path });
    }
  }
}

/** A bundle's merge as one row of the results table: what was added, what was already here, what was matched. */
function bundleResult(path: string, report: BundleImportReport): ImportResult {
  const matched = report.entities.matched.map((m) => `${m.bundleName} → ${m.localName}`);
  const parts = [
    `${report.articles.added} added, ${report.articles.alreadyHere} already here`,
    `entities: ${report.entities.added} added${matched.length ? `, matched ${matched.join(', ')}` : ''}`,
    ...(report.collections.added.length || report.collections.matched.length
      ? [`collections: ${[...report.collections.added, ...report.collections.matched].join(', ')}`]
      : []),
  ];
  return {
    ...failed(path, ''),
    status: report.articles.added ? 'saved' : 'duplicate',
    error: null,
    id: report.articles.ids[0] ?? null,
    title: `Newsdesk bundle: ${parts.join('; ')}`,
  };
}

/** The archive's reasons, reworded where they speak of the transport rather than of the file. */
function reasonOf(error: unknown): string {
  if (error instanceof ArchiveCallError && error.code === 'too_large')
    return 'The file is too large to send to the archive from this window (a large bundle imports with `newsdesk import BUNDLE.zip`).';
  return messageOf(error);
}

/** The duplicate's result carries the new copy's title; the one kept may be titled otherwise (an edit, another URL). */
async function withExisting(result: ImportResult): Promise<ImportRow> {
  if (result.status !== 'duplicate' || !result.duplicateOf) return result;
  try {
    const kept = await archive.getArticle(result.duplicateOf);
    return { ...result, existing: { title: kept.title, source: kept.source } };
  } catch {
    // Only the name is missing: "Open existing" still works, or says why it cannot.
    return result;
  }
}

function countsOf(results: ImportResult[]): ImportCounts {
  const counts = { saved: 0, duplicate: 0, failed: 0 };
  for (const result of results) counts[result.status]++;
  return counts;
}

export type Importer = {
  run: ImportRun;
  /** Queues items; starts a batch, or joins the running one. */
  add: (jobs: ImportJob[]) => void;
  /** Stops after the item being sent: the archive saves it or not as a whole, so nothing is half-done. */
  cancel: () => void;
  /** Forgets a finished batch's results. */
  clear: () => void;
};

/** `onSettled` runs once a batch ends (finished or cancelled), e.g. to reload the library list. */
export function useImport(onSettled: (run: ImportRun) => void): Importer {
  const [run, setRun] = useState<ImportRun>(IDLE);
  const queue = useRef<ImportJob[]>([]);
  const cancelled = useRef(false);
  const running = useRef(false);
  const settled = useRef(onSettled);
  settled.current = onSettled;

  const drain = useCallback(async () => {
    running.current = true;
    let results: ImportRow[] = [];
    let done = 0;
    let total = queue.current.length;
    const startedAt = Date.now();
    setRun({ ...IDLE, phase: 'running', total, startedAt });
    // One item at a time: the progress is real, and the archive (not this window) does the heavy work.
    for (let job = queue.current.shift(); job; job = queue.current.shift()) {
      const current = labelOf(job);
      total = done + 1 + queue.current.length;
      setRun((prev) => ({ ...prev, current, total }));
      let found: ImportRow[];
      try {
        found = await send(job);
        if (found.length === 0) found = [failed(current, 'Nothing to import was found in it.')];
        for (let i = 0; i < found.length; i++) found[i] = await withExisting(found[i]!);
      } catch (error) {
        found = [failed(current, reasonOf(error))];
      }
      done++;
      results = [...results, ...found];
      const snapshot = { results, counts: countsOf(results), done };
      setRun((prev) => ({ ...prev, ...snapshot }));
      if (cancelled.current) break;
    }
    const skipped = queue.current.length;
    queue.current = [];
    cancelled.current = false;
    running.current = false;
    const final: ImportRun = {
      phase: 'done',
      total: done + skipped,
      done,
      current: null,
      results,
      counts: countsOf(results),
      skipped,
      startedAt,
      finishedAt: Date.now(),
    };
    setRun(final);
    settled.current(final);
  }, []);

  const add = useCallback(
    (jobs: ImportJob[]) => {
      if (jobs.length === 0) return;
      queue.current.push(...jobs);
      if (running.current) setRun((prev) => ({ ...prev, total: prev.done + 1 + queue.current.length }));
      else void drain();
    },
    [drain],
  );

  const cancel = useCallback(() => {
    if (!running.current) return;
    cancelled.current = true;
    setRun((prev) => ({ ...prev, phase: 'cancelling' }));
  }, []);

  const clear = useCallback(() => {
    if (!running.current) setRun(IDLE);
  }, []);

  return { run, add, cancel, clear };
}

/** The importer, fed also by files dropped anywhere on the window (while `accept` holds). */
export function useImportWithDrops(options: {
  accept: boolean;
  onDropped: () => void;
  onSettled: (run: ImportRun) => void;
  onError: (error: unknown) => void;
}): { importer: Importer; dragging: boolean } {
  const importer = useImport(options.onSettled);
  const dragging = useFileDrop({
    accept: options.accept,
    onFiles: (files) => {
      importer.add(files.map((picked) => ({ kind: 'file', picked })));
      options.onDropped();
    },
    onError: options.onError,
  });
  return { importer, dragging };
}
