import type { PlanId, SupportPolicy } from '../policy-schema';

/**
 * The monthly price a ticket's credit is computed from: that of the plan the ticket was filed
 * under, at the policy's prices (an upgrade or downgrade since changes nothing for it), and 0 while
 * the subscription's free Silver term ran, which cost the customer nothing (docs/policy.md, "Credits for
 * missed guarantees"). The backend records credits with it and the app estimates them with it, so
 * the two agree for every policy version.
 */
export function creditPriceCents(policy: SupportPolicy, ticket: { plan: string | null; createdAt: string }, freeTerm: { startedAt: string; endsAt: string } | null): number {
  const created = Date.parse(ticket.createdAt);
  if (freeTerm !== null && created >= Date.parse(freeTerm.startedAt) && created < Date.parse(freeTerm.endsAt)) return 0;
  return policy.plans.find((p) => p.id === (ticket.plan as PlanId))?.monthlyPriceCents ?? 0;
}
