import { formatInstant, parseInstant } from '../instant';
import type { PlanId } from '../policy-schema';
import { endOfCycleMs, parseSubscription, type ParsedSubscription, type Subscription } from './subscription';

/** A plan in force over [from, until); `until` null = still in force (no cancellation). */
export interface PlanPeriod {
  plan: PlanId;
  from: string;
  until: string | null;
}

interface PeriodMs {
  plan: PlanId;
  fromMs: number;
}

/**
 * Upgrades take effect at their request instant; a downgrade waits for the end of the cycle it
 * was requested in. A later request in the meantime replaces a pending downgrade: another
 * downgrade supersedes it (the customer's latest choice), and an upgrade cancels it (the customer
 * asked for more, so dropping to the lower plan at the cycle end would contradict the newer
 * request). Requests at or after the cancellation's effective instant are ignored.
 */
function periodStarts(sub: ParsedSubscription): PeriodMs[] {
  const starts: PeriodMs[] = [{ plan: sub.initialPlan, fromMs: sub.clock.anchorMs }];
  const begin = (plan: PlanId, fromMs: number): void => {
    const last = starts[starts.length - 1]!;
    if (last.fromMs === fromMs) starts.pop(); // several requests at one instant: the last wins
    const prev = starts[starts.length - 1];
    if (prev?.plan !== plan) starts.push({ plan, fromMs });
  };
  const endMs = sub.cancelEffectiveMs ?? Number.POSITIVE_INFINITY;
  let pending: PeriodMs | null = null;
  for (const change of sub.changes) {
    if (change.atMs >= endMs) break;
    if (pending !== null && pending.fromMs <= change.atMs) begin(pending.plan, pending.fromMs);
    pending = null;
    if (change.kind === 'upgrade') begin(change.plan, change.atMs);
    else pending = { plan: change.plan, fromMs: endOfCycleMs(sub.clock, change.atMs, 'changes') };
  }
  if (pending !== null && pending.fromMs < endMs) begin(pending.plan, pending.fromMs);
  return starts;
}

/** The subscription's plan history as consecutive periods, ending at the cancellation if any. */
export function planTimeline(sub: Subscription): PlanPeriod[] {
  const parsed = parseSubscription(sub);
  const starts = periodStarts(parsed);
  return starts.map((p, i) => {
    const untilMs = starts[i + 1]?.fromMs ?? parsed.cancelEffectiveMs;
    return { plan: p.plan, from: formatInstant(p.fromMs), until: untilMs === null ? null : formatInstant(untilMs) };
  });
}

/**
 * The plan in force at `instant` (e.g. a ticket's creation instant): null before the anchor or
 * from the cancellation's effective instant on. Periods are half-open, so a ticket created at
 * the very millisecond of an upgrade already gets the new plan.
 */
export function planAt(sub: Subscription, instant: string): PlanId | null {
  const parsed = parseSubscription(sub);
  const atMs = parseInstant(instant, 'instant');
  if (atMs < parsed.clock.anchorMs) return null;
  if (parsed.cancelEffectiveMs !== null && atMs >= parsed.cancelEffectiveMs) return null;
  let plan: PlanId | null = null;
  for (const p of periodStarts(parsed)) if (p.fromMs <= atMs) plan = p.plan;
  return plan;
}
