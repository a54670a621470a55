// `npm run bench:desk-status -- --articles N`: what the Desk panel's poll (`getDesk`, every 5 s while open) costs on an archive of N articles synced to a desk, as it is and after the analyst read 1,000 articles.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openArchive, type Archive } from '../core/archive.ts';
import { launchCouch } from './couch-server.ts';
import { syntheticArchive, writeSyntheticArchive } from './synthetic-news.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' } } });
const count = Number(values.articles);
const POLLS = 20;
const dir = await mkdtemp(join(tmpdir(), 'newsdesk-bench-desk-status-'));
const ms = (n: number) => `${n.toFixed(1)} ms`;

const server = await launchCouch(await mkdtemp(join(tmpdir(), 'newsdesk-bench-couch-')));
try {
  const synthetic = syntheticArchive();
  await writeSyntheticArchive(dir, synthetic, count);
  const archive = await openArchive(dir);
  await archive.joinDesk({ url: server.url, analyst: 'Ana' });
  let t0 = performance.now();
  await archive.syncDesk();
  console.log(
    `getDesk on ${count.toLocaleString('en')} articles and ${synthetic.entities.length.toLocaleString('en')} entities (node ${process.version}); first push ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  await polls(archive, 'synced, nothing changed');
  // Starred: a change of this analyst's reading state, each a state document to send (the synthetic articles are read already).
  const read = Array.from({ length: Math.min(1000, count) }, (_, k) => synthetic.article(k).id);
  for (let k = 0; k < read.length; k += 500) await archive.markArticles(read.slice(k, k + 500), { starred: true });
  await polls(archive, `after starring ${read.length.toLocaleString('en')} articles`);
  await archive.updateArticle(read[0]!, { notes: 'Checked.' });
  t0 = performance.now();
  const status = await archive.getDesk();
  console.log(`  after one edit: the next call ${ms(performance.now() - t0)} (pendingUp ${status.pendingUp})`);
  await archive.close();
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}

/** The first call, then the mean of the next POLLS (as the panel's poll makes them). */
async function polls(archive: Archive, what: string): Promise<void> {
  let t0 = performance.now();
  const first = await archive.getDesk();
  const firstMs = performance.now() - t0;
  t0 = performance.now();
  for (let k = 0; k < POLLS; k++) await archive.getDesk();
  console.log(
    `  ${what}: first call ${ms(firstMs)}, then ${ms((performance.now() - t0) / POLLS)} per call (pendingUp ${first.pendingUp}, pendingDown ${first.pendingDown})`,
  );
}
