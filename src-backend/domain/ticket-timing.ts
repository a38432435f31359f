import { firstResponseDue, planAt, type PlanId, type Subscription, type SupportPolicy } from '@shared/policy';

/**
 * A ticket's plan (the one in force at its creation instant; none without a subscription, before
 * its start or after its cancellation) and the first-response due instant that plan gives it.
 */
export function ticketTiming(
  policy: SupportPolicy,
  subscription: Subscription | null,
  ticket: { createdAt: string; urgent: boolean },
): { plan: PlanId | null; dueAt: string | null } {
  const plan = subscription === null ? null : planAt(subscription, ticket.createdAt);
  const dueAt = plan === null ? null : firstResponseDue(policy, { createdAt: ticket.createdAt, plan, urgent: ticket.urgent });
  return { plan, dueAt };
}
