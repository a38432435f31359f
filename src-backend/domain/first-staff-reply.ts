import type { SupportPolicy } from '@shared/policy';
import type { Queryable } from '../db/database';
import { isoOrNull } from './db-instants';
import { recordCreditIfOwed } from './record-credit';

/**
 * What the first public staff reply at `at` changes on a locked ticket: it stops the SLA clock,
 * met at or before the due instant, breached after it, and a breach under a guarantee records
 * the credit owed. Nothing when the clock has stopped already. Whether the reply was made in the
 * app or in a helpdesk, the rules are these.
 */
export async function firstStaffReplyChanges(tx: Queryable, policy: SupportPolicy, ticket: Record<string, unknown>, at: string): Promise<Record<string, unknown>> {
  if (ticket.first_staff_reply_at !== null) return {};
  const changes: Record<string, unknown> = { first_staff_reply_at: at };
  const due = isoOrNull(ticket.due_at);
  if (due !== null) {
    changes.sla_outcome = Date.parse(at) <= Date.parse(due) ? 'met' : 'breached';
    if (changes.sla_outcome === 'breached') await recordCreditIfOwed(tx, policy, ticket, at);
  }
  return changes;
}
