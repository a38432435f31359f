import type { HolidayRule } from '../policy-schema';

/** The US holiday list of the support policy (docs/policy.md), by rule, for every year. */
export const US_SUPPORT_HOLIDAYS: readonly HolidayRule[] = Object.freeze([
  { kind: 'fixed', name: "New Year's Day", month: 1, day: 1 },
  { kind: 'last-weekday', name: 'Memorial Day', month: 5, weekday: 1 },
  { kind: 'fixed', name: 'Independence Day', month: 7, day: 4 },
  { kind: 'nth-weekday', name: 'Labor Day', month: 9, weekday: 1, n: 1 },
  { kind: 'nth-weekday', name: 'Thanksgiving', month: 11, weekday: 4, n: 4 },
  { kind: 'days-after', name: 'Day after Thanksgiving', of: 'Thanksgiving', days: 1 },
  { kind: 'fixed', name: 'Christmas Eve', month: 12, day: 24 },
  { kind: 'fixed', name: 'Christmas Day', month: 12, day: 25 },
  { kind: 'fixed', name: "New Year's Eve", month: 12, day: 31 },
] satisfies HolidayRule[]);
