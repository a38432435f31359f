import { DateTime } from 'luxon';
import type { SupportPolicy } from '@shared/policy';
import { settledOutcome, type ReportTicket } from './ticket-sla-outcome';

export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** Breach counts by weekday (0 = Monday) and hour (0-23) of the missed due instant. */
export interface BreachGrid {
  counts: number[][];
  total: number;
}

/** One non-empty cell of the grid, the shape the chart plots. */
export interface BreachCell {
  weekday: number;
  hour: number;
  count: number;
}

/**
 * When guarantees are missed: each breached ticket counts once, at its due instant (the moment
 * the guarantee was missed) in `zone`, so staffing gaps show up at the hours they happen.
 */
export function breachesByWeekdayHour(
  tickets: Iterable<ReportTicket>,
  policies: ReadonlyMap<string, SupportPolicy>,
  now: string,
  zone: string,
): BreachGrid {
  const counts = WEEKDAY_NAMES.map(() => new Array<number>(24).fill(0));
  let total = 0;
  for (const ticket of tickets) {
    const outcome = settledOutcome(ticket, policies, now);
    if (outcome?.state !== 'breached') continue;
    const at = DateTime.fromISO(outcome.dueAt, { zone });
    counts[at.weekday - 1]![at.hour]! += 1;
    total += 1;
  }
  return { counts, total };
}

export function breachCells(grid: BreachGrid): BreachCell[] {
  const cells: BreachCell[] = [];
  grid.counts.forEach((hours, weekday) =>
    hours.forEach((count, hour) => {
      if (count > 0) cells.push({ weekday, hour, count });
    }),
  );
  return cells;
}

export function breachesPerWeekday(grid: BreachGrid): number[] {
  return grid.counts.map((hours) => hours.reduce((sum, n) => sum + n, 0));
}
