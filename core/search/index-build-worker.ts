// The search index built from the article files off the main thread, in two workers side by side: one reads and folds the articles, the other writes them to SQLite.
import { readFile, stat } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, Worker, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { Article } from '../model.ts';
import { listArticleFiles } from '../store/article-files.ts';
import { rowFor, stampText, type EntityInfo, type IndexRow } from './index-rows.ts';
import { SearchIndex } from './search-index.ts';
import type { BuildJob, BuildMessage } from './index-builder.ts';

/** Rows per message and per transaction. */
const BATCH = 250;
/** Files read at once: reading waits on the disk while the previous ones are folded. */
const READ_AHEAD = 32;
/** Batches the reader may be ahead of the writer: memory stays a few megabytes, whatever the archive. */
const IN_FLIGHT = 4;

type ReaderJob = { reader: true; job: BuildJob; port: MessagePort };
type ReaderMessage = { rows: IndexRow[]; skipped: number } | { end: true } | { error: string };

const data = workerData as BuildJob | ReaderJob;

if ('reader' in data) void read(data.job, data.port);
else void write(data);

/** The writer (the worker the archive starts): starts the reader, writes what it sends, reports progress. */
async function write(job: BuildJob): Promise<void> {
  const post = (message: BuildMessage) => parentPort!.postMessage(message);
  let index: SearchIndex | null = null;
  let reader: Worker | null = null;
  let port: MessagePort | null = null;
  try {
    for (const suffix of ['', '-wal', '-shm']) rmSync(job.path + suffix, { force: true });
    index = SearchIndex.open(job.path, { bulk: true });
    index.deferVocabulary();
    const { port1, port2 } = new MessageChannel();
    port = port1;
    reader = new Worker(new URL(import.meta.url), {
      workerData: { reader: true, job, port: port2 } satisfies ReaderJob,
      transferList: [port2],
    });
    let done = 0;
    let skipped = 0;
    let reported = 0;
    await new Promise<void>((resolve, reject) => {
      reader!.once('error', reject);
      port1.on('message', (message: ReaderMessage) => {
        try {
          if ('error' in message) throw new Error(message.error);
          if ('end' in message) return resolve();
          index!.put(message.rows);
          done += message.rows.length + message.skipped;
          skipped += message.skipped;
          port1.postMessage('ack');
          if (done - reported >= 2000) {
            reported = done;
            post({ progress: done });
          }
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    port1.close();
    await reader.terminate();
    index.flushVocabulary();
    index.markComplete();
    index.close();
    index = null;
    post({ done, skipped });
  } catch (error) {
    // The reader must stop too: its port would keep both threads alive.
    port?.close();
    await reader?.terminate();
    index?.close();
    post({ error: error instanceof Error ? error.message : String(error) });
  }
}

/** The reader: parses and folds the articles, a batch at a time, never more than IN_FLIGHT ahead. */
async function read(job: BuildJob, port: MessagePort): Promise<void> {
  const entities = new Map<string, EntityInfo>(job.entities);
  let ahead = 0;
  let wake: (() => void) | null = null;
  port.on('message', () => {
    ahead--;
    wake?.();
    wake = null;
  });
  try {
    let rows: IndexRow[] = [];
    let skipped = 0;
    const send = async () => {
      while (ahead >= IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
      ahead++;
      port.postMessage({ rows, skipped } satisfies ReaderMessage);
      rows = [];
      skipped = 0;
    };
    // The worker lists the files itself: a list of 100k sent from the archive cost its thread 0.1 s.
    const files = await listArticleFiles(job.dataDir);
    for (let i = 0; i < files.length; i += READ_AHEAD) {
      const read = await Promise.all(
        files.slice(i, i + READ_AHEAD).map(async (file) => {
          try {
            const path = join(job.dataDir, file);
            // The stamp before the read: a file changed in between is indexed again by the archive.
            const stamp = stampText(await stat(path));
            // Shape-checked, not schema-validated: a full parse of each document was a third of a
            // rebuild, and anything odd only leaves the article out (the archive reports bad files).
            const document = JSON.parse(await readFile(path, 'utf8')) as { article?: Article };
            const article = document.article;
            if (!article || typeof article.text !== 'string' || typeof article.id !== 'string') return null;
            return rowFor(
              {
                ...article,
                mentions: article.mentions ?? [],
                claims: article.claims ?? [],
                tags: article.tags ?? [],
                // Files written before reading states (issue 15) are read and came from no feed.
                reading: article.reading ?? { state: 'read', starred: false },
                feed: article.feed ?? null,
              },
              stamp,
              (id) => entities.get(id),
            );
          } catch {
            return null;
          }
        }),
      );
      for (const row of read) {
        if (row) rows.push(row);
        else skipped++;
      }
      if (rows.length >= BATCH) await send();
    }
    if (rows.length || skipped) await send();
    port.postMessage({ end: true } satisfies ReaderMessage);
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies ReaderMessage);
  }
}
