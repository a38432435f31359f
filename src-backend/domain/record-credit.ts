import { creditForTicket, type SupportPolicy } from '../../src-shared/policy/index';
import type { Queryable } from '../db/database';
import { recordChange } from './change-log';
import { isoOf } from './db-instants';

/**
 * A first reply after the due instant owes the customer a credit (Preset A): recorded now, to be
 * applied at the start of the billing cycle after the one in which the reply was posted.
 */
export async function recordCreditIfOwed(tx: Queryable, policy: SupportPolicy, ticket: Record<string, unknown>, repliedAt: string): Promise<void> {
  if (!policy.guarantees.credits || ticket.due_at === null || ticket.subscription_id === null) return;
  const { rows } = await tx.query('SELECT id, account_id, monthly_price_cents, anchor, time_zone FROM subscriptions WHERE id = $1', [ticket.subscription_id]);
  const subscription = rows[0];
  if (subscription === undefined) return;
  const credit = creditForTicket({
    dueAt: isoOf(ticket.due_at),
    firstStaffReplyAt: repliedAt,
    now: repliedAt,
    monthlyPriceCents: Number(subscription.monthly_price_cents),
    anchor: isoOf(subscription.anchor),
    timeZone: String(subscription.time_zone),
  });
  if (credit.status !== 'owed' || credit.appliesAt === null) return;
  const id = `cr-${String(ticket.id)}`;
  const version = await recordChange(tx, { entity: 'credit', id, accountId: String(ticket.account_id), op: 'upsert' });
  await tx.query(
    `INSERT INTO credits (id, account_id, subscription_id, ticket_id, cents, lateness_ms, due_at, replied_at, cycle_start, cycle_end, applies_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [id, ticket.account_id, subscription.id, ticket.id, credit.cents, credit.latenessMs, isoOf(ticket.due_at), repliedAt, credit.cycle.start, credit.cycle.end, credit.appliesAt, version],
  );
}
