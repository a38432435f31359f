import { planTimeline, type PlanId, type Subscription } from '@shared/policy';

interface Period {
  plan: PlanId;
  fromMs: number;
  untilMs: number;
}

/**
 * planAt for many instants of one subscription: the engine's plan timeline, computed once, then
 * searched. Same answers as planAt (null before the anchor and from a cancellation's effect on),
 * without re-reading the subscription for every ticket.
 */
export function planLookup(subscription: Subscription): (atMs: number) => PlanId | null {
  if (subscription.changes.length === 0 && (subscription.cancelRequestedAt ?? null) === null) {
    // One plan from the anchor on: no timeline to compute.
    const anchorMs = Date.parse(subscription.anchor);
    return (atMs) => (atMs >= anchorMs ? subscription.initialPlan : null);
  }
  const periods: Period[] = planTimeline(subscription).map((p) => ({
    plan: p.plan,
    fromMs: Date.parse(p.from),
    untilMs: p.until === null ? Number.POSITIVE_INFINITY : Date.parse(p.until),
  }));
  return (atMs) => {
    for (let i = periods.length - 1; i >= 0; i--) {
      const period = periods[i] as Period;
      if (period.fromMs <= atMs) return atMs < period.untilMs ? period.plan : null;
    }
    return null;
  };
}
