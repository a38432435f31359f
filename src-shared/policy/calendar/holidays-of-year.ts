import { daysFromCivil, daysInMonth } from '../instant';
import type { HolidayRule } from '../policy-schema';
import { PolicyInputError } from '../policy-input-error';
import { isoWeekdayOfDays } from './local-date';

/** Holidays of one local year: day count since 1970-01-01 -> the names of the holidays on it. */
export type HolidayDays = Map<number, string[]>;

/**
 * The day a rule falls on in `year`, before any observed-day shifting, or null when the rule has
 * no day that year (a 5th Monday that does not exist, Feb 29 in a common year, a one-off date of
 * another year).
 */
function ruleDay(rules: readonly HolidayRule[], rule: HolidayRule, year: number, seen: Set<string>): number | null {
  switch (rule.kind) {
    case 'fixed':
      return rule.day <= daysInMonth(year, rule.month) ? daysFromCivil(year, rule.month, rule.day) : null;
    case 'nth-weekday': {
      const first = daysFromCivil(year, rule.month, 1);
      const day = first + ((rule.weekday - isoWeekdayOfDays(first) + 7) % 7) + (rule.n - 1) * 7;
      return day < first + daysInMonth(year, rule.month) ? day : null;
    }
    case 'last-weekday': {
      const last = daysFromCivil(year, rule.month, daysInMonth(year, rule.month));
      return last - ((isoWeekdayOfDays(last) - rule.weekday + 7) % 7);
    }
    case 'days-after': {
      if (seen.has(rule.name)) throw new PolicyInputError('calendar.holidays', rule.name, 'holiday rules refer to each other in a cycle');
      const base = rules.find((r) => r.name === rule.of);
      if (base === undefined) throw new PolicyInputError('calendar.holidays.of', rule.of, 'no holiday rule has this name');
      const baseDay = ruleDay(rules, base, year, new Set(seen).add(rule.name));
      return baseDay === null ? null : baseDay + rule.days;
    }
    case 'date': {
      const [y, m, d] = rule.date.split('-').map(Number) as [number, number, number];
      return y === year ? daysFromCivil(y, m, d) : null;
    }
  }
}

/** Saturday moves to Friday, Sunday to Monday (US federal practice). */
function observedDay(day: number): number {
  const weekday = isoWeekdayOfDays(day);
  if (weekday === 6) return day - 1;
  if (weekday === 7) return day + 1;
  return day;
}

function add(days: HolidayDays, day: number, name: string): void {
  const names = days.get(day);
  if (names === undefined) days.set(day, [name]);
  else if (!names.includes(name)) names.push(name);
}

/**
 * Every holiday day of a local year. With observed-day shifting the shifted day is added under
 * "(observed)" and the original weekend day stays a holiday; a shift can cross a year boundary
 * (New Year's Day on a Saturday is observed on the Friday before), so neighbouring years' rules
 * are evaluated too.
 */
export function holidaysOfYear(rules: readonly HolidayRule[], year: number, observedShift: boolean): HolidayDays {
  const first = daysFromCivil(year, 1, 1);
  const next = daysFromCivil(year + 1, 1, 1);
  const result: HolidayDays = new Map();
  const observed: Array<[number, string]> = [];
  for (const y of observedShift ? [year - 1, year, year + 1] : [year]) {
    for (const rule of rules) {
      const day = ruleDay(rules, rule, y, new Set());
      if (day === null) continue;
      if (day >= first && day < next) add(result, day, rule.name);
      const shifted = observedShift ? observedDay(day) : day;
      if (shifted !== day && shifted >= first && shifted < next) observed.push([shifted, `${rule.name} (observed)`]);
    }
  }
  // Observed names come after the real holidays of the same day, whatever the rule order.
  for (const [day, name] of observed) add(result, day, name);
  return result;
}
