// A real temporary data folder per test, and cleanups that run last-in first-out (close, then delete).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { openArchive, type Archive } from '../../../core/archive.ts';

const stacks = new WeakMap<TestContext, (() => Promise<unknown>)[]>();

/** node:test runs after-hooks in the order they were added; an archive must close before its folder goes. */
export function defer(t: TestContext, cleanup: () => Promise<unknown>): void {
  let stack = stacks.get(t);
  if (!stack) {
    const fresh: (() => Promise<unknown>)[] = [];
    stacks.set(t, (stack = fresh));
    t.after(async () => {
      for (const step of fresh.reverse()) await step();
    });
  }
  stack.push(cleanup);
}

export async function tempDir(t: TestContext, prefix = 'newsdesk-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  defer(t, () => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Opens an archive that is closed when the test ends (closing twice is harmless). */
export async function openFor(t: TestContext, dir: string): Promise<Archive> {
  const archive = await openArchive(dir);
  defer(t, () => archive.close());
  return archive;
}
