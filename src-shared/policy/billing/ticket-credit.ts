import { parseInstant } from '../instant';
import { cycleBounds, cycleClock, cycleIndexAt, cycleStartMs, type BillingCycle } from './billing-cycle';
import { requireCents } from './exact-ratio';
import { creditForLateness } from './missed-response-credit';

export type CreditStatus = 'none' | 'accruing' | 'owed';

export interface TicketCredit {
  /** `owed` once a late reply is posted (cents may still round to 0); `accruing` while late and unanswered. */
  status: CreditStatus;
  latenessMs: number;
  cents: number;
  /** The billing cycle that contains the due instant: its length is the credit's denominator. */
  cycle: BillingCycle;
  /** Start of the cycle after the one in which the reply was posted; null unless `owed`. */
  appliesAt: string | null;
}

export interface TicketCreditArgs {
  dueAt: string;
  firstStaffReplyAt: string | null;
  now: string;
  monthlyPriceCents: number;
  anchor: string;
  timeZone: string;
}

/** The credit a ticket earns for a missed first-response guarantee, as of `now`. */
export function creditForTicket(args: TicketCreditArgs): TicketCredit {
  const clock = cycleClock(args.anchor, args.timeZone);
  const dueMs = parseInstant(args.dueAt, 'dueAt');
  const nowMs = parseInstant(args.now, 'now');
  const price = requireCents(args.monthlyPriceCents, 'monthlyPriceCents');
  const replyMs = args.firstStaffReplyAt === null ? null : parseInstant(args.firstStaffReplyAt, 'firstStaffReplyAt');
  const dueCycle = cycleIndexAt(clock, dueMs, 'dueAt');
  const cycle = cycleBounds(clock, dueCycle, 'dueAt');
  const cycleMs = cycleStartMs(clock, dueCycle + 1) - cycleStartMs(clock, dueCycle);
  // A posted reply is a fact, whatever `now` says; `now` only measures an unanswered ticket.
  const endMs = replyMs ?? nowMs;
  const latenessMs = Math.max(0, endMs - dueMs);
  if (latenessMs === 0) return { status: 'none', latenessMs: 0, cents: 0, cycle, appliesAt: null };
  const cents = creditForLateness(price, latenessMs, cycleMs);
  if (replyMs === null) return { status: 'accruing', latenessMs, cents, cycle, appliesAt: null };
  const replyCycle = cycleBounds(clock, cycleIndexAt(clock, replyMs, 'firstStaffReplyAt'), 'firstStaffReplyAt');
  return { status: 'owed', latenessMs, cents, cycle, appliesAt: replyCycle.end };
}
