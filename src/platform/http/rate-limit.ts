/**
 * A sliding-window counter per key (e.g. client IP), in process memory. Good enough for public look-ups behind
 * one process or a sticky load balancer; each process of a scaled-out deployment limits on its own, so the
 * effective limit is per process (documented with the endpoint).
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 50_000,
  ) {}

  /** Records a hit for `key` and answers whether it is still within the limit. */
  hit(key: string, now = Date.now()): boolean {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    recent.push(now);
    if (!this.hits.has(key) && this.hits.size >= this.maxKeys) this.prune(now);
    this.hits.set(key, recent);
    return recent.length <= this.limit;
  }

  /** Takes back the latest hit of `key` (e.g. a look-up counted as a failure until it succeeded). */
  undo(key: string): void {
    this.hits.get(key)?.pop();
  }

  private prune(now: number) {
    for (const [key, times] of this.hits) {
      if (!times.some((t) => t > now - this.windowMs)) this.hits.delete(key);
    }
    if (this.hits.size >= this.maxKeys) this.hits.clear();
  }
}
