import type { CreditRow, SubscriptionRow, TicketRow } from '@shared/contract';
import {
  billingCycleAt,
  creditForTicket,
  creditPriceCents,
  explainFirstResponseDue,
  slaStatus,
  type BillingCycle,
  type DueExplanation,
  type PlanId,
  type SlaStatus,
  type SupportPolicy,
} from '@shared/policy';

export type CreditModel =
  | { kind: 'not-guaranteed' }
  | { kind: 'none' }
  | { kind: 'unknown'; reason: string }
  /** Late and unanswered: grows until the first reply; applied in the cycle after the reply's. */
  | { kind: 'accruing'; cents: number; latenessMs: number; dueCycle: BillingCycle; appliesIfRepliedNow: string }
  /** Late reply posted: `recorded` when the backend's own credit row has synced. */
  | { kind: 'owed'; cents: number; latenessMs: number; dueCycle: BillingCycle; appliesAt: string; recorded: boolean };

export type ExplanationModel = DueExplanation | { error: string };

export type SlaModel =
  | { kind: 'no-target'; reason: string }
  | {
      kind: 'target';
      dueAt: string;
      calendarZone: string;
      status: SlaStatus;
      /** A reply typed here and not yet applied by the server: the clock stops only then. */
      replyQueuedAt: string | null;
      explanation: ExplanationModel;
      credit: CreditModel;
    };

export interface SlaModelInput {
  policy: SupportPolicy;
  ticket: Pick<TicketRow, 'createdAt' | 'plan' | 'urgent' | 'dueAt' | 'firstStaffReplyAt'> & { localReplyAt?: string };
  subscription: Pick<SubscriptionRow, 'anchor' | 'timeZone' | 'freeTerm'> | null;
  credits: readonly CreditRow[];
  now: number;
  /** The explanation does not change with `now`: callers that tick pass it in, computed once. */
  explanation?: ExplanationModel;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** How the engine reached the due instant; an error value instead of a throw. */
export function explainDue(policy: SupportPolicy, ticket: { createdAt: string; plan: PlanId; urgent: boolean }): ExplanationModel {
  try {
    return explainFirstResponseDue(policy, ticket);
  } catch (error) {
    return { error: messageOf(error) };
  }
}

/** What the SLA panel shows, from the policy engine alone (pure: `now` is a parameter). */
export function slaModel(input: SlaModelInput): SlaModel {
  const { policy, ticket } = input;
  if (!policy.guarantees.responseTargets) return { kind: 'no-target', reason: `${policy.name} gives no first-response guarantee.` };
  if (ticket.plan === null || ticket.dueAt === null) return { kind: 'no-target', reason: 'No subscription was active when the ticket was created, so no response target applies.' };
  const now = new Date(input.now).toISOString();
  const status = slaStatus(policy, { dueAt: ticket.dueAt, firstStaffReplyAt: ticket.firstStaffReplyAt, now });
  const explanation = input.explanation ?? explainDue(policy, { createdAt: ticket.createdAt, plan: ticket.plan, urgent: ticket.urgent });
  return {
    kind: 'target',
    dueAt: ticket.dueAt,
    calendarZone: policy.calendar.timeZone,
    status,
    replyQueuedAt: ticket.firstStaffReplyAt === null ? (ticket.localReplyAt ?? null) : null,
    explanation,
    credit: creditModel(input, ticket.dueAt, now),
  };
}

function creditModel(input: SlaModelInput, dueAt: string, now: string): CreditModel {
  const { policy, ticket, subscription } = input;
  if (!policy.guarantees.credits) return { kind: 'not-guaranteed' };
  if (subscription === null) return { kind: 'unknown', reason: 'The subscription is not in the cache yet.' };
  // The price the backend records the credit at: the ticket's plan at the prices of the policy
  // version it runs under (`policy`), not the subscription's price today.
  const monthlyPriceCents = creditPriceCents(policy, ticket, subscription.freeTerm);
  const billing = { monthlyPriceCents, anchor: subscription.anchor, timeZone: subscription.timeZone };
  try {
    const credit = creditForTicket({ ...billing, dueAt, firstStaffReplyAt: ticket.firstStaffReplyAt, now });
    if (credit.status === 'none') return { kind: 'none' };
    if (credit.status === 'accruing') {
      const replyNowCycle = billingCycleAt({ anchor: billing.anchor, timeZone: billing.timeZone, at: now });
      return { kind: 'accruing', cents: credit.cents, latenessMs: credit.latenessMs, dueCycle: credit.cycle, appliesIfRepliedNow: replyNowCycle.end };
    }
    // The backend's recorded credit is the one billed; the engine's figure stands in until it syncs.
    const recorded = input.credits[0];
    return {
      kind: 'owed',
      cents: recorded?.cents ?? credit.cents,
      latenessMs: recorded?.latenessMs ?? credit.latenessMs,
      dueCycle: recorded === undefined ? credit.cycle : { index: credit.cycle.index, start: recorded.cycleStart, end: recorded.cycleEnd },
      appliesAt: recorded?.appliesAt ?? (credit.appliesAt as string),
      recorded: recorded !== undefined,
    };
  } catch (error) {
    return { kind: 'unknown', reason: messageOf(error) };
  }
}

/** running / approaching / breached / met, as the queue colors them. */
export function slaStateOf(status: SlaStatus): 'running' | 'approaching' | 'breached' | 'met' {
  if (status.state === 'running') return status.crossedThresholdsMinutes.length > 0 ? 'approaching' : 'running';
  return status.state;
}
