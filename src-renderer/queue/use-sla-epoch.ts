import { useMemo } from 'react';
import { correctedNow, useClock } from '../state/clock';
import type { QueueRow } from './queue-row';
import { nextStateChange } from './sla-state';

/** Holds the instant states were last resolved at, and when the next row changes state. */
class SlaEpoch {
  private resolvedAt: number;
  private next: number | null;

  constructor(
    private readonly rows: readonly QueueRow[],
    private readonly approachMs: number | null,
  ) {
    this.resolvedAt = correctedNow();
    this.next = nextStateChange(rows, this.resolvedAt, approachMs);
  }

  /** The same instant until `now` passes the next change; then `now`. */
  at(now: number): number {
    if (this.next !== null && now >= this.next) {
      this.resolvedAt = now;
      this.next = nextStateChange(this.rows, now, this.approachMs);
    }
    return this.resolvedAt;
  }
}

/**
 * The instant an SLA-state filter compares at. It moves only when some row changes state, so the
 * filter is recomputed then and not on every tick (the selector returns the same number until then).
 */
export function useSlaEpoch(rows: readonly QueueRow[], active: boolean, approachMs: number | null): number {
  const epoch = useMemo(() => (active ? new SlaEpoch(rows, approachMs) : null), [rows, active, approachMs]);
  return useClock((clock) => (epoch === null ? 0 : epoch.at(clock.now)));
}
