// Suggestions for new and untagged articles in the background, one at a time, without holding up the call that saved them.
import { ArchiveError } from '../errors.ts';

export class TaggingQueue {
  private readonly waiting: string[] = [];
  private readonly queued = new Set<string>();
  private running: Promise<void> | null = null;
  private stopped = false;

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
      try {
        await this.tag(id);
      } catch (error) {
        // Suggestions are a help, not a duty: a failure leaves the article untagged, to be suggested on demand.
        if (!(error instanceof ArchiveError) && !this.stopped) console.error('newsdesk: tagging failed:', error);
      }
    }
  }
}
