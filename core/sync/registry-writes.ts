// The registry entries (and watches) a pull writes, committed together: every entry that arrives while archive.json (watches.json) is being written goes into its next write, not a write of its own.

type Pending<T> = { apply: (draft: T) => void; resolve: () => void; reject: (error: unknown) => void };

/** A store of one JSON file changed one validated, durable update at a time (RegistryStore, WatchStore). */
type UpdatableFile<T> = { update: (change: (draft: T) => void) => Promise<unknown> };

/**
 * A group commit over the store's update: each change is applied to the same draft (one that
 * throws is left out and fails alone); if the schema refuses the group as a whole, each change is
 * retried on its own so only the entry at fault fails. 3,000 entities pulled: ~20 writes, not 3,000.
 */
export class GroupWrites<T> {
  private pending: Pending<T>[] = [];
  private scheduled = false;

  constructor(private readonly file: UpdatableFile<T>) {}

  write(apply: (draft: T) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ apply, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      void this.commit();
    });
  }

  private async commit(): Promise<void> {
    let group: Pending<T>[] = [];
    const failed = new Map<Pending<T>, unknown>();
    try {
      await this.file.update((draft) => {
        // Taken when the store's queue reaches this write: everything asked for meanwhile joins it.
        this.scheduled = false;
        group = this.pending;
        this.pending = [];
        for (const change of group)
          try {
            change.apply(draft);
          } catch (error) {
            failed.set(change, error);
          }
      });
    } catch {
      this.scheduled = false;
      for (const change of group)
        if (failed.has(change)) change.reject(failed.get(change));
        else this.file.update(change.apply).then(() => change.resolve(), change.reject);
      return;
    }
    for (const change of group)
      if (failed.has(change)) change.reject(failed.get(change));
      else change.resolve();
  }
}
