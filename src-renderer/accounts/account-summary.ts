import type { AccountRow, SubscriptionRow } from '@shared/contract';
import { planAt, type PlanId } from '@shared/policy';

export interface AccountSummary {
  id: string;
  holderName: string;
  holderEmail: string;
  organization: string | null;
  status: AccountRow['status'];
  /** The plan in force now under any of the account's subscriptions (the highest), per the engine. */
  plan: PlanId | null;
}

const PLAN_RANK: Record<PlanId, number> = { silver: 1, gold: 2, platinum: 3 };

/** The plan in force at `at` (ISO): the engine's planAt over each subscription, the highest wins. */
export function currentPlan(subscriptions: readonly SubscriptionRow[], at: string): PlanId | null {
  let best: PlanId | null = null;
  for (const sub of subscriptions) {
    if (Date.parse(at) < Date.parse(sub.anchor)) continue;
    const plan = planAt(sub, at);
    if (plan !== null && (best === null || PLAN_RANK[plan] > PLAN_RANK[best])) best = plan;
  }
  return best;
}

export function summarizeAccounts(
  accounts: readonly AccountRow[],
  subscriptionsByAccount: ReadonlyMap<string, readonly SubscriptionRow[]>,
  at: string,
): AccountSummary[] {
  return accounts.map((a) => ({
    id: a.id,
    holderName: a.holderName,
    holderEmail: a.holderEmail,
    organization: a.organization,
    status: a.status,
    plan: currentPlan(subscriptionsByAccount.get(a.id) ?? [], at),
  }));
}

/** Accounts whose holder, e-mail or organization contains every word typed (case-insensitive). */
export function filterAccounts(accounts: readonly AccountSummary[], text: string): AccountSummary[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...accounts];
  return accounts.filter((a) => {
    const hay = `${a.holderName} ${a.holderEmail} ${a.organization ?? ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
