// Crash-safe file replacement: write a temp file, fsync it, rename over the target, fsync the folder.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temp files are named `.<name>.<pid>.<random>.tmp` so two processes never share one. */
export const TEMP_FILE = /^\..+\.\d+\.[0-9a-f]{12}\.tmp$/;

export type DurableWriteOptions = {
  /**
   * false when another durable write into the same folder follows at once: its folder fsync makes
   * both renames durable, saving one fsync.
   */
  syncFolder?: boolean;
  /** Waited for after this file's data is durable and before its rename: another write that must land first. If it fails, so does this write, leaving the old file. */
  beforeRename?: Promise<unknown>;
};

export async function writeFileDurably(
  file: string,
  data: string | Uint8Array,
  options: DurableWriteOptions = {},
): Promise<void> {
  const dir = dirname(file);
  const temp = tempFileFor(file);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeRename;
    await rename(temp, file);
  } catch (error) {
    // A full disk or a failed rename leaves the old file as it was; do not leave the temp behind.
    await rm(temp, { force: true });
    throw error;
  }
  if (options.syncFolder !== false) await syncFolder(dir);
}

/** The temp name for `file`: `.<name>.<pid>.<random>.tmp`, matched by TEMP_FILE. */
export function tempFileFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Deletes the temp files a killed process left in `dir` (not its subfolders). Only the folder's lock
 * holder calls it, so no temp file there belongs to a write still under way.
 */
export async function removeLeftoverTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  for (const name of names) if (TEMP_FILE.test(name)) await rm(join(dir, name), { force: true });
}

/** Makes a rename or a new file in `dir` survive power loss. */
export async function syncFolder(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; its rename is already durable enough there.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Folders whose entries this process has made durable: made again (deleted meanwhile), they are synced again. */
const durableFolders = new Set<string>();

/**
 * mkdir -p that survives power loss: a new folder's name lives in its parent, so each parent up to
 * `within` is fsynced (once per session, even when the folder was already there: a process killed
 * between its mkdir and the fsync left it only in the page cache). Without it a file renamed into a
 * new month's folder and acknowledged can vanish with the folder.
 */
export async function makeFolder(dir: string, within: string): Promise<void> {
  const created = await mkdir(dir, { recursive: true });
  if (created === undefined && durableFolders.has(dir)) return;
  for (let folder = dir; folder !== within && folder.startsWith(within); folder = dirname(folder))
    await syncFolder(dirname(folder));
  durableFolders.add(dir);
}
