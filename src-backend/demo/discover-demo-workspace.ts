import { MAX_SYNC_LIMIT, OPEN_TICKET_STATUSES, type SyncQuery } from '@shared/contract';
import type { SupportCenter } from '../support-center';
import type { DemoAccount } from './list-demo-accounts';

export interface DemoWorkspace {
  accounts: DemoAccount[];
  openTicketIds: string[];
}

/** Pages are big, and the first sync sends accounts and open tickets before any message. */
const MAX_PAGES = 40;

/**
 * The customers and open tickets of a running support center, read through its own first-sync
 * pages (as the admin), so the live demo needs nothing but the SupportCenter interface. Customers
 * whose subscription has ended by cancellation are left out. Stops at
 * the first message: by then the accounts, subscriptions and open tickets have all been sent.
 */
export async function discoverDemoWorkspace(center: SupportCenter): Promise<DemoWorkspace> {
  const accounts = new Map<string, DemoAccount>();
  const subscribed = new Set<string>();
  const openTicketIds: string[] = [];
  let query: SyncQuery = { limit: MAX_SYNC_LIMIT };
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await center.sync({ role: 'admin', tokenId: 'live-demo' }, query);
    let sawMessage = false;
    for (const change of result.changes) {
      if (change.op !== 'upsert') continue;
      if (change.entity === 'account' && change.row.status === 'active') {
        const { id, holderName, holderEmail, organization } = change.row;
        accounts.set(id, { id, holderName, holderEmail, organization });
      } else if (change.entity === 'subscription') {
        const { cancelAt } = change.row;
        if (cancelAt === null || Date.parse(cancelAt) > Date.now()) subscribed.add(change.row.accountId);
      } else if (change.entity === 'ticket' && OPEN_TICKET_STATUSES.includes(change.row.status)) {
        openTicketIds.push(change.row.id);
      } else if (change.entity === 'message') {
        sawMessage = true;
      }
    }
    if (sawMessage || !result.hasMore || result.phase !== 'initial-open') break;
    query = { cursor: result.cursor, limit: MAX_SYNC_LIMIT };
  }
  const all = [...accounts.values()];
  const withPlan = all.filter((a) => subscribed.has(a.id));
  return { accounts: withPlan.length > 0 ? withPlan : all, openTicketIds };
}
