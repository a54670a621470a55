// `npm run stress -- --power-loss N`: a recorded writer, a power cut at a random point of its op log, the folder rebuilt as the disk could leave it, and every write acknowledged before the cut checked.
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openArchive } from '../core/archive.ts';
import { DiskModel, randomSource } from './power-loss-model.ts';
import type { Op } from './power-loss-recorder.ts';
import { checker, type Line, type Write } from './stress-check.ts';

const WRITER = fileURLToPath(new URL('./stress-writer.ts', import.meta.url));
const RECORDER = new URL('./power-loss-recorder.ts', import.meta.url).href;

/**
 * The files the recorder cannot see: SQLite writes the search index from native code. They are
 * derived (rebuilt from the articles), so after the cut each group is as at the start of the round,
 * as the writer left it, or gone; SQLite's own crash safety is SQLite's to test.
 */
export const DERIVED = /^index\/search\.sqlite/;
const derived = (path: string) => DERIVED.test(path);

type Round = { acked: Write[]; inFlight: Write | null; cut: number; ops: number };

/** One round in `dir`: record a writer, cut, rebuild `dir` as the disk could be left. */
async function round(dir: string, work: string, seed: number, bundles: string): Promise<Round> {
  const random = randomSource(seed);
  const startDerived = join(work, 'derived-start');
  await rm(startDerived, { recursive: true, force: true });
  await copyDerived(dir, startDerived);
  const model = await DiskModel.of(dir, derived);
  const log = join(work, 'ops.log');
  await rm(log, { force: true });
  const acks = 1 + Math.floor(random() * 16);
  await runWriter(dir, seed, bundles, log, acks);
  const ops = (await readFile(log, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Op);
  const cut = Math.floor(random() * (ops.length + 1));
  const acked: Write[] = [];
  let inFlight: Write | null = null;
  for (const op of ops.slice(0, cut)) {
    model.apply(op);
    const line = op.mark as Line | undefined;
    if (line?.begin) inFlight = { kind: line.begin, key: line.key, value: line.value };
    if (line?.ack) {
      acked.push({ kind: line.ack, key: line.key, value: line.value });
      inFlight = null;
    }
  }
  const next = join(work, 'rebuilt');
  await rm(next, { recursive: true, force: true });
  await model.rebuild(next, random);
  // Past the cut, only to check the model against what the writer really left.
  for (const op of ops.slice(cut)) model.apply(op);
  await selfCheck(model, dir);
  const roll = random();
  if (roll < 1 / 3) await copyDerived(startDerived, next);
  else if (roll < 2 / 3) await copyDerived(dir, next);
  await rm(dir, { recursive: true, force: true });
  await rename(next, dir);
  return { acked, inFlight, cut, ops: ops.length };
}

async function runWriter(dir: string, seed: number, bundles: string, log: string, acks: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', RECORDER, WRITER, dir, String(seed), bundles], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, POWER_LOSS_LOG: log, POWER_LOSS_ROOT: dir, POWER_LOSS_ACKS: String(acks) },
  });
  const code = await new Promise((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`the recorded writer failed (exit ${code}), see above`);
}

/** The model's current state must be what the writer left: else the recorder missed an fs call. */
async function selfCheck(model: DiskModel, dir: string): Promise<void> {
  const modelled = model.current();
  const real = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .filter((path) => !derived(path));
  for (const path of real) {
    const bytes = modelled.get(path);
    if (!bytes) throw new Error(`self-check: ${path} exists but the recorder never saw it made`);
    if (!bytes.equals(await readFile(join(dir, path))))
      throw new Error(`self-check: ${path} differs from the recorded writes (${bytes.length} bytes modelled)`);
    modelled.delete(path);
  }
  const extra = [...modelled.keys()];
  if (extra.length) throw new Error(`self-check: the model has ${extra.join(', ')}, the folder does not`);
}

async function copyDerived(from: string, to: string): Promise<void> {
  const names = await readdir(join(from, 'index')).catch(() => [] as string[]);
  for (const name of names)
    if (derived(`index/${name}`)) {
      await mkdir(join(to, 'index'), { recursive: true });
      await cp(join(from, 'index', name), join(to, 'index', name));
    }
}

/** N rounds; returns the acknowledged count and the losses, each naming its round and seed. */
export async function powerLosses(
  rounds: number,
  baseSeed: number,
  dir: string,
  work: string,
  bundles: string,
): Promise<{ acknowledged: number; lost: string[]; byKind: Map<string, number> }> {
  const check = checker();
  const lostWrites: string[] = [];
  let acknowledged = 0;
  const started = Date.now();
  const reported = new Set<string>(); // problems stay listed in archive.json: count each once
  await mkdir(dir, { recursive: true });
  for (let n = 1; n <= rounds; n++) {
    const seed = baseSeed * 1_000_003 + n;
    const { acked, inFlight, cut, ops } = await round(dir, work, seed, bundles);
    for (const write of acked) check.record(write);
    acknowledged += acked.length;
    const missing: string[] = [];
    try {
      const archive = await openArchive(dir);
      try {
        missing.push(...(await check.lost(archive, acked, inFlight)));
        for (const { file, reason } of (await archive.getStatus()).problems)
          if (!reported.has(file + reason)) {
            reported.add(file + reason);
            missing.push(`problem: ${file}: ${reason}`);
          }
      } finally {
        await archive.close();
      }
    } catch (error) {
      missing.push(`the archive did not open: ${(error as Error).stack}`);
    }
    if (missing.length) {
      lostWrites.push(...missing.map((m) => `power loss ${n} (seed ${seed}, cut ${cut}/${ops}): ${m}`));
      console.log(
        `power loss ${n} (seed ${seed}, cut ${cut} of ${ops} ops): LOST ${missing.length}: ${missing.slice(0, 3).join('; ')}`,
      );
    }
    if (n % 25 === 0)
      console.log(
        `${n} power losses, ${acknowledged} acknowledged writes, ${lostWrites.length} lost (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
  }
  return { acknowledged, lost: lostWrites, byKind: check.byKind };
}
