import type { DeadlineCounts, EngineerSettings } from '@shared/ipc/workspace-settings';
import { thresholdsKey, type NotifierIndex, type TrackedTicket } from './notifier-state';
import { isWorkingTime, nextWorkingStart } from './working-hours';

/** The default when neither the engineer nor the workspace policy says otherwise. */
export const DEFAULT_THRESHOLDS_MINUTES: readonly number[] = [30, 10];

export interface NotifierRules {
  settings: EngineerSettings;
  /** The signed-in engineer: tickets assigned to someone else are theirs to watch. Null: all. */
  engineerId: string | null;
  /** Approach alerts this close to their moment join a burst that fires now. */
  lookaheadMs: number;
}

/** One notification point of one ticket: `minutes` before its due instant, 0 for the breach. */
export interface Alert {
  ticket: TrackedTicket;
  minutes: number;
  /** Every point already passed, all marked as notified once this alert is shown. */
  passed: number[];
}

export interface Evaluation {
  due: Alert[];
  /** When something next changes (a point, a snooze ending, working hours starting); null: never. */
  wakeAtMs: number | null;
  counts: DeadlineCounts;
}

/** The engineer's own thresholds, else those of the policy version the ticket runs under, else the default. */
export function thresholdsFor(state: NotifierIndex, ticket: TrackedTicket, settings: EngineerSettings): readonly number[] {
  return settings.thresholdsMinutes ?? state.policies[thresholdsKey(ticket.policyId, ticket.policyVersion)] ?? DEFAULT_THRESHOLDS_MINUTES;
}

/**
 * Pure: which notifications are due at `nowMs`, when to look again, and the badge counts. A ticket
 * that passed several points while nobody was looking (app closed, quiet hours, snooze) gets one
 * notification for the most severe of them, and only if that one was not shown yet. Nothing fires
 * before its moment; but when something fires, approach alerts of other tickets due within the
 * lookahead join it, so a burst makes one notification instead of a drumroll.
 */
export function evaluateDeadlines(state: NotifierIndex, nowMs: number, rules: NotifierRules): Evaluation {
  const joining: Alert[] = [];
  let anyStrict = false;
  const counts = { breached: 0, approaching: 0 };
  let wakeAtMs: number | null = null;
  const wakeAt = (ms: number): void => {
    if (ms > nowMs && (wakeAtMs === null || ms < wakeAtMs)) wakeAtMs = ms;
  };
  const quietUntil = quietHoursEnd(nowMs, rules.settings);
  for (const ticket of Object.values(state.tickets)) {
    if (rules.engineerId !== null && ticket.assigneeId !== null && ticket.assigneeId !== rules.engineerId) continue;
    const thresholds = thresholdsFor(state, ticket, rules.settings);
    countTicket(counts, ticket.dueAtMs - nowMs, thresholds);
    for (const minutes of [...thresholds, 0]) wakeAt(ticket.dueAtMs - minutes * 60_000);
    const loose = pendingAlert(ticket, thresholds, nowMs, rules.lookaheadMs);
    if (loose === null) continue;
    const heldUntil = holdOf(state, ticket, nowMs, quietUntil);
    if (heldUntil !== null) {
      wakeAt(heldUntil);
      continue;
    }
    joining.push(loose);
    anyStrict ||= pendingAlert(ticket, thresholds, nowMs, 0) !== null;
  }
  return { due: anyStrict ? joining : [], wakeAtMs, counts };
}

/** The most severe point passed by `nowMs` (approach points `lookaheadMs` early), unless already shown. */
function pendingAlert(ticket: TrackedTicket, thresholds: readonly number[], nowMs: number, lookaheadMs: number): Alert | null {
  const passed = [...thresholds, 0].filter((minutes) => ticket.dueAtMs - minutes * 60_000 - (minutes > 0 ? lookaheadMs : 0) <= nowMs);
  if (passed.length === 0) return null;
  const minutes = Math.min(...passed);
  return ticket.notified.includes(minutes) ? null : { ticket, minutes, passed };
}

function countTicket(counts: DeadlineCounts, remainingMs: number, thresholds: readonly number[]): void {
  if (remainingMs <= 0) counts.breached++;
  else if (remainingMs <= Math.max(0, ...thresholds) * 60_000) counts.approaching++;
}

/** When quiet hours end, or null while the engineer is working (or has no working hours set). */
function quietHoursEnd(nowMs: number, settings: EngineerSettings): number | null {
  const hours = settings.workingHours;
  if (hours === null || isWorkingTime(nowMs, hours, settings.zone)) return null;
  return nextWorkingStart(nowMs, hours, settings.zone);
}

/** Until when a ticket's notification waits: its snooze, or quiet hours (Platinum and urgent never wait for those). */
function holdOf(state: NotifierIndex, ticket: TrackedTicket, nowMs: number, quietUntil: number | null): number | null {
  const snoozedUntil = state.snoozes[ticket.id];
  if (snoozedUntil !== undefined && snoozedUntil > nowMs) return snoozedUntil;
  return ticket.plan === 'platinum' || ticket.urgent ? null : quietUntil;
}
