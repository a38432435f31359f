import type { EntityName } from '@shared/contract';
import type { Queryable } from '../db/database';

/**
 * Appends a change to the log and returns its sequence number, which is also the row's new
 * version. Call it in the same transaction as the write it describes, after taking the row's lock
 * (UPDATE ... or SELECT ... FOR UPDATE), so a row's versions grow in commit order.
 */
export async function recordChange(
  tx: Queryable,
  change: { entity: EntityName; id: string; accountId: string | null; op: 'upsert' | 'delete' },
): Promise<number> {
  const { rows } = await tx.query<{ seq: number }>(
    "INSERT INTO changes (seq, entity, entity_id, account_id, op) VALUES (nextval('change_seq'), $1, $2, $3, $4) RETURNING seq",
    [change.entity, change.id, change.accountId, change.op],
  );
  return Number(rows[0]?.seq);
}

/**
 * An account's termination: its earlier changes would point at rows that no longer exist, so they
 * go, and one purge change tells every client to drop what it holds of the account.
 */
export async function recordPurge(tx: Queryable, accountId: string): Promise<number> {
  await tx.query('DELETE FROM changes WHERE account_id = $1', [accountId]);
  const { rows } = await tx.query<{ seq: number }>(
    "INSERT INTO changes (seq, entity, entity_id, account_id, op) VALUES (nextval('change_seq'), 'account', $1, $1, 'purge') RETURNING seq",
    [accountId],
  );
  return Number(rows[0]?.seq);
}

/** The NOTIFY channel every committed write signals on, heard by every instance on the database. */
export const CHANGES_CHANNEL = 'support_center_changes';

/** Tells every instance, at commit, that synced rows changed. */
export async function notifyChanges(tx: Queryable): Promise<void> {
  await tx.query("SELECT pg_notify($1, '')", [CHANGES_CHANNEL]);
}
