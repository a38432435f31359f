import { useLiveQuery } from 'dexie-react-hooks';
import type { AgentCache } from './cache-database';
import { useAgentCache } from './cache-context';
import type { CachedAccount, CachedCredit, CachedPolicy, CachedSubscription, CachedTicket } from './cache-rows';

/**
 * The reads of the accounts view. Each hook is a live query over a plain async function,
 * testable without React.
 */

export interface AccountListData {
  accounts: CachedAccount[];
  /** Every cached subscription by account: the list shows each account's current plan. */
  subscriptionsByAccount: Map<string, CachedSubscription[]>;
}

/** All accounts, by holder name, with their subscriptions. */
export async function accountList(db: AgentCache): Promise<AccountListData> {
  return db.transaction('r', [db.accounts, db.subscriptions], async () => {
    const [accounts, subscriptions] = await Promise.all([db.accounts.toArray(), db.subscriptions.toArray()]);
    const subscriptionsByAccount = new Map<string, CachedSubscription[]>();
    for (const sub of subscriptions) {
      const list = subscriptionsByAccount.get(sub.accountId);
      if (list === undefined) subscriptionsByAccount.set(sub.accountId, [sub]);
      else list.push(sub);
    }
    accounts.sort((a, b) => a.holderName.localeCompare(b.holderName) || a.id.localeCompare(b.id));
    return { accounts, subscriptionsByAccount };
  });
}

export interface AccountDetailData {
  account: CachedAccount;
  /** Newest anchor first. */
  subscriptions: CachedSubscription[];
  /** The policies the subscriptions are sold under, by id. */
  policies: Map<string, CachedPolicy>;
  credits: CachedCredit[];
  /** Newest first. */
  tickets: CachedTicket[];
}

/** One account with everything the detail pane shows; null when the account is not cached. */
export async function accountDetail(db: AgentCache, accountId: string): Promise<AccountDetailData | null> {
  return db.transaction('r', [db.accounts, db.subscriptions, db.policies, db.credits, db.tickets], async () => {
    const account = await db.accounts.get(accountId);
    if (account === undefined) return null;
    const [subscriptions, credits, tickets] = await Promise.all([
      db.subscriptions.where('accountId').equals(accountId).toArray(),
      db.credits.where('accountId').equals(accountId).toArray(),
      db.tickets.where('accountId').equals(accountId).toArray(),
    ]);
    const policyRows = await db.policies.bulkGet([...new Set(subscriptions.map((s) => s.policyId))]);
    const policies = new Map<string, CachedPolicy>();
    for (const row of policyRows) if (row !== undefined) policies.set(row.id, row);
    subscriptions.sort((a, b) => b.anchor.localeCompare(a.anchor));
    tickets.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.number - a.number);
    return { account, subscriptions, policies, credits, tickets };
  });
}

export function useAccountList(): AccountListData | undefined {
  const db = useAgentCache();
  return useLiveQuery(() => accountList(db), [db]);
}

export function useAccountDetail(accountId: string | null): AccountDetailData | null | undefined {
  const db = useAgentCache();
  return useLiveQuery(() => (accountId === null ? Promise.resolve(null) : accountDetail(db, accountId)), [db, accountId]);
}
