import type { TicketRow } from '@shared/contract';
import { formatInstant, loginDetailsExpiresAt, type SupportPolicy } from '@shared/policy';
import type { DemoLoginDetail } from './demo-dataset';
import { LOGIN_DETAIL_LABELS, LOGIN_USERNAMES } from './demo-phrases';
import type { SeededRandom } from './seeded-random';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * Submitted just under 30 days before `now`: these expire minutes to hours after it, for watching
 * retention happen, and a few more a day or two later.
 */
const EXPIRING_SOON_MS = [3 * MINUTE, 12 * MINUTE, 40 * MINUTE, 2 * HOUR, 5 * HOUR, 11 * HOUR, 26 * HOUR, 37 * HOUR, 47 * HOUR];

export interface LoginDetailGeneration {
  tickets: readonly TicketRow[];
  nowMs: number;
  /** The policy each ticket is under (retention is part of it). */
  policyOf: (ticket: TicketRow) => SupportPolicy;
  random: SeededRandom;
}

/**
 * Login details customers sent with recent tickets. Nothing is older than the retention limit
 * (the retention job would have deleted it), some are a day or two from expiry, and a handful
 * expire within the next hours.
 */
export function generateLoginDetails(input: LoginDetailGeneration): DemoLoginDetail[] {
  const { tickets, nowMs, random } = input;
  /** Submissions before this instant are already gone under the ticket's policy. */
  const oldestMs = (ticket: TicketRow): number => nowMs - input.policyOf(ticket).loginDetails.retentionDays * DAY;
  const details: DemoLoginDetail[] = [];
  const perTicket = new Map<string, number>();
  const add = (ticket: TicketRow, submittedMs: number): void => {
    const n = (perTicket.get(ticket.id) ?? 0) + 1;
    perTicket.set(ticket.id, n);
    details.push(loginDetail(input, ticket, `ld-${ticket.id.slice(2)}-${n}`, submittedMs));
  };
  for (const ticket of tickets) {
    const createdMs = Date.parse(ticket.createdAt);
    if (createdMs <= oldestMs(ticket) + HOUR || createdMs >= nowMs - 10 * MINUTE || !random.chance(0.22)) continue;
    add(ticket, Math.round(createdMs + Math.min(2 * DAY, nowMs - MINUTE - createdMs) * random.next() ** 2));
  }
  const older = tickets.filter((t) => Date.parse(t.createdAt) > oldestMs(t) - 10 * DAY && Date.parse(t.createdAt) < oldestMs(t));
  if (older.length > 0) {
    for (const offsetMs of EXPIRING_SOON_MS) {
      const ticket = random.pick(older);
      add(ticket, oldestMs(ticket) + offsetMs);
    }
  }
  return details;
}

function loginDetail(input: LoginDetailGeneration, ticket: TicketRow, id: string, submittedMs: number): DemoLoginDetail {
  const { random } = input;
  const submittedAt = formatInstant(submittedMs);
  const host = ticket.requesterEmail.split('@')[1] ?? 'customer.example';
  const password = Array.from({ length: 16 }, () => PASSWORD_ALPHABET[Math.floor(random.next() * PASSWORD_ALPHABET.length)]).join('');
  return {
    id,
    ticketId: ticket.id,
    accountId: ticket.accountId,
    label: random.pick(LOGIN_DETAIL_LABELS),
    submittedAt,
    expiresAt: loginDetailsExpiresAt(input.policyOf(ticket), submittedAt),
    secret: `url: https://${host}/admin\nuser: ${random.pick(LOGIN_USERNAMES)}\npassword: ${password}`,
  };
}

const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%+';
