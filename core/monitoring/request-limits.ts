// Caps on requests in flight, in total and per host, so following 500 feeds never floods one server or the machine.
export class RequestLimits {
  private active = 0;
  private readonly perHost = new Map<string, number>();
  /** First come, first served among those whose host has room. */
  private readonly waiting: { host: string; start: () => void }[] = [];

  constructor(
    readonly total = 16,
    readonly hostMax = 2,
  ) {}

  /** Requests waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `work` once a slot is free for its host and overall. */
  async run<T>(host: string, work: () => Promise<T>): Promise<T> {
    if (this.fits(host)) this.take(host);
    // The slot is taken for us by whoever frees it, so no one else can slip in between.
    else await new Promise<void>((start) => this.waiting.push({ host, start }));
    try {
      return await work();
    } finally {
      this.release(host);
    }
  }

  private fits(host: string): boolean {
    return this.active < this.total && (this.perHost.get(host) ?? 0) < this.hostMax;
  }

  private take(host: string): void {
    this.active++;
    this.perHost.set(host, (this.perHost.get(host) ?? 0) + 1);
  }

  private release(host: string): void {
    this.active--;
    const left = this.perHost.get(host)! - 1;
    if (left) this.perHost.set(host, left);
    else this.perHost.delete(host);
    // Wake only those the freed slot lets start. Waking every waiter to re-check (as before) cost
    // 10,000 promise turns per finished item when 500 feeds' items queued together.
    for (let i = 0; i < this.waiting.length && this.active < this.total; i++) {
      const next = this.waiting[i]!;
      if (!this.fits(next.host)) continue;
      this.waiting.splice(i--, 1);
      this.take(next.host);
      next.start();
    }
  }
}
