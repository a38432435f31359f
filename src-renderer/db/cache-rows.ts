import type {
  AccountRow,
  CreditRow,
  EngineerRow,
  EntityName,
  LoginDetailRow,
  MessageRow,
  Mutation,
  PolicyRow,
  ProductRow,
  SubscriptionRow,
  SyncPhase,
  TicketRow,
} from '@shared/contract';
import type { WorkspaceIdentity } from '@shared/ipc/cache-channels';

/**
 * The shapes stored in the cache. A synced row is stored as `{ ...row, _v: version }`: keeping the
 * version on the row lets `applyBatch` compare versions with the one read it already does.
 */

export type Versioned<T> = T & { _v: number };

/**
 * A ticket as the engineer sees it. When outbox actions are still waiting for the server, the row
 * carries their optimistic edits, and `_server` keeps the row as last synced, so a rejection (or a
 * newer server version) can rebuild the row exactly instead of guessing what to undo.
 */
export type CachedTicket = Versioned<TicketRow> & {
  _server?: TicketRow;
  /** When this client posted a reply the server has not confirmed yet (the SLA clock is the server's call). */
  localReplyAt?: string;
};

/** A reply or note typed on this client and not yet confirmed by the server (id `local-<idempotencyKey>`). */
export type LocalMessage = MessageRow & { pending: true; _v: 0 };
export type CachedMessage = Versioned<MessageRow> | LocalMessage;

export type CachedPolicy = Versioned<PolicyRow>;
export type CachedEngineer = Versioned<EngineerRow>;
export type CachedAccount = Versioned<AccountRow>;
export type CachedProduct = Versioned<ProductRow>;
export type CachedSubscription = Versioned<SubscriptionRow>;
export type CachedLoginDetail = Versioned<LoginDetailRow>;
export type CachedCredit = Versioned<CreditRow>;

/**
 * Remembers that a row was deleted (`entity`/`id`) or an account purged (`entity: 'purge'`, `id`:
 * the account), at which version, so an older upsert replayed later cannot bring the row back.
 */
export interface Tombstone {
  entity: EntityName | 'purge';
  id: string;
  version: number;
}

/** Where sync stands. One record (key `sync`), written in the same transaction as each page. */
export interface SyncMeta {
  key: 'sync';
  cursor: string;
  phase: SyncPhase;
  progress: { done: number; total: number } | null;
  /** When this client applied the last page (its own clock). */
  appliedAt: string;
  /** The server's clock when it served the last page, when known. */
  serverTime: string | null;
}

/**
 * Which workspace every row of the cache comes from (key `workspace`), in the same table as the
 * cursor, so a page and the check that it belongs here share one transaction. A cache holding
 * rows without this record comes from a version that did not record it: its workspace is unknown.
 */
export interface WorkspaceMeta extends WorkspaceIdentity {
  key: 'workspace';
  /** When this cache started holding this workspace (the client's clock). */
  since: string;
}

/** The records of the `meta` table. */
export type MetaRecord = SyncMeta | WorkspaceMeta;

/**
 * An unsent action of a workspace the cache no longer holds, kept aside (never sent elsewhere)
 * until the engineer signs in to that workspace again: then it goes back to the outbox.
 */
export interface HeldOutboxEntry {
  seq?: number;
  /** `workspaceKey(workspace)`: what the held entries are looked up by. */
  workspaceKey: string;
  workspace: WorkspaceIdentity;
  entry: Omit<OutboxEntry, 'seq'>;
}

/** One string per workspace identity, for the index of held entries. */
export function workspaceKey(workspace: WorkspaceIdentity): string {
  return JSON.stringify([workspace.workspaceId, workspace.backendUrl]);
}

/**
 * `pending`: waiting to be sent; `sending`: handed to the pusher (sent again after a crash: the
 * idempotency key makes that safe); `applied`: the server accepted it and the ticket version that
 * carries it has not synced yet (its optimistic edit stays until then); `rejected`: the server
 * refused it and its edit is rolled back, kept until the engineer dismisses it.
 */
export type OutboxStatus = 'pending' | 'sending' | 'applied' | 'rejected';

export interface OutboxActor {
  engineerId: string;
  engineerName: string;
}

export interface OutboxEntry {
  /** Auto-increment: the order in which actions were taken, and must be sent. */
  seq?: number;
  idempotencyKey: string;
  mutation: Mutation;
  ticketId: string;
  /** The ticket's account when enqueued, so a purge can settle what it makes moot. */
  accountId: string | null;
  actor: OutboxActor;
  status: OutboxStatus;
  createdAt: string;
  /** Set by `markDone`: the ticket version that carries this action. */
  ticketVersion?: number;
  error?: { code: string; message: string };
}

/** Table names of the synced entities. */
export const ENTITY_TABLES = {
  policy: 'policies',
  engineer: 'engineers',
  account: 'accounts',
  product: 'products',
  subscription: 'subscriptions',
  ticket: 'tickets',
  message: 'messages',
  loginDetail: 'loginDetails',
  credit: 'credits',
} as const satisfies Record<EntityName, string>;

export type EntityTableName = (typeof ENTITY_TABLES)[EntityName];

/** Entities whose rows belong to one account (a purge removes them). */
export const ACCOUNT_OWNED_TABLES = ['subscriptions', 'tickets', 'messages', 'loginDetails', 'credits'] as const satisfies readonly EntityTableName[];
