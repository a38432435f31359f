import type { AccountRow, SubscriptionRow, TicketRow } from '@shared/contract';
import { ticketPolicyFlags, type FreeTermUse, type PolicyFlag, type SupportPolicy } from '@shared/policy';

/** The engine's flags, plus one it cannot raise without a plan: no subscription at creation (Preset A). */
export type TicketFlag = PolicyFlag | { kind: 'no-plan-at-creation' };

export interface FlagsInput {
  policy: SupportPolicy;
  ticket: Pick<TicketRow, 'createdAt' | 'plan' | 'urgent' | 'requesterEmail' | 'subject'>;
  account: Pick<AccountRow, 'holderEmail' | 'holderName' | 'organization'>;
  subscription: Pick<SubscriptionRow, 'entitlementWindows' | 'freeTerm'> | null;
  /** What the customer wrote (every public customer message): a request to cancel may come later. */
  customerText: string;
  priorFreeTermUses: FreeTermUse[];
}

export type FlagsModel = { ok: true; flags: TicketFlag[] } | { ok: false; message: string };

export function ticketFlags(input: FlagsInput): FlagsModel {
  const { policy, ticket, account, subscription } = input;
  // Without a plan the engine cannot resolve a target; any plan serves for the other rules, and
  // the urgent rule (which depends on the plan) is then left out.
  const plan = ticket.plan ?? policy.plans[0]?.id ?? 'silver';
  try {
    const flags: TicketFlag[] = ticketPolicyFlags(policy, {
      ticket: { createdAt: ticket.createdAt, plan, urgent: ticket.urgent, requesterEmail: ticket.requesterEmail, subject: ticket.subject, body: input.customerText },
      account: { holderEmail: account.holderEmail, holderName: account.holderName },
      entitlementWindows: subscription?.entitlementWindows ?? [],
      freeTerm: subscription?.freeTerm ? { holderEmail: account.holderEmail, organization: account.organization, priorUses: input.priorFreeTermUses } : null,
    });
    if (ticket.plan !== null) return { ok: true, flags };
    const withoutPlan = flags.filter((f) => f.kind !== 'urgent-not-applicable');
    return { ok: true, flags: policy.entitlement.required ? withoutPlan : [...withoutPlan, { kind: 'no-plan-at-creation' }] };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
