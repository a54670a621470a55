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
