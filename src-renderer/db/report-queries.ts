import { useLiveQuery } from 'dexie-react-hooks';
import type { AgentCache } from './cache-database';
import { useAgentCache } from './cache-context';
import type { CachedCredit, CachedPolicy, CachedSubscription, CachedTicket } from './cache-rows';

/** What the reports are computed from: all of it from the cache, so reports work offline. */
export interface ReportSources {
  /** Tickets with a due instant (the others carry no guarantee to report on). */
  tickets: CachedTicket[];
  policies: CachedPolicy[];
  credits: CachedCredit[];
  subscriptions: CachedSubscription[];
}

export async function reportSources(db: AgentCache): Promise<ReportSources> {
  return db.transaction('r', [db.tickets, db.policies, db.credits, db.subscriptions], async () => {
    // The dueAt index holds only tickets that have one (null is not an IndexedDB key).
    const [tickets, policies, credits, subscriptions] = await Promise.all([
      db.tickets.orderBy('dueAt').toArray(),
      db.policies.toArray(),
      db.credits.toArray(),
      db.subscriptions.toArray(),
    ]);
    return { tickets, policies, credits, subscriptions };
  });
}

export function useReportSources(): ReportSources | undefined {
  const db = useAgentCache();
  return useLiveQuery(() => reportSources(db), [db]);
}
