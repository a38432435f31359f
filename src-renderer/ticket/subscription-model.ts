import type { CreditRow, SubscriptionRow } from '@shared/contract';
import { billingCycleAt, planAt, type BillingCycle, type PlanId, type SupportPolicy } from '@shared/policy';

export interface SubscriptionModel {
  planId: PlanId | null;
  planName: string;
  monthlyPriceCents: number;
  /** null before the anchor (a subscription that has not started). */
  cycle: BillingCycle | null;
  pendingDowngrade: { planName: string; effectiveAt: string } | null;
  cancelRequestedAt: string | null;
  cancelAt: string | null;
  freeTerm: { startedAt: string; endsAt: string } | null;
  /** Preset B: the end of the support window that contains now, or null when none does. */
  supportValidUntil: string | null;
  /** Credits owed and not yet applied (they apply at the start of a later cycle), soonest first. */
  creditsToApply: CreditRow[];
  creditsToApplyCents: number;
}

function planName(policy: SupportPolicy, plan: PlanId | null): string {
  if (plan === null) return 'none';
  return policy.plans.find((p) => p.id === plan)?.name ?? plan;
}

/** The subscription panel's figures at `now` (pure). */
export function subscriptionModel(policy: SupportPolicy, subscription: SubscriptionRow, credits: readonly CreditRow[], now: number): SubscriptionModel {
  const at = new Date(now).toISOString();
  const beforeAnchor = now < Date.parse(subscription.anchor);
  const planId = beforeAnchor ? null : planAt(subscription, at);
  const pending = subscription.pendingDowngrade;
  const toApply = credits.filter((c) => c.subscriptionId === subscription.id && Date.parse(c.appliesAt) > now).sort((a, b) => a.appliesAt.localeCompare(b.appliesAt));
  const window = subscription.entitlementWindows.find((w) => Date.parse(w.start) <= now && now < Date.parse(w.end));
  return {
    planId,
    planName: planName(policy, planId),
    monthlyPriceCents: subscription.monthlyPriceCents,
    cycle: beforeAnchor ? null : billingCycleAt({ anchor: subscription.anchor, timeZone: subscription.timeZone, at }),
    pendingDowngrade: pending === null ? null : { planName: planName(policy, pending.plan), effectiveAt: pending.effectiveAt },
    cancelRequestedAt: subscription.cancelRequestedAt,
    cancelAt: subscription.cancelAt,
    freeTerm: subscription.freeTerm,
    supportValidUntil: window?.end ?? null,
    creditsToApply: toApply,
    creditsToApplyCents: toApply.reduce((sum, c) => sum + c.cents, 0),
  };
}
