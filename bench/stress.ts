// `npm run stress -- --kills N --power-loss M`: a writer doing every kind of write is SIGKILLed at random moments N times; after each kill the archive reopens with every acknowledged write (power losses: stress-power-loss.ts).
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openArchive } from '../core/archive.ts';
import { checker, type Line, type Write } from './stress-check.ts';
import { makeBundles } from './stress-bundles.ts';
import { powerLosses } from './stress-power-loss.ts';

const { values } = parseArgs({
  options: {
    kills: { type: 'string' },
    'power-loss': { type: 'string' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean' },
  },
});
const POWER_LOSSES = Number(values['power-loss'] ?? 0);
const KILLS = Number(values.kills ?? (POWER_LOSSES ? 0 : 50));
const WRITER = fileURLToPath(new URL('./stress-writer.ts', import.meta.url));

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

const { record, lost, byKind } = checker();
const dir = await mkdtemp(join(tmpdir(), 'newsdesk-stress-'));
const bundles = await mkdtemp(join(tmpdir(), 'newsdesk-stress-bundles-'));
const started = Date.now();
let acknowledged = 0;
const lostWrites: string[] = [];
const powerDir = await mkdtemp(join(tmpdir(), 'newsdesk-power-loss-'));
let power = { acknowledged: 0, lost: [] as string[], byKind: new Map<string, number>() };
try {
  if (KILLS)
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
  if (POWER_LOSSES) {
    console.log(`Newsdesk stress: ${POWER_LOSSES} simulated power losses of a recorded writer, in ${powerDir}/data`);
    power = await powerLosses(POWER_LOSSES, Number(values.seed), join(powerDir, 'data'), powerDir, bundles);
  }
} finally {
  if (!values.keep) await rm(dir, { recursive: true, force: true });
  if (!values.keep) await rm(powerDir, { recursive: true, force: true });
  await rm(bundles, { recursive: true, force: true });
}
const kinds = (counts: Map<string, number>) => [...counts].map(([kind, n]) => `${kind} ${n}`).join(', ');
if (KILLS) {
  console.log(`acknowledged by kind: ${kinds(byKind)}`);
  console.log(`${KILLS} kills, ${acknowledged} acknowledged writes, ${lostWrites.length} lost`);
}
if (POWER_LOSSES) {
  console.log(`acknowledged by kind: ${kinds(power.byKind)}`);
  console.log(`${POWER_LOSSES} power losses, ${power.acknowledged} acknowledged writes, ${power.lost.length} lost`);
}
process.exitCode = lostWrites.length || power.lost.length ? 1 : 0;
