import { DateTime } from 'luxon';
import type { EngineerSettings } from '@shared/ipc/workspace-settings';

export type WorkingHours = NonNullable<EngineerSettings['workingHours']>;

function minutesOf(clock: string): number {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * Whether an instant falls inside the engineer's working hours, read in their zone. Hours whose
 * end is before their start run overnight (22:00-06:00) and belong to the weekday they start on.
 */
export function isWorkingTime(atMs: number, hours: WorkingHours, zone: string): boolean {
  const local = DateTime.fromMillis(atMs, { zone });
  const minute = local.hour * 60 + local.minute;
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  const worksOn = (weekday: number): boolean => hours.weekdays.includes(weekday);
  if (start < end) return worksOn(local.weekday) && minute >= start && minute < end;
  const yesterday = local.weekday === 1 ? 7 : local.weekday - 1;
  return (worksOn(local.weekday) && minute >= start) || (worksOn(yesterday) && minute < end);
}

/** The next instant after `afterMs` at which working hours begin (at most a week and a day away). */
export function nextWorkingStart(afterMs: number, hours: WorkingHours, zone: string): number {
  const start = minutesOf(hours.start);
  const today = DateTime.fromMillis(afterMs, { zone }).startOf('day');
  for (let days = 0; days <= 8; days++) {
    const day = today.plus({ days });
    if (!hours.weekdays.includes(day.weekday)) continue;
    // Built from the calendar date, so a DST change in between does not shift the opening hour.
    const opening = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: Math.floor(start / 60), minute: start % 60 }, { zone }).toMillis();
    if (opening > afterMs) return opening;
  }
  // Unreachable with at least one weekday; a day later is a safe re-check.
  return afterMs + 24 * 3_600_000;
}
