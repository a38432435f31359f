import type { IANAZone } from 'luxon';
import { civilFromDays, daysFromCivil, daysInMonth, formatInstant, MAX_YEAR, parseInstant } from '../instant';
import { PolicyInputError } from '../policy-input-error';
import { instantOfLocal, localMsOf, MS_PER_DAY, requireZone } from './zone-wall-clock';

/** Billing cycle k of a subscription: [start, end) as ISO UTC instants; `end` is cycle k+1's start. */
export interface BillingCycle {
  index: number;
  start: string;
  end: string;
}

/** A subscription's anchor, decomposed once in its calendar's zone so any cycle is O(1). */
export interface CycleClock {
  anchorMs: number;
  zone: IANAZone;
  /** year * 12 + (month - 1) of the anchor's local date. */
  monthIndex: number;
  /** The anchor's local day of month: every cycle clamps from this, never from the previous cycle. */
  day: number;
  timeOfDayMs: number;
}

/** A cycle's end must itself be an instant the engine accepts back (years up to MAX_YEAR). */
const LAST_MONTH_INDEX = MAX_YEAR * 12 + 11;

export function cycleClock(anchor: unknown, timeZone: unknown, fields = { anchor: 'anchor', timeZone: 'timeZone' }): CycleClock {
  const anchorMs = parseInstant(anchor, fields.anchor);
  const zone = requireZone(timeZone, fields.timeZone);
  const localMs = localMsOf(zone, anchorMs);
  const days = Math.floor(localMs / MS_PER_DAY);
  const { year, month, day } = civilFromDays(days);
  return { anchorMs, zone, monthIndex: year * 12 + month - 1, day, timeOfDayMs: localMs - days * MS_PER_DAY };
}

/** Start of cycle k: anchor + k months in local wall-clock time, the anchor day clamped to the month. */
export function cycleStartMs(clock: CycleClock, k: number): number {
  if (k === 0) return clock.anchorMs; // the anchor itself, even if its wall-clock time is a repeated hour
  const monthIndex = clock.monthIndex + k;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(clock.day, daysInMonth(year, month));
  return instantOfLocal(clock.zone, daysFromCivil(year, month, day) * MS_PER_DAY + clock.timeOfDayMs);
}

/** Throws (naming `field`) when cycle k would end past what an ISO instant can express. */
export function requireCycleInRange(clock: CycleClock, k: number, field: string): void {
  if (clock.monthIndex + k + 1 > LAST_MONTH_INDEX) {
    throw new PolicyInputError(field, k, `the billing cycle ends after the year ${MAX_YEAR}`);
  }
}

export function cycleBounds(clock: CycleClock, k: number, field: string): BillingCycle {
  requireCycleInRange(clock, k, field);
  return { index: k, start: formatInstant(cycleStartMs(clock, k)), end: formatInstant(cycleStartMs(clock, k + 1)) };
}

/**
 * Index of the cycle containing `atMs`. The local month difference is within one of the answer,
 * so a couple of probes settle it whatever k is (no walk from cycle 0).
 */
export function cycleIndexAt(clock: CycleClock, atMs: number, field: string): number {
  if (atMs < clock.anchorMs) {
    throw new PolicyInputError(field, formatInstant(atMs), 'lies before the subscription anchor (its first billing cycle)');
  }
  const localDays = Math.floor(localMsOf(clock.zone, atMs) / MS_PER_DAY);
  const { year, month } = civilFromDays(localDays);
  let k = Math.max(0, year * 12 + month - 1 - clock.monthIndex);
  while (k > 0 && cycleStartMs(clock, k) > atMs) k -= 1;
  while (cycleStartMs(clock, k + 1) <= atMs) k += 1;
  return k;
}

/** Billing cycle number `index` (0 = the cycle starting at the anchor). */
export function billingCycleByIndex(anchor: string, timeZone: string, index: number): BillingCycle {
  const clock = cycleClock(anchor, timeZone);
  if (!Number.isSafeInteger(index) || index < 0) {
    throw new PolicyInputError('index', index, 'expected a non-negative whole cycle number');
  }
  return cycleBounds(clock, index, 'index');
}

/** The billing cycle containing `at` (start <= at < end). Before the anchor there is none: that throws. */
export function billingCycleAt(args: { anchor: string; timeZone: string; at: string }): BillingCycle {
  const clock = cycleClock(args.anchor, args.timeZone);
  const atMs = parseInstant(args.at, 'at');
  return cycleBounds(clock, cycleIndexAt(clock, atMs, 'at'), 'at');
}
