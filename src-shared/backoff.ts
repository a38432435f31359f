/**
 * Retry delays that double from `baseMs` up to `maxMs`, with "equal jitter" (half fixed, half
 * random) unless turned off, so a fleet of clients that lost a server together does not come back
 * in lockstep.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** False: exactly the doubled delay, for a retry loop no other client's could fall in step with. */
  jitter?: boolean;
  random?: () => number;
}

export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 30));
  if (options.jitter === false) return ceiling;
  const random = options.random ?? Math.random;
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** One retry loop's delays: each failure in a row waits longer; a success starts over. */
export class Backoff {
  private attempt = 0;

  constructor(private readonly options: BackoffOptions) {}

  /** How long to wait after this failure. */
  next(): number {
    return backoffDelay(this.attempt++, this.options);
  }

  reset(): void {
    this.attempt = 0;
  }
}
