import { creditForTicket, creditPriceCents, type SupportPolicy } from '@shared/policy';
import type { Queryable } from '../db/database';
import { recordChange } from './change-log';
import { isoOf } from './db-instants';

/** A credit as stored: what the policy engine computed for one late first reply. */
export interface OwedCredit {
  cents: number;
  latenessMs: number;
  dueAt: string;
  repliedAt: string;
  cycleStart: string;
  cycleEnd: string;
  appliesAt: string;
}

/**
 * The credit a first reply at `repliedAt` owes for a ticket (a row of `tickets`) under `policy`
 * (Preset A), from the billing cycles and free term of `subscription` (a row of `subscriptions`);
 * null when none is owed: no guarantee of credits, no due instant, or not late.
 */
export function owedCredit(policy: SupportPolicy, ticket: Record<string, unknown>, subscription: Record<string, unknown>, repliedAt: string): OwedCredit | null {
  if (!policy.guarantees.credits || ticket.due_at === null) return null;
  const freeTerm = (typeof subscription.free_term === 'string' ? JSON.parse(subscription.free_term) : subscription.free_term) as { startedAt: string; endsAt: string } | null;
  const dueAt = isoOf(ticket.due_at);
  const credit = creditForTicket({
    dueAt,
    firstStaffReplyAt: repliedAt,
    now: repliedAt,
    monthlyPriceCents: creditPriceCents(policy, { plan: ticket.plan === null ? null : String(ticket.plan), createdAt: isoOf(ticket.created_at) }, freeTerm),
    anchor: isoOf(subscription.anchor),
    timeZone: String(subscription.time_zone),
  });
  if (credit.status !== 'owed' || credit.appliesAt === null) return null;
  return { cents: credit.cents, latenessMs: credit.latenessMs, dueAt, repliedAt, cycleStart: credit.cycle.start, cycleEnd: credit.cycle.end, appliesAt: credit.appliesAt };
}

/**
 * A first reply after the due instant owes the customer a credit (Preset A): recorded now, to be
 * applied at the start of the billing cycle after the one in which the reply was posted.
 */
export async function recordCreditIfOwed(tx: Queryable, policy: SupportPolicy, ticket: Record<string, unknown>, repliedAt: string): Promise<void> {
  if (ticket.subscription_id === null) return;
  const { rows } = await tx.query('SELECT id, anchor, time_zone, free_term FROM subscriptions WHERE id = $1', [ticket.subscription_id]);
  const subscription = rows[0];
  if (subscription === undefined) return;
  const credit = owedCredit(policy, ticket, subscription, repliedAt);
  if (credit === null) return;
  const id = `cr-${String(ticket.id)}`;
  const version = await recordChange(tx, { entity: 'credit', id, accountId: String(ticket.account_id), op: 'upsert' });
  await tx.query(
    `INSERT INTO credits (id, account_id, subscription_id, ticket_id, cents, lateness_ms, due_at, replied_at, cycle_start, cycle_end, applies_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [id, ticket.account_id, subscription.id, ticket.id, credit.cents, credit.latenessMs, credit.dueAt, repliedAt, credit.cycleStart, credit.cycleEnd, credit.appliesAt, version],
  );
}
