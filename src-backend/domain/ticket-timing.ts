import { firstResponseDue, planAt, planIdSchema, type PlanId, type Subscription, type SupportPolicy } from '@shared/policy';

/**
 * A ticket's plan (the one in force at its creation instant; none without a subscription, before
 * its start or after its cancellation) and the first-response due instant that plan gives it.
 * A plan named by a helpdesk (`ticket.plan`) takes the subscription's place; one the policy
 * engine does not know counts as none.
 */
export function ticketTiming(
  policy: SupportPolicy,
  subscription: Subscription | null,
  ticket: { createdAt: string; urgent: boolean; plan?: string | null | undefined },
): { plan: PlanId | null; dueAt: string | null } {
  const named = ticket.plan === undefined ? undefined : planIdSchema.safeParse(ticket.plan).data ?? null;
  const plan = named !== undefined ? named : subscription === null ? null : planAt(subscription, ticket.createdAt);
  const dueAt = plan === null ? null : firstResponseDue(policy, { createdAt: ticket.createdAt, plan, urgent: ticket.urgent });
  return { plan, dueAt };
}
