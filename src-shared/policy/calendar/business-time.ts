import { PolicyInputError } from '../policy-input-error';
import type { CompiledCalendar } from './compile-calendar';
import type { YearTable } from './year-table';

/**
 * Business-time arithmetic over year tables. Working intervals are half-open [start, end): an
 * instant at a closing time is outside, so the clock starts at the next opening, but a duration
 * that runs out exactly at a closing time ends there (not at the next opening).
 */

/** Consecutive years without a single working interval before we call the calendar unusable. */
const MAX_EMPTY_YEARS = 10;

/** Index of the first interval ending after `ms`, or the interval count when there is none. */
function firstEndingAfter(ends: Float64Array, ms: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ends[mid] as number) > ms) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first interval whose cumulative end reaches `target`, searching from `from`. */
function firstReaching(cumEnd: Float64Array, target: number, from: number): number {
  let lo = from;
  let hi = cumEnd.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumEnd[mid] as number) >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function nextYear(calendar: CompiledCalendar, table: YearTable, emptyYears: number): YearTable {
  if (emptyYears >= MAX_EMPTY_YEARS) {
    throw new PolicyInputError('calendar', calendar.timeZone, `no working time in ${MAX_EMPTY_YEARS} consecutive years`);
  }
  return calendar.year(table.year + 1);
}

/** Where counting starts for an instant: the instant itself inside working hours, else the next opening. */
export function clockStart(calendar: CompiledCalendar, ms: number): number {
  let table = calendar.yearOf(ms);
  let i = firstEndingAfter(table.ends, ms);
  for (let empty = 0; i === table.ends.length; empty++) {
    table = nextYear(calendar, table, empty);
    i = 0;
  }
  return Math.max(ms, table.starts[i] as number);
}

/** Business milliseconds elapsed in the table's year before `ms`, given i = firstEndingAfter(ms). */
function elapsedBefore(table: YearTable, i: number, ms: number): number {
  if (i === table.ends.length) return table.total;
  return (table.cumEnd[i] as number) - ((table.ends[i] as number) - Math.max(ms, table.starts[i] as number));
}

function elapsedInYear(table: YearTable, ms: number): number {
  return elapsedBefore(table, firstEndingAfter(table.ends, ms), ms);
}

/** The instant at which `durationMs` (> 0) of business time has elapsed, counting from `fromMs`. */
export function addBusinessTime(calendar: CompiledCalendar, fromMs: number, durationMs: number): number {
  let table = calendar.yearOf(fromMs);
  let i = firstEndingAfter(table.ends, fromMs);
  let target = elapsedBefore(table, i, fromMs) + durationMs;
  for (let empty = 0; target > table.total; ) {
    target -= table.total;
    empty = table.total === 0 ? empty + 1 : 0;
    table = nextYear(calendar, table, empty);
    i = 0;
  }
  const j = firstReaching(table.cumEnd, target, i);
  return (table.ends[j] as number) - ((table.cumEnd[j] as number) - target);
}

/** Business milliseconds in [fromMs, toMs); 0 when toMs is not after fromMs. */
export function businessTimeBetween(calendar: CompiledCalendar, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  const first = calendar.yearOf(fromMs);
  const last = calendar.yearOf(toMs);
  if (first.year === last.year) return elapsedInYear(last, toMs) - elapsedInYear(first, fromMs);
  let sum = first.total - elapsedInYear(first, fromMs);
  for (let year = first.year + 1; year < last.year; year++) sum += calendar.year(year).total;
  return sum + elapsedInYear(last, toMs);
}

/** Index of the local day of `table` that contains `ms`. */
export function dayIndexOf(table: YearTable, ms: number): number {
  let lo = 0;
  let hi = table.dayStart.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((table.dayStart[mid] as number) <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface BusinessDay {
  readonly table: YearTable;
  readonly day: number;
}

/** The first business day strictly after the local date that contains `ms`. */
export function nextBusinessDay(calendar: CompiledCalendar, ms: number): BusinessDay {
  let table = calendar.yearOf(ms);
  let day = dayIndexOf(table, ms);
  for (let empty = 0; ; ) {
    day++;
    if (day >= table.dayClose.length) {
      empty = table.total === 0 ? empty + 1 : 0;
      table = nextYear(calendar, table, empty);
      day = 0;
    }
    if (!Number.isNaN(table.dayClose[day])) return { table, day };
  }
}
