import { MAX_YEAR, MIN_YEAR } from '../instant';
import type { BusinessCalendar } from '../policy-schema';
import { PolicyInputError } from '../policy-input-error';
import { buildYearTable, type WeekMinutes, type YearTable } from './year-table';

const MS_PER_AVERAGE_YEAR = 31_556_952_000;

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Working hours in minutes of the day; the policy schema has checked them (in order, inside the day). */
function weekMinutes(calendar: BusinessCalendar): WeekMinutes {
  const week: Array<ReadonlyArray<readonly [number, number]>> = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    const intervals = calendar.week[String(weekday) as keyof BusinessCalendar['week']] ?? [];
    week.push(intervals.map((interval) => [minutesOf(interval.start), minutesOf(interval.end)] as const));
  }
  return week;
}

/**
 * A business calendar ready for computation: validated once, with year tables built on demand.
 * Instants passed in are epoch milliseconds; out-of-range instants throw instead of building
 * tables for year 275760.
 */
export class CompiledCalendar {
  readonly calendar: BusinessCalendar;
  private readonly week: WeekMinutes;
  private readonly years = new Map<number, YearTable>();
  /** The table last returned by yearOf: consecutive tickets mostly fall in the same year. */
  private recent: YearTable | null = null;

  /** `calendar` must have passed the policy schema (compilePolicy sees to it). */
  constructor(calendar: BusinessCalendar) {
    this.calendar = calendar;
    this.week = weekMinutes(calendar);
  }

  get timeZone(): string {
    return this.calendar.timeZone;
  }

  year(year: number): YearTable {
    let table = this.years.get(year);
    if (table === undefined) {
      if (year < MIN_YEAR - 1 || year > MAX_YEAR + 1) {
        throw new PolicyInputError('instant', year, `the year is outside ${MIN_YEAR}-${MAX_YEAR}`);
      }
      table = buildYearTable(this.calendar, this.week, year);
      this.years.set(year, table);
    }
    return table;
  }

  /** The table of the local year that contains the instant. */
  yearOf(ms: number): YearTable {
    const recent = this.recent;
    if (recent !== null && ms >= (recent.dayStart[0] as number) && ms < (recent.dayStart[recent.dayStart.length - 1] as number)) {
      return recent;
    }
    let table = this.year(1970 + Math.floor(ms / MS_PER_AVERAGE_YEAR));
    while (ms < (table.dayStart[0] as number)) table = this.year(table.year - 1);
    while (ms >= (table.dayStart[table.dayStart.length - 1] as number)) table = this.year(table.year + 1);
    this.recent = table;
    return table;
  }
}

const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

/** Compiles a calendar once per value: policies are immutable values, so identity is the cache key. */
export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  let result = compiled.get(calendar);
  if (result === undefined) {
    result = new CompiledCalendar(calendar);
    compiled.set(calendar, result);
  }
  return result;
}
