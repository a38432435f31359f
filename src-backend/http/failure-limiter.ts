/** How many failures a key may have within the window before it is refused for the rest of it. */
export interface FailureLimit {
  max: number;
  windowMs: number;
}

/** Sign-in codes: 10 wrong ones a minute from one address (docs/api.md, "Sign-in"). */
export const SIGN_IN_FAILURES: FailureLimit = { max: 10, windowMs: 60_000 };

/** Above this many keys, those with no failure left in the window are dropped, so memory stays bounded. */
const PRUNE_ABOVE = 10_000;

/**
 * Counts failures per key (a client address) in a sliding window, in this instance's memory. Only
 * failures count, so a client that gets it right is never held back.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: FailureLimit,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Milliseconds until `key` may try again, or 0 when it may now. */
  waitMs(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.limit.max) return 0;
    return (recent[recent.length - this.limit.max] as number) + this.limit.windowMs - this.clock();
  }

  fail(key: string): void {
    if (this.failures.size > PRUNE_ABOVE) this.prune();
    this.failures.set(key, [...this.recent(key), this.clock()].slice(-this.limit.max));
  }

  private recent(key: string): number[] {
    const since = this.clock() - this.limit.windowMs;
    return (this.failures.get(key) ?? []).filter((at) => at > since);
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) if (this.recent(key).length === 0) this.failures.delete(key);
  }
}
