import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AgentCache } from './cache-database';
import { useAgentCache } from './cache-context';
import type {
  CachedAccount,
  CachedCredit,
  CachedLoginDetail,
  CachedMessage,
  CachedPolicy,
  CachedSubscription,
  CachedTicket,
  OutboxEntry,
  SyncMeta,
} from './cache-rows';
import { loginDetailExpired } from './login-detail-expiry';

/**
 * Reads of the cache by name. Each hook is a live query over a plain async function, so the
 * function is testable without React. Hooks return `undefined` while loading; single-row reads
 * return `null` for a row not cached.
 */

// ---- plain queries ----

export async function ticketById(db: AgentCache, id: string): Promise<CachedTicket | null> {
  return (await db.tickets.get(id)) ?? null;
}

/** The conversation in order, local (pending) replies and notes included. */
export async function ticketMessages(db: AgentCache, ticketId: string): Promise<CachedMessage[]> {
  return db.messages.where('[ticketId+createdAt]').between([ticketId, Dexie.minKey], [ticketId, Dexie.maxKey]).toArray();
}

export async function accountById(db: AgentCache, id: string): Promise<CachedAccount | null> {
  return (await db.accounts.get(id)) ?? null;
}

export async function subscriptionsOfAccount(db: AgentCache, accountId: string): Promise<CachedSubscription[]> {
  return db.subscriptions.where('accountId').equals(accountId).toArray();
}

export async function policyById(db: AgentCache, id: string): Promise<CachedPolicy | null> {
  return (await db.policies.get(id)) ?? null;
}

/** Login-detail metadata of a ticket, without rows past their deadline even before the expiry job runs. */
export async function loginDetailsOfTicket(db: AgentCache, ticketId: string, now: Date = new Date()): Promise<CachedLoginDetail[]> {
  const rows = await db.loginDetails.where('ticketId').equals(ticketId).toArray();
  return rows.filter((row) => !loginDetailExpired(row, now));
}

export async function creditsOfAccount(db: AgentCache, accountId: string): Promise<CachedCredit[]> {
  return db.credits.where('accountId').equals(accountId).toArray();
}

export interface OutboxState {
  /** Actions not yet confirmed by the server, oldest first. */
  waiting: OutboxEntry[];
  /** Actions the server refused, until the engineer dismisses them. */
  rejected: OutboxEntry[];
}

export async function outboxState(db: AgentCache): Promise<OutboxState> {
  const all = await db.outbox.toArray();
  return {
    waiting: all.filter((e) => e.status === 'pending' || e.status === 'sending'),
    rejected: all.filter((e) => e.status === 'rejected'),
  };
}

export async function syncMeta(db: AgentCache): Promise<SyncMeta | null> {
  const record = await db.meta.get('sync');
  return record?.key === 'sync' ? record : null;
}

// ---- hooks ----

export function useTicketMessages(ticketId: string): CachedMessage[] | undefined {
  const db = useAgentCache();
  return useLiveQuery(() => ticketMessages(db, ticketId), [db, ticketId]);
}

export function useCredits(accountId: string): CachedCredit[] | undefined {
  const db = useAgentCache();
  return useLiveQuery(() => creditsOfAccount(db, accountId), [db, accountId]);
}
