import { Backoff, type BackoffOptions } from '@shared/backoff';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Keeps one client within a request budget: request starts are spaced at least 1/maxPerSecond
 * apart, and after an answer that says RT is struggling (overloaded, unreachable, timed out) every
 * request waits out a backoff delay that doubles while failures continue and resets on success.
 * A helpdesk serves its agents first; a connector that hammers it while it recovers makes it worse.
 */
export class RequestPacer {
  private nextStart = 0;
  private readonly backoff: Backoff;

  constructor(
    private readonly maxPerSecond: number,
    backoff: BackoffOptions,
  ) {
    if (!(maxPerSecond > 0)) throw new Error(`maxPerSecond must be positive, not ${maxPerSecond}`);
    this.backoff = new Backoff(backoff);
  }

  /** Resolves when the caller may start its request. */
  async slot(): Promise<void> {
    const now = Date.now();
    const start = Math.max(now, this.nextStart);
    this.nextStart = start + 1000 / this.maxPerSecond;
    if (start > now) await sleep(start - now);
  }

  /** RT struggled: pushes every later request back by the next backoff delay (or RT's Retry-After, if longer). */
  failed(retryAfterMs = 0): number {
    const delay = Math.max(this.backoff.next(), retryAfterMs);
    this.nextStart = Math.max(this.nextStart, Date.now() + delay);
    return delay;
  }

  succeeded(): void {
    this.backoff.reset();
  }
}
