import { z } from 'zod';
import { fail, ok, type Result } from '@shared/ipc/result';
import { RtHttp, type RtConnection } from './rt-http';
import { pageOf } from './rt-page';
import { readHistory, type RtHistoryEntry } from './read-history';
import {
  rtMessagesSchema,
  rtPageSchema,
  rtCustomFieldSchema,
  rtQueueDetailSchema,
  rtQueueFields,
  rtQueueSchema,
  rtTicketFields,
  rtTicketSchema,
  rtTransactionRefSchema,
  rtUserSchema,
  type RtCustomField,
  type RtPage,
  type RtQueue,
  type RtTicket,
  type RtTransactionRef,
  type RtUser,
} from './rt-schemas';
import { updateTicket, type TicketChanges } from './update-ticket';

/** RT answers at most 100 records per page. */
export const rtMaxPerPage = 100;

/** A whole second in RT's TicketSQL form (RT reads it in its user's time zone: give the connector's RT user UTC). */
export function ticketSqlInstant(instant: Date): string {
  return instant.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * What the connector asks of one RT 5 through REST 2.0. Every method answers a value: the data, or
 * an error naming RT's reason, including the refusals RT answers with 200 (writes are re-read).
 */
export class RtClient {
  private readonly http: RtHttp;

  constructor(connection: RtConnection) {
    this.http = new RtHttp(connection);
  }

  /** Tickets last updated at or after `since` (whole seconds), oldest change first, ties by id. */
  ticketsUpdatedSince(since: Date, page = 1, perPage = rtMaxPerPage): Promise<Result<RtPage<RtTicket>>> {
    return this.searchTickets(`LastUpdated >= '${ticketSqlInstant(since)}'`, page, perPage);
  }

  /** Whole tickets matching a TicketSQL query, oldest change first, ties by id (RT never lists deleted or merged-away tickets here). */
  async searchTickets(ticketSql: string, page = 1, perPage = rtMaxPerPage): Promise<Result<RtPage<RtTicket>>> {
    const query = new URLSearchParams({ query: ticketSql, page: String(page), per_page: String(perPage), fields: rtTicketFields.join(',') });
    query.append('orderby', 'LastUpdated');
    query.append('order', 'ASC');
    query.append('orderby', 'id');
    query.append('order', 'ASC');
    const answer = await this.http.request('GET', `/tickets?${query.toString()}`, rtPageSchema(rtTicketSchema));
    return answer.ok ? ok(pageOf(answer.value.value)) : answer;
  }

  /** The transactions that deleted a ticket at or after `since`, oldest first: searches never list deleted tickets. */
  async deletionsSince(since: Date, page = 1, perPage = rtMaxPerPage): Promise<Result<RtPage<RtTransactionRef>>> {
    const query = new URLSearchParams({ fields: 'ObjectId,Created', page: String(page), per_page: String(perPage), orderby: 'id', order: 'ASC' });
    const filter = [
      { field: 'ObjectType', value: 'RT::Ticket' },
      { field: 'Type', value: 'Status' },
      { field: 'NewValue', value: 'deleted' },
      { field: 'Created', operator: '>=', value: ticketSqlInstant(since) },
    ];
    const answer = await this.http.request('POST', `/transactions?${query.toString()}`, rtPageSchema(rtTransactionRefSchema), filter);
    return answer.ok ? ok(pageOf(answer.value.value)) : answer;
  }

  /** The names of the ticket custom fields applied to a queue. */
  async queueTicketFields(queueId: number): Promise<Result<string[]>> {
    const answer = await this.http.request('GET', `/queue/${queueId}`, rtQueueDetailSchema);
    return answer.ok ? ok(answer.value.value.TicketCustomFields.map((field) => field.name)) : answer;
  }

  /** Custom fields by name (any object they apply to). */
  async customFieldsNamed(name: string): Promise<Result<RtCustomField[]>> {
    const query = new URLSearchParams({ fields: 'Name,LookupType', per_page: String(rtMaxPerPage) });
    const answer = await this.http.request('POST', `/customfields?${query.toString()}`, rtPageSchema(rtCustomFieldSchema), [{ field: 'Name', value: name }]);
    return answer.ok ? ok(answer.value.value.items) : answer;
  }

  async ticket(id: number): Promise<Result<RtTicket>> {
    const answer = await this.http.request('GET', `/ticket/${id}`, rtTicketSchema);
    return answer.ok ? ok(answer.value.value) : answer;
  }

  /** One page of a ticket's transactions, oldest first, each with the text of its message if it has one. */
  ticketHistory(id: number, page = 1, perPage = rtMaxPerPage): Promise<Result<RtPage<RtHistoryEntry>>> {
    return readHistory(this.http, id, page, perPage);
  }

  /** A user by id or login name. */
  async user(idOrName: number | string): Promise<Result<RtUser>> {
    const answer = await this.http.request('GET', `/user/${encodeURIComponent(String(idOrName))}`, rtUserSchema);
    return answer.ok ? ok(answer.value.value) : answer;
  }

  /** The user with this email address (RT compares it without case), or not-found. */
  async userByEmail(email: string): Promise<Result<RtUser>> {
    const filter = [{ field: 'EmailAddress', value: email }];
    const answer = await this.http.request('POST', '/users?fields=Name', rtPageSchema(z.object({ Name: z.string() })), filter);
    if (!answer.ok) return answer;
    const found = answer.value.value.items[0];
    return found === undefined ? fail('not-found', `RT has no user with the email address ${email}`) : this.user(found.Name);
  }

  /** One page of the queues, disabled ones included (their tickets still exist). */
  async queues(page = 1, perPage = rtMaxPerPage): Promise<Result<RtPage<RtQueue>>> {
    const query = new URLSearchParams({ page: String(page), per_page: String(perPage), fields: rtQueueFields.join(','), find_disabled_rows: '1' });
    const answer = await this.http.request('GET', `/queues/all?${query.toString()}`, rtPageSchema(rtQueueSchema));
    return answer.ok ? ok(pageOf(answer.value.value)) : answer;
  }

  /** A reply the requestors see. With `status`, the ticket moves to it too (checked by re-reading). */
  correspond(id: number, message: OutgoingMessage): Promise<Result<{ transactionId: number }>> {
    return this.addMessage('correspond', id, message);
  }

  /** An internal note. */
  comment(id: number, message: OutgoingMessage): Promise<Result<{ transactionId: number }>> {
    return this.addMessage('comment', id, message);
  }

  /** `owner` is a login name; 'Nobody' gives the ticket back. */
  setOwner(id: number, owner: string): Promise<Result<RtTicket>> {
    return this.update(id, { Owner: owner });
  }

  setStatus(id: number, status: string): Promise<Result<RtTicket>> {
    return this.update(id, { Status: status });
  }

  /** Sets ticket fields and re-reads the ticket: RT answers 200 even for what it refused or dropped. */
  update(id: number, changes: TicketChanges): Promise<Result<RtTicket>> {
    return updateTicket(this.http, (ticketId) => this.ticket(ticketId), id, changes);
  }

  private async addMessage(kind: 'correspond' | 'comment', id: number, message: OutgoingMessage): Promise<Result<{ transactionId: number }>> {
    const body = { Content: message.content, ContentType: message.contentType ?? 'text/plain', ...(message.status === undefined ? {} : { Status: message.status }) };
    const answer = await this.http.request('POST', `/ticket/${id}/${kind}`, rtMessagesSchema, body);
    if (!answer.ok) return answer;
    const transactionId = Number(/\/transaction\/(\d+)$/.exec(answer.value.location ?? '')?.[1]);
    if (!Number.isInteger(transactionId)) return { ok: false, error: { code: 'bad-response', message: `POST /ticket/${id}/${kind}: RT named no transaction it created` } };
    if (message.status !== undefined) {
      const moved = await this.ticket(id);
      if (!moved.ok) return moved;
      if (moved.value.Status !== message.status) {
        return { ok: false, error: { code: 'refused', message: `ticket ${id}: the ${kind} was added as transaction ${transactionId}, but RT did not set Status to '${message.status}': ${answer.value.value.join('; ')}` } };
      }
    }
    return ok({ transactionId });
  }
}

export interface OutgoingMessage {
  content: string;
  contentType?: 'text/plain' | 'text/html';
  status?: string;
}
