// Streams an export into a file where the user pointed: a temp file beside it, then linked into place, never over an existing file.
import { randomBytes } from 'node:crypto';
import { link, lstat, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ArchiveError } from '../errors.ts';
import { syncFolder } from '../store/durable-write.ts';

/**
 * Where an export goes: `out` itself, or `out/<fileName>` when `out` is a folder. Refused when that
 * file exists (never overwritten) or its folder does not.
 */
export async function exportTarget(out: string, fileName: string): Promise<string> {
  let target = resolve(out);
  const info = await stat(target).catch(() => null);
  if (info?.isDirectory()) target = join(target, fileName);
  else if (out.endsWith('/') || out.endsWith('\\'))
    throw new ArchiveError('not_found', `There is no folder ${target}: create it first.`);
  await refuseExisting(target);
  const folder = await stat(dirname(target)).catch(() => null);
  if (!folder?.isDirectory())
    throw new ArchiveError('not_found', `There is no folder ${dirname(target)}: create it first.`);
  return target;
}

async function refuseExisting(target: string): Promise<void> {
  // lstat: a dangling symlink is still a name we would write through.
  if (await lstat(target).catch(() => null))
    throw new ArchiveError('exists', `${target} already exists: choose another name, or move that file first.`);
}

/**
 * Writes the chunks to `target`, durably, or not at all: a full disk, a failed format or a file
 * that appeared meanwhile leaves no partial export behind. Returns the bytes written.
 */
export async function writeExport(target: string, chunks: AsyncIterable<string | Uint8Array>): Promise<number> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.partial`);
  let bytes = 0;
  const handle = await open(temp, 'wx');
  try {
    try {
      // Chunks are gathered to ~1 MB before each write: thousands of small writes cost more than the formatting.
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      for await (const chunk of chunks) {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
        pending.push(buffer);
        pendingBytes += buffer.length;
        if (pendingBytes >= 1 << 20) {
          await handle.write(Buffer.concat(pending));
          bytes += pendingBytes;
          pending = [];
          pendingBytes = 0;
        }
      }
      if (pendingBytes) await handle.write(Buffer.concat(pending));
      bytes += pendingBytes;
      await handle.sync();
    } finally {
      await handle.close();
    }
    await placeWithoutOverwriting(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dirname(target));
  return bytes;
}

/** link() fails when the target exists, so a file created meanwhile is never replaced. */
async function placeWithoutOverwriting(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
    await rm(temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') await refuseExisting(target);
    // Some file systems (FAT and exFAT on USB sticks) have no hard links: check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    await refuseExisting(target);
    await rename(temp, target);
  }
}
