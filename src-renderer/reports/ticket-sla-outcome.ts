import type { TicketRow } from '@shared/contract';
import { slaStatus, type SupportPolicy } from '@shared/policy';
import { policyVersionKey } from '../db/policy-versions';

/** The ticket fields the reports read; a cached ticket row has them all. */
export type ReportTicket = Pick<TicketRow, 'id' | 'policyId' | 'policyVersion' | 'plan' | 'createdAt' | 'dueAt' | 'firstStaffReplyAt'>;

export type SettledOutcome = { state: 'met' } | { state: 'breached'; dueAt: string };

/**
 * Met or breached as the engine judges it at `now`; null while the clock still runs, or when the
 * ticket has no due instant or its policy version is not cached (nothing to judge it by).
 * `policies` holds every version, by `policyVersionKey`.
 */
export function settledOutcome(ticket: ReportTicket, policies: ReadonlyMap<string, SupportPolicy>, now: string): SettledOutcome | null {
  if (ticket.dueAt === null) return null;
  const policy = policies.get(policyVersionKey(ticket.policyId, ticket.policyVersion));
  if (policy === undefined) return null;
  const status = slaStatus(policy, { dueAt: ticket.dueAt, firstStaffReplyAt: ticket.firstStaffReplyAt, now });
  if (status.state === 'running') return null;
  return status.state === 'met' ? { state: 'met' } : { state: 'breached', dueAt: status.dueAt };
}
