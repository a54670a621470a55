// A full disk gives a clear error and loses nothing: tested on a real, tiny tmpfs (needs root to mount).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, open, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openArchive } from '../../core/archive.ts';
import { toErrorBody } from '../../core/errors.ts';

function mountTinyDisk(dir: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=400k', 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `cannot mount a tmpfs here (${String((error as Error).message).split('\n')[0]})`;
  }
}

test('writes that do not fit are refused with disk_full, and what was there stays', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-full-'));
  const why = mountTinyDisk(dir);
  if (why) {
    await rm(dir, { recursive: true });
    t.skip(why);
    return;
  }
  t.after(async () => {
    execFileSync('umount', [dir]);
    await rm(dir, { recursive: true });
  });

  const archive = await openArchive(dir);
  const kept = await archive.addArticle({ text: 'small and safe', title: 'kept' });
  const filler = join(dir, 'filler');
  await fillDisk(filler);

  const failures = [
    archive.addArticle({ text: 'no room for this' }),
    archive.updateArticle(kept.id, { title: 'lost?' }),
  ];
  for (const failure of failures) {
    await assert.rejects(failure, (error) => {
      assert.deepEqual(toErrorBody(error), {
        code: 'disk_full',
        message: 'The disk is full: nothing was changed. Free some space and try again.',
      });
      return true;
    });
  }
  assert.equal((await archive.getArticle(kept.id)).title, 'kept');
  assert.equal((await archive.listArticles()).total, 1);
  const leftovers = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.tmp'));
  assert.deepEqual(leftovers, [], 'no temp file left behind');

  await rm(filler);
  await archive.updateArticle(kept.id, { title: 'edited once there is room' });
  await archive.close();
  const again = await openArchive(dir);
  assert.deepEqual(
    (await again.listArticles()).items.map((a) => a.title),
    ['edited once there is room'],
  );
  await again.close();
});

async function fillDisk(file: string): Promise<void> {
  const handle = await open(file, 'w');
  try {
    for (;;) await handle.write(Buffer.alloc(4096, 1));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    await handle.close();
  }
}
