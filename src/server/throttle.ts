// A sliding-window count of failures per key (a client address), kept in memory and bounded in size.

export interface ThrottleOptions {
  /** Failures allowed within the window; the next attempt is refused until the oldest one ages out. */
  max: number;
  windowMs: number;
  /** Keys remembered at most; beyond that the longest-quiet keys are forgotten first. */
  maxKeys: number;
}

/**
 * One client trying many names is not stopped by the per-name lock; this stops it. In memory only: a
 * restart forgets it, which is acceptable because the per-name lock is kept in the database.
 * @example const t = new FailureThrottle({ max: 20, windowMs: 15 * 60_000, maxKeys: 10_000 });
 *          if (t.retryAfter(ip, Date.now()) > 0) refuse(); else if (failed) t.fail(ip, Date.now());
 */
export class FailureThrottle {
  private readonly failures = new Map<string, number[]>();
  constructor(private readonly options: ThrottleOptions) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfter(key: string, now: number): number {
    const times = this.recent(key, now);
    if (times.length < this.options.max) return 0;
    return (times[times.length - this.options.max] ?? now) + this.options.windowMs - now;
  }

  fail(key: string, now: number): void {
    const times = this.recent(key, now);
    times.push(now);
    if (times.length > this.options.max) times.splice(0, times.length - this.options.max);
    // Re-inserting moves the key to the end, so the Map's order is "least recently failed first".
    this.failures.delete(key);
    this.failures.set(key, times);
    while (this.failures.size > this.options.maxKeys) {
      const oldest = this.failures.keys().next().value;
      if (oldest === undefined) break;
      this.failures.delete(oldest);
    }
  }

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => t > now - this.options.windowMs);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }
}
