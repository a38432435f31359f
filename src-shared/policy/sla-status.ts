import { businessTimeBetween } from './calendar/business-time';
import { compilePolicy } from './compile-policy';
import { formatInstant, parseInstant } from './instant';
import type { SupportPolicy } from './policy-schema';

export type SlaStatus =
  | { readonly state: 'met'; readonly dueAt: string; readonly repliedAt: string; readonly marginMs: number }
  | {
      readonly state: 'breached';
      readonly dueAt: string;
      /** null while no staff reply has been posted: the lateness (and any credit) is still accruing. */
      readonly repliedAt: string | null;
      readonly lateMs: number;
    }
  | {
      readonly state: 'running';
      readonly dueAt: string;
      /** Wall-clock time left until the due instant: the countdown. */
      readonly remainingMs: number;
      /** Business time left (working intervals only): the secondary figure. */
      readonly remainingBusinessMs: number;
      /** Approach thresholds (minutes) already crossed, largest first; empty when not approaching. */
      readonly crossedThresholdsMinutes: readonly number[];
    };

export interface SlaInput {
  dueAt: string;
  firstStaffReplyAt?: string | null;
  /** The current instant, corrected for clock skew by the caller. */
  now: string;
}

/**
 * The SLA state of a ticket at `now`: met if the first staff public reply came at or before the
 * due instant, breached if after (or, without a reply, once now is past due), otherwise running.
 */
export function slaStatus(policy: SupportPolicy, input: SlaInput): SlaStatus {
  const compiled = compilePolicy(policy);
  const dueMs = parseInstant(input.dueAt, 'dueAt');
  const nowMs = parseInstant(input.now, 'now');
  // Instants go out as the engine writes them everywhere (UTC, milliseconds), whatever the caller's offset.
  const dueAt = formatInstant(dueMs);
  const reply = input.firstStaffReplyAt;
  if (reply !== undefined && reply !== null) {
    const replyMs = parseInstant(reply, 'firstStaffReplyAt');
    const repliedAt = formatInstant(replyMs);
    return replyMs <= dueMs
      ? { state: 'met', dueAt, repliedAt, marginMs: dueMs - replyMs }
      : { state: 'breached', dueAt, repliedAt, lateMs: replyMs - dueMs };
  }
  if (nowMs > dueMs) return { state: 'breached', dueAt, repliedAt: null, lateMs: nowMs - dueMs };
  const remainingMs = dueMs - nowMs;
  const crossed = compiled.policy.approachThresholdsMinutes
    .filter((minutes) => remainingMs < minutes * 60_000)
    .sort((a, b) => b - a);
  return {
    state: 'running',
    dueAt,
    remainingMs,
    remainingBusinessMs: businessTimeBetween(compiled.calendar, nowMs, dueMs),
    crossedThresholdsMinutes: crossed,
  };
}
