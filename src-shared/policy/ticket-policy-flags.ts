import { requesterIsAccountHolder } from './billing/account-holder';
import { freeTermCheck, type FreeTermUse } from './billing/free-term';
import { compilePolicy } from './compile-policy';
import { cancellationReply } from './eligibility/cancellation-reply';
import { detectCancellationRequest } from './eligibility/cancellation-request';
import { entitlementAt } from './eligibility/entitlement-at';
import type { EntitlementWindow } from './eligibility/entitlement-windows';
import { resolveTarget } from './first-response-due';
import type { PlanId, SupportPolicy } from './policy-schema';

export type PolicyFlag =
  | { kind: 'requester-not-holder'; requesterEmail: string; holderEmail: string }
  | { kind: 'asks-to-cancel'; matched: string; suggestedReply: string }
  | { kind: 'free-term-reused'; matches: ReadonlyArray<{ accountId: string; by: 'email' | 'organization'; usedAt: string }> }
  | { kind: 'urgent-not-applicable'; planName: string }
  | { kind: 'not-entitled'; endedAt: string | null; startsAt: string | null; renewalHint: string };

export interface TicketFlagInput {
  ticket: { createdAt: string; plan: PlanId; urgent?: boolean | null; requesterEmail: string; subject: string; body: string };
  account: { holderEmail: string; holderName?: string | null };
  /** Preset B: the customer's Support and Upgrades Subscription windows. */
  entitlementWindows?: readonly EntitlementWindow[] | null;
  /** When the account's subscription came with the free Silver term: the holder and earlier uses by others. */
  freeTerm?: { holderEmail: string; organization?: string | null; priorUses: FreeTermUse[] } | null;
}

/**
 * Every policy rule that an engineer must be warned about on one ticket, in the order of
 * docs/policy.md: who may use the plan, cancellation requests, the once-per-holder free term, the
 * urgent flag on a plan without the urgent option, and entitlement at creation (Preset B).
 */
export function ticketPolicyFlags(policy: SupportPolicy, input: TicketFlagInput): PolicyFlag[] {
  const compiled = compilePolicy(policy);
  const { ticket, account } = input;
  const flags: PolicyFlag[] = [];
  if (!requesterIsAccountHolder({ requesterEmail: ticket.requesterEmail, holderEmail: account.holderEmail })) {
    flags.push({ kind: 'requester-not-holder', requesterEmail: ticket.requesterEmail, holderEmail: account.holderEmail });
  }
  const cancel = detectCancellationRequest(`${ticket.subject}\n${ticket.body}`);
  if (cancel.asksToCancel && cancel.matched !== null) {
    const suggestedReply = cancellationReply({ managePurchasesUrl: compiled.policy.billing.managePurchasesUrl, customerName: account.holderName ?? null });
    flags.push({ kind: 'asks-to-cancel', matched: cancel.matched, suggestedReply });
  }
  if (input.freeTerm) {
    const verdict = freeTermCheck({ candidate: input.freeTerm, priorUses: input.freeTerm.priorUses });
    if (verdict.abuse) flags.push({ kind: 'free-term-reused', matches: verdict.matches });
  }
  const target = resolveTarget(compiled, ticket);
  if (target.urgentRequested && !target.urgentApplies) flags.push({ kind: 'urgent-not-applicable', planName: target.plan.name });
  if (compiled.policy.entitlement.required && input.entitlementWindows) {
    const status = entitlementAt(input.entitlementWindows, ticket.createdAt, { renewalUrl: compiled.policy.entitlement.renewalUrl });
    if (!status.entitled) flags.push({ kind: 'not-entitled', endedAt: status.endedAt, startsAt: status.startsAt, renewalHint: status.renewalHint });
  }
  return flags;
}
