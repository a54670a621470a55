// Who makes this archive's edits: the desk analyst's name (desk.json), kept in memory for the per-item stamps of reviews and claim statuses.

/** Who did it and when: `by` is the analyst's name on the desk, null for an archive on no desk. */
export type Stamp = { by: string | null; at: string };

/**
 * desk.json is read at open and again after a join or a leave, never per edit: a review of 2,000
 * mentions costs no file read. The reader is given (core/sync's desk file), so the services that stamp
 * their edits do not import the desk.
 */
export class CurrentAnalyst {
  private name: string | null = null;

  constructor(private readonly readName: () => Promise<string | null>) {}

  async refresh(): Promise<void> {
    this.name = await this.readName();
  }

  /** Who and when, for an edit made now. */
  stamp(): Stamp {
    return { by: this.name, at: new Date().toISOString() };
  }
}
