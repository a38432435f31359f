import { parseInstant } from '../instant';
import { PolicyInputError } from '../policy-input-error';
import { planIdSchema, type PlanId } from '../policy-schema';
import { cycleClock, cycleIndexAt, cycleStartMs, requireCycleInRange, type CycleClock } from './billing-cycle';

export type PlanChangeKind = 'upgrade' | 'downgrade';

export interface PlanChange {
  kind: PlanChangeKind;
  plan: PlanId;
  requestedAt: string;
}

/** A Preset A subscription: monthly cycles from `anchor` in the calendar's `timeZone`. */
export interface Subscription {
  anchor: string;
  timeZone: string;
  initialPlan: PlanId;
  changes: PlanChange[];
  /** When the customer cancelled on the manage-purchases page (a ticket asking to cancel is not one). */
  cancelRequestedAt?: string | null;
}

export interface ParsedPlanChange {
  kind: PlanChangeKind;
  plan: PlanId;
  atMs: number;
}

export interface ParsedSubscription {
  clock: CycleClock;
  initialPlan: PlanId;
  /** Sorted by request instant; requests at the same instant keep their given order. */
  changes: ParsedPlanChange[];
  cancelEffectiveMs: number | null;
}

/** End of the cycle containing `atMs`: where downgrades and cancellations take effect. */
export function endOfCycleMs(clock: CycleClock, atMs: number, field: string): number {
  const k = cycleIndexAt(clock, atMs, field);
  requireCycleInRange(clock, k, field);
  return cycleStartMs(clock, k + 1);
}

function requirePlan(value: unknown, field: string): PlanId {
  const parsed = planIdSchema.safeParse(value);
  if (!parsed.success) throw new PolicyInputError(field, value, `expected one of ${planIdSchema.options.join(', ')}`);
  return parsed.data;
}

function parseChange(change: PlanChange, i: number, clock: CycleClock): ParsedPlanChange {
  const field = `changes[${i}]`;
  if (change?.kind !== 'upgrade' && change?.kind !== 'downgrade') {
    throw new PolicyInputError(`${field}.kind`, change?.kind, "expected 'upgrade' or 'downgrade'");
  }
  const atMs = parseInstant(change.requestedAt, `${field}.requestedAt`);
  cycleIndexAt(clock, atMs, `${field}.requestedAt`); // a change before the anchor is an error
  return { kind: change.kind, plan: requirePlan(change.plan, `${field}.plan`), atMs };
}

export function parseSubscription(sub: Subscription): ParsedSubscription {
  const clock = cycleClock(sub.anchor, sub.timeZone);
  const initialPlan = requirePlan(sub.initialPlan, 'initialPlan');
  if (!Array.isArray(sub.changes)) throw new PolicyInputError('changes', sub.changes, 'expected an array of plan changes');
  const changes = sub.changes.map((c, i) => parseChange(c, i, clock)).sort((a, b) => a.atMs - b.atMs);
  const cancel = sub.cancelRequestedAt ?? null;
  const cancelEffectiveMs =
    cancel === null ? null : endOfCycleMs(clock, parseInstant(cancel, 'cancelRequestedAt'), 'cancelRequestedAt');
  return { clock, initialPlan, changes, cancelEffectiveMs };
}
