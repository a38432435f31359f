import type { ChecklistAnswers, EngineerChecklistItem, Mutation, TicketRow } from '@shared/contract';
import type { CachedTicket, LocalMessage, OutboxActor, OutboxEntry } from './cache-rows';

/**
 * What an engineer action looks like before the server has answered. Pure functions: the outbox
 * applies them when an action is taken, and re-applies them on top of every newer server row
 * (rebase), so a sync never hides an action that is still on its way.
 *
 * They mirror src-backend/domain/mutations/ticket-actions.ts where the outcome is certain, and
 * leave to the server what only it can decide (the first reply instant, SLA outcome, eligibility).
 */

const ANSWER_FIELDS: Record<EngineerChecklistItem, keyof ChecklistAnswers> = {
  'code-not-customized': 'codeNotCustomized',
  'data-not-modified': 'dataNotModified',
  'addons-purchased': 'addonsPurchased',
  'not-from-forum': 'notFromForum',
};

export const LOCAL_MESSAGE_PREFIX = 'local-';

export function localMessageId(idempotencyKey: string): string {
  return `${LOCAL_MESSAGE_PREFIX}${idempotencyKey}`;
}

/** The ticket with one action applied. `_v` is untouched: the server's next version must win. */
export function applyToTicket(ticket: CachedTicket, mutation: Mutation, actor: OutboxActor, at: string): CachedTicket {
  switch (mutation.kind) {
    case 'claim':
      return { ...ticket, assigneeId: actor.engineerId, status: ticket.status === 'new' ? 'open' : ticket.status };
    case 'unclaim':
      return { ...ticket, assigneeId: null };
    case 'reply':
      return {
        ...ticket,
        status: 'pending',
        assigneeId: ticket.assigneeId ?? actor.engineerId,
        // The server stamps firstStaffReplyAt when it applies the reply; until then the UI only
        // knows a reply is on its way.
        ...(ticket.firstStaffReplyAt === null && ticket.localReplyAt === undefined ? { localReplyAt: at } : {}),
      };
    case 'note':
      return ticket;
    case 'checklist-answer':
      return { ...ticket, checklistAnswers: { ...ticket.checklistAnswers, [ANSWER_FIELDS[mutation.item]]: mutation.value } };
    case 'category':
      return { ...ticket, categoryId: mutation.categoryId };
    case 'status':
      return { ...ticket, status: mutation.status };
    case 'purge-login-detail':
      // The ticket row does not change; the ticket view hides the detail while the purge is live.
      return ticket;
  }
}

/** The message row a reply or note shows until the server's own message syncs; null for other actions. */
export function localMessageFor(entry: OutboxEntry, ticket: Pick<TicketRow, 'id' | 'accountId'>): LocalMessage | null {
  const { mutation, actor } = entry;
  if (mutation.kind !== 'reply' && mutation.kind !== 'note') return null;
  return {
    id: localMessageId(entry.idempotencyKey),
    ticketId: ticket.id,
    accountId: ticket.accountId,
    authorKind: 'staff',
    authorId: actor.engineerId,
    authorName: actor.engineerName,
    public: mutation.kind === 'reply',
    body: mutation.body,
    createdAt: entry.createdAt,
    pending: true,
    _v: 0,
  };
}

/** The ticket exactly as the server last sent it, without local fields. */
export function serverTicketOf(ticket: CachedTicket): TicketRow {
  if (ticket._server !== undefined) return ticket._server;
  const { _v: _version, _server: _none, localReplyAt: _local, ...row } = ticket;
  return row;
}

/** Whether an outbox entry's edit still belongs on top of the ticket at `version`. */
export function editStillLive(entry: OutboxEntry, version: number): boolean {
  if (entry.status === 'pending' || entry.status === 'sending') return true;
  return entry.status === 'applied' && (entry.ticketVersion ?? 0) > version;
}

/**
 * Rebuilds a ticket from its server row and the actions still live on it, in the order they were
 * taken. With none, it is the server row itself (and `_server` goes).
 */
export function rebaseTicket(server: TicketRow, version: number, entries: readonly OutboxEntry[]): CachedTicket {
  const live = entries.filter((e) => editStillLive(e, version)).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  const base: CachedTicket = { ...server, _v: version };
  if (live.length === 0) return base;
  const edited = live.reduce((ticket, e) => applyToTicket(ticket, e.mutation, e.actor, e.createdAt), base);
  return { ...edited, _server: server };
}
