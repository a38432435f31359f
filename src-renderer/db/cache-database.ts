import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import { firstPolicyVersion } from '@shared/policy';
import type {
  CachedAccount,
  CachedCredit,
  CachedEngineer,
  CachedLoginDetail,
  CachedMessage,
  CachedPolicy,
  CachedProduct,
  CachedSubscription,
  CachedTicket,
  HeldOutboxEntry,
  MetaRecord,
  OutboxEntry,
  Tombstone,
} from './cache-rows';

export const DEFAULT_CACHE_NAME = 'support-agent';

/**
 * Schema version 1. A migration appends `this.version(n).stores({...})` (with `.upgrade(...)` when
 * rows change) in the constructor and never edits an earlier version: Dexie needs every past
 * version to upgrade old caches.
 */
const SCHEMA_V1 = {
  policies: 'id',
  engineers: 'id',
  accounts: 'id',
  products: 'id',
  subscriptions: 'id, accountId',
  // Null is not a valid IndexedDB key, so tickets without a due instant are absent from the
  // `dueAt` indexes: the queue reads by `status` and sorts in memory (see queries.ts).
  tickets: 'id, status, dueAt, assigneeId, accountId, [status+dueAt], number, updatedAt',
  messages: 'id, ticketId, accountId, [ticketId+createdAt]',
  loginDetails: 'id, ticketId, accountId, expiresAt',
  credits: 'id, accountId, ticketId',
  meta: 'key',
  outbox: '++seq, &idempotencyKey, status, ticketId, createdAt',
  tombstones: '[entity+id]',
} as const;

/**
 * Version 2 drops the indexes nothing reads: tickets by `number` and by `updatedAt`, messages by
 * `ticketId` alone (a prefix of `[ticketId+createdAt]`, which serves every read by ticket). Each
 * index costs every write of its table an index entry; a first sync writes 100k tickets and half
 * a million messages.
 */
const SCHEMA_V2 = {
  tickets: 'id, status, dueAt, assigneeId, accountId, [status+dueAt]',
  messages: 'id, accountId, [ticketId+createdAt]',
} as const;

/**
 * Version 3 records which workspace the cache holds (a `workspace` record in `meta`, no schema
 * change) and adds `heldOutbox`: the unsent actions of a workspace the engineer signed out of,
 * kept until they sign in to it again. A cache upgraded from version 2 has no workspace record:
 * its rows come from an unknown workspace, and the first sync starts it afresh (see use-workspace.ts).
 */
const SCHEMA_V3 = {
  heldOutbox: '++seq, workspaceKey',
} as const;

/**
 * Version 4: policies have versions and each ticket names the one it runs under. Rows cached
 * before get what the backend's migration gave them: the policy as its version 1, in force from
 * the start, and version 1 on every ticket (and on the synced copy kept under optimistic edits).
 */
async function upgradeToPolicyVersions(tx: Transaction): Promise<void> {
  await tx.table<CachedPolicy, string>('policies').toCollection().modify((row) => {
    row.versions ??= [firstPolicyVersion(row.policy)];
  });
  await tx.table<CachedTicket, string>('tickets').toCollection().modify((row) => {
    row.policyVersion ??= 1;
    if (row._server !== undefined) row._server.policyVersion ??= 1;
  });
}

/** Where IndexedDB comes from: the browser's globals by default, fake-indexeddb in Node tests. */
export interface IndexedDbBackend {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

/**
 * The renderer's one cache database. Only `applyBatch` (sync), the outbox functions and
 * `useWorkspace` (a switch of workspace) write to it; components read through the hooks in queries.ts.
 */
export class AgentCache extends Dexie {
  policies!: EntityTable<CachedPolicy, 'id'>;
  engineers!: EntityTable<CachedEngineer, 'id'>;
  accounts!: EntityTable<CachedAccount, 'id'>;
  products!: EntityTable<CachedProduct, 'id'>;
  subscriptions!: EntityTable<CachedSubscription, 'id'>;
  tickets!: EntityTable<CachedTicket, 'id'>;
  messages!: EntityTable<CachedMessage, 'id'>;
  loginDetails!: EntityTable<CachedLoginDetail, 'id'>;
  credits!: EntityTable<CachedCredit, 'id'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  heldOutbox!: EntityTable<HeldOutboxEntry, 'seq'>;
  tombstones!: Table<Tombstone, [string, string]>;

  constructor(name: string = DEFAULT_CACHE_NAME, backend?: IndexedDbBackend) {
    super(name, backend);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores({}).upgrade(upgradeToPolicyVersions);
  }
}

/** Opens (lazily: Dexie opens on first use) the cache named `name`. */
export function openAgentCache(name: string = DEFAULT_CACHE_NAME, backend?: IndexedDbBackend): AgentCache {
  return new AgentCache(name, backend);
}
