import type { AccountRow } from '@shared/contract';
import type { Queryable } from '../db/database';

/** A customer the live demo files tickets for. */
export type DemoAccount = Pick<AccountRow, 'id' | 'holderName' | 'holderEmail' | 'organization'>;

/** Active accounts with a subscription that has not ended by cancellation, by id: the customers with a plan. */
export async function listDemoAccounts(db: Queryable): Promise<DemoAccount[]> {
  const { rows } = await db.query<{ id: string; holder_name: string; holder_email: string; organization: string | null }>(
    `SELECT a.id, a.holder_name, a.holder_email, a.organization FROM accounts a
     WHERE a.status = 'active'
       AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.account_id = a.id AND (s.cancel_at IS NULL OR s.cancel_at > now()))
     ORDER BY a.id`,
  );
  return rows.map((r) => ({ id: r.id, holderName: r.holder_name, holderEmail: r.holder_email, organization: r.organization }));
}
