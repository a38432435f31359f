import type { Mutation } from '@shared/contract';
import { insertMessage } from '../file-ticket';
import { deleteLoginDetail } from '../login-details';
import { updateTicket } from '../update-ticket';
import { rejected, type Outcome } from './mutation-outcome';
import type { ActionContext } from './ticket-actions';

/**
 * The customer asked an engineer to delete a login detail before its 30 days are up. The row is
 * deleted for real (a `delete` syncs), an internal note records who did it, and the ticket gets a
 * new version written after the delete: a client that waits for that version has seen the delete.
 */
export async function purgeLoginDetail(ctx: ActionContext, mutation: Extract<Mutation, { kind: 'purge-login-detail' }>): Promise<Outcome> {
  const { tx, ticket, engineer, now } = ctx;
  const { rows } = await tx.query<{ ticket_id: string; label: string }>('SELECT ticket_id, label FROM login_details WHERE id = $1 FOR UPDATE', [
    mutation.loginDetailId,
  ]);
  const detail = rows[0];
  if (detail === undefined) {
    return rejected('not-found', `login detail ${mutation.loginDetailId} does not exist (already purged or past its 30 days)`);
  }
  if (detail.ticket_id !== ticket.id) {
    return rejected('invalid', `login detail ${mutation.loginDetailId} belongs to another ticket than ${String(ticket.number)}`);
  }
  await deleteLoginDetail(tx, mutation.loginDetailId);
  await insertMessage(tx, {
    ticketId: String(ticket.id),
    accountId: String(ticket.account_id),
    authorKind: 'system',
    authorId: engineer.id,
    authorName: engineer.name,
    public: false,
    body: `Login detail "${detail.label}" purged at the customer's request by ${engineer.name}.`,
    createdAt: now.toISOString(),
  });
  return { ok: true, ticketVersion: await updateTicket(tx, ticket, {}, now) };
}
