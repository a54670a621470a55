// Suggestions for new and untagged articles in the background, one at a time, without holding up the call that saved them.
import { ArchiveError } from '../errors.ts';

export class TaggingQueue {
  private readonly waiting: string[] = [];
  private readonly queued = new Set<string>();
  private running: Promise<void> | null = null;
  private stopped = false;
  /** The article being tagged, and a promise settled when it is done. */
  private current: string | null = null;
  private done: { promise: Promise<void>; resolve: () => void } | null = null;

  /** `tag` suggests and saves for one article; an article that has gone since it was queued is skipped. */
  constructor(private readonly tag: (id: string) => Promise<unknown>) {}

  enqueue(ids: Iterable<string>): void {
    if (this.stopped) return;
    for (const id of ids)
      if (!this.queued.has(id)) {
        this.queued.add(id);
        this.waiting.push(id);
      }
    this.kick();
  }

  get pending(): number {
    return this.waiting.length;
  }

  /** Resolves when everything queued so far has been tagged (or has failed). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Tags these (those of them still queued) first and waits for them; the rest stay queued. */
  async finish(ids: Set<string>): Promise<void> {
    const first = this.waiting.filter((id) => ids.has(id));
    const rest = this.waiting.filter((id) => !ids.has(id));
    this.waiting.splice(0, this.waiting.length, ...first, ...rest);
    while (this.running && ((this.current !== null && ids.has(this.current)) || this.waiting.some((id) => ids.has(id))))
      await this.next();
  }

  /** Finishes the article under way and drops the rest: they stay untagged and are queued again at the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.waiting.length = 0;
    await this.running;
  }

  /**
   * Starts the worker loop unless it runs or there is nothing to do. `running` is cleared in a
   * callback, never inside run(): run() can finish before the assignment, which would leave a settled
   * promise there for drain() to spin on.
   */
  private kick(): void {
    if (this.running || this.waiting.length === 0) return;
    this.running = this.run().finally(() => {
      this.running = null;
      if (!this.stopped) this.kick();
    });
  }

  private async run(): Promise<void> {
    for (let id = this.waiting.shift(); id !== undefined; id = this.waiting.shift()) {
      this.queued.delete(id);
      this.current = id;
      try {
        await this.tag(id);
      } catch (error) {
        // Suggestions are a help, not a duty: a failure leaves the article untagged, to be suggested on demand.
        if (!(error instanceof ArchiveError) && !this.stopped) console.error('newsdesk: tagging failed:', error);
      } finally {
        this.current = null;
        this.done?.resolve();
        this.done = null;
      }
    }
  }

  /** Settles when the article under way is done. */
  private next(): Promise<void> {
    if (!this.done) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.done = { promise, resolve };
    }
    return this.done.promise;
  }
}
