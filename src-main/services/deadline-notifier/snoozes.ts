import type { EngineerSettings, Snoozes } from '@shared/ipc/workspace-settings';
import type { NotifierIndex } from './notifier-state';
import { nextWorkingStart, type WorkingHours } from './working-hours';

/** How long a snooze holds: minutes from now, or until the engineer's working hours next begin. */
export type SnoozeLength = number | 'next-working-hours';

/** "Until next working hours" for an engineer who has not set any: Monday to Friday from 09:00. */
export const DEFAULT_WORKING_HOURS: WorkingHours = { start: '09:00', end: '17:00', weekdays: [1, 2, 3, 4, 5] };

/**
 * The instant (whole ms) a snooze made at `nowMs` ends, working hours read in the engineer's zone.
 * `nowMs` is skew-corrected and may have a fraction, which the saved state (whole ms) would refuse.
 */
export function snoozeEnd(nowMs: number, length: SnoozeLength, settings: EngineerSettings): number {
  if (length !== 'next-working-hours') return Math.ceil(nowMs) + length * 60_000;
  return nextWorkingStart(nowMs, settings.workingHours ?? DEFAULT_WORKING_HOURS, settings.zone);
}

/** The snoozes still in force at `nowMs`, soonest end first (the order the renderer shows them in). */
export function snoozesInForce(state: NotifierIndex, nowMs: number): Snoozes {
  const snoozes = Object.entries(state.snoozes)
    .filter(([, untilMs]) => untilMs > nowMs)
    .map(([ticketId, untilMs]) => ({ ticketId, untilMs }))
    .sort((a, b) => a.untilMs - b.untilMs || (a.ticketId < b.ticketId ? -1 : 1));
  return { snoozes };
}
