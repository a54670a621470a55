// One process per data folder: a second opener, in this process or another, is refused with a clear message.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { LOCK_FILE, lockFolder } from '../../core/store/folder-lock.ts';
import { runCli } from './helpers/run-cli.ts';
import { openFor, tempDir } from './helpers/temp-dir.ts';

test('opening the same folder twice is refused, and allowed again after close', async (t) => {
  const dir = await tempDir(t);
  const first = await openArchive(dir);
  await assert.rejects(openArchive(dir), {
    code: 'locked',
    message: new RegExp(`already open in another Newsdesk \\(pid ${process.pid}`),
  });
  await first.close();
  const second = await openFor(t, dir);
  assert.equal((await second.getStatus()).articles, 0);
});

test('another process is refused while this one holds the folder', async (t) => {
  const dir = await tempDir(t);
  await openFor(t, dir);
  const result = await runCli(['list', '--data-dir', dir]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^newsdesk: The data folder .* is already open in another Newsdesk/);
  assert.equal(result.stderr.trim().split('\n').length, 1, 'one line');
});

test('a lock left by a dead process is taken over', async (t) => {
  const dir = await tempDir(t);
  await (await openArchive(dir)).close();
  const dead = spawn(process.execPath, ['-e', '']);
  const pid = await new Promise<number>((resolve) => dead.on('exit', () => resolve(dead.pid!)));
  await writeFile(
    join(dir, LOCK_FILE),
    JSON.stringify({ pid, host: (await import('node:os')).hostname(), since: 'x' }),
  );
  const archive = await openFor(t, dir);
  const owner = JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'));
  assert.equal(owner.pid, process.pid);
  await archive.close();
});

async function deadPid(): Promise<number> {
  const dead = spawn(process.execPath, ['-e', '']);
  return new Promise<number>((resolve) => dead.on('exit', () => resolve(dead.pid!)));
}

test('openers racing for a stale lock: exactly one wins', async (t) => {
  const dir = await tempDir(t);
  for (let round = 0; round < 20; round++) {
    await writeFile(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: await deadPid(), host: hostname(), since: new Date().toISOString() }),
    );
    const attempts = await Promise.allSettled(Array.from({ length: 6 }, () => lockFolder(dir)));
    const winners = attempts.filter((a) => a.status === 'fulfilled');
    assert.equal(winners.length, 1, `round ${round}: ${winners.length} holders`);
    for (const loser of attempts.filter((a) => a.status === 'rejected'))
      assert.match(String((loser as PromiseRejectedResult).reason), /already open in another Newsdesk/);
    await (winners[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof lockFolder>>>).value.release();
  }
  assert.deepEqual(
    (await readdir(dir)).filter((f) => f.includes('takeover') || f.endsWith('.tmp')),
    [],
  );
});

test('a lock from before the last boot is stale even if its pid is alive now', async (t) => {
  const dir = await tempDir(t);
  const beforeBoot = new Date(Date.now() - uptime() * 1000 - 60_000).toISOString();
  // pid 1 is alive on every Unix machine: only the boot time tells this lock is old.
  await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: hostname(), since: beforeBoot }));
  const lock = await lockFolder(dir);
  assert.equal(lock.previousOwnerCrashed, true);
  await lock.release();
});
