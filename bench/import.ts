// `npm run bench:import -- [--pages N] [--tag] [--dir FOLDER]`: imports a folder of N synthetic 100-300 KB news pages (or FOLDER's files) as `newsdesk import` does; prints pages/s and peak memory.
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openArchive } from '../core/archive.ts';
import { importTargets } from '../core/cli-import.ts';
import { DEFAULT_MAX_IMPORT_BYTES } from '../core/model.ts';
import { syntheticPage } from './synthetic-page.ts';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '300' },
    tag: { type: 'boolean', default: false },
    dir: { type: 'string' },
  },
});
const dir = await mkdtemp(join(tmpdir(), 'newsdesk-bench-import-'));
// Real pages (the development set's, decompressed) when given; else synthetic ones written here.
const pagesDir = values.dir ?? join(dir, 'pages');
let count = values.dir ? 0 : Number(values.pages);
let total = 0;
if (values.dir)
  for (const name of await readdir(pagesDir)) {
    total += (await stat(join(pagesDir, name))).size;
    count++;
  }
else await mkdir(pagesDir);
for (let i = 0; i < (values.dir ? 0 : count); i++) {
  const html = syntheticPage(i);
  total += Buffer.byteLength(html);
  await writeFile(join(pagesDir, `page-${i}.html`), html);
}
console.log(
  `Newsdesk import benchmark: ${count} ${values.dir ? 'real' : 'synthetic'} pages, ${(total / count / 1024).toFixed(0)} KB on average (node ${process.version}; pages extracted on worker threads, saved on this one)`,
);

// --tag: as `newsdesk import` runs, with entity suggestions in the background worker.
const archive = await openArchive(join(dir, 'data'), { tagInBackground: values.tag });
const counts = { saved: 0, duplicate: 0, failed: 0 };
const started = performance.now();
await importTargets(archive, [pagesDir], DEFAULT_MAX_IMPORT_BYTES, { onResult: (result) => counts[result.status]++ });
const seconds = (performance.now() - started) / 1000;
const closing = performance.now();
await archive.close({ finishTagging: true });
const tagTail = (performance.now() - closing) / 1000;
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(`imported: ${counts.saved} saved, ${counts.duplicate} duplicates, ${counts.failed} failed`);
console.log(
  `time ${seconds.toFixed(1)} s   ->   ${(count / seconds).toFixed(1)} pages/s   ${(total / 1e6 / seconds).toFixed(1)} MB/s`,
);
console.log(`peak RSS ${peakMb.toFixed(0)} MB`);
if (values.tag)
  console.log(
    `suggestions still to finish after the last page: ${tagTail.toFixed(1)} s (${(count / (seconds + tagTail)).toFixed(1)} pages/s all in)`,
  );
await rm(dir, { recursive: true, force: true });
