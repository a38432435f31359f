import type { ChecklistAnswers, EngineerChecklistItem, Mutation } from '@shared/contract';
import type { SupportPolicy } from '@shared/policy';
import type { Queryable } from '../../db/database';
import { insertMessage } from '../file-ticket';
import { firstStaffReplyChanges } from '../first-staff-reply';
import { isoOf } from '../db-instants';
import { evaluateTicketEligibility } from '../ticket-eligibility';
import { updateTicket } from '../update-ticket';
import { rejected, type Outcome } from './mutation-outcome';

export interface ActionContext {
  tx: Queryable;
  ticket: Record<string, unknown>;
  policy: SupportPolicy;
  engineer: { id: string; name: string };
  now: Date;
}

type Of<K extends Mutation['kind']> = Extract<Mutation, { kind: K }>;

export async function claim({ tx, ticket, engineer, now }: ActionContext): Promise<Outcome> {
  if (ticket.assignee_id !== null && ticket.assignee_id !== engineer.id) {
    return rejected('conflict', `ticket ${String(ticket.number)} is already claimed by another engineer`);
  }
  const status = ticket.status === 'new' ? 'open' : String(ticket.status);
  return { ok: true, ticketVersion: await updateTicket(tx, ticket, { assignee_id: engineer.id, status }, now) };
}

export async function unclaim({ tx, ticket, engineer, now }: ActionContext): Promise<Outcome> {
  if (ticket.assignee_id !== engineer.id) return rejected('conflict', `ticket ${String(ticket.number)} is not claimed by you`);
  return { ok: true, ticketVersion: await updateTicket(tx, ticket, { assignee_id: null }, now) };
}

/** A public staff reply; the first one stops the SLA clock (firstStaffReplyChanges). */
export async function reply(ctx: ActionContext, mutation: Of<'reply'>): Promise<Outcome> {
  const { tx, ticket, policy, engineer, now } = ctx;
  if (ticket.status === 'closed') return rejected('conflict', `ticket ${String(ticket.number)} is closed`);
  const at = now.toISOString();
  await insertMessage(tx, { ticketId: String(ticket.id), accountId: String(ticket.account_id), authorKind: 'staff', authorId: engineer.id, authorName: engineer.name, public: true, body: mutation.body, createdAt: at });
  const changes: Record<string, unknown> = { status: 'pending', ...(await firstStaffReplyChanges(tx, policy, ticket, at)) };
  if (ticket.assignee_id === null) changes.assignee_id = engineer.id;
  return { ok: true, ticketVersion: await updateTicket(tx, ticket, changes, now) };
}

export async function note({ tx, ticket, engineer, now }: ActionContext, mutation: Of<'note'>): Promise<Outcome> {
  await insertMessage(tx, { ticketId: String(ticket.id), accountId: String(ticket.account_id), authorKind: 'staff', authorId: engineer.id, authorName: engineer.name, public: false, body: mutation.body, createdAt: now.toISOString() });
  return { ok: true, ticketVersion: await updateTicket(tx, ticket, {}, now) };
}

export async function setStatus({ tx, ticket, now }: ActionContext, mutation: Of<'status'>): Promise<Outcome> {
  return { ok: true, ticketVersion: await updateTicket(tx, ticket, { status: mutation.status }, now) };
}

const ANSWER_FIELDS: Record<EngineerChecklistItem, keyof ChecklistAnswers> = {
  'code-not-customized': 'codeNotCustomized',
  'data-not-modified': 'dataNotModified',
  'addons-purchased': 'addonsPurchased',
  'not-from-forum': 'notFromForum',
};

/** Stores a checklist answer or category and the verdict they lead to, together. */
async function writeEligibility(ctx: ActionContext, answers: ChecklistAnswers, categoryId: string | null): Promise<Outcome> {
  const { tx, ticket, policy, now } = ctx;
  const eligibility = await evaluateTicketEligibility(tx, policy, {
    createdAt: isoOf(ticket.created_at),
    subscriptionId: ticket.subscription_id === null ? null : String(ticket.subscription_id),
    productId: ticket.product_id === null ? null : String(ticket.product_id),
    productVersion: ticket.product_version === null ? null : String(ticket.product_version),
    source: String(ticket.source) as Parameters<typeof evaluateTicketEligibility>[2]['source'],
    categoryId,
    checklistAnswers: answers,
  });
  const changes = { checklist_answers: JSON.stringify(answers), category_id: categoryId, eligibility: eligibility === null ? null : JSON.stringify(eligibility) };
  return { ok: true, ticketVersion: await updateTicket(tx, ticket, changes, now) };
}

function storedAnswers(ticket: Record<string, unknown>): ChecklistAnswers {
  const raw = ticket.checklist_answers;
  return (typeof raw === 'string' ? JSON.parse(raw) : raw ?? {}) as ChecklistAnswers;
}

export async function answerChecklist(ctx: ActionContext, mutation: Of<'checklist-answer'>): Promise<Outcome> {
  const answers = { ...storedAnswers(ctx.ticket), [ANSWER_FIELDS[mutation.item]]: mutation.value };
  const category = ctx.ticket.category_id === null ? null : String(ctx.ticket.category_id);
  return writeEligibility(ctx, answers, category);
}

export async function setCategory(ctx: ActionContext, mutation: Of<'category'>): Promise<Outcome> {
  if (mutation.categoryId !== null && !ctx.policy.scope.categories.some((c) => c.id === mutation.categoryId)) {
    return rejected('invalid', `category ${mutation.categoryId} is not one of this workspace's scope categories`);
  }
  return writeEligibility(ctx, storedAnswers(ctx.ticket), mutation.categoryId);
}
