import type { MessageRow } from '@shared/contract';
import type { Queryable } from '../db/database';
import { insertMessage } from './file-ticket';
import { rowMappers } from './row-mappers';
import { lockTicket } from './ticket-columns';
import { updateTicket } from './update-ticket';

/** The customer writes again: a waiting or solved ticket opens again. */
export async function addCustomerMessage(tx: Queryable, ticketId: string, body: string, now: Date): Promise<MessageRow> {
  const ticket = await lockTicket(tx, ticketId);
  const message = await insertMessage(tx, {
    ticketId,
    accountId: String(ticket.account_id),
    authorKind: 'customer',
    authorId: null,
    authorName: String(ticket.requester_name),
    public: true,
    body,
    createdAt: now.toISOString(),
  });
  const status = ticket.status === 'pending' || ticket.status === 'solved' ? 'open' : String(ticket.status);
  await updateTicket(tx, ticket, { status }, now);
  return rowMappers.message(message);
}
