import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { OPEN_TICKET_STATUSES } from '@shared/contract';
import type { AgentCache } from './cache-database';
import { useAgentCache } from './cache-context';
import { pacedQuerier } from './paced-querier';
import type { CachedEngineer, CachedPolicy, CachedTicket } from './cache-rows';

/**
 * The reads of the app shell, the queue and settings (the shared ones are in queries.ts). Each
 * hook is a live query over a plain async function, testable without React.
 */

export interface QueueData {
  /** Open tickets in storage order; the queue derives and orders its rows itself. */
  tickets: CachedTicket[];
  /** Display name of each account an open ticket belongs to. */
  accountNames: Map<string, string>;
  engineers: CachedEngineer[];
  policies: CachedPolicy[];
}

/**
 * The open tickets and what their rows show. One `equals` read per status rather than `anyOf`:
 * Dexie serves `equals` with one getAll over the index range, while `anyOf` walks a cursor row by
 * row, seconds for 100k rows. Accounts likewise come in one getAll (a per-key bulkGet of 20k
 * accounts is a request each).
 */
export async function queueData(db: AgentCache): Promise<QueueData> {
  return db.transaction('r', [db.tickets, db.accounts, db.engineers, db.policies], async () => {
    const [byStatus, accounts, engineers, policies] = await Promise.all([
      Promise.all(OPEN_TICKET_STATUSES.map((status) => db.tickets.where('status').equals(status).toArray())),
      db.accounts.toArray(),
      db.engineers.toArray(),
      db.policies.toArray(),
    ]);
    const accountNames = new Map<string, string>();
    for (const account of accounts) accountNames.set(account.id, account.organization ?? account.holderName);
    return { tickets: byStatus.flat(), accountNames, engineers, policies };
  });
}

/**
 * The top of the queue, read before the whole of it: the `limit` earliest-due tickets of each open
 * status through the [status+dueAt] index, kept only up to the instant every status is complete
 * to, and only those whose clock still counts (not met). In the default order (breached and
 * running by due instant first) these are exactly the first rows, so the queue can show them
 * while the full read of a large cache is still running.
 */
export async function queueHead(db: AgentCache, limit: number): Promise<QueueData> {
  return db.transaction('r', [db.tickets, db.accounts, db.engineers, db.policies], async () => {
    const byStatus = await Promise.all(
      OPEN_TICKET_STATUSES.map((status) => db.tickets.where('[status+dueAt]').between([status, Dexie.minKey], [status, Dexie.maxKey]).limit(limit).toArray()),
    );
    let cutoff = Infinity;
    for (const rows of byStatus) if (rows.length === limit) cutoff = Math.min(cutoff, Date.parse(rows.at(-1)?.dueAt ?? ''));
    const tickets = byStatus.flat().filter((t) => {
      if (t.dueAt === null || Date.parse(t.dueAt) > cutoff) return false;
      return t.firstStaffReplyAt === null || Date.parse(t.firstStaffReplyAt) > Date.parse(t.dueAt);
    });
    const [accounts, engineers, policies] = await Promise.all([
      db.accounts.bulkGet([...new Set(tickets.map((t) => t.accountId))]),
      db.engineers.toArray(),
      db.policies.toArray(),
    ]);
    const accountNames = new Map<string, string>();
    for (const account of accounts) if (account !== undefined) accountNames.set(account.id, account.organization ?? account.holderName);
    return { tickets, accountNames, engineers, policies };
  });
}

export async function workspacePolicies(db: AgentCache): Promise<CachedPolicy[]> {
  return db.policies.toArray();
}

export async function engineerById(db: AgentCache, id: string): Promise<CachedEngineer | null> {
  return (await db.engineers.get(id)) ?? null;
}

/**
 * `start` false holds the read back (the queue asks for its top first: IndexedDB would queue that
 * behind this one). `minGapMs` paces the re-reads (see paced-querier.ts): the queue asks for it
 * while a first sync writes page after page.
 */
export function useQueueData(start = true, minGapMs = 0): QueueData | undefined {
  const db = useAgentCache();
  const querier = useMemo(() => pacedQuerier(() => queueData(db), minGapMs), [db, minGapMs]);
  return useLiveQuery(() => (start ? querier() : undefined), [querier, start]);
}

/** The top of the queue while `wanted` (the full read has not answered yet); null once not wanted. */
export function useQueueHead(wanted: boolean, limit: number): QueueData | null | undefined {
  const db = useAgentCache();
  return useLiveQuery(() => (wanted ? queueHead(db, limit) : Promise.resolve(null)), [db, wanted, limit]);
}

export function useWorkspacePolicies(): CachedPolicy[] | undefined {
  const db = useAgentCache();
  return useLiveQuery(() => workspacePolicies(db), [db]);
}

export function useEngineer(id: string | null): CachedEngineer | null | undefined {
  const db = useAgentCache();
  return useLiveQuery(() => (id === null ? Promise.resolve(null) : engineerById(db, id)), [db, id]);
}
