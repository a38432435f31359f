import { isDeepStrictEqual } from 'node:util';
import type { AccountRow, SubscriptionRow } from '@shared/contract';
import type { Queryable } from '../db/database';
import { recordChange } from '../domain/change-log';
import { rowMappers } from '../domain/row-mappers';
import { createAccount, createSubscription } from '../domain/workspace-setup';

export type WriteOutcome = 'created' | 'updated' | 'unchanged';
type AccountHolder = Omit<AccountRow, 'status'>;

/** Writes an account holder unless the stored row already says the same; a write syncs. */
export async function writeAccount(tx: Queryable, account: AccountHolder, stored: Record<string, unknown> | undefined): Promise<WriteOutcome> {
  if (stored === undefined) {
    await createAccount(tx, account);
    return 'created';
  }
  const { status: _status, ...before } = rowMappers.account(stored);
  if (isDeepStrictEqual(before, account)) return 'unchanged';
  const version = await recordChange(tx, { entity: 'account', id: account.id, accountId: account.id, op: 'upsert' });
  await tx.query('UPDATE accounts SET holder_name = $2, holder_email = $3, organization = $4, version = $5 WHERE id = $1', [
    account.id, account.holderName, account.holderEmail, account.organization, version,
  ]);
  return 'updated';
}

/** Writes a subscription unless the stored row already says the same; a write syncs. */
export async function writeSubscription(tx: Queryable, s: SubscriptionRow, stored: Record<string, unknown> | undefined): Promise<WriteOutcome> {
  if (stored === undefined) {
    await createSubscription(tx, s);
    return 'created';
  }
  if (isDeepStrictEqual(rowMappers.subscription(stored), s)) return 'unchanged';
  const version = await recordChange(tx, { entity: 'subscription', id: s.id, accountId: s.accountId, op: 'upsert' });
  const json = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));
  await tx.query(
    `UPDATE subscriptions SET policy_id = $2, initial_plan = $3, plan = $4, monthly_price_cents = $5, anchor = $6, time_zone = $7, changes = $8,
       pending_downgrade = $9, cancel_requested_at = $10, cancel_at = $11, free_term = $12, entitlement_events = $13, entitlement_windows = $14,
       version = $15
     WHERE id = $1`,
    [s.id, s.policyId, s.initialPlan, s.plan, s.monthlyPriceCents, s.anchor, s.timeZone, json(s.changes), json(s.pendingDowngrade),
      s.cancelRequestedAt, s.cancelAt, json(s.freeTerm), json(s.entitlementEvents), json(s.entitlementWindows), version],
  );
  return 'updated';
}
