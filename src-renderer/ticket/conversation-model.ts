import { checklistItemLabels, type ChecklistItemId } from '@shared/policy';
import type { Mutation } from '@shared/contract';
import type { CachedMessage, OutboxEntry, OutboxStatus } from '../db/cache-rows';
import { localMessageId } from '../db/optimistic-edits';
import { NOT_SENT } from '../db/outbox';

export type ConversationItem =
  | {
      kind: 'message';
      message: CachedMessage;
      /** Typed here and not yet confirmed by the server: `pending` or `sending` (null once synced). */
      delivery: OutboxStatus | null;
    }
  | { kind: 'rejected'; entry: OutboxEntry; summary: string; body: string | null; reason: string };

function yesNo(value: boolean | null): string {
  return value === null ? 'unanswered' : value ? 'yes' : 'no';
}

/** An engineer action in words, for the notice that says the server refused it. */
export function describeAction(mutation: Mutation): string {
  switch (mutation.kind) {
    case 'reply':
      return 'Public reply not delivered';
    case 'note':
      return 'Internal note not saved';
    case 'claim':
      return 'Claim refused';
    case 'unclaim':
      return 'Release refused';
    case 'checklist-answer':
      return `Answer "${checklistItemLabels[mutation.item as ChecklistItemId]}: ${yesNo(mutation.value)}" refused`;
    case 'category':
      return `Category "${mutation.categoryId ?? 'none'}" refused`;
    case 'status':
      return `Status change to ${mutation.status} refused`;
    case 'purge-login-detail':
      return 'Login detail purge refused';
  }
}

/** Why an action was refused, as the sentence the conversation shows. */
function refusalReason(error: OutboxEntry['error']): string {
  if (error === undefined) return 'The server refused it.';
  if (error.code === NOT_SENT) return `Not sent: this version of the app no longer accepts it. ${error.message}`;
  return `The server refused it: ${error.message} (${error.code})`;
}

/**
 * The history in order: synced messages, messages still on their way (marked), and actions the
 * server refused, with its reason, where they were taken.
 */
export function conversationItems(messages: readonly CachedMessage[], entries: readonly OutboxEntry[]): ConversationItem[] {
  const delivery = new Map(entries.map((e) => [localMessageId(e.idempotencyKey), e.status]));
  const items: Array<{ at: string; item: ConversationItem }> = messages.map((message) => ({
    at: message.createdAt,
    item: { kind: 'message', message, delivery: 'pending' in message && message.pending ? (delivery.get(message.id) ?? 'pending') : null },
  }));
  for (const entry of entries) {
    if (entry.status !== 'rejected') continue;
    const body = entry.mutation.kind === 'reply' || entry.mutation.kind === 'note' ? entry.mutation.body : null;
    const reason = refusalReason(entry.error);
    items.push({ at: entry.createdAt, item: { kind: 'rejected', entry, summary: describeAction(entry.mutation), body, reason } });
  }
  // Stable: equal instants keep messages before the notices about them.
  return items.sort((a, b) => a.at.localeCompare(b.at)).map((x) => x.item);
}
