// One process per data folder: a lock file holding the owner's pid, taken over only when that process is gone.
import { randomBytes } from 'node:crypto';
import { link, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
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
    for (let attempt = 0; ; attempt++) {
      try {
        await link(temp, lockPath);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 20) throw error;
      }
      const owner = await readOwner(lockPath);
      if (owner && isLive(owner, me.host)) {
        throw new ArchiveError(
          'locked',
          `The data folder ${dir} is already open in another Newsdesk (pid ${owner.pid} on ${owner.host}, since ${owner.since}). ` +
            `Close that one first, or choose another data folder. If no Newsdesk is running, delete ${lockPath}.`,
        );
      }
      // The owner is dead. Locks are only ever removed by a process holding the takeover mutex, and
      // only after it re-read them and found the same dead owner: so two openers racing for a stale
      // lock cannot both win (one removes it; the other then finds the winner's live lock).
      const removed = await underTakeoverMutex(dir, temp, async () => {
        const again = await readOwner(lockPath);
        if (again?.pid !== owner?.pid || again?.since !== owner?.since) return false;
        await rm(lockPath, { force: true });
        return true;
      });
      if (removed) previousOwnerCrashed = true;
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

const TAKEOVER_STALE_MS = 10_000;

async function underTakeoverMutex<T>(dir: string, temp: string, work: () => Promise<T>): Promise<T> {
  const mutex = join(dir, `${LOCK_FILE}.takeover`);
  for (let waited = 0; ; waited++) {
    try {
      await link(temp, mutex);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // Held for a millisecond by a live taker; one older than this was left by a taker that was killed.
    const info = await stat(mutex).catch(() => null);
    if (info && Date.now() - info.mtimeMs > TAKEOVER_STALE_MS) await rm(mutex, { force: true });
    else if (waited > 2000) throw new Error(`${mutex} stays held: remove it if no Newsdesk is starting.`);
    else await delay(5);
  }
  try {
    return await work();
  } finally {
    await rm(mutex, { force: true });
  }
}

/**
 * Alive means: on this host, a process with that pid exists and started before this boot ended.
 * A lock from before the last reboot is dead whatever its pid now names. Locks from another host
 * (a shared folder) are taken as alive: we cannot see that machine's processes.
 */
function isLive(owner: Owner, host: string): boolean {
  if (owner.host !== host) return true;
  const bootedAt = Date.now() - uptime() * 1000;
  if (Date.parse(owner.since) < bootedAt) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(lockPath: string): Promise<Owner | null> {
  try {
    const owner = JSON.parse(await readFile(lockPath, 'utf8')) as Owner;
    return typeof owner.pid === 'number' && typeof owner.since === 'string' ? owner : null;
  } catch {
    return null;
  }
}
