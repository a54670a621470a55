// `npm run stress -- --kills N`: a writer doing every kind of write is SIGKILLed at random moments N times; after each kill the archive reopens with every acknowledged write.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openArchive, type Archive } from '../core/archive.ts';
import { makeBundles } from './stress-bundles.ts';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean' },
  },
});
const KILLS = Number(values.kills);
const WRITER = fileURLToPath(new URL('./stress-writer.ts', import.meta.url));

type Line = { ready?: true; begin?: string; ack?: string; key: string; value: string };
type Write = { kind: string; key: string; value: string };

/** What must be there: the last acknowledged value per record, and the facts that only accumulate. */
const state = {
  titles: new Map<string, string>(), // article or import id -> title
  entities: new Map<string, string>(), // entity id -> name
  claims: new Map<string, Set<string>>(), // article id -> claim texts
  collections: new Map<string, string>(), // collection id -> name
  members: new Map<string, Set<string>>(), // collection id -> article ids
};

const byKind = new Map<string, number>();

function record(write: Write): void {
  byKind.set(write.kind, (byKind.get(write.kind) ?? 0) + 1);
  const add = (map: Map<string, Set<string>>, key: string, value: string) =>
    map.set(key, (map.get(key) ?? new Set()).add(value));
  if (write.key === 'new') return; // created nothing: a bundle imported before
  if (write.kind === 'article' || write.kind === 'import' || write.kind === 'bundle')
    state.titles.set(write.key, write.value);
  else if (write.kind === 'entity') state.entities.set(write.key, write.value);
  else if (write.kind === 'claim') add(state.claims, write.key, write.value);
  else if (write.kind === 'collection') state.collections.set(write.key, write.value);
  else if (write.kind === 'member') add(state.members, write.key, write.value);
}

/** Runs the writer until a random number of acknowledged writes, then kills it 0-5 ms later, inside whatever write is under way. */
async function writeThenKill(
  dir: string,
  seed: number,
  bundles: string,
): Promise<{ acked: Write[]; inFlight: Write | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, String(seed), bundles], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const killAfter = 1 + (seed % 23);
  const acked: Write[] = [];
  let inFlight: Write | null = null;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  for await (const text of createInterface({ input: child.stdout! })) {
    const line = JSON.parse(text) as Line;
    if (line.begin) inFlight = { kind: line.begin, key: line.key, value: line.value };
    if (line.ack) {
      acked.push({ kind: line.ack, key: line.key, value: line.value });
      inFlight = null;
      if (acked.length === killAfter) setTimeout(() => child.kill('SIGKILL'), seed % 6);
    }
  }
  const code = await exited;
  if (code !== null) throw new Error(`the writer exited by itself (code ${code}): it failed, see above`);
  return { acked, inFlight };
}

/** Every acknowledged write of the round (and everything acknowledged before it) is in the reopened archive. */
async function lost(archive: Archive, round: Write[], inFlight: Write | null): Promise<string[]> {
  const missing: string[] = [];
  const titles = new Map<string, string>();
  for (let offset = 0; ; offset += 5000) {
    const page = await archive.listArticles({ offset, limit: 5000 });
    for (const a of page.items) titles.set(a.id, a.title);
    if (titles.size >= page.total || !page.items.length) break;
  }
  for (const [id, title] of state.titles) {
    const found = titles.get(id);
    if (found === title) continue;
    // The write under way at the kill may have landed: then it is the acknowledged state from now on.
    if (found && inFlight?.key === id && found === inFlight.value) state.titles.set(id, found);
    else missing.push(`article ${id}: "${found}" instead of "${title}"`);
  }
  const entities = new Map((await archive.listEntities({ limit: 10_000 })).map((e) => [e.id, e.name]));
  for (const [id, name] of state.entities) {
    const found = entities.get(id);
    if (found === name) continue;
    if (found && inFlight?.key === id && found === inFlight.value) state.entities.set(id, found);
    else missing.push(`entity ${id}: "${found}" instead of "${name}"`);
  }
  const collections = new Map((await archive.listCollections()).map((c) => [c.id, c.name]));
  for (const [id, name] of state.collections)
    if (collections.get(id) !== name) missing.push(`collection ${id}: "${collections.get(id)}" instead of "${name}"`);
  // Claims and memberships live in article files: read the articles this round touched.
  const touched = new Set(round.filter((w) => w.kind === 'claim').map((w) => w.key));
  for (const w of round) if (w.kind === 'member') touched.add(w.value);
  for (const id of touched) {
    const article = await archive.getArticle(id);
    const texts = new Set(article.claims.map((c) => c.text));
    for (const text of state.claims.get(id) ?? []) if (!texts.has(text)) missing.push(`claim "${text}" of ${id}`);
    for (const [collection, ids] of state.members)
      if (ids.has(id) && !article.collectionIds.includes(collection))
        missing.push(`article ${id} out of collection ${collection}`);
  }
  return missing;
}

const dir = await mkdtemp(join(tmpdir(), 'newsdesk-stress-'));
const bundles = await mkdtemp(join(tmpdir(), 'newsdesk-stress-bundles-'));
const started = Date.now();
let acknowledged = 0;
const lostWrites: string[] = [];
try {
  console.log(
    `Newsdesk stress: ${KILLS} kills of a writer doing every kind of write (node ${process.version}), in ${dir}`,
  );
  await makeBundles(bundles);
  for (let kill = 1; kill <= KILLS; kill++) {
    const { acked, inFlight } = await writeThenKill(dir, Number(values.seed) * 7919 * kill, bundles);
    for (const write of acked) record(write);
    acknowledged += acked.length;
    const archive = await openArchive(dir);
    try {
      const missing = await lost(archive, acked, inFlight);
      const { problems } = await archive.getStatus();
      for (const problem of problems) missing.push(`problem: ${problem.file}: ${problem.reason}`);
      if (missing.length) {
        lostWrites.push(...missing.map((m) => `kill ${kill}: ${m}`));
        console.log(`kill ${kill}: LOST ${missing.length}: ${missing.slice(0, 3).join('; ')}`);
      }
    } finally {
      await archive.close();
    }
    if (kill % 25 === 0)
      console.log(
        `${kill} kills, ${acknowledged} acknowledged writes, ${lostWrites.length} lost (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
  }
  const temp = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.tmp'));
  if (temp.length) console.log(`${temp.length} temp files left behind: ${temp.slice(0, 3).join(', ')}`);
} finally {
  if (!values.keep) await rm(dir, { recursive: true, force: true });
  await rm(bundles, { recursive: true, force: true });
}
console.log(`acknowledged by kind: ${[...byKind].map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
console.log(`${KILLS} kills, ${acknowledged} acknowledged writes, ${lostWrites.length} lost`);
process.exitCode = lostWrites.length ? 1 : 0;
