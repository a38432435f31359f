import type { AccountRow, SubscriptionRow } from '@shared/contract';
import {
  billingCycleAt,
  billingCycleByIndex,
  cancellationEffectiveAt,
  downgradeEffectiveAt,
  formatInstant,
  planTimeline,
  type PlanChange,
  type PlanId,
} from '@shared/policy';
import type { AccountCase, DemoAccountProfile } from './demo-dataset';
import { entitlementEventsFor } from './entitlement-history';
import type { AccountGeneration } from './generate-accounts';
import { planLookup } from './plan-lookup';

const DAY = 86_400_000;

const HIGHER: Record<PlanId, PlanId> = { silver: 'gold', gold: 'platinum', platinum: 'platinum' };
const LOWER: Record<PlanId, PlanId> = { silver: 'silver', gold: 'silver', platinum: 'gold' };

/**
 * An account's subscription as its case describes it (plan, start, plan changes, cancellation,
 * free term, Preset B purchases and renewals), and what ticket generation needs to know about it.
 * `required`: one of the accounts that demonstrate a case; plain plans then date from before the history.
 */
export function customerProfile(input: AccountGeneration, account: AccountRow, domain: string, kind: AccountCase, required: boolean): DemoAccountProfile {
  const { random, nowMs, historyStartMs: start } = input;
  const between = (from: number, to: number): number => Math.round(from + random.next() * Math.max(0, to - from));
  const early = (): number => between(start - 365 * DAY, start - 10 * DAY);
  const any = (): number => (random.chance(0.65) ? early() : between(start, nowMs - 45 * DAY));
  const presetB = kind.startsWith('b-');
  const policy = presetB ? input.subscriptionScope : input.planSla;
  const timeZone = policy.calendar.timeZone;

  let anchorMs: number;
  switch (kind) {
    case 'a-free-term': anchorMs = between(nowMs - 420 * DAY, nowMs - 120 * DAY); break;
    case 'a-free-term-abuse': anchorMs = between(nowMs - 100 * DAY, nowMs - 20 * DAY); break;
    case 'a-downgrade': anchorMs = between(start - 300 * DAY, nowMs - 150 * DAY); break;
    case 'a-cancelled': anchorMs = between(start - 200 * DAY, nowMs - 200 * DAY); break;
    case 'b-lapsed': anchorMs = between(start - 100 * DAY, nowMs - 300 * DAY); break;
    case 'b-expired': anchorMs = between(nowMs - 420 * DAY, nowMs - 220 * DAY); break;
    case 'b-new': anchorMs = between(nowMs - 70 * DAY, nowMs - 10 * DAY); break;
    case 'a-silver': case 'a-gold': case 'a-platinum': case 'b-renewed':
      anchorMs = required ? early() : any(); break;
    default: anchorMs = any();
  }
  const anchor = formatInstant(anchorMs);
  const clock = { anchor, timeZone };
  /** An instant of the billing cycle that `now` is in (where pending downgrades and cancellations are requested). */
  const inCurrentCycle = (): string => {
    const cycleStartMs = Date.parse(billingCycleAt({ ...clock, at: formatInstant(nowMs) }).start);
    return formatInstant(between(Math.max(cycleStartMs, anchorMs), nowMs - 3_600_000));
  };

  const initialPlan: PlanId =
    kind === 'a-silver' || kind.includes('free-term') ? 'silver'
    : kind === 'a-gold' ? 'gold'
    : kind === 'a-platinum' ? 'platinum'
    : kind === 'a-upgrade' ? random.pick<PlanId>(['silver', 'gold'])
    : kind === 'a-downgrade' || kind === 'a-pending-downgrade' ? random.pick<PlanId>(['gold', 'platinum'])
    : presetB ? random.weighted<PlanId>(['silver', 'gold'], [6, 4])
    : random.weighted<PlanId>(['silver', 'gold', 'platinum'], [5, 4, 2]);

  const changes: PlanChange[] = [];
  let pendingDowngrade: SubscriptionRow['pendingDowngrade'] = null;
  let cancelRequestedAt: string | null = null;
  let cancelAt: string | null = null;
  if (kind === 'a-upgrade') {
    changes.push({ kind: 'upgrade', plan: HIGHER[initialPlan], requestedAt: formatInstant(between(anchorMs + 20 * DAY, nowMs - 5 * DAY)) });
  } else if (kind === 'a-downgrade') {
    changes.push({ kind: 'downgrade', plan: LOWER[initialPlan], requestedAt: formatInstant(between(anchorMs + 30 * DAY, nowMs - 70 * DAY)) });
  } else if (kind === 'a-pending-downgrade') {
    const requestedAt = inCurrentCycle();
    changes.push({ kind: 'downgrade', plan: LOWER[initialPlan], requestedAt });
    pendingDowngrade = { plan: LOWER[initialPlan], effectiveAt: downgradeEffectiveAt(clock, requestedAt) };
  } else if (kind === 'a-cancel-pending') {
    cancelRequestedAt = inCurrentCycle();
  } else if (kind === 'a-cancelled') {
    cancelRequestedAt = formatInstant(between(nowMs - 100 * DAY, nowMs - 45 * DAY));
  }
  if (cancelRequestedAt !== null) cancelAt = cancellationEffectiveAt(clock, cancelRequestedAt);

  const freeTerm = kind.includes('free-term') ? { startedAt: anchor, endsAt: billingCycleByIndex(anchor, timeZone, policy.billing.freeTermMonths - 1).end } : null;
  const entitlement = presetB ? entitlementEventsFor(kind, anchorMs, nowMs, policy, random) : { entitlementEvents: [], entitlementWindows: [] };
  const sub = { anchor, timeZone, initialPlan, changes, cancelRequestedAt };
  const planAtMs = planLookup(sub);
  const plan = planAtMs(nowMs) ?? (planTimeline(sub).at(-1)?.plan as PlanId);
  const inFreeTerm = freeTerm !== null && nowMs < Date.parse(freeTerm.endsAt);
  const price = policy.plans.find((p) => p.id === plan)?.monthlyPriceCents ?? 0;
  const subscription: SubscriptionRow = {
    id: `s-${account.id.slice(2)}`,
    accountId: account.id,
    policyId: policy.id,
    initialPlan,
    plan,
    monthlyPriceCents: inFreeTerm ? 0 : price,
    anchor,
    timeZone,
    changes,
    pendingDowngrade,
    cancelRequestedAt,
    cancelAt,
    freeTerm,
    ...entitlement,
  };
  const endedMs = cancelAt !== null && Date.parse(cancelAt) <= nowMs ? Date.parse(cancelAt) : null;
  const weight = (kind === 'a-cancelled' ? 0.3 : 0.3 + random.next() ** 3 * 6) * (kind === 'a-free-term-abuse' ? 3 : 1);
  return { account, subscription, policy, case: kind, domain, anchorMs, endedMs, weight, planAtMs };
}
