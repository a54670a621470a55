// The power-loss simulator's disk model can be trusted, and a real recorded write survives every cut the model allows (a new month's folder, a new catalog log).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { DiskModel, randomSource } from '../../bench/power-loss-model.ts';
import type { Op } from '../../bench/power-loss-recorder.ts';
import { TSX } from './helpers/run-cli.ts';
import { tempDir } from './helpers/temp-dir.ts';

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** Every distinct content `file` can have after rebuilding the model under many seeds. */
async function outcomes(model: DiskModel, dir: string, file: string): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let seed = 1; seed <= 40; seed++) {
    const out = join(dir, `rebuilt-${seed}`);
    await model.rebuild(out, randomSource(seed));
    seen.add(await readFile(join(out, file), 'utf8').catch(() => '(missing)'));
  }
  return seen;
}

/** The durable-write steps: temp written and fsynced, renamed over the target, then (or not) the folder fsynced. */
function replace(syncFolder: boolean): Op[] {
  return [
    { op: 'open', p: '.a.tmp', fd: 7, c: true, tr: true },
    { op: 'write', fd: 7, o: 0, d: b64('new') },
    { op: 'fsync', fd: 7 },
    { op: 'close', fd: 7 },
    { op: 'rename', p: '.a.tmp', to: 'a.json' },
    ...(syncFolder
      ? [
          { op: 'open', p: '', fd: 8 },
          { op: 'fsync', fd: 8 },
        ]
      : []),
  ];
}

test('the model: a rename without a folder fsync may be undone; with one it holds; unsynced data may be lost or torn', async (t) => {
  const dir = await tempDir(t);
  const start = join(dir, 'start');
  await mkdir(start);
  await writeFile(join(start, 'a.json'), 'old');
  await writeFile(join(start, 'log'), 'line 1\n');

  const unsynced = await DiskModel.of(start);
  for (const op of replace(false)) unsynced.apply(op);
  assert.deepEqual([...(await outcomes(unsynced, join(dir, 'u'), 'a.json'))].sort(), ['new', 'old']);

  const synced = await DiskModel.of(start);
  for (const op of replace(true)) synced.apply(op);
  assert.deepEqual([...(await outcomes(synced, join(dir, 's'), 'a.json'))], ['new']);

  // An append never fsynced: gone, whole, or cut anywhere; one fsynced: always whole.
  const appended = await DiskModel.of(start);
  appended.apply({ op: 'open', p: 'log', fd: 9, a: true });
  appended.apply({ op: 'write', fd: 9, o: 7, d: b64('line 2 is long enough to tear\n') });
  const logs = await outcomes(appended, join(dir, 'l'), 'log');
  assert.ok(logs.has('line 1\n') && logs.has('line 1\nline 2 is long enough to tear\n') && logs.size > 2);
  appended.apply({ op: 'fsync', fd: 9 });
  assert.equal((await outcomes(appended, join(dir, 'l2'), 'log')).size, 1);

  // A new file whose folder was never fsynced may vanish, even when its data was.
  const created = await DiskModel.of(start);
  for (const op of replace(false).map((op) => (op.to ? { ...op, to: 'b.json' } : op))) created.apply(op);
  assert.deepEqual([...(await outcomes(created, join(dir, 'c'), 'b.json'))].sort(), ['(missing)', 'new']);
});

const WRITER = `
import { openArchive } from ${JSON.stringify(new URL('../../core/archive.ts', import.meta.url).href)};
import { mark } from ${JSON.stringify(new URL('../../bench/power-loss-recorder.ts', import.meta.url).href)};
const archive = await openArchive(process.argv[2]);
const { id } = await archive.addArticle({ title: 'Acknowledged', text: 'Shelling near Karovsk. '.repeat(20) });
mark({ ack: id });
await archive.updateArticle(id, { title: 'Edited' });
mark({ ack: 'edit' });
await archive.close();
`;

test('an article added to a fresh archive (new month folder, new catalog log) survives a power cut right after it was acknowledged', async (t) => {
  const dir = await tempDir(t);
  const data = join(dir, 'data');
  await mkdir(data);
  const script = join(dir, 'writer.mts');
  await writeFile(script, WRITER);
  const log = join(dir, 'ops.log');
  const recorder = new URL('../../bench/power-loss-recorder.ts', import.meta.url).href;
  const child = spawn(process.execPath, ['--import', TSX, '--import', recorder, script, data], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, POWER_LOSS_LOG: log, POWER_LOSS_ROOT: data },
  });
  assert.equal(await new Promise((resolve) => child.on('exit', resolve)), 0);
  const ops = (await readFile(log, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Op);
  const added = ops.findIndex((op) => op.mark && 'ack' in op.mark);
  const id = (ops[added]!.mark as { ack: string }).ack;
  const edited = ops.findIndex((op) => (op.mark as { ack?: string } | undefined)?.ack === 'edit');
  const empty = join(dir, 'empty');
  await mkdir(empty);
  // Cut right after each acknowledgement: the write must be there whatever the disk kept.
  for (const [cut, title] of [
    [added, 'Acknowledged'],
    [edited, 'Edited'],
  ] as const)
    for (let seed = 1; seed <= 12; seed++) {
      const model = await DiskModel.of(empty);
      for (const op of ops.slice(0, cut + 1)) model.apply(op);
      const rebuilt = join(dir, `cut-${cut}-${seed}`);
      await model.rebuild(rebuilt, randomSource(seed));
      const archive = await openArchive(rebuilt);
      try {
        assert.equal((await archive.getArticle(id)).title, title, `seed ${seed}`);
        const listed = (await archive.listArticles({ offset: 0, limit: 10 })).items;
        assert.deepEqual(
          listed.map((a) => a.title),
          [title],
          `seed ${seed}: the catalog lists what the file holds`,
        );
        assert.deepEqual((await archive.getStatus()).problems, []);
      } finally {
        await archive.close();
      }
    }
});
