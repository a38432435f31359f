import 'fake-indexeddb/auto';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-backend/db/database';
import { openPostgres } from '../../../src-backend/db/open-postgres';
import { BackendClient } from '../../../src-main/services/backend-client';
import { listenForChanges } from '../../../src-main/services/change-events';
import { cacheSnapshot } from '../../../src-renderer/db/canonical-hash';
import { enqueueAction } from '../../../src-renderer/db/outbox';
import { createScratchDatabase } from '../../fixtures/test-databases';
import { AgentHarness } from '../../support/agent-harness';
import { startBackendProcess, type BackendProcess } from '../../support/backend-process';
import { backendSnapshot } from '../../support/backend-snapshot';
import { roundRobinFetch, scaleOutSkipReason } from '../../support/scale-out-cluster';
import { describeDiffs, diffSnapshots, rowCounts } from '../../support/snapshot-diff';

/**
 * Two backend processes (the real CLI) on one PostgreSQL database, behind a balancer with
 * affinity: the desktop talks to instance 1 until it stops taking connections. Instance 1 is
 * killed (SIGKILL) in the middle of the desktop's first sync, with its event stream open, while
 * the portal keeps writing through instance 2. The desktop must carry on through instance 2, hear
 * its change events, and end with exactly the server's rows.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(done: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await sleep(20);
  }
}

if (scaleOutSkipReason !== null) console.warn(`failover suite skipped: ${scaleOutSkipReason}`);

describe.skipIf(scaleOutSkipReason !== null)('an instance killed mid-stream', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let db: Database;
  let dataDir: string;
  const processes: BackendProcess[] = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'scale-out-failover-'));
    // Every instance needs the same login-detail key; the data folder only holds nothing else here.
    const env = { DATABASE_URL: scratch.url, LOGIN_DETAILS_KEY: randomBytes(32).toString('base64'), DB_POOL_SIZE: '4' };
    processes.push(await startBackendProcess({ dataDir, seed: 40, env }));
    processes.push(await startBackendProcess({ dataDir, env, tokens: processes[0] }));
    db = await openPostgres(scratch.url, 2);
  }, 120_000);

  afterAll(async () => {
    for (const backend of processes) await backend.kill();
    await db?.close();
    await scratch?.drop();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  });

  it('its desktop fails over to the other instance and loses nothing', async () => {
    const [one, two] = processes as [BackendProcess, BackendProcess];
    const served = new Map<string, number>();
    const fetch = roundRobinFetch(() => [one.url, two.url], (url) => served.set(url, (served.get(url) ?? 0) + 1), { sticky: true });
    const token = one.engineerToken; // issued by instance 1, stored in PostgreSQL: instance 2 knows it too
    let eventsAfterKill = 0;
    let killed = false;
    const harness = new AgentHarness({
      cacheName: 'failover',
      indexedDB: new IDBFactory(),
      client: () => new BackendClient({ baseUrl: 'http://balancer.invalid', token, fetch, timeoutMs: 5_000 }),
      engine: { pageSize: 10, pollIntervalMs: 0, backoff: { baseMs: 50, maxMs: 500, random: () => 0.5 } },
    });
    const events = listenForChanges({
      baseUrl: 'http://balancer.invalid',
      token,
      fetch,
      onChanges: () => {
        if (killed) eventsAfterKill++;
        void harness.engine.syncNow();
      },
    });
    harness.start();

    // The portal writes through instance 2 the whole time.
    const accounts = (await db.query<{ id: string }>("SELECT id FROM accounts WHERE status = 'active' ORDER BY id")).rows.map((r) => r.id);
    let writing = true;
    let written = 0;
    const portal = (async () => {
      while (writing) {
        const response = await globalThis.fetch(`${two.url}/v1/portal/tickets`, {
          method: 'POST',
          headers: { authorization: `Bearer ${two.adminToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ accountId: accounts[written % accounts.length], requesterName: 'Pat', requesterEmail: 'pat@example.test', subject: `Failover ${written}`, body: 'Still broken.' }),
        });
        expect(response.status).toBe(201);
        written++;
        await sleep(40);
      }
    })();

    // Kill instance 1 once the first sync is under way through it (the session check before the
    // first page goes through it too, so requests alone do not say the sync has begun).
    const deadline = Date.now() + 30_000;
    while ((harness.engine.status.kind !== 'syncing' || (served.get(new URL(one.url).origin) ?? 0) < 5) && Date.now() < deadline) await sleep(10);
    expect(harness.engine.status.kind, 'the kill should land mid-sync').toBe('syncing');
    // The engineer acts meanwhile: pushes around the kill may be cut after instance 1 applied them,
    // and are sent again, with the same keys, to instance 2.
    const engineer = (await db.query<{ id: string; name: string }>('SELECT id, name FROM engineers ORDER BY id LIMIT 1')).rows[0]!;
    const act = async (k: number) => {
      await until(async () => (await harness.cache.tickets.count()) > 0);
      const ticketId = String((await harness.cache.tickets.orderBy('id').first())!.id);
      const queued = await enqueueAction(harness.cache, { kind: 'note', ticketId, body: `Failover note ${k}`, idempotencyKey: `failover-note-${k}` }, { engineerId: engineer.id, engineerName: engineer.name });
      expect(queued.ok).toBe(true);
      void harness.engine.syncNow();
    };
    await Promise.all([act(1), act(2)]);
    // The balancer still lists it: connections to it are refused, and it moves on to instance 2.
    await one.kill();
    killed = true;
    await Promise.all([act(3), act(4)]);
    await sleep(2_500);
    writing = false;
    await portal;

    await harness.cleanPass();
    const server = await backendSnapshot(db);
    const cache = await cacheSnapshot(harness.cache);
    events.close();
    await harness.close();
    const diffs = diffSnapshots(cache, server);
    expect(diffs, `${describeDiffs(diffs)}\nserver ${rowCounts(server)}\ncache ${rowCounts(cache)}`).toEqual([]);
    expect(written).toBeGreaterThan(10);
    expect(served.get(new URL(two.url).origin) ?? 0, 'the desktop went on through instance 2').toBeGreaterThan(0);
    expect(eventsAfterKill, 'change events reached the desktop through instance 2').toBeGreaterThan(0);
    // Every action applied exactly once, wherever it landed.
    const notes = await db.query<{ body: string; n: number }>("SELECT body, count(*)::int AS n FROM messages WHERE body LIKE 'Failover note %' GROUP BY body ORDER BY body");
    expect(notes.rows).toEqual([1, 2, 3, 4].map((k) => ({ body: `Failover note ${k}`, n: 1 })));
  }, 120_000);
});
