import type { Queryable } from '../db/database';
import { recordChange } from './change-log';

/**
 * Writes columns of a locked ticket and gives it a new version. Column names come from our own
 * code, never from a request.
 */
export async function updateTicket(tx: Queryable, ticket: Record<string, unknown>, changes: Record<string, unknown>, now: Date): Promise<number> {
  const id = String(ticket.id);
  const version = await recordChange(tx, { entity: 'ticket', id, accountId: String(ticket.account_id), op: 'upsert' });
  const columns = Object.keys(changes);
  const sets = columns.map((column, i) => `${column} = $${i + 4}`);
  await tx.query(`UPDATE tickets SET ${[...sets, 'updated_at = $2', 'version = $3'].join(', ')} WHERE id = $1`, [
    id,
    now.toISOString(),
    version,
    ...columns.map((c) => changes[c]),
  ]);
  return version;
}
