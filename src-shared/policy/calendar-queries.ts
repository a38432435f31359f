import { businessTimeBetween, dayIndexOf } from './calendar/business-time';
import { holidaysOfYear } from './calendar/holidays-of-year';
import { localDateOfDays } from './calendar/local-date';
import { compilePolicy } from './compile-policy';
import { parseInstant } from './instant';
import type { SupportPolicy } from './policy-schema';

/** Business milliseconds between two instants under the policy's calendar (0 if `to` is not after `from`). */
export function businessTimeBetweenInstants(policy: SupportPolicy, from: string, to: string): number {
  const { calendar } = compilePolicy(policy);
  return businessTimeBetween(calendar, parseInstant(from, 'from'), parseInstant(to, 'to'));
}

/** Whether an instant lies inside a working interval of the policy's calendar. */
export function isBusinessInstant(policy: SupportPolicy, at: string): boolean {
  const { calendar } = compilePolicy(policy);
  const ms = parseInstant(at, 'at');
  return businessTimeBetween(calendar, ms, ms + 1) === 1;
}

/** The holidays of the policy's calendar in a range of local years, by local date. */
export function holidaysBetween(policy: SupportPolicy, fromYear: number, toYear: number): Array<{ date: string; names: string[] }> {
  const { calendar } = compilePolicy(policy);
  const result: Array<{ date: string; names: string[] }> = [];
  for (let year = fromYear; year <= toYear; year++) {
    const days = holidaysOfYear(calendar.calendar.holidays, year, calendar.calendar.observedShift);
    for (const day of [...days.keys()].sort((a, b) => a - b)) result.push({ date: localDateOfDays(day), names: days.get(day) ?? [] });
  }
  return result;
}

/** Local date (`YYYY-MM-DD`, calendar zone) of an instant. */
export function localDateOf(policy: SupportPolicy, at: string): string {
  const { calendar } = compilePolicy(policy);
  const ms = parseInstant(at, 'at');
  const table = calendar.yearOf(ms);
  return localDateOfDays(table.firstDay + dayIndexOf(table, ms));
}
