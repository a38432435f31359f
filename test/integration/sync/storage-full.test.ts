import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncChange } from '@shared/contract';
import type { SyncStatus } from '@shared/ipc/sync-status';
import type { Database } from '../../../src-backend/db/database';
import { openDatabase } from '../../../src-backend/db/open-database';
import { BackendClient } from '../../../src-main/services/backend-client';
import { SyncEngine } from '../../../src-main/services/sync-engine';
import { createCacheHandlers } from '../../../src-renderer/bridge/cache-handlers';
import { readCursor } from '../../../src-renderer/db/apply-batch';
import { openAgentCache } from '../../../src-renderer/db/cache-database';
import { ENTITY_TABLES } from '../../../src-renderer/db/cache-rows';
import { cacheSnapshot, canonicalHash } from '../../../src-renderer/db/canonical-hash';
import { enqueueAction } from '../../../src-renderer/db/outbox';
import { createSmallWorkspace, type SmallWorkspace } from '../../fixtures/small-workspace';
import { backendHash } from '../../support/backend-snapshot';
import { startInProcessBackend } from '../../support/in-process-backend';

/**
 * A full disk, end to end: the real backend over HTTP, the sync engine, and the renderer's Dexie
 * cache on fake-indexeddb whose object stores start refusing writes with a QuotaExceededError
 * at a chosen write, as a browser does when the disk or its storage quota is full.
 */
const quota = { writesLeft: Number.POSITIVE_INFINITY, refused: 0 };
const { put, add } = IDBObjectStore.prototype;

function refuseWhenFull<A extends unknown[], R>(write: (this: IDBObjectStore, ...args: A) => R): (this: IDBObjectStore, ...args: A) => R {
  return function (this: IDBObjectStore, ...args: A): R {
    // The outbox is the engineer's own actions: only the synced data fills this disk.
    if (this.name !== 'outbox' && quota.writesLeft-- <= 0) {
      quota.refused++;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return write.apply(this, args);
  };
}

let db: Database;
let workspace: SmallWorkspace;
let backend: Awaited<ReturnType<typeof startInProcessBackend>>;

beforeAll(async () => {
  IDBObjectStore.prototype.put = refuseWhenFull(put);
  IDBObjectStore.prototype.add = refuseWhenFull(add);
  db = await openDatabase({ dataDir: null });
  workspace = await createSmallWorkspace(db);
  backend = await startInProcessBackend(db, { loginDetailKey: workspace.loginDetailKey });
}, 60_000);

afterAll(async () => {
  IDBObjectStore.prototype.put = put;
  IDBObjectStore.prototype.add = add;
  await backend.close();
  await db.close();
});

function fileTickets(count: number, subject: string): Promise<unknown> {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      backend.center.fileTicket({ accountId: i % 2 ? 'acc-gold' : 'acc-plat', requesterName: 'Customer', requesterEmail: 'customer@example.test', subject: `${subject} ${i}`, body: 'Body', source: 'email' }),
    ),
  );
}

describe('a full disk during sync', () => {
  it('stops with storage-full, keeps the cursor at committed data and the outbox, and completes once space returns', async () => {
    await fileTickets(10, 'Before');
    const cache = openAgentCache('storage-full', { indexedDB: new IDBFactory(), IDBKeyRange });
    const handlers = createCacheHandlers(cache);
    // Which pages the cache committed and which it refused, as the engine handed them over.
    const committed: string[] = [];
    const refused: { code: string; changes: SyncChange[] }[] = [];
    const cacheSide = {
      ...handlers,
      'cache:apply-page': async (request: Parameters<(typeof handlers)['cache:apply-page']>[0]) => {
        const result = await handlers['cache:apply-page'](request);
        if (result.ok) committed.push(request.page.cursor);
        else refused.push({ code: result.error.code, changes: request.page.changes });
        return result;
      },
    };
    const client = new BackendClient({ baseUrl: backend.url, token: workspace.tokens.ana, timeoutMs: 5_000 });
    const engine = new SyncEngine({ client, cache: cacheSide, pageSize: 5, pollIntervalMs: 0, backoff: { baseMs: 60_000, maxMs: 60_000 } });
    const statuses: SyncStatus[] = [];
    engine.onStatus((s) => statuses.push(s));
    engine.start();
    await engine.syncNow();
    expect(statuses.at(-1)?.kind).toBe('idle');

    // New tickets on the server, and an engineer's action waiting in the outbox.
    await fileTickets(12, 'After');
    const ticket = (await cache.tickets.toArray()).find((t) => t.status === 'new' && t.assigneeId === null);
    const enqueued = await enqueueAction(cache, { kind: 'claim', ticketId: String(ticket?.id) }, { engineerId: 'eng-ana', engineerName: 'Ana Silva' });
    expect(enqueued.ok).toBe(true);

    // The disk fills up in the middle of the second page this sync pulls.
    quota.writesLeft = 8;
    const before = committed.length;
    await engine.syncNow();
    const status = engine.status;
    engine.stop();
    expect(status).toMatchObject({ kind: 'error', code: 'storage-full' });
    expect(quota.refused).toBeGreaterThan(0);
    expect(committed.length).toBeGreaterThan(before);
    // The full disk refused one page; the page handed over behind it, if any, was refused for
    // not continuing from the cursor the cache holds.
    expect(refused.map((r) => r.code)).toEqual(refused.length === 1 ? ['quota-exceeded'] : ['quota-exceeded', 'cursor-moved']);
    // The cursor is the last committed page's, and nothing of the refused pages was written.
    expect(await readCursor(cache)).toBe(committed.at(-1));
    for (const change of refused.flatMap((r) => r.changes)) {
      if (change.op !== 'upsert') continue;
      const stored = (await cache.table(ENTITY_TABLES[change.entity]).get(change.id)) as { _v: number } | undefined;
      expect(stored === undefined || stored._v < change.version).toBe(true);
    }
    // The action was pushed and waits for its confirmation; it is still there.
    const outbox = await cache.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ idempotencyKey: enqueued.ok ? enqueued.value.idempotencyKey : '', status: 'applied' });

    // Space returns: the next sync completes, and the cache is the backend exactly.
    quota.writesLeft = Number.POSITIVE_INFINITY;
    engine.start();
    await engine.syncNow();
    engine.stop();
    expect(engine.status.kind).toBe('idle');
    expect(await canonicalHash(await cacheSnapshot(cache))).toBe(await backendHash(db));
    expect(await cache.outbox.count()).toBe(0);
    const claimed = await db.query<{ assignee_id: string }>('SELECT assignee_id FROM tickets WHERE id = $1', [ticket?.id]);
    expect(claimed.rows[0]?.assignee_id).toBe('eng-ana');
  });
});
