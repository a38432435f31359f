import type { Queryable } from '../db/database';
import { RequestError } from '../support-center';

/** A ticket row locked for update, or a 404 naming the ticket. */
export async function lockTicket(tx: Queryable, ticketId: string): Promise<Record<string, unknown>> {
  const { rows } = await tx.query('SELECT * FROM tickets WHERE id = $1 FOR UPDATE', [ticketId]);
  const row = rows[0];
  if (row === undefined) throw new RequestError(404, 'not-found', `ticket ${ticketId} does not exist`, 'ticketId');
  return row;
}
