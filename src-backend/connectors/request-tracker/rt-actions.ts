import type { TicketStatus } from '@shared/contract';
import { fail, ok, type Result } from '@shared/ipc/result';
import type { AppliedAction, HelpdeskAction } from '../helpdesk-connector';
import type { RtHistoryEntry } from './read-history';
import type { RtClient } from './rt-client';

/** What writing to one RT needs besides the client. */
export interface RtWriteContext {
  client: RtClient;
  /** Our status -> the RT status it is written as (the inverse of the mapping's `statuses`). */
  statuses: Record<TicketStatus, string>;
  /** The login name of the RT user the connector's token belongs to: its transactions are ours. */
  rtUser: string;
}

/** RT's default lifecycle, for a mapping that names no statuses. */
export const defaultRtStatuses: Record<TicketStatus, string> = { new: 'new', open: 'open', pending: 'stalled', solved: 'resolved', closed: 'rejected' };

/** The inverse of a mapping's RT -> ours statuses; the first RT status named wins a tie. */
export function rtStatusesFromMapping(rtToOurs: Record<string, TicketStatus>): Record<TicketStatus, string> {
  const ours: Partial<Record<TicketStatus, string>> = {};
  for (const [rt, status] of Object.entries(rtToOurs)) ours[status] ??= rt;
  return { ...defaultRtStatuses, ...ours };
}

function ticketNumber(action: HelpdeskAction): Result<number> {
  const id = Number(action.ticketExternalId);
  return Number.isInteger(id) && id > 0 ? ok(id) : fail('invalid', `'${action.ticketExternalId}' is not an RT ticket id`);
}

/** The RT user an owner change sets: the engineer's (found by email) or Nobody. */
async function ownerOf(ctx: RtWriteContext, action: HelpdeskAction): Promise<Result<{ id: number; name: string }>> {
  const user = action.kind === 'claim' ? await ctx.client.userByEmail(action.engineer.email) : await ctx.client.user('Nobody');
  if (!user.ok) return user.error.code === 'not-found' ? fail('refused', `RT has no user for ${action.engineer.email}: ${user.error.message}`) : user;
  return ok({ id: user.value.id, name: user.value.Name });
}

const sameText = (a: string | null, b: string): boolean => a !== null && a.replace(/\r\n/g, '\n').trim() === b.replace(/\r\n/g, '\n').trim();

/** Whether one transaction is this action (its kind and content, or the field and new value). */
function matcher(ctx: RtWriteContext, action: HelpdeskAction, owner: { id: number } | null): (entry: RtHistoryEntry) => boolean {
  switch (action.kind) {
    case 'reply':
      return (entry) => entry.Type === 'Correspond' && sameText(entry.content, action.body);
    case 'note':
      return (entry) => entry.Type === 'Comment' && sameText(entry.content, action.body);
    case 'status':
      return (entry) => entry.Type === 'Status' && entry.NewValue === ctx.statuses[action.status];
    case 'claim':
    case 'unclaim':
      return (entry) => entry.Field === 'Owner' && entry.NewValue === String(owner?.id);
  }
}

/** The first transaction by the connector's user after `after` that is this action, or null. */
async function firstMatch(ctx: RtWriteContext, action: HelpdeskAction, ticket: number, after: string | null, owner: { id: number } | null): Promise<Result<AppliedAction | null>> {
  const isIt = matcher(ctx, action, owner);
  const from = after === null ? 0 : Number(after);
  for (let page: number | null = 1; page !== null; ) {
    const history = await ctx.client.ticketHistory(ticket, page);
    if (!history.ok) return history;
    const found = history.value.items.find((entry) => entry.id > from && entry.Creator.id.toLowerCase() === ctx.rtUser.toLowerCase() && isIt(entry));
    if (found !== undefined) return ok({ externalId: String(found.id) });
    page = history.value.nextPage;
  }
  return ok(null);
}

/**
 * After a crash or a lost answer: the transaction this action made in RT after `after` (by the
 * connector's user; a message by its kind and text, an owner or status change by its new value),
 * or null when RT has none and the action may be posted.
 */
export async function findRtApplied(ctx: RtWriteContext, action: HelpdeskAction, after: string | null): Promise<Result<AppliedAction | null>> {
  const ticket = ticketNumber(action);
  if (!ticket.ok) return ticket;
  let owner: { id: number } | null = null;
  if (action.kind === 'claim' || action.kind === 'unclaim') {
    const found = await ownerOf(ctx, action);
    if (!found.ok) return found;
    owner = found.value;
  }
  return firstMatch(ctx, action, ticket.value, after, owner);
}

/** Moves the RT ticket on as our action moves ours; RT's refusal here leaves the action itself done. */
async function followStatus(ctx: RtWriteContext, ticket: number, when: (rtStatus: string) => boolean, status: string): Promise<void> {
  const current = await ctx.client.ticket(ticket);
  if (current.ok && when(current.value.Status)) await ctx.client.setStatus(ticket, status);
}

/**
 * One engineer action in RT: claim and unclaim set the Owner (the engineer's RT user by email,
 * Nobody), a reply is correspondence, a note a comment, a status change sets Status through the
 * mapping. What RT refuses (also when it answers 200 and the read-back shows nothing changed) is
 * a `refused` error carrying RT's words. A reply also moves RT's ticket to our "pending" and a
 * claim a new ticket to "open", as our actions do, so the mirror reads back what we show.
 */
export async function applyRtAction(ctx: RtWriteContext, action: HelpdeskAction, after: string | null): Promise<Result<AppliedAction>> {
  const ticket = ticketNumber(action);
  if (!ticket.ok) return ticket;
  const id = ticket.value;
  if (action.kind === 'reply' || action.kind === 'note') {
    const posted = action.kind === 'reply' ? await ctx.client.correspond(id, { content: action.body }) : await ctx.client.comment(id, { content: action.body });
    if (!posted.ok) return posted;
    if (action.kind === 'reply') await followStatus(ctx, id, (status) => status !== ctx.statuses.pending, ctx.statuses.pending);
    return ok({ externalId: String(posted.value.transactionId) });
  }
  let owner: { id: number; name: string } | null = null;
  if (action.kind === 'status') {
    const set = await ctx.client.setStatus(id, ctx.statuses[action.status]);
    if (!set.ok) return set;
  } else {
    const found = await ownerOf(ctx, action);
    if (!found.ok) return found;
    owner = found.value;
    const set = await ctx.client.setOwner(id, owner.name);
    if (!set.ok) return set;
    if (action.kind === 'claim' && set.value.Status === ctx.statuses.new) await followStatus(ctx, id, (status) => status === ctx.statuses.new, ctx.statuses.open);
  }
  // A field change answers with the ticket, not the transaction: it is read from the history.
  const made = await firstMatch(ctx, action, id, after, owner);
  if (!made.ok) return made;
  return ok(made.value ?? { externalId: null });
}
