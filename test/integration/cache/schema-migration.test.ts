import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { firstPolicyVersion, presets } from '@shared/policy';
import { readCursor } from '../../../src-renderer/db/apply-batch';
import { openAgentCache } from '../../../src-renderer/db/cache-database';
import { ticketMessages } from '../../../src-renderer/db/queries';
import { queueData } from '../../../src-renderer/db/queue-queries';
import { buildQueueRows } from '../../../src-renderer/queue/build-queue-rows';
import { message, ticket } from './cache-fixtures';

/**
 * Version 1's stores exactly as the first release created them. A copy on purpose, not an import of
 * cache-database.ts: an edit there to a shipped version must not silently change what is tested.
 */
const V1_STORES = {
  policies: 'id',
  engineers: 'id',
  accounts: 'id',
  products: 'id',
  subscriptions: 'id, accountId',
  tickets: 'id, status, dueAt, assigneeId, accountId, [status+dueAt], number, updatedAt',
  messages: 'id, ticketId, accountId, [ticketId+createdAt]',
  loginDetails: 'id, ticketId, accountId, expiresAt',
  credits: 'id, accountId, ticketId',
  meta: 'key',
  outbox: '++seq, &idempotencyKey, status, ticketId, createdAt',
  tombstones: '[entity+id]',
};

/** Version 2's changes, copied for the same reason. */
const V2_STORES = {
  tickets: 'id, status, dueAt, assigneeId, accountId, [status+dueAt]',
  messages: 'id, accountId, [ticketId+createdAt]',
};

function indexNames(db: Dexie, table: string): string[] {
  return db.table(table).schema.indexes.map((index) => index.name).sort();
}

describe('cache schema migrations', () => {
  it('opens a version 1 cache at the latest version with every row and the cursor kept, and the unread indexes gone', async () => {
    const backend = { indexedDB: new IDBFactory(), IDBKeyRange };
    const old = new Dexie('support-agent', backend);
    old.version(1).stores(V1_STORES);
    await old.table('tickets').bulkPut([
      { ...ticket('t1', { dueAt: '2026-05-03T10:00:00.000Z' }), _v: 3 },
      { ...ticket('t2', { status: 'solved' }), _v: 4 },
    ]);
    await old.table('messages').bulkPut([
      { ...message('m2', 't1', { createdAt: '2026-05-01T12:00:00.000Z' }), _v: 5 },
      { ...message('m1', 't1', { createdAt: '2026-05-01T11:00:00.000Z' }), _v: 6 },
    ]);
    await old.table('meta').put({ key: 'sync', cursor: 'c-42', phase: 'changes', progress: null, appliedAt: '2026-05-01T00:00:00.000Z', serverTime: null });
    old.close();

    const cache = openAgentCache('support-agent', backend);
    await cache.open();
    expect(cache.verno).toBe(4);
    expect(indexNames(cache, 'tickets')).toEqual(['[status+dueAt]', 'accountId', 'assigneeId', 'dueAt', 'status']);
    expect(indexNames(cache, 'messages')).toEqual(['[ticketId+createdAt]', 'accountId']);
    expect(await readCursor(cache)).toBe('c-42');
    // The queue as the UI reads it, through the kept [status] index: the open ticket, not the solved one.
    expect(buildQueueRows(await queueData(cache)).map((row) => row.id)).toEqual(['t1']);
    expect((await ticketMessages(cache, 't1')).map((m) => m.id)).toEqual(['m1', 'm2']);
    cache.close();
  });

  it('gives rows cached before policy versions what the backend migration gave them: version 1', async () => {
    const backend = { indexedDB: new IDBFactory(), IDBKeyRange };
    const old = new Dexie('support-agent', backend);
    old.version(1).stores(V1_STORES);
    old.version(2).stores(V2_STORES);
    const { policyVersion: _t1, ...before } = ticket('t1');
    const { policyVersion: _t2, ...server } = ticket('t2');
    await old.table('tickets').bulkPut([{ ...before, _v: 3 }, { ...server, subject: 'Edited here', _server: server, _v: 4 }]);
    await old.table('policies').put({ id: 'plan-sla', policy: presets.planSla(), _v: 1 });
    old.close();

    const cache = openAgentCache('support-agent', backend);
    await cache.open();
    expect(cache.verno).toBe(4);
    expect((await cache.tickets.get('t1'))?.policyVersion).toBe(1);
    expect((await cache.tickets.get('t2'))?._server?.policyVersion).toBe(1);
    expect((await cache.policies.get('plan-sla'))?.versions).toEqual([firstPolicyVersion(presets.planSla())]);
    cache.close();
  });
});
