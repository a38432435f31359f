import type { QueueRow } from './queue-row';

/** What a countdown shows; `none` for a ticket without a response target. */
export type QueueSlaState = 'running' | 'approaching' | 'breached' | 'met' | 'none';

type Timing = Pick<QueueRow, 'dueMs' | 'repliedMs' | 'policyApproachMs'>;

/**
 * The engine's `slaStatus` reduced to comparisons (the test suite checks they agree): met if the
 * first staff reply came at or before the due instant, breached if after it or, without a reply,
 * once now is past due; approaching while less than the largest threshold is left.
 * `approachMs` overrides the policy's thresholds with the engineer's own.
 */
export function slaStateAt(row: Timing, nowMs: number, approachMs: number | null = null): QueueSlaState {
  const { dueMs, repliedMs } = row;
  if (dueMs === null) return 'none';
  if (repliedMs !== null) return repliedMs <= dueMs ? 'met' : 'breached';
  if (nowMs > dueMs) return 'breached';
  return dueMs - nowMs < (approachMs ?? row.policyApproachMs) ? 'approaching' : 'running';
}

/**
 * The next instant after `nowMs` at which any row changes state (an approach threshold or a due
 * instant is crossed), or null if none will. A filter on SLA state is recomputed only then.
 */
export function nextStateChange(rows: readonly Timing[], nowMs: number, approachMs: number | null = null): number | null {
  let next = Infinity;
  for (const row of rows) {
    if (row.dueMs === null || row.repliedMs !== null) continue;
    // States change 1 ms after due - threshold (`remaining < threshold`) and after due (`now > due`).
    const edges = [row.dueMs - (approachMs ?? row.policyApproachMs) + 1, row.dueMs + 1];
    for (const edge of edges) if (edge > nowMs && edge < next) next = edge;
  }
  return next === Infinity ? null : next;
}
