import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncPhase } from '@shared/contract';
import type { SyncStatus } from '@shared/ipc/sync-status';
import type { Database } from '../../../src-backend/db/database';
import { openDatabase } from '../../../src-backend/db/open-database';
import { BackendClient } from '../../../src-main/services/backend-client';
import { SyncEngine } from '../../../src-main/services/sync-engine';
import { createCacheHandlers } from '../../../src-renderer/bridge/cache-handlers';
import { openAgentCache, type AgentCache } from '../../../src-renderer/db/cache-database';
import type { SyncMeta } from '../../../src-renderer/db/cache-rows';
import { cacheSnapshot, canonicalHash } from '../../../src-renderer/db/canonical-hash';
import { enqueueAction, rejectedActions } from '../../../src-renderer/db/outbox';
import { createSmallWorkspace, type SmallWorkspace } from '../../fixtures/small-workspace';
import { backendHash } from '../../support/backend-snapshot';
import { startInProcessBackend } from '../../support/in-process-backend';

/** The main process's sync engine feeding the renderer's Dexie cache, against the real backend over HTTP. */
let db: Database;
let workspace: SmallWorkspace;
let backend: Awaited<ReturnType<typeof startInProcessBackend>>;
let cacheCount = 0;

beforeAll(async () => {
  db = await openDatabase({ dataDir: null });
  workspace = await createSmallWorkspace(db);
  backend = await startInProcessBackend(db, { loginDetailKey: workspace.loginDetailKey });
  for (let i = 0; i < 25; i++) {
    await backend.center.fileTicket({ accountId: i % 2 ? 'acc-gold' : 'acc-plat', requesterName: 'Customer', requesterEmail: 'customer@example.test', subject: `Question ${i}`, body: `Body ${i}`, source: 'email' });
  }
}, 60_000);

afterAll(async () => {
  await backend.close();
  await db.close();
});

