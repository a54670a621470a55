// A refresh's changes to its subscriptions (health, validators, GUIDs seen), written to archive.json in batches rather than one write per feed.
import type { Subscription } from '../model.ts';
import type { RegistryStore } from '../store/registry-file.ts';

/**
 * Each archive.json write clones, validates, serializes and fsyncs the whole registry on the
 * archive's thread: 500 feeds finishing one by one made 500 of them. A batch goes out when it holds
 * `maxBatch` subscriptions or `maxWaitMs` after its first change, and `flush()` writes what is left;
 * the refresh awaits it before returning, so a saved item's GUID is recorded by then. A crash in
 * between loses only the bookkeeping: the next refresh fetches those items again, and the importer
 * knows their URLs (or their text), so nothing is saved twice.
 */
export class SubscriptionWrites {
  private pending = new Map<string, Partial<Subscription>>();
  private timer: NodeJS.Timeout | null = null;
  private written: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly registry: RegistryStore,
    private readonly maxBatch = 100,
    private readonly maxWaitMs = 500,
  ) {}

  add(id: string, changes: Partial<Subscription>): void {
    this.pending.set(id, { ...this.pending.get(id), ...changes });
    if (this.pending.size >= this.maxBatch) void this.write();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.write(), this.maxWaitMs);
      this.timer.unref();
    }
  }

  /** Writes what is pending; resolves once every batch so far is durable, or throws the first failure. */
  async flush(): Promise<void> {
    await this.write();
    if (this.failure) throw this.failure.error;
  }

  private write(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size) {
      const batch = this.pending;
      this.pending = new Map();
      // The registry's queue runs one change at a time, so the last batch done means all are.
      this.written = this.registry
        .update((draft) => {
          for (const sub of draft.subscriptions) {
            // Unfollowed while it refreshed: its articles are saved, its record stays gone.
            const changes = batch.get(sub.id);
            if (changes) Object.assign(sub, changes);
          }
        })
        .catch((error: unknown) => void (this.failure ??= { error }));
    }
    return this.written;
  }
}
