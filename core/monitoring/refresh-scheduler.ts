// Refreshes the subscriptions that are due while the archive is open; what fell due while it was closed runs at start.
import { settingsOf } from '../store/settings.ts';
import type { RegistryStore } from '../store/registry-file.ts';
import type { SubscriptionService } from './subscription-service.ts';

/** Due times are in minutes; a check every half minute keeps a feed at most that late. */
export const TICK_MS = 30_000;

export class RefreshScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly subscriptions: SubscriptionService,
    private readonly registry: RegistryStore,
    private readonly tickMs = TICK_MS,
  ) {}

  /** The first check runs at once: subscriptions that fell due while no app ran are refreshed now. */
  start(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.tickMs);
    // The schedule never keeps a process alive on its own (the CLI's serve has its server for that).
    this.timer.unref();
  }

  /** One round at a time: a slow round delays the next, never overlaps it. Paused in settings: nothing runs. */
  tick(): Promise<unknown> {
    if (this.stopped || this.running || settingsOf(this.registry).refreshPaused)
      return this.running ?? Promise.resolve();
    this.running = this.subscriptions
      .refreshDue()
      // A round's failures are in each subscription's health; the schedule itself goes on.
      .catch(() => undefined)
      .finally(() => (this.running = null));
    return this.running;
  }

  /** Stops the schedule and waits for the round under way (its pages are saved, not half-saved). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
