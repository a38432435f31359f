import type { SubscriptionRow } from '@shared/contract';
import {
  billingCycleAt,
  billingCycleByIndex,
  cancellationEffectiveAt,
  entitlementWindows,
  formatInstant,
  parseInstant,
  planAt,
  planTimeline,
  PolicyInputError,
  type EntitlementEvent,
  type PlanChange,
  type PlanId,
  type Subscription,
  type SupportPolicy,
} from '@shared/policy';
import type { SubscriptionEvent, SubscriptionHistory } from './group-billing-rows';
import type { RowErrors } from './row-errors';

const iso = (at: string): string => formatInstant(parseInstant(at, 'at'));
type Of<E extends SubscriptionEvent['event']> = Extract<SubscriptionEvent, { event: E }>;

/** Events of one kind, oldest first (rows at one instant keep their file order). */
function eventsOf<E extends SubscriptionEvent['event']>(history: SubscriptionHistory, ...kinds: E[]): Of<E>[] {
  return (history.events.filter((e) => (kinds as string[]).includes(e.event)) as Of<E>[]).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** At most one row of a kind that happens once; the others are errors naming the first. */
function once<R extends SubscriptionEvent>(rows: R[], errors: RowErrors): R | null {
  const [first, ...more] = rows;
  for (const row of more) errors.add(row.line, 'event', `subscription ${row.subscription_id} has a ${row.event} already (line ${first?.line})`);
  return first ?? null;
}

const priceOf = (policy: SupportPolicy, plan: PlanId): number => policy.plans.find((p) => p.id === plan)?.monthlyPriceCents ?? 0;

/**
 * The policy's rule for plan changes: an upgrade is to a dearer plan than the one in force when it
 * is requested, a downgrade to a cheaper one (billing is in advance, so a cheaper plan waits for
 * the next cycle rather than being a negative upgrade).
 */
function checkDirection(sub: Subscription, policy: SupportPolicy, rows: Of<'upgrade' | 'downgrade'>[], errors: RowErrors): void {
  rows.forEach((row, i) => {
    const before = planAt({ ...sub, changes: sub.changes.slice(0, i), cancelRequestedAt: null }, sub.changes[i]!.requestedAt);
    if (before === null) return;
    const [next, current] = [priceOf(policy, row.plan), priceOf(policy, before)];
    if (row.event === 'upgrade' && next <= current) errors.add(row.line, 'plan', `an upgrade must be to a plan dearer than ${before}, the plan in force then`);
    if (row.event === 'downgrade' && next >= current) errors.add(row.line, 'plan', `a downgrade must be to a plan cheaper than ${before}, the plan in force then`);
  });
}

/** The free term, `months` billing cycles (the policy's length by default) from the cycle it starts in. */
function freeTermOf(row: Of<'free-term'> | null, anchor: string, timeZone: string, policy: SupportPolicy): SubscriptionRow['freeTerm'] {
  if (row === null) return null;
  const startedAt = iso(row.at);
  const first = billingCycleAt({ anchor, timeZone, at: startedAt }).index;
  const months = row.months ?? policy.billing.freeTermMonths;
  return { startedAt, endsAt: billingCycleByIndex(anchor, timeZone, first + months - 1).end };
}

/** The price now: that of the latest row that put the plan in force now, or 0 inside the free term. */
function priceNow(history: SubscriptionHistory, changes: Of<'upgrade' | 'downgrade'>[], plan: PlanId, freeTerm: SubscriptionRow['freeTerm'], nowMs: number): number {
  if (freeTerm !== null && nowMs >= Date.parse(freeTerm.startedAt) && nowMs < Date.parse(freeTerm.endsAt)) return 0;
  const priced = [history.start, ...changes].filter((r) => r.plan === plan);
  return priced.at(-1)?.price_cents ?? history.start.price_cents;
}

function entitlementOf(history: SubscriptionHistory, policy: SupportPolicy, errors: RowErrors): Pick<SubscriptionRow, 'entitlementEvents' | 'entitlementWindows'> {
  const rows = eventsOf(history, 'purchase', 'renewal');
  if (rows.length > 0 && !policy.entitlement.required) {
    for (const row of rows) errors.add(row.line, 'event', `policy ${policy.id} does not sell Support and Upgrades Subscriptions; purchases and renewals belong to a policy that requires them`);
  }
  const events: EntitlementEvent[] = rows.map((r) => ({ kind: r.event, at: iso(r.at), ...(r.months === undefined ? {} : { months: r.months }) }));
  const windows = entitlementWindows({ timeZone: policy.calendar.timeZone, monthsPerPurchase: policy.entitlement.monthsPerPurchase, events });
  return { entitlementEvents: events, entitlementWindows: windows };
}

/**
 * The subscriptions row a history makes, every derived field from the policy engine: the plan and
 * price in force `now`, a downgrade still pending, when a cancellation takes effect, the free
 * term's end and the support windows of Preset B. Null (with errors added) when it cannot be made.
 */
export function subscriptionFromHistory(history: SubscriptionHistory, policy: SupportPolicy, now: Date, errors: RowErrors): SubscriptionRow | null {
  const { start } = history;
  const timeZone = start.time_zone ?? policy.calendar.timeZone;
  const planChanges = eventsOf(history, 'upgrade', 'downgrade');
  for (const row of [start, ...planChanges]) {
    if (!policy.plans.some((p) => p.id === row.plan)) errors.add(row.line, 'plan', `policy ${policy.id} offers no ${row.plan} plan`);
  }
  const cancellation = once(eventsOf(history, 'cancellation'), errors);
  const freeTermRow = once(eventsOf(history, 'free-term'), errors);
  try {
    const anchor = iso(start.at);
    const changes: PlanChange[] = planChanges.map((r) => ({ kind: r.event, plan: r.plan, requestedAt: iso(r.at) }));
    const cancelRequestedAt = cancellation === null ? null : iso(cancellation.at);
    const sub: Subscription = { anchor, timeZone, initialPlan: start.plan, changes, cancelRequestedAt };
    checkDirection(sub, policy, planChanges, errors);
    const nowIso = now.toISOString();
    const timeline = planTimeline(sub);
    const plan = planAt(sub, nowIso) ?? timeline.at(-1)!.plan;
    const upcoming = timeline.at(-1)!;
    const pendingDowngrade = Date.parse(upcoming.from) > now.getTime() ? { plan: upcoming.plan, effectiveAt: upcoming.from } : null;
    const freeTerm = freeTermOf(freeTermRow, anchor, timeZone, policy);
    return {
      id: start.subscription_id,
      accountId: start.account_id,
      policyId: policy.id,
      initialPlan: start.plan,
      plan,
      monthlyPriceCents: priceNow(history, planChanges, plan, freeTerm, now.getTime()),
      anchor,
      timeZone,
      changes,
      pendingDowngrade,
      cancelRequestedAt,
      cancelAt: cancelRequestedAt === null ? null : cancellationEffectiveAt(sub, cancelRequestedAt),
      freeTerm,
      ...entitlementOf(history, policy, errors),
    };
  } catch (error) {
    if (!(error instanceof PolicyInputError)) throw error;
    errors.add(start.line, null, `subscription ${start.subscription_id}: ${error.message}`);
    return null;
  }
}
