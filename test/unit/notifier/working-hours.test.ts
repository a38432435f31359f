import { describe, expect, it } from 'vitest';
import { isWorkingTime, nextWorkingStart } from '../../../src-main/services/deadline-notifier/working-hours';

const weekdays = { start: '08:00', end: '17:00', weekdays: [1, 2, 3, 4, 5] };
const at = (iso: string) => Date.parse(iso);

describe('working hours in the engineer zone', () => {
  it('reads the instant in the zone, start inclusive, end exclusive, weekdays only', () => {
    expect(isWorkingTime(at('2026-11-24T13:00:00Z'), weekdays, 'America/New_York')).toBe(true); // Tue 08:00
    expect(isWorkingTime(at('2026-11-24T12:59:59Z'), weekdays, 'America/New_York')).toBe(false);
    expect(isWorkingTime(at('2026-11-24T22:00:00Z'), weekdays, 'America/New_York')).toBe(false); // Tue 17:00
    expect(isWorkingTime(at('2026-11-28T15:00:00Z'), weekdays, 'America/New_York')).toBe(false); // Sat 10:00
    expect(isWorkingTime(at('2026-11-24T13:00:00Z'), weekdays, 'Asia/Tokyo')).toBe(false); // Tue 22:00 in Tokyo
  });

  it('treats hours ending before they start as an overnight shift belonging to its first day', () => {
    const nights = { start: '22:00', end: '06:00', weekdays: [5] }; // Friday night
    expect(isWorkingTime(at('2026-11-27T23:30:00Z'), nights, 'UTC')).toBe(true); // Fri 23:30
    expect(isWorkingTime(at('2026-11-28T05:59:00Z'), nights, 'UTC')).toBe(true); // Sat 05:59
    expect(isWorkingTime(at('2026-11-28T06:00:00Z'), nights, 'UTC')).toBe(false);
    expect(isWorkingTime(at('2026-11-28T23:00:00Z'), nights, 'UTC')).toBe(false); // Sat 23:00
    expect(isWorkingTime(at('2026-11-27T03:00:00Z'), nights, 'UTC')).toBe(false); // Fri 03:00 is Thursday's night
  });

  it('finds the next opening: later today, after a weekend, across a DST change', () => {
    expect(new Date(nextWorkingStart(at('2026-11-24T03:00:00Z'), weekdays, 'America/New_York')).toISOString()).toBe('2026-11-24T13:00:00.000Z');
    expect(new Date(nextWorkingStart(at('2026-11-27T23:00:00Z'), weekdays, 'America/New_York')).toISOString()).toBe('2026-11-30T13:00:00.000Z');
    // Sunday 8 March 2026: clocks go forward; Monday opens at 08:00 EDT (12:00 UTC).
    expect(new Date(nextWorkingStart(at('2026-03-07T12:00:00Z'), weekdays, 'America/New_York')).toISOString()).toBe('2026-03-09T12:00:00.000Z');
  });
});
