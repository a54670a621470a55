// Syncs a joined desk while the archive is open (the desktop app, `newsdesk serve`): every interval, soon after a local write, backing off while the desk fails.
import type { WatchStore } from '../monitoring/watch-store.ts';
import type { ArticleStore } from '../store/article-store.ts';
import type { RegistryStore } from '../store/registry-file.ts';
import type { DeskService } from './desk-service.ts';

export type DeskSchedule = {
  /** Between syncs when nothing happens (default 60 s). */
  intervalMs?: number;
  /** At most this long after a local write (default 5 s): writes meanwhile go in the same sync. */
  soonMs?: number;
  /** The longest wait after failures in a row (default 15 min); each failure doubles the wait from intervalMs. */
  maxBackoffMs?: number;
};

export class DeskScheduler {
  private timer: NodeJS.Timeout | null = null;
  private dueAt = Infinity;
  private running: Promise<void> | null = null;
  private failures = 0;
  private stopped = false;
  private readonly intervalMs: number;
  private readonly soonMs: number;
  private readonly maxBackoffMs: number;

  constructor(
    private readonly desk: DeskService,
    store: ArticleStore,
    registry: RegistryStore,
    watches: WatchStore,
    schedule: DeskSchedule = {},
  ) {
    this.intervalMs = schedule.intervalMs ?? 60_000;
    this.soonMs = schedule.soonMs ?? 5_000;
    this.maxBackoffMs = schedule.maxBackoffMs ?? 15 * 60_000;
    // A sync's own writes (what it pulls) are not edits to send back.
    const edited = () => {
      if (!this.desk.syncing) this.soon();
    };
    store.on('written', edited);
    registry.onChange(edited);
    watches.onWatchesChange(edited);
  }

  /** The first sync soon after opening: what changed on the desk while the app was closed comes in. */
  start(): void {
    this.arm(Math.min(this.soonMs, this.intervalMs));
  }

  /** A local write: a sync within soonMs, unless the desk is failing (the backoff's timer runs then). */
  soon(): void {
    if (this.stopped || this.failures > 0) return;
    this.arm(this.soonMs);
  }

  /** One sync now (joins one under way), then the next is scheduled. */
  run(): Promise<void> {
    this.running ??= this.round().finally(() => (this.running = null));
    return this.running;
  }

  /** Stops the schedule and waits for the sync under way (its checkpoint is saved, nothing half-written). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private async round(): Promise<void> {
    if (this.stopped) return;
    this.dueAt = Infinity;
    let next = this.intervalMs;
    try {
      if (await this.desk.isJoined()) {
        await this.desk.sync();
        this.failures = 0;
        // Edited while the sync ran (its writes were not told apart): sent soon.
        if ((await this.desk.pendingUp()) > 0) next = Math.min(this.soonMs, this.intervalMs);
      }
    } catch {
      // The failure is in the desk's status (lastFailure); the schedule waits longer each time.
      this.failures++;
      next = Math.min(this.intervalMs * 2 ** (this.failures - 1), this.maxBackoffMs);
    }
    if (!this.stopped) this.arm(next, true);
  }

  /** The next sync in `ms`, unless one is already due sooner (or `reset`: after a round, whatever was set). */
  private arm(ms: number, reset = false): void {
    if (this.stopped) return;
    const at = Date.now() + ms;
    if (!reset && at >= this.dueAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, ms);
    // The schedule never keeps a process alive on its own.
    this.timer.unref();
  }
}
