import { Dexie, type EntityTable, type Table } from 'dexie';
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
  OutboxEntry,
  SyncMeta,
  Tombstone,
} from './cache-rows';

export const DEFAULT_CACHE_NAME = 'support-agent';

/**
 * Schema version 1. A later migration appends `this.version(2).stores({...}).upgrade(...)` in the
 * constructor and never edits this object: Dexie needs every past version to upgrade old caches.
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

/** Where IndexedDB comes from: the browser's globals by default, fake-indexeddb in Node tests. */
export interface IndexedDbBackend {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

/**
 * The renderer's one cache database. Only `applyBatch` (sync) and the outbox functions write to
 * it; components read through the hooks in queries.ts.
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
  meta!: EntityTable<SyncMeta, 'key'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  tombstones!: Table<Tombstone, [string, string]>;

  constructor(name: string = DEFAULT_CACHE_NAME, backend?: IndexedDbBackend) {
    super(name, backend);
    this.version(1).stores(SCHEMA_V1);
  }
}

/** Opens (lazily: Dexie opens on first use) the cache named `name`. */
export function openAgentCache(name: string = DEFAULT_CACHE_NAME, backend?: IndexedDbBackend): AgentCache {
  return new AgentCache(name, backend);
}
