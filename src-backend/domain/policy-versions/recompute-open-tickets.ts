import { OPEN_TICKET_STATUSES, type RecomputeReport } from '@shared/contract';
import { firstResponseDue, type PlanId } from '@shared/policy';
import type { Queryable } from '../../db/database';
import { isoOf, isoOrNull } from '../db-instants';
import { updateTicket } from '../update-ticket';
import type { AdminContext } from './admin-audit';
import { inForceAt, readPolicies } from './read-policy-versions';

/**
 * Moves the open tickets still waiting for their first reply to the version of their policy in
 * force now, and recomputes their due instants from their creation instant under it. Answered
 * tickets keep their version: their SLA outcome and credit are settled. Reports which tickets'
 * due instants moved.
 */
export async function recomputeOpenTickets(tx: Queryable, ctx: AdminContext): Promise<RecomputeReport> {
  const { rows } = await tx.query(
    `SELECT * FROM tickets WHERE status = ANY($1) AND first_staff_reply_at IS NULL ORDER BY id COLLATE "C" FOR UPDATE`,
    [OPEN_TICKET_STATUSES],
  );
  const now = ctx.clock();
  const inForce = new Map((await readPolicies(tx)).map((p) => [p.id, inForceAt(p, now)]));
  const report: RecomputeReport = { at: now.toISOString(), examined: 0, moved: [], unchanged: 0 };
  for (const ticket of rows) {
    const target = inForce.get(String(ticket.policy_id));
    if (target === undefined || target.number === Number(ticket.policy_version)) continue;
    report.examined++;
    const createdAt = isoOf(ticket.created_at);
    const dueAtBefore = isoOrNull(ticket.due_at);
    const dueAtAfter = ticket.plan === null ? null : firstResponseDue(target.policy, { createdAt, plan: ticket.plan as PlanId, urgent: Boolean(ticket.urgent) });
    await updateTicket(tx, ticket, { policy_version: target.number, due_at: dueAtAfter }, now);
    if (dueAtAfter === dueAtBefore) {
      report.unchanged++;
      continue;
    }
    report.moved.push({
      ticketId: String(ticket.id), number: Number(ticket.number), policyId: String(ticket.policy_id),
      fromVersion: Number(ticket.policy_version), toVersion: target.number, dueAtBefore, dueAtAfter,
    });
  }
  await ctx.recordAdminAction(tx, {
    actor: ctx.actor,
    action: 'policy.recompute',
    target: 'tickets:open',
    before: null,
    after: { examined: report.examined, moved: report.moved.map((m) => m.ticketId), unchanged: report.unchanged },
  });
  return report;
}
