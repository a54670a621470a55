// The registry entries a pull writes, committed together: every entry that arrives while archive.json is being written goes into its next write, not a write of its own.
import type { Registry } from '../model.ts';
import type { RegistryStore } from '../store/registry-file.ts';

type Pending = { apply: (draft: Registry) => void; resolve: () => void; reject: (error: unknown) => void };

/**
 * A group commit over RegistryStore.update: each change is applied to the same draft (one that
 * throws is left out and fails alone); if the schema refuses the group as a whole, each change is
 * retried on its own so only the entry at fault fails. 3,000 entities pulled: ~20 writes, not 3,000.
 */
export class RegistryWrites {
  private pending: Pending[] = [];
  private scheduled = false;

  constructor(private readonly registry: RegistryStore) {}

  write(apply: (draft: Registry) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ apply, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      void this.commit();
    });
  }

  private async commit(): Promise<void> {
    let group: Pending[] = [];
    const failed = new Map<Pending, unknown>();
    try {
      await this.registry.update((draft) => {
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
        else this.registry.update(change.apply).then(change.resolve, change.reject);
      return;
    }
    for (const change of group)
      if (failed.has(change)) change.reject(failed.get(change));
      else change.resolve();
  }
}
