// OCR: tesseract.js (Tesseract compiled to WebAssembly, in a worker thread) with language data from the @tesseract.js-data/* packages.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type * as Tesseract from 'tesseract.js';
import type { Worker } from 'tesseract.js';
import { ArchiveError } from '../errors.ts';
import { SerialQueue } from '../serial.ts';

const require = createRequire(import.meta.url);

/** One page read: its paragraphs (each a list of lines), the mean confidence of its words (0-1) and how many. */
export type OcrPage = { paragraphs: string[][]; confidence: number; words: number };

export type OcrSession = {
  /** The languages it reads, in the order Tesseract tries them. */
  languages: string[];
  recognize(png: Uint8Array): Promise<OcrPage>;
};

/**
 * Tesseract tries a document's languages in order, and a Latin model first reads Arabic headings as
 * digits ("55159" for "وزارة"); a non-Latin model first costs ~10% on Latin pages and reads both right.
 */
const NON_LATIN = new Set(
  'ara fas urd pus heb yid rus ukr bel bul srp mkd ell hin mar nep ben tam tel kan mal guj pan tha lao khm mya amh kat hye chi_sim chi_tra jpn kor'.split(
    ' ',
  ),
);

/** Where a language's data is: `@tesseract.js-data/<code>`, the LSTM-only "best_int" model (what OEM 1 reads). */
export function languageData(code: string): string | null {
  try {
    return join(
      dirname(require.resolve(`@tesseract.js-data/${code}/package.json`)),
      '4.0.0_best_int',
      `${code}.traineddata.gz`,
    );
  } catch {
    return null;
  }
}

/** The languages asked for, split into those whose data is installed (non-Latin scripts first) and those missing. */
export function resolveLanguages(wanted: string[]): { languages: string[]; missing: string[] } {
  const unique = [...new Set(wanted)];
  const missing = unique.filter((code) => !languageData(code));
  const found = unique.filter((code) => !missing.includes(code));
  const languages = [...found.filter((c) => NON_LATIN.has(c)), ...found.filter((c) => !NON_LATIN.has(c))];
  return { languages, missing };
}

/**
 * One Tesseract worker thread, started on the first scan and stopped after a minute idle (it holds ~100 MB);
 * documents take turns on it, so the progress shown is one document's.
 */
export class OcrEngine {
  private worker: { key: string; ready: Promise<Worker> } | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly turns = new SerialQueue();

  constructor(private readonly idleMs = 60_000) {}

  /** Runs `work` with the engine to itself, reading `languages` (codes whose data is installed). */
  session<T>(languages: string[], work: (session: OcrSession) => Promise<T>): Promise<T> {
    return this.turns.run(async () => {
      if (this.idleTimer) clearTimeout(this.idleTimer);
      try {
        const worker = await this.workerFor(languages);
        return await work({ languages, recognize: (png) => recognize(worker, png) });
      } finally {
        this.idleTimer = setTimeout(() => void this.close(), this.idleMs);
        this.idleTimer.unref();
      }
    });
  }

  /** Stops the worker thread (the archive's close calls it; a CLI run must not be kept alive by it). */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const worker = this.worker;
    this.worker = null;
    if (worker) await (await worker.ready.catch(() => null))?.terminate();
  }

  private async workerFor(languages: string[]): Promise<Worker> {
    const key = languages.join('+');
    if (this.worker?.key !== key) {
      await this.close();
      const ready = startWorker(languages);
      this.worker = { key, ready };
      ready.catch(() => {
        if (this.worker?.ready === ready) this.worker = null;
      });
    }
    return this.worker!.ready;
  }
}

async function startWorker(languages: string[]): Promise<Worker> {
  if (!languages.length) throw new ArchiveError('unavailable', 'No OCR language is installed.');
  const { createWorker, OEM } = require('tesseract.js') as typeof Tesseract;
  // tesseract.js reads every language from one folder (its in-memory form, {code, data}, is broken in v7:
  // it names the data instead of the code), so the packages' files are copied to a private folder
  // while the worker loads them.
  const folder = await mkdtemp(join(tmpdir(), 'newsdesk-ocr-'));
  try {
    for (const code of languages) await copyFile(languageData(code)!, join(folder, `${code}.traineddata.gz`));
    return await createWorker(languages.join('+'), OEM.LSTM_ONLY, {
      // Inside app.asar in a package: Electron's worker threads read it (electron#33216).
      workerPath: require.resolve('tesseract.js/src/worker-script/node/index.js'),
      langPath: folder,
      gzip: true,
      // Never write a cache (it would land in the working directory) nor fetch anything.
      cacheMethod: 'none',
      errorHandler: () => {},
    });
  } catch (error) {
    throw new ArchiveError(
      'unavailable',
      `The OCR engine did not start: ${String((error as Error)?.message ?? error)}`,
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function recognize(worker: Worker, png: Uint8Array): Promise<OcrPage> {
  const { data } = await worker.recognize(Buffer.from(png), {}, { text: false, blocks: true });
  const paragraphs: string[][] = [];
  let words = 0;
  let confidence = 0;
  for (const block of data.blocks ?? [])
    for (const paragraph of block.paragraphs) {
      const lines = paragraph.lines.map((line) => line.text.replace(/\s+/g, ' ').trim()).filter(Boolean);
      if (lines.length) paragraphs.push(lines);
      for (const line of paragraph.lines)
        for (const word of line.words)
          if (word.text.trim()) {
            words++;
            confidence += word.confidence;
          }
    }
  return { paragraphs, words, confidence: words ? confidence / words / 100 : 0 };
}
