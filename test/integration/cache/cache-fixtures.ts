import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type {
  AccountRow,
  CreditRow,
  EntityName,
  LoginDetailRow,
  MessageRow,
  SubscriptionRow,
  SyncChange,
  TicketRow,
} from '@shared/contract';
import { openAgentCache, type AgentCache } from '../../../src-renderer/db/cache-database';
import type { SyncBatch } from '../../../src-renderer/db/apply-batch';

/** A fresh cache on its own in-memory IndexedDB, so tests never see each other's rows. */
export function openTestCache(name = 'test-cache'): AgentCache {
  return openAgentCache(name, { indexedDB: new IDBFactory(), IDBKeyRange });
}

let cursorCounter = 0;

export function page(changes: SyncChange[], extra: Partial<SyncBatch> = {}): SyncBatch {
  return { changes, cursor: `cursor-${++cursorCounter}`, phase: 'changes', progress: null, ...extra };
}

type RowOf = { account: AccountRow; subscription: SubscriptionRow; ticket: TicketRow; message: MessageRow; loginDetail: LoginDetailRow; credit: CreditRow };

export function upsert<E extends keyof RowOf>(entity: E, row: RowOf[E], version: number): SyncChange {
  return { op: 'upsert', entity, id: row.id, version, row } as SyncChange;
}

export function remove(entity: EntityName, id: string, version: number): SyncChange {
  return { op: 'delete', entity, id, version };
}

export function purge(accountId: string, version: number): SyncChange {
  return { op: 'purge', accountId, version };
}

export function account(id: string, extra: Partial<AccountRow> = {}): AccountRow {
  return { id, holderName: `Holder ${id}`, holderEmail: `${id}@example.test`, organization: null, status: 'active', ...extra };
}

export function subscription(id: string, accountId: string): SubscriptionRow {
  return {
    id, accountId, policyId: 'plan-sla', initialPlan: 'gold', plan: 'gold', monthlyPriceCents: 14_900,
    anchor: '2026-01-15T14:00:00.000Z', timeZone: 'America/New_York', changes: [], pendingDowngrade: null,
    cancelRequestedAt: null, cancelAt: null, freeTerm: null, entitlementEvents: [], entitlementWindows: [],
  };
}

export function ticket(id: string, extra: Partial<TicketRow> = {}): TicketRow {
  return {
    id, number: Number(id.replace(/\D/g, '') || 1), accountId: 'acc-1', subscriptionId: null, policyId: 'plan-sla', policyVersion: 1,
    requesterName: 'Grace', requesterEmail: 'grace@example.test', subject: `Subject of ${id}`,
    createdAt: '2026-05-01T10:00:00.000Z', urgent: false, source: 'portal', productId: null, productVersion: null,
    status: 'new', assigneeId: null, plan: 'gold', dueAt: '2026-05-01T14:00:00.000Z', firstStaffReplyAt: null,
    slaOutcome: null, categoryId: null, checklistAnswers: {}, eligibility: null, updatedAt: '2026-05-01T10:00:00.000Z',
    ...extra,
  };
}

export function message(id: string, ticketId: string, extra: Partial<MessageRow> = {}): MessageRow {
  return {
    id, ticketId, accountId: 'acc-1', authorKind: 'customer', authorId: null, authorName: 'Grace', public: true,
    body: `Body of ${id}`, createdAt: '2026-05-01T10:00:00.000Z', ...extra,
  };
}

export function loginDetail(id: string, ticketId: string, extra: Partial<LoginDetailRow> = {}): LoginDetailRow {
  return {
    id, ticketId, accountId: 'acc-1', label: 'Admin panel', submittedAt: '2026-05-01T10:00:00.000Z',
    expiresAt: '2026-05-31T10:00:00.000Z', ...extra,
  };
}

export function credit(id: string, ticketId: string, extra: Partial<CreditRow> = {}): CreditRow {
  return {
    id, accountId: 'acc-1', subscriptionId: 'sub-1', ticketId, cents: 500, latenessMs: 60_000,
    dueAt: '2026-05-01T14:00:00.000Z', repliedAt: '2026-05-01T14:01:00.000Z', cycleStart: '2026-04-15T14:00:00.000Z',
    cycleEnd: '2026-05-15T14:00:00.000Z', appliesAt: '2026-05-15T14:00:00.000Z', ...extra,
  };
}

/** Every row of every synced table, for "nothing changed" assertions. */
export async function everything(db: AgentCache): Promise<Record<string, unknown[]>> {
  const names = db.tables.map((t) => t.name).sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await db.table(name).toArray()] as const)));
}
