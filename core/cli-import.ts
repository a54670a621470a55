// `newsdesk import PATH|URL ...`: files, folders (a browser's "save page as" assets skipped) and URLs, one result per item.
import { open, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import type { Archive } from './archive.ts';
import { toErrorBody } from './errors.ts';
import { failedImport as failure, type ImportResult } from './model.ts';

export type ImportOptions = { json: boolean; maxBytes?: number };

/** Prints one result per item (JSON lines with --json), a progress bar on a terminal, and a summary. Exit 1 if any failed. */
export async function runImport(archive: Archive, targets: string[], options: ImportOptions): Promise<number> {
  let progress: ProgressBar | null = null;
  const counts = { saved: 0, duplicate: 0, failed: 0 };
  // --max-size, else the archive's own limit (archive.json's settings).
  const maxBytes = options.maxBytes ?? (await archive.getSettings()).maxImportBytes;
  await importTargets(archive, targets, maxBytes, {
    onPlan: (total) => (progress = process.stderr.isTTY && !options.json ? new ProgressBar(total) : null),
    onStart: (i, label) => progress?.show(i, label),
    onResult: (result) => {
      counts[result.status]++;
      progress?.clear();
      if (options.json) console.log(JSON.stringify(result));
      else console.log(describe(result));
    },
  });
  (progress as ProgressBar | null)?.clear();
  const summary = `${counts.saved} saved, ${counts.duplicate} duplicate(s), ${counts.failed} failed`;
  if (options.json) console.error(summary);
  else console.log(summary);
  return counts.failed ? 1 : 0;
}

export type ImportEvents = {
  onPlan?: (total: number) => void;
  onStart?: (index: number, label: string) => void;
  onResult: (result: ImportResult) => void;
};

/** Imports files, folders and URLs in order, reporting each result; `npm run bench:import` measures this. */
export async function importTargets(
  archive: Archive,
  targets: string[],
  maxBytes: number,
  events: ImportEvents,
): Promise<void> {
  const work: { label: string; run: () => Promise<ImportResult[]> }[] = [];
  for (const target of targets) {
    if (/^https?:\/\//i.test(target)) {
      work.push({ label: target, run: () => archive.importUrl(target) });
      continue;
    }
    const files = await filesUnder(target).catch((error: NodeJS.ErrnoException) => {
      work.push({
        label: target,
        run: async () => [failure(target, error.code === 'ENOENT' ? 'No such file or folder.' : error.message)],
      });
      return [];
    });
    for (const file of files) {
      // Named as the user would find it: the folder they gave, then the path inside it.
      const label = file === target ? target : join(basename(target), relative(target, file));
      work.push({ label, run: () => importOne(archive, file, label, maxBytes) });
    }
  }
  events.onPlan?.(work.length);
  // A few items ahead: the next files are read and extracted while earlier ones' writes wait on
  // the disk (saving stays in order). Bounded, so a folder of 100k files is not read at once.
  const running: Promise<ImportResult[]>[] = [];
  const start = (i: number) => {
    if (i < work.length)
      running[i] = work[i]!.run().catch((error: unknown) => [failure(work[i]!.label, (error as Error).message)]);
  };
  for (let i = 0; i < AHEAD; i++) start(i);
  for (const [i, { label }] of work.entries()) {
    events.onStart?.(i, label);
    const results = await running[i]!;
    delete running[i];
    start(i + AHEAD);
    for (const result of results) events.onResult(result);
  }
}

/**
 * Items in flight during an import: enough to keep every extraction thread busy while this one saves
 * (`npm run bench:import`, synthetic pages: 4 -> 52.9, 8 -> 55.2-58.8 pages/s; the 990 development
 * pages with `--dir`: 4 -> 29.2, 8 -> 30.7-30.9).
 */
const AHEAD = 8;

async function importOne(archive: Archive, file: string, label: string, maxBytes: number): Promise<ImportResult[]> {
  // Checked before reading: a 5 GB file dropped by mistake must not be loaded into memory.
  const size = (await stat(file)).size;
  if (size > maxBytes)
    return [
      failure(
        label,
        `The file is over the import size limit (${(size / 1e6).toFixed(1)} MB > ${(maxBytes / 1e6).toFixed(1)} MB).`,
      ),
    ];
  const handle = await open(file, 'r');
  try {
    return await archive.importFile(await handle.readFile(), label, file, maxBytes);
  } finally {
    await handle.close();
  }
}

/** A file, or the files of a folder in name order, leaving out hidden files and "save page as" asset folders. */
async function filesUnder(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const pages = new Set(
    entries.filter((e) => e.isFile() && /\.x?html?$/i.test(e.name)).map((e) => basename(e.name, extname(e.name))),
  );
  const files: string[] = [];
  // Importing a folder that holds an archive must not import the archive's own files.
  if (entries.some((e) => e.name === 'newsdesk.lock' || e.name === 'archive.json')) return [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(path, entry.name);
    if (entry.isDirectory()) {
      const page = /^(.*)_files$/.exec(entry.name)?.[1];
      if (page !== undefined && pages.has(page)) continue; // the assets of page.html: images, scripts, CSS
      files.push(...(await filesUnder(full)));
    } else if (entry.isFile()) files.push(full);
  }
  return files;
}

function describe(result: ImportResult): string {
  if (result.status === 'saved')
    return `saved      ${result.item}  →  ${result.title} (${result.source || 'unknown outlet'})${result.storyId ? ' [story]' : ''}${result.warning ? `\n           note: ${result.warning}` : ''}`;
  if (result.status === 'duplicate')
    return `duplicate  ${result.item}  →  already in the archive as ${result.duplicateOf}`;
  return `failed     ${result.item}  →  ${result.error}`;
}

class ProgressBar {
  constructor(private readonly total: number) {}
  show(done: number, label: string): void {
    const width = 30;
    const filled = Math.round((done / Math.max(1, this.total)) * width);
    const name = label.length > 50 ? `…${label.slice(-49)}` : label;
    process.stderr.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} ${name}`);
  }
  clear(): void {
    process.stderr.write('\r\x1b[2K');
  }
}

/** `newsdesk import BUNDLE.zip`: each bundle verified whole, then merged; what was merged is said. */
export async function runBundleImport(archive: Archive, paths: string[], json: boolean): Promise<number> {
  let failed = 0;
  for (const path of paths) {
    try {
      const report = await archive.importBundleFile(path);
      if (json) {
        console.log(JSON.stringify({ bundle: path, ...report }));
        continue;
      }
      console.log(
        `${path}: ${report.articles.added} article(s) added, ${report.articles.alreadyHere} already here (kept as they were), ${report.originals} original(s)`,
      );
      console.log(
        `  entities: ${report.entities.added} added, ${report.entities.matched.length} matched to this archive's`,
      );
      for (const m of report.entities.matched) console.log(`    ${m.bundleName} → ${m.localName} (by ${m.by})`);
      console.log(`  claim groups: ${report.claimGroups.added} added, ${report.claimGroups.matched} already here`);
      if (report.collections.added.length || report.collections.matched.length)
        console.log(
          `  collections: ${[...report.collections.added.map((n) => `${n} (new)`), ...report.collections.matched].join(', ')}`,
        );
    } catch (error) {
      failed++;
      if (json) console.log(JSON.stringify({ bundle: path, error: toErrorBody(error) }));
      else console.error(`newsdesk: ${path}: ${toErrorBody(error).message}`);
    }
  }
  return failed ? 1 : 0;
}
