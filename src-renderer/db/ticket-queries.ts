import { useLiveQuery } from 'dexie-react-hooks';
import type { FreeTermUse } from '@shared/policy';
import type { AgentCache } from './cache-database';
import { useAgentCache } from './cache-context';
import type {
  CachedAccount,
  CachedCredit,
  CachedEngineer,
  CachedLoginDetail,
  CachedPolicy,
  CachedProduct,
  CachedSubscription,
  CachedTicket,
  OutboxEntry,
} from './cache-rows';
import { editStillLive } from './optimistic-edits';
import { loginDetailsOfTicket } from './queries';

/**
 * The ticket view's reads (components read through named hooks, not Dexie). Plain async
 * functions behind live-query hooks, like queries.ts.
 */

/** Everything the ticket view's panels derive their figures from, read in one go. */
export interface TicketRecord {
  ticket: CachedTicket;
  account: CachedAccount | null;
  /** The subscription the ticket was filed under, else the account's latest. */
  subscription: CachedSubscription | null;
  policy: CachedPolicy | null;
  product: CachedProduct | null;
  assignee: CachedEngineer | null;
  /** Credits the backend recorded for this ticket's missed guarantee. */
  credits: CachedCredit[];
}

function latestSubscription(subscriptions: CachedSubscription[]): CachedSubscription | null {
  return subscriptions.reduce<CachedSubscription | null>((best, s) => (best === null || s.anchor > best.anchor ? s : best), null);
}

export async function ticketRecord(db: AgentCache, ticketId: string): Promise<TicketRecord | null> {
  const ticket = await db.tickets.get(ticketId);
  if (ticket === undefined) return null;
  const [account, policy, product, assignee, credits, ofAccount] = await Promise.all([
    db.accounts.get(ticket.accountId),
    db.policies.get(ticket.policyId),
    ticket.productId === null ? undefined : db.products.get(ticket.productId),
    ticket.assigneeId === null ? undefined : db.engineers.get(ticket.assigneeId),
    db.credits.where('ticketId').equals(ticketId).toArray(),
    db.subscriptions.where('accountId').equals(ticket.accountId).toArray(),
  ]);
  const filedUnder = ticket.subscriptionId === null ? undefined : ofAccount.find((s) => s.id === ticket.subscriptionId);
  return {
    ticket,
    account: account ?? null,
    subscription: filedUnder ?? latestSubscription(ofAccount),
    policy: policy ?? null,
    product: product ?? null,
    assignee: assignee ?? null,
    credits,
  };
}

/** This ticket's outbox entries, oldest first: what is on its way, and what the server refused. */
export async function ticketOutbox(db: AgentCache, ticketId: string): Promise<OutboxEntry[]> {
  const entries = await db.outbox.where('ticketId').equals(ticketId).toArray();
  return entries.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

/**
 * Login-detail metadata without the rows a purge is on its way for (the optimistic removal: a
 * rejected purge shows the row again, a confirmed one lets the synced delete remove it).
 */
export async function visibleLoginDetails(db: AgentCache, ticketId: string, now: Date): Promise<CachedLoginDetail[]> {
  const [rows, entries] = await Promise.all([loginDetailsOfTicket(db, ticketId, now), ticketOutbox(db, ticketId)]);
  const purging = new Set(
    entries.flatMap((e) => (e.mutation.kind === 'purge-login-detail' && editStillLive(e, Number.NEGATIVE_INFINITY) ? [e.mutation.loginDetailId] : [])),
  );
  return rows.filter((row) => !purging.has(row.id)).sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
}

/**
 * Earlier uses of the free Silver term by other accounts, for the once-per-holder check: only uses
 * that started before this subscription's own (the first use is legitimate, the second is not).
 */
export async function priorFreeTermUses(db: AgentCache, subscription: CachedSubscription): Promise<FreeTermUse[]> {
  const own = subscription.freeTerm;
  if (own === null) return [];
  const others = await db.subscriptions.filter((s) => s.freeTerm !== null && s.accountId !== subscription.accountId && s.freeTerm.startedAt < own.startedAt).toArray();
  const accounts = await db.accounts.bulkGet(others.map((s) => s.accountId));
  return others.flatMap((s, i) => {
    const account = accounts[i];
    if (account === undefined || s.freeTerm === null) return [];
    return [{ accountId: account.id, holderEmail: account.holderEmail, organization: account.organization, usedAt: s.freeTerm.startedAt }];
  });
}

export async function engineerById(db: AgentCache, id: string): Promise<CachedEngineer | null> {
  return (await db.engineers.get(id)) ?? null;
}

// ---- hooks ----

export function useTicketRecord(ticketId: string): TicketRecord | null | undefined {
  const db = useAgentCache();
  return useLiveQuery(() => ticketRecord(db, ticketId), [db, ticketId]);
}

export function useTicketOutbox(ticketId: string): OutboxEntry[] | undefined {
  const db = useAgentCache();
  return useLiveQuery(() => ticketOutbox(db, ticketId), [db, ticketId]);
}

/** `now` comes from the shared clock tick, so rows vanish at their 30-day deadline on screen too. */
export function useVisibleLoginDetails(ticketId: string, now: number): CachedLoginDetail[] | undefined {
  const db = useAgentCache();
  return useLiveQuery(() => visibleLoginDetails(db, ticketId, new Date(now)), [db, ticketId, now]);
}

export function usePriorFreeTermUses(subscription: CachedSubscription | null): FreeTermUse[] | undefined {
  const db = useAgentCache();
  return useLiveQuery(() => (subscription === null ? [] : priorFreeTermUses(db, subscription)), [db, subscription]);
}

export function useEngineer(id: string | null): CachedEngineer | null | undefined {
  const db = useAgentCache();
  return useLiveQuery(() => (id === null ? null : engineerById(db, id)), [db, id]);
}
