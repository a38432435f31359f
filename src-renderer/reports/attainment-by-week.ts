import { DateTime } from 'luxon';
import type { PlanId, SupportPolicy } from '@shared/policy';
import { settledOutcome, type ReportTicket } from './ticket-sla-outcome';

export const REPORT_PLANS: readonly PlanId[] = ['silver', 'gold', 'platinum'];

export interface PlanAttainment {
  met: number;
  breached: number;
  /** Percentage met of the settled tickets, one decimal; null when none settled. */
  percent: number | null;
}

/** One week (Monday first, in the report's zone) of first-response attainment per plan. */
export interface AttainmentWeek {
  /** ISO date of the week's Monday. */
  week: string;
  plans: Record<PlanId, PlanAttainment>;
}

function emptyWeek(week: string): AttainmentWeek {
  const empty = (): PlanAttainment => ({ met: 0, breached: 0, percent: null });
  return { week, plans: { silver: empty(), gold: empty(), platinum: empty() } };
}

/** Monday of the week containing `instant` in `zone`, as an ISO date. */
export function weekOf(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone }).startOf('week').toISODate() ?? '';
}

/**
 * First-response attainment per plan per week of ticket creation. Only settled tickets count:
 * one still inside its guarantee is neither a success nor a failure yet. Tickets created without
 * a plan (no subscription) have no guarantee and are left out.
 */
export function attainmentByWeek(
  tickets: Iterable<ReportTicket>,
  policies: ReadonlyMap<string, SupportPolicy>,
  now: string,
  zone: string,
): AttainmentWeek[] {
  const weeks = new Map<string, AttainmentWeek>();
  for (const ticket of tickets) {
    if (ticket.plan === null) continue;
    const outcome = settledOutcome(ticket, policies, now);
    if (outcome === null) continue;
    const week = weekOf(ticket.createdAt, zone);
    let row = weeks.get(week);
    if (row === undefined) weeks.set(week, (row = emptyWeek(week)));
    row.plans[ticket.plan][outcome.state] += 1;
  }
  const rows = [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week));
  for (const row of rows) for (const plan of REPORT_PLANS) row.plans[plan].percent = percentMet(row.plans[plan]);
  return rows;
}

function percentMet({ met, breached }: PlanAttainment): number | null {
  const settled = met + breached;
  return settled === 0 ? null : Math.round((met / settled) * 1000) / 10;
}