function newCache(): AgentCache {
  return openAgentCache(`cache-${++cacheCount}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

function engineFor(cache: AgentCache, token = workspace.tokens.ana, baseUrl = backend.url): { engine: SyncEngine; statuses: SyncStatus[] } {
  const client = new BackendClient({ baseUrl, token, timeoutMs: 2_000 });
  const engine = new SyncEngine({ client, cache: createCacheHandlers(cache), pageSize: 7, pollIntervalMs: 0, backoff: { baseMs: 50, maxMs: 200 } });
  const statuses: SyncStatus[] = [];
  engine.onStatus((s) => statuses.push(s));
  return { engine, statuses };
}

describe('sync engine into the cache', () => {
  it('brings an empty cache to exactly the backend state, page by page with progress', async () => {
    const cache = newCache();
    const { engine, statuses } = engineFor(cache);
    engine.start();
    await engine.syncNow();
    engine.stop();
    expect(await canonicalHash(await cacheSnapshot(cache))).toBe(await backendHash(db));
    expect(statuses.some((s) => s.kind === 'syncing' && s.phase === 'initial-open')).toBe(true);
    expect(statuses.at(-1)?.kind).toBe('idle');
  });

  it('pushes the outbox, applies each action once, and the server answer comes back through sync', async () => {
    const cache = newCache();
    const { engine } = engineFor(cache);
    engine.start();
    await engine.syncNow();
    const ticket = (await cache.tickets.toArray()).find((t) => t.status === 'new');
    expect(ticket).toBeDefined();
    const actor = { engineerId: 'eng-ana', engineerName: 'Ana Silva' };
    await enqueueAction(cache, { kind: 'reply', ticketId: String(ticket?.id), body: 'On it.' }, actor);
    await engine.syncNow();
    await engine.syncNow();
    engine.stop();
    const staff = await db.query("SELECT count(*)::int AS n FROM messages WHERE ticket_id = $1 AND author_kind = 'staff'", [ticket?.id]);
    expect(staff.rows[0]?.n).toBe(1);
    expect(await canonicalHash(await cacheSnapshot(cache))).toBe(await backendHash(db));
    expect(await cache.outbox.count()).toBe(0);
  });

  it('brings a rejected action back to the engineer with the server reason', async () => {
    const cache = newCache();
    const { engine } = engineFor(cache, workspace.tokens.ben);
    engine.start();
    await engine.syncNow();
    const claimedByAna = await db.query<{ id: string }>("SELECT id FROM tickets WHERE assignee_id = 'eng-ana' LIMIT 1");
    await enqueueAction(cache, { kind: 'claim', ticketId: String(claimedByAna.rows[0]?.id) }, { engineerId: 'eng-ben', engineerName: 'Ben Okafor' });
    await engine.syncNow();
    engine.stop();
    const rejected = await rejectedActions(cache);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('already claimed') });
  });

  it('starts a first sync over when the backend refuses the cursor the cache holds (issued before an upgrade)', async () => {
    const cache = newCache();
    const { engine, statuses } = engineFor(cache);
    engine.start();
    await engine.syncNow();
    // A cursor of the days before cursors were signed: well-formed, but not one this backend issued.
    const unsigned = Buffer.from(JSON.stringify({ v: 1, k: 'c', x: '1', s: 0 })).toString('base64url');
    const held: SyncMeta = { ...((await cache.meta.get('sync')) as SyncMeta), cursor: unsigned };
    await cache.meta.put(held);
    await backend.center.fileTicket({ accountId: 'acc-gold', requesterName: 'Customer', requesterEmail: 'customer@example.test', subject: 'After the upgrade', body: 'Hello', source: 'email' });
    await engine.syncNow();
    engine.stop();
    expect(statuses.at(-1)?.kind).toBe('idle');
    expect(await cache.meta.get('sync')).toMatchObject({ cursor: expect.not.stringMatching(unsigned) });
    expect(await canonicalHash(await cacheSnapshot(cache))).toBe(await backendHash(db));
  });

  it('refuses on its own an outbox entry the contract no longer accepts, and sends the others', async () => {
    const cache = newCache();
    const { engine, statuses } = engineFor(cache);
    engine.start();
    await engine.syncNow();
    const ticket = (await cache.tickets.toArray()).find((t) => t.status !== 'closed');
    const ticketId = String(ticket?.id);
    const actor = { engineerId: 'eng-ana', engineerName: 'Ana Silva' };
    // Stored by an earlier version, whose contract let a control character through.
    await cache.outbox.add({ idempotencyKey: 'old-entry-with-nul', mutation: { kind: 'reply', idempotencyKey: 'old-entry-with-nul', ticketId, body: 'Done\u0000' }, ticketId, accountId: null, actor, status: 'pending', createdAt: new Date().toISOString() });
    const later = await enqueueAction(cache, { kind: 'note', ticketId, body: 'Sent after the old one.' }, actor);
    await engine.syncNow();
    engine.stop();
    expect(statuses.at(-1)?.kind).toBe('idle');
    expect(await rejectedActions(cache)).toEqual([expect.objectContaining({ idempotencyKey: 'old-entry-with-nul', error: { code: 'not-sent', message: 'Reply body: must not contain U+0000 (a control character)' } })]);
    const notes = await db.query("SELECT body FROM messages WHERE ticket_id = $1 AND author_kind = 'staff'", [ticketId]);
    expect(notes.rows).toContainEqual({ body: 'Sent after the old one.' });
    expect(later.ok).toBe(true);
  });

  it('stops on a bad token and asks to sign in again instead of retrying', async () => {
    const { engine, statuses } = engineFor(newCache(), 'sa_not-a-real-token');
    engine.start();
    await engine.syncNow();
    engine.stop();
    expect(statuses.at(-1)).toMatchObject({ kind: 'unauthorized' });
  });

  it('reports offline with a retry time when the backend cannot be reached', async () => {
    const { engine, statuses } = engineFor(newCache(), workspace.tokens.ana, 'http://127.0.0.1:9');
    engine.start();
    await engine.syncNow();
    engine.stop();
    expect(statuses.at(-1)).toMatchObject({ kind: 'offline', retryAt: expect.any(String) });
  });

  it('hands the next page over while the cache commits this one, and resumes after a failed commit without a gap', async () => {
    const cache = newCache();
    const client = new BackendClient({ baseUrl: backend.url, token: workspace.tokens.ana, timeoutMs: 2_000 });
    const cursorsAsked: (string | null)[] = [];
    const sync = client.sync.bind(client);
    client.sync = (cursor, limit) => {
      cursorsAsked.push(cursor);
      return sync(cursor, limit);
    };
    const handlers = createCacheHandlers(cache);
    const askedWhenApplying: number[] = [];
    const answers: string[] = [];
    let applies = 0;
    let inFlight = 0;
    let mostInFlight = 0;
    const cacheWithFailure: typeof handlers = {
      ...handlers,
      'cache:apply-page': async (request) => {
        askedWhenApplying.push(cursorsAsked.length);
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        const index = applies++;
        // The third page's commit fails, as a full disk would fail it, after the fourth was handed over.
        const answer =
          index === 2
            ? await new Promise<Awaited<ReturnType<typeof handlers['cache:apply-page']>>>((resolve) =>
                setTimeout(() => resolve({ ok: false, error: { code: 'quota-exceeded', message: 'QuotaExceededError' } }), 50),
              )
            : await handlers['cache:apply-page'](request);
        inFlight--;
        answers[index] = answer.ok ? 'ok' : answer.error.code;
        return answer;
      },
    };
    const engine = new SyncEngine({ client, cache: cacheWithFailure, pageSize: 7, pollIntervalMs: 0, backoff: { baseMs: 10_000, maxMs: 10_000 } });
    const statuses: SyncStatus[] = [];
    engine.onStatus((s) => statuses.push(s));
    engine.start();
    await engine.syncNow();
    expect(statuses.at(-1)).toMatchObject({ kind: 'error', code: 'storage-full' });
    // Every page went to the cache with the next one already asked for, and the one after it
    // with its predecessor still committing: two in the cache's hands at most.
    expect(askedWhenApplying).toEqual([2, 3, 4, 5]);
    expect(mostInFlight).toBe(2);
    // The fourth page continued from the third's cursor, which the cache never held: refused whole.
    expect(answers).toEqual(['ok', 'ok', 'quota-exceeded', 'cursor-moved']);
    const askedBeforeRetry = cursorsAsked.length;
    await engine.syncNow();
    engine.stop();
    // The retry starts from the cursor the cache committed (the second page's), not a read-ahead's.
    expect(cursorsAsked[askedBeforeRetry]).toBe(cursorsAsked[2]);
    expect(statuses.at(-1)?.kind).toBe('idle');
    expect(await canonicalHash(await cacheSnapshot(cache))).toBe(await backendHash(db));
  });

  it('asks again with fewer rows when a page is over the response size limit, and still lands every row', async () => {
    // The largest single-row page this backend serves: pages of 7 rows mostly exceed twice that.
    let largest = 0;
    for (let cursor: string | null = null, more = true; more; ) {
      const url = new URL('/v1/sync?limit=1', backend.url);
      if (cursor !== null) url.searchParams.set('cursor', cursor);
      const response = await fetch(url, { headers: { authorization: `Bearer ${workspace.tokens.ana}` } });
      const text = await response.text();
      largest = Math.max(largest, Buffer.byteLength(text));
      const body = JSON.parse(text) as { cursor: string; hasMore: boolean };
      ({ cursor, hasMore: more } = body);
    }
    const cache = newCache();
    const client = new BackendClient({ baseUrl: backend.url, token: workspace.tokens.ana, timeoutMs: 2_000, maxResponseBytes: 2 * largest });
    const limits: number[] = [];
    const sync = client.sync.bind(client);
    client.sync = (cursor, limit) => {
      limits.push(limit);
      return sync(cursor, limit);
    };
    const engine = new SyncEngine({ client, cache: createCacheHandlers(cache), pageSize: 7, pollIntervalMs: 0, backoff: { baseMs: 50, maxMs: 200 } });
    engine.start();
    await engine.syncNow();
    engine.stop();
    expect(engine.status.kind).toBe('idle');
    expect(limits[0]).toBe(7);
    expect(Math.min(...limits)).toBeLessThan(7);
    expect(await canonicalHash(await cacheSnapshot(cache))).toBe(await backendHash(db));
  });

  it('asks for a short first page, and again for the first page of each phase, and still lands every row', async () => {
    const cache = newCache();
    const client = new BackendClient({ baseUrl: backend.url, token: workspace.tokens.ana, timeoutMs: 2_000 });
    const pages: Array<{ limit: number; phase: SyncPhase }> = [];
    const sync = client.sync.bind(client);
    client.sync = async (cursor, limit) => {
      const page = await sync(cursor, limit);
      if (page.ok) pages.push({ limit, phase: page.value.phase });
      return page;
    };
    const engine = new SyncEngine({ client, cache: createCacheHandlers(cache), pageSize: 7, firstPageSize: 2, pollIntervalMs: 0 });
    // One run (a syncNow during it would ask for another, which starts short again).
    const settled = new Promise<void>((resolve) => engine.onStatus((s) => s.kind !== 'syncing' && resolve()));
    engine.start();
    await settled;
    engine.stop();
    expect(engine.status.kind).toBe('idle');
    // A page names the phase of what follows it, so a page is short when the one before it named a new phase.
    const expected = pages.map((_, i) => (i === 0 || (i >= 2 && pages[i - 1]?.phase !== pages[i - 2]?.phase) ? 2 : 7));
    expect(pages.map((p) => p.limit)).toEqual(expected);
    expect(expected.filter((limit) => limit === 2)).toHaveLength(3);
    expect(await canonicalHash(await cacheSnapshot(cache))).toBe(await backendHash(db));
  });
});
