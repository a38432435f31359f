import type { TicketRow } from '@shared/contract';
import { slaStatus, type SupportPolicy } from '@shared/policy';

/** The ticket fields the reports read; a cached ticket row has them all. */
export type ReportTicket = Pick<TicketRow, 'id' | 'policyId' | 'plan' | 'createdAt' | 'dueAt' | 'firstStaffReplyAt'>;

export type SettledOutcome = { state: 'met' } | { state: 'breached'; dueAt: string };

/**
 * Met or breached as the engine judges it at `now`; null while the clock still runs, or when the
 * ticket has no due instant or its policy is not cached (nothing to judge it by).
 */
export function settledOutcome(ticket: ReportTicket, policies: ReadonlyMap<string, SupportPolicy>, now: string): SettledOutcome | null {
  if (ticket.dueAt === null) return null;
  const policy = policies.get(ticket.policyId);
  if (policy === undefined) return null;
  const status = slaStatus(policy, { dueAt: ticket.dueAt, firstStaffReplyAt: ticket.firstStaffReplyAt, now });
  if (status.state === 'running') return null;
  return status.state === 'met' ? { state: 'met' } : { state: 'breached', dueAt: status.dueAt };
}
