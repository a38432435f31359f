import type { TicketStatus } from '@shared/contract';
import type { SeededRandom } from './seeded-random';
import type { TicketKind } from './ticket-slots';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** When each message of a ticket was written, and the status that follows. All instants are before `now`. */
export interface TicketTimeline {
  status: TicketStatus;
  firstReplyMs: number | null;
  /** An internal note by staff. */
  noteMs: number | null;
  /** The customer asking again on a ticket nobody has answered yet. */
  nudgeMs: number | null;
  /** Further rounds after the first reply: the customer writes, staff answers. */
  exchanges: Array<{ customerMs: number; staffMs: number }>;
  /** The staff message that solved the ticket. */
  solvedMs: number | null;
  /** The automatic closing notice, four days after solving. */
  closedMs: number | null;
}

/** Four days after solving, the hourly job closes the ticket. */
const AUTO_CLOSE_MS = 4 * DAY;

export interface TimelineInput {
  kind: TicketKind;
  createdMs: number;
  dueMs: number | null;
  nowMs: number;
  urgent: boolean;
  /** Rounds after the first reply, at most. */
  maxRounds: number;
}

export function ticketTimeline(input: TimelineInput, random: SeededRandom): TicketTimeline {
  const { kind, createdMs, dueMs, nowMs, urgent } = input;
  const timeline: TicketTimeline = { status: 'open', firstReplyMs: null, noteMs: null, nudgeMs: null, exchanges: [], solvedMs: null, closedMs: null };
  const before = (ms: number): number | null => (ms < nowMs ? Math.round(ms) : null);
  const unanswered = (status: 'new' | 'open'): TicketTimeline => {
    timeline.status = status;
    if (status === 'open' && random.chance(0.4)) timeline.noteMs = before(createdMs + 5 * MINUTE + random.exponential(HOUR));
    if (nowMs - createdMs > 1.5 * DAY && random.chance(0.4)) timeline.nudgeMs = before(createdMs + DAY + random.exponential(6 * HOUR));
    return timeline;
  };
  if (kind === 'hot') return unanswered(random.chance(0.6) ? 'new' : 'open');

  const firstReplyMs = Math.round(firstReplyAt(createdMs, dueMs, urgent, random));
  const ageMs = nowMs - createdMs;
  const pendingChance = ageMs < DAY ? 0.2 : ageMs < 3 * DAY ? 0.45 : 0.7;
  if (firstReplyMs >= nowMs - MINUTE) return unanswered(ageMs < 2 * DAY && random.chance(0.45) ? 'new' : 'open');
  if (kind === 'open' && !random.chance(pendingChance)) return unanswered(ageMs < 2 * DAY && random.chance(0.45) ? 'new' : 'open');

  timeline.firstReplyMs = firstReplyMs;
  if (random.chance(0.3)) timeline.noteMs = Math.round(createdMs + (firstReplyMs - createdMs) * random.next());
  let lastMs = firstReplyMs;
  // A ticket still in the queue waits for the customer's answer to the first reply.
  const rounds = kind === 'open' ? 0 : Math.min(input.maxRounds, random.weighted([0, 1, 2, 3], [50, 35, 12, 3]));
  for (let i = 0; i < rounds; i++) {
    const customerMs = lastMs + 20 * MINUTE + random.exponential(10 * HOUR);
    const staffMs = customerMs + 10 * MINUTE + random.exponential(4 * HOUR);
    if (staffMs >= nowMs) break;
    timeline.exchanges.push({ customerMs: Math.round(customerMs), staffMs: Math.round(staffMs) });
    lastMs = staffMs;
  }
  const solvedMs = lastMs + 30 * MINUTE + random.exponential(10 * HOUR);
  if (kind === 'open' || solvedMs >= nowMs) {
    timeline.status = 'pending';
    return timeline;
  }
  timeline.solvedMs = Math.round(solvedMs);
  const closedMs = solvedMs + AUTO_CLOSE_MS + random.next() * HOUR;
  timeline.closedMs = before(closedMs);
  timeline.status = timeline.closedMs === null ? 'solved' : 'closed';
  return timeline;
}

/** Most first replies come in time; some are late, by minutes to days. */
function firstReplyAt(createdMs: number, dueMs: number | null, urgent: boolean, random: SeededRandom): number {
  if (dueMs === null) return createdMs + 15 * MINUTE + random.exponential(5 * HOUR);
  if (random.chance(urgent ? 0.8 : 0.88)) return createdMs + Math.max(3 * MINUTE, (dueMs - createdMs) * (0.08 + 0.88 * random.next()));
  return dueMs + 2 * MINUTE + Math.min(4 * DAY, random.exponential(5 * HOUR));
}
