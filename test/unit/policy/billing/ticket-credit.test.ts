import { describe, expect, it } from 'vitest';
import { creditForTicket } from '@shared/policy/billing';
import type { TicketCreditArgs } from '@shared/policy/billing';
import { fieldOfError } from './field-error';

// Cycles of this subscription (00:30 New York time on the 15th):
//   1: 2026-02-15T05:30Z .. 2026-03-15T04:30Z (28 days - 1 h: spring-forward)
//   2: 2026-03-15T04:30Z .. 2026-04-15T04:30Z (31 days)
//   3: 2026-04-15T04:30Z .. 2026-05-15T04:30Z
const base = { anchor: '2026-01-15T00:30:00-05:00', timeZone: 'America/New_York', monthlyPriceCents: 5000 };
const CYCLE_1 = { index: 1, start: '2026-02-15T05:30:00.000Z', end: '2026-03-15T04:30:00.000Z' };
const CYCLE_2 = { index: 2, start: '2026-03-15T04:30:00.000Z', end: '2026-04-15T04:30:00.000Z' };
const DUE = '2026-03-20T14:00:00.000Z';

function credit(patch: Partial<TicketCreditArgs>) {
  return creditForTicket({ ...base, dueAt: DUE, firstStaffReplyAt: null, now: DUE, ...patch });
}

describe('creditForTicket', () => {
  it.each<[string, Partial<TicketCreditArgs>, ReturnType<typeof creditForTicket>]>([
    ['not yet due', { now: '2026-03-20T13:00:00Z' }, { status: 'none', latenessMs: 0, cents: 0, cycle: CYCLE_2, appliesAt: null }],
    ['unanswered, now exactly at due', { now: DUE }, { status: 'none', latenessMs: 0, cents: 0, cycle: CYCLE_2, appliesAt: null }],
    [
      'unanswered and late: accruing with lateness up to now',
      { now: '2026-03-20T16:00:00Z' },
      { status: 'accruing', latenessMs: 7_200_000, cents: 13, cycle: CYCLE_2, appliesAt: null }, // 13.44
    ],
    [
      'met: replied before due',
      { firstStaffReplyAt: '2026-03-20T13:59:59.999Z', now: '2026-03-25T00:00:00Z' },
      { status: 'none', latenessMs: 0, cents: 0, cycle: CYCLE_2, appliesAt: null },
    ],
    [
      'met: replied exactly at due',
      { firstStaffReplyAt: DUE, now: '2026-03-25T00:00:00Z' },
      { status: 'none', latenessMs: 0, cents: 0, cycle: CYCLE_2, appliesAt: null },
    ],
    [
      'replied late: owed, applied at the next cycle',
      { firstStaffReplyAt: '2026-03-20T20:00:00Z', now: '2026-03-25T00:00:00Z' },
      { status: 'owed', latenessMs: 21_600_000, cents: 40, cycle: CYCLE_2, appliesAt: CYCLE_2.end }, // 40.32
    ],
    [
      'reply posted in the following cycle: applied the cycle after that',
      { dueAt: '2026-04-14T20:00:00Z', firstStaffReplyAt: '2026-04-16T12:00:00Z', now: '2026-04-20T00:00:00Z' },
      { status: 'owed', latenessMs: 144_000_000, cents: 269, cycle: CYCLE_2, appliesAt: '2026-05-15T04:30:00.000Z' },
    ],
    [
      'a posted reply counts even if `now` lags behind it',
      { firstStaffReplyAt: '2026-03-20T20:00:00Z', now: '2026-03-20T00:00:00Z' },
      { status: 'owed', latenessMs: 21_600_000, cents: 40, cycle: CYCLE_2, appliesAt: CYCLE_2.end },
    ],
    [
      'capped at the monthly price',
      { firstStaffReplyAt: '2026-05-30T00:00:00Z' },
      { status: 'owed', latenessMs: 6_084_000_000, cents: 5000, cycle: CYCLE_2, appliesAt: '2026-06-15T04:30:00.000Z' },
    ],
    [
      'accrual is capped too',
      { now: '2026-07-01T00:00:00Z' },
      { status: 'accruing', latenessMs: 8_848_800_000, cents: 5000, cycle: CYCLE_2, appliesAt: null },
    ],
    [
      // 5000 x 241_560 / 2_415_600_000 = exactly 0.5 only with the DST-shortened cycle length.
      'divides by the DST-shortened length of the cycle containing the due instant',
      { dueAt: '2026-03-01T15:00:00Z', firstStaffReplyAt: '2026-03-01T15:04:01.560Z' },
      { status: 'owed', latenessMs: 241_560, cents: 1, cycle: CYCLE_1, appliesAt: CYCLE_1.end },
    ],
    [
      'one ms less rounds down',
      { dueAt: '2026-03-01T15:00:00Z', firstStaffReplyAt: '2026-03-01T15:04:01.559Z' },
      { status: 'owed', latenessMs: 241_559, cents: 0, cycle: CYCLE_1, appliesAt: CYCLE_1.end },
    ],
  ])('%s', (_name, patch, expected) => {
    expect(credit(patch)).toEqual(expected);
  });
});

describe('creditForTicket input errors name the field', () => {
  it.each<[string, Partial<TicketCreditArgs>, string]>([
    ['due before the subscription', { dueAt: '2026-01-01T00:00:00Z' }, 'dueAt'],
    ['bad dueAt', { dueAt: '2026-03-20' }, 'dueAt'],
    ['bad now', { now: 'now' }, 'now'],
    ['bad reply', { firstStaffReplyAt: '2026-13-01T00:00:00Z' }, 'firstStaffReplyAt'],
    ['bad anchor', { anchor: '' }, 'anchor'],
    ['bad zone', { timeZone: 'EST5EDT-ish' }, 'timeZone'],
    ['negative price', { monthlyPriceCents: -5 }, 'monthlyPriceCents'],
  ])('%s', (_name, patch, field) => {
    expect(fieldOfError(() => credit(patch))).toBe(field);
  });
});
