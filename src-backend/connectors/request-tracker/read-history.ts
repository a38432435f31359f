import { ok, type Result } from '@shared/ipc/result';
import type { RtHttp } from './rt-http';
import { isLastPage, pageOf } from './rt-page';
import {
  rtAttachmentFields,
  rtAttachmentSchema,
  rtPageSchema,
  rtTransactionFields,
  rtTransactionSchema,
  type RtAttachment,
  type RtPage,
  type RtTransaction,
} from './rt-schemas';

/** Transactions that carry a message: the ticket's first one, replies and internal notes. */
const messageTypes = new Set(['Create', 'Correspond', 'Comment']);

export interface RtHistoryEntry extends RtTransaction {
  /** The message's text (its plain part, else its HTML part); null for a change without a message. */
  content: string | null;
  contentType: 'text/plain' | 'text/html' | null;
  /** Files attached to the message, by name (their contents are fetched on demand). */
  files: Array<{ attachmentId: number; filename: string; contentType: string }>;
}

/** Every attachment (MIME part) of the given transactions, following RT's pages. */
async function attachmentsOf(http: RtHttp, transactionIds: number[]): Promise<Result<RtAttachment[]>> {
  const all: RtAttachment[] = [];
  const filter = [{ field: 'TransactionId', operator: 'IN', value: transactionIds }];
  for (let page = 1; ; page++) {
    const query = new URLSearchParams({ fields: rtAttachmentFields.join(','), per_page: '100', page: String(page), orderby: 'id' });
    const answer = await http.request('POST', `/attachments?${query.toString()}`, rtPageSchema(rtAttachmentSchema), filter);
    if (!answer.ok) return answer;
    all.push(...answer.value.value.items);
    if (isLastPage(answer.value.value)) return ok(all);
  }
}

function entryOf(transaction: RtTransaction, parts: RtAttachment[]): RtHistoryEntry {
  const text = (type: 'text/plain' | 'text/html') => parts.find((part) => part.ContentType === type && part.Filename === '' && part.Content !== '');
  const body = text('text/plain') ?? text('text/html');
  return {
    ...transaction,
    content: body?.Content ?? null,
    contentType: body === undefined ? null : (body.ContentType as 'text/plain' | 'text/html'),
    files: parts.filter((part) => part.Filename !== '').map((part) => ({ attachmentId: part.id, filename: part.Filename, contentType: part.ContentType })),
  };
}

/**
 * One page of a ticket's history with the messages' text: two requests (more for very long
 * messages), not one per transaction. RT's `/ticket/:id/attachments` would do in one, but
 * selecting fields there fails in RT 5.0.3, so the page's message transactions are asked by id.
 */
export async function readHistory(http: RtHttp, ticketId: number, page: number, perPage: number): Promise<Result<RtPage<RtHistoryEntry>>> {
  const query = new URLSearchParams({ fields: rtTransactionFields.join(','), page: String(page), per_page: String(perPage), orderby: 'id', order: 'ASC' });
  const answer = await http.request('GET', `/ticket/${ticketId}/history?${query.toString()}`, rtPageSchema(rtTransactionSchema));
  if (!answer.ok) return answer;
  const history = answer.value.value;
  const withMessages = history.items.filter((transaction) => messageTypes.has(transaction.Type)).map((transaction) => transaction.id);
  const parts = withMessages.length === 0 ? ok<RtAttachment[]>([]) : await attachmentsOf(http, withMessages);
  if (!parts.ok) return parts;
  const byTransaction = new Map<number, RtAttachment[]>();
  for (const part of parts.value) byTransaction.set(part.TransactionId, [...(byTransaction.get(part.TransactionId) ?? []), part]);
  const entries = pageOf(history);
  return ok({ ...entries, items: entries.items.map((transaction) => entryOf(transaction, byTransaction.get(transaction.id) ?? [])) });
}
