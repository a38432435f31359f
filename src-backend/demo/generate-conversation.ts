import type { EngineerRow, MessageRow } from '@shared/contract';
import { formatInstant } from '@shared/policy';
import { SYSTEM_AUTHOR } from './demo-names';
import { AUTO_CLOSE_NOTICE } from './demo-phrases';
import type { TicketTexts } from './ticket-texts';
import type { TicketTimeline } from './ticket-timeline';

export interface ConversationInput {
  ticketId: string;
  accountId: string;
  createdMs: number;
  requesterName: string;
  assignee: EngineerRow;
  noteAuthor: EngineerRow;
  timeline: TicketTimeline;
  texts: TicketTexts;
}

type Draft = Pick<MessageRow, 'authorKind' | 'authorId' | 'authorName' | 'public' | 'body'> & { atMs: number };

/** The messages of one ticket, oldest first, numbered in that order (`t-000123-m01`, ...). */
export function conversationMessages(input: ConversationInput): MessageRow[] {
  const { timeline, texts, assignee } = input;
  const customer = (atMs: number, body: string): Draft => ({ authorKind: 'customer', authorId: null, authorName: input.requesterName, public: true, body, atMs });
  const staff = (atMs: number, body: string, by = assignee, isPublic = true): Draft => ({ authorKind: 'staff', authorId: by.id, authorName: by.name, public: isPublic, body, atMs });
  const drafts: Draft[] = [customer(input.createdMs, texts.body)];
  if (timeline.noteMs !== null) drafts.push(staff(timeline.noteMs, texts.note, input.noteAuthor, false));
  if (timeline.nudgeMs !== null) drafts.push(customer(timeline.nudgeMs, texts.nudge));
  if (timeline.firstReplyMs !== null) drafts.push(staff(timeline.firstReplyMs, texts.firstReply));
  timeline.exchanges.forEach((exchange, i) => {
    drafts.push(customer(exchange.customerMs, texts.customerFollowUps[i] ?? texts.nudge));
    drafts.push(staff(exchange.staffMs, texts.staffFollowUps[i] ?? texts.resolution));
  });
  if (timeline.solvedMs !== null) drafts.push(staff(timeline.solvedMs, texts.resolution));
  if (timeline.closedMs !== null) {
    drafts.push({ authorKind: 'system', authorId: null, authorName: SYSTEM_AUTHOR, public: true, body: AUTO_CLOSE_NOTICE, atMs: timeline.closedMs });
  }
  drafts.sort((a, b) => a.atMs - b.atMs);
  return drafts.map(({ atMs, ...draft }, i) => ({
    id: `${input.ticketId}-m${String(i + 1).padStart(2, '0')}`,
    ticketId: input.ticketId,
    accountId: input.accountId,
    ...draft,
    createdAt: formatInstant(atMs),
  }));
}
