import { daysFromCivil } from '../instant';
import type { BusinessCalendar } from '../policy-schema';
import { holidaysOfYear, type HolidayDays } from './holidays-of-year';
import { isoWeekdayOfDays } from './local-date';
import { ZoneClock } from './zone-clock';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/**
 * One local year of a business calendar, precomputed as epoch milliseconds so that the hot path
 * (due instants for every ticket of a queue) is binary searches over typed arrays, with no date
 * objects. Built once per (calendar, year) and cached by the compiled calendar.
 */
export interface YearTable {
  readonly year: number;
  /** Day count since 1970-01-01 of the local 1 January. */
  readonly firstDay: number;
  /** Local midnights: dayStart[d] starts day d of the year; dayStart[length-1] is next 1 January. */
  readonly dayStart: Float64Array;
  /** End of the last working interval of day d, or NaN when day d is not a business day. */
  readonly dayClose: Float64Array;
  /** Working intervals of the year in order: [starts[i], ends[i]) in epoch ms. */
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** Business milliseconds from the start of the year through the end of interval i. */
  readonly cumEnd: Float64Array;
  /** Day of the year (index into dayStart) that interval i belongs to. */
  readonly intervalDay: Int32Array;
  /** Business milliseconds in the whole year. */
  readonly total: number;
  readonly holidays: HolidayDays;
}

/** Parsed `HH:mm` working hours per ISO weekday, as minutes after local midnight. */
export type WeekMinutes = ReadonlyArray<ReadonlyArray<readonly [number, number]>>;

export function buildYearTable(calendar: BusinessCalendar, week: WeekMinutes, year: number): YearTable {
  const firstDay = daysFromCivil(year, 1, 1);
  const dayCount = daysFromCivil(year + 1, 1, 1) - firstDay;
  const holidays = holidaysOfYear(calendar.holidays, year, calendar.observedShift);
  const dayStart = new Float64Array(dayCount + 1);
  const dayClose = new Float64Array(dayCount).fill(Number.NaN);
  const starts: number[] = [];
  const ends: number[] = [];
  const days: number[] = [];
  const clock = new ZoneClock(calendar.timeZone, firstDay * MS_PER_DAY - MS_PER_DAY, (firstDay + dayCount + 1) * MS_PER_DAY + MS_PER_DAY);
  for (let d = 0; d <= dayCount; d++) dayStart[d] = clock.instantOf((firstDay + d) * MS_PER_DAY);
  for (let d = 0; d < dayCount; d++) {
    const day = firstDay + d;
    if (holidays.has(day)) continue;
    const wallMidnight = day * MS_PER_DAY;
    // Same offset at both midnights: no transition today, so every local time shares it.
    const offset = (dayStart[d] as number) - wallMidnight;
    const steady = (dayStart[d + 1] as number) - wallMidnight - MS_PER_DAY === offset;
    const toInstant = (minutes: number): number => {
      if (minutes === 1440) return dayStart[d + 1] as number;
      const wall = wallMidnight + minutes * MS_PER_MINUTE;
      return steady ? wall + offset : clock.instantOf(wall);
    };
    for (const [from, to] of week[isoWeekdayOfDays(day) - 1] ?? []) {
      const start = toInstant(from);
      const end = toInstant(to);
      // A DST gap can swallow a short interval whole; it then has no time to count.
      if (end <= start || (ends.length > 0 && start < (ends[ends.length - 1] as number))) continue;
      starts.push(start);
      ends.push(end);
      days.push(d);
      dayClose[d] = end;
    }
  }
  const cumEnd = new Float64Array(starts.length);
  let total = 0;
  for (let i = 0; i < starts.length; i++) {
    total += (ends[i] as number) - (starts[i] as number);
    cumEnd[i] = total;
  }
  return {
    year,
    firstDay,
    dayStart,
    dayClose,
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    cumEnd,
    intervalDay: Int32Array.from(days),
    total,
    holidays,
  };
}
