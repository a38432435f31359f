import { civilFromDays } from '../instant';

/** ISO weekday (1 = Monday ... 7 = Sunday) of a day count since 1970-01-01 (a Thursday). */
export function isoWeekdayOfDays(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** `YYYY-MM-DD` of a day count since 1970-01-01. */
export function localDateOfDays(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
