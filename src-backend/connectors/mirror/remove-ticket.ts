import type { EntityName } from '@shared/contract';
import type { Queryable } from '../../db/database';
import { recordChange } from '../../domain/change-log';

const CHILDREN: Array<[EntityName, string]> = [
  ['message', 'messages'],
  ['loginDetail', 'login_details'],
  ['credit', 'credits'],
];

/**
 * A ticket the helpdesk deleted, or merged into another, leaves the support center: it and what
 * hangs off it are deleted, and a delete change for each takes them off every desktop. Its links
 * (mirrored entries included) go with it, so a survivor that holds its history mirrors it afresh.
 */
export async function removeTicket(tx: Queryable, ticketId: string): Promise<void> {
  const { rows } = await tx.query<{ account_id: string }>('SELECT account_id FROM tickets WHERE id = $1 FOR UPDATE', [ticketId]);
  const ticket = rows[0];
  if (ticket === undefined) return;
  for (const [entity, table] of CHILDREN) {
    const children = await tx.query<{ id: string }>(`SELECT id FROM ${table} WHERE ticket_id = $1 ORDER BY id COLLATE "C" FOR UPDATE`, [ticketId]);
    for (const child of children.rows) await recordChange(tx, { entity, id: child.id, accountId: ticket.account_id, op: 'delete' });
  }
  await recordChange(tx, { entity: 'ticket', id: ticketId, accountId: ticket.account_id, op: 'delete' });
  await tx.query('DELETE FROM tickets WHERE id = $1', [ticketId]);
}
