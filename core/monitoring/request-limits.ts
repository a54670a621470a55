// Caps on requests in flight, in total and per host, so following 500 feeds never floods one server or the machine.
export class RequestLimits {
  private active = 0;
  private readonly perHost = new Map<string, number>();
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly total = 16,
    readonly hostMax = 2,
  ) {}

  /** Runs `work` once a slot is free for its host and overall. */
  async run<T>(host: string, work: () => Promise<T>): Promise<T> {
    while (this.active >= this.total || (this.perHost.get(host) ?? 0) >= this.hostMax)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    this.perHost.set(host, (this.perHost.get(host) ?? 0) + 1);
    try {
      return await work();
    } finally {
      this.active--;
      const left = this.perHost.get(host)! - 1;
      if (left) this.perHost.set(host, left);
      else this.perHost.delete(host);
      // Every waiter re-checks its own host: the slot freed may not be one it can use.
      for (const wake of this.waiting.splice(0)) wake();
    }
  }
}
