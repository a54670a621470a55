// One process per data folder: a lock file holding the owner's pid, taken over only when that process is gone.
import { randomBytes } from 'node:crypto';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ArchiveError } from '../errors.ts';

export const LOCK_FILE = 'newsdesk.lock';

type Owner = { pid: number; host: string; since: string };

export type FolderLock = {
  /** True when the previous owner died holding the lock: its last writes may be half done. */
  previousOwnerCrashed: boolean;
  release(): Promise<void>;
};

export async function lockFolder(dir: string): Promise<FolderLock> {
  const lockPath = join(dir, LOCK_FILE);
  const me: Owner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  // Written whole to a private temp, then hard-linked into place: link() fails if the lock exists,
  // so there is no moment where another process can see a half-written lock.
  const temp = join(dir, `.${LOCK_FILE}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temp, JSON.stringify(me));
  let previousOwnerCrashed = false;
  try {
    for (;;) {
      try {
        await link(temp, lockPath);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = await readOwner(lockPath);
      if (owner && (owner.host !== me.host || isAlive(owner.pid))) {
        throw new ArchiveError(
          'locked',
          `The data folder ${dir} is already open in another Newsdesk (pid ${owner.pid} on ${owner.host}, since ${owner.since}). ` +
            'Close that one first, or choose another data folder.',
        );
      }
      // The owner is dead (or the lock unreadable): take it over and remember the crash.
      previousOwnerCrashed = true;
      await rm(lockPath, { force: true });
    }
  } finally {
    await rm(temp, { force: true });
  }
  let released = false;
  return {
    previousOwnerCrashed,
    async release() {
      if (released) return;
      released = true;
      const owner = await readOwner(lockPath);
      if (owner?.pid === me.pid && owner.since === me.since) await rm(lockPath, { force: true });
    },
  };
}

async function readOwner(lockPath: string): Promise<Owner | null> {
  try {
    const owner = JSON.parse(await readFile(lockPath, 'utf8')) as Owner;
    return typeof owner.pid === 'number' ? owner : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
