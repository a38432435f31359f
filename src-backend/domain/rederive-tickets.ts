import { isDeepStrictEqual } from 'node:util';
import type { TicketRow } from '@shared/contract';
import type { SupportPolicy } from '@shared/policy';
import type { Queryable } from '../db/database';
import { recordChange } from './change-log';
import { isoOf, isoOrNull } from './db-instants';
import type { PolicyCache } from './policy-cache';
import { owedCredit, type OwedCredit } from './record-credit';
import { subscriptionModel } from './subscription-model';
import { evaluateTicketEligibility } from './ticket-eligibility';
import { ticketTiming } from './ticket-timing';
import { updateTicket } from './update-ticket';

export interface RederivedCounts {
  tickets: number;
  credits: { created: number; updated: number; deleted: number };
}

const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

/**
 * A ticket's outcome once its due instant is known again. The first reply decides it; a ticket
 * not yet answered keeps a `breached` mark only while its due instant still lies in the past.
 */
function outcomeOf(ticket: Record<string, unknown>, dueAt: string | null, now: Date): TicketRow['slaOutcome'] {
  if (dueAt === null) return null;
  const replied = isoOrNull(ticket.first_staff_reply_at);
  if (replied !== null) return Date.parse(replied) <= Date.parse(dueAt) ? 'met' : 'breached';
  return ticket.sla_outcome === 'breached' && now.getTime() > Date.parse(dueAt) ? 'breached' : null;
}

/** The ticket columns that follow from its subscription, computed as filing and replying compute them. */
async function derivedColumns(tx: Queryable, policy: SupportPolicy, subscription: Record<string, unknown>, ticket: Record<string, unknown>, now: Date) {
  const createdAt = isoOf(ticket.created_at);
  const { plan, dueAt } = ticketTiming(policy, subscriptionModel(subscription), { createdAt, urgent: ticket.urgent === true });
  const eligibility = await evaluateTicketEligibility(tx, policy, {
    createdAt,
    subscriptionId: String(subscription.id),
    productId: ticket.product_id === null ? null : String(ticket.product_id),
    productVersion: ticket.product_version === null ? null : String(ticket.product_version),
    source: String(ticket.source) as TicketRow['source'],
    categoryId: ticket.category_id === null ? null : String(ticket.category_id),
    checklistAnswers: json(ticket.checklist_answers ?? {}) as TicketRow['checklistAnswers'],
  });
  return { policy_id: policy.id, plan, due_at: dueAt, sla_outcome: outcomeOf(ticket, dueAt, now), eligibility };
}

/** Writes the columns that moved; true when any did. */
async function writeTicket(tx: Queryable, ticket: Record<string, unknown>, derived: Awaited<ReturnType<typeof derivedColumns>>, now: Date): Promise<boolean> {
  const stored = { policy_id: ticket.policy_id, plan: ticket.plan, due_at: isoOrNull(ticket.due_at), sla_outcome: ticket.sla_outcome, eligibility: json(ticket.eligibility) };
  if (isDeepStrictEqual(stored, derived)) return false;
  await updateTicket(tx, ticket, { ...derived, eligibility: derived.eligibility === null ? null : JSON.stringify(derived.eligibility) }, now);
  return true;
}

/** The stored credit of a ticket made to agree with `credit` (null: none is owed). */
async function writeCredit(tx: Queryable, ticket: Record<string, unknown>, credit: OwedCredit | null, counts: RederivedCounts['credits']): Promise<void> {
  const id = `cr-${String(ticket.id)}`;
  const accountId = String(ticket.account_id);
  const { rows } = await tx.query('SELECT * FROM credits WHERE ticket_id = $1 FOR UPDATE', [ticket.id]);
  const stored = rows[0];
  if (credit === null) {
    if (stored === undefined) return;
    await tx.query('DELETE FROM credits WHERE id = $1', [stored.id]);
    await recordChange(tx, { entity: 'credit', id: String(stored.id), accountId, op: 'delete' });
    counts.deleted += 1;
    return;
  }
  const values = [credit.cents, credit.latenessMs, credit.dueAt, credit.repliedAt, credit.cycleStart, credit.cycleEnd, credit.appliesAt];
  if (stored !== undefined) {
    const same = [Number(stored.cents), Number(stored.lateness_ms), ...[stored.due_at, stored.replied_at, stored.cycle_start, stored.cycle_end, stored.applies_at].map(isoOf)];
    if (isDeepStrictEqual(same, values)) return;
  }
  const version = await recordChange(tx, { entity: 'credit', id, accountId, op: 'upsert' });
  await tx.query(
    `INSERT INTO credits (id, account_id, subscription_id, ticket_id, cents, lateness_ms, due_at, replied_at, cycle_start, cycle_end, applies_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (ticket_id) DO UPDATE SET subscription_id = EXCLUDED.subscription_id, cents = EXCLUDED.cents, lateness_ms = EXCLUDED.lateness_ms,
       due_at = EXCLUDED.due_at, replied_at = EXCLUDED.replied_at, cycle_start = EXCLUDED.cycle_start, cycle_end = EXCLUDED.cycle_end,
       applies_at = EXCLUDED.applies_at, version = EXCLUDED.version`,
    [id, accountId, ticket.subscription_id, ticket.id, ...values, version],
  );
  if (stored === undefined) counts.created += 1;
  else counts.updated += 1;
}

/**
 * After a subscription changed (its plan history, cycle anchor, cancellation, free term or support
 * windows), every ticket filed under it is derived again the way filing and the first reply derive
 * it: the plan in force at its creation, its due instant, its outcome, its eligibility verdict and
 * the credit a late first reply owes. Only what moved is written, and each write syncs.
 */
export async function rederiveSubscriptionTickets(tx: Queryable, policies: PolicyCache, subscriptionId: string, now: Date): Promise<RederivedCounts> {
  const counts: RederivedCounts = { tickets: 0, credits: { created: 0, updated: 0, deleted: 0 } };
  const { rows: subs } = await tx.query('SELECT * FROM subscriptions WHERE id = $1', [subscriptionId]);
  const subscription = subs[0];
  if (subscription === undefined) return counts;
  const { rows: tickets } = await tx.query('SELECT * FROM tickets WHERE subscription_id = $1 ORDER BY id COLLATE "C" FOR UPDATE', [subscriptionId]);
  for (const ticket of tickets) {
    // Each ticket keeps the policy version in force when it was filed.
    const policy = await policies.ofTicket(tx, ticket);
    const derived = await derivedColumns(tx, policy, subscription, ticket, now);
    if (await writeTicket(tx, ticket, derived, now)) counts.tickets += 1;
    const repliedAt = isoOrNull(ticket.first_staff_reply_at);
    const owed = repliedAt !== null && derived.sla_outcome === 'breached' ? owedCredit(policy, { ...ticket, plan: derived.plan, due_at: derived.due_at }, subscription, repliedAt) : null;
    await writeCredit(tx, ticket, owed, counts.credits);
  }
  return counts;
}
