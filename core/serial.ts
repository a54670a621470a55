// One thing at a time: a serial queue, and a queue per key (one article, one collection) for work that must not interleave.

/** Runs work one job after another, in the order given; a job that fails does not stop the ones after it. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => T | Promise<T>): Promise<T> {
    const run = this.tail.then(work);
    // The next job waits for this one to settle, not to succeed.
    this.tail = run.catch(() => undefined);
    return run;
  }
}

/** A serial queue per key: jobs of one key run one after another, jobs of different keys side by side. */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => T | Promise<T>): Promise<T> {
    const run = (this.tails.get(key) ?? Promise.resolve()).then(work);
    const settled = run.catch(() => undefined);
    this.tails.set(key, settled);
    // Forgotten once idle, so a queue per article does not grow with the archive.
    void settled.then(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return run;
  }

  /** Keys with a job queued or running. */
  get busyKeys(): number {
    return this.tails.size;
  }
}

/**
 * Event-loop turns handed out one at a time. Work that arrives together (twenty feeds whose
 * responses end in the same turn, each then parsed) would otherwise run back to back in one
 * turn; awaiting `next()` first gives each its own, so timers and the UI's calls get in between.
 */
export class TurnQueue {
  private tail: Promise<void> = Promise.resolve();

  next(): Promise<void> {
    // An immediate set while immediates run waits for the next turn of the loop.
    const turn = this.tail.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
    this.tail = turn;
    return turn;
  }
}

/**
 * Runs `work` on every item, at most `limit` at a time (disk waits overlap: each fsync alone costs a
 * few ms). After a failure no new item starts; the first error is thrown once the running ones settle.
 */
export async function eachLimit<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw (failure as { error: unknown }).error;
}
