import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendClient } from '../../../src-main/services/backend-client';
import { listenForChanges } from '../../../src-main/services/change-events';
import { cacheSnapshot } from '../../../src-renderer/db/canonical-hash';
import { AgentHarness } from '../../support/agent-harness';
import { backendSnapshot } from '../../support/backend-snapshot';
import { RandomBackendWriter } from '../../support/random-backend-writes';
import { roundRobinFetch, scaleOutSkipReason, startCluster, type Cluster } from '../../support/scale-out-cluster';
import { Prng, suiteSeed } from '../../support/seeded-prng';
import { describeDiffs, diffSnapshots, rowCounts } from '../../support/snapshot-diff';
import { call } from '../http/test-server';

/**
 * Two instances on one PostgreSQL database. Writers work through both at once (their own pools,
 * so transactions commit in any order), while syncing desktops (the real SyncEngine and Dexie
 * cache, woken by the real change-event listener) read through a round-robin balancer in front
 * of both. Every desktop must end with exactly the server's rows.
 */

const SEED = suiteSeed();
const WRITERS_PER_INSTANCE = 3;
const WRITES_PER_WRITER = 30;
const CLIENTS = 4;

/** Portal tickets and engineers' notes and claims through one instance's HTTP API. */
async function httpWriter(url: string, index: number, rng: Prng): Promise<void> {
  for (let n = 0; n < WRITES_PER_WRITER; n++) {
    const { rows } = await cluster.db.query<{ id: string }>("SELECT t.id FROM tickets t JOIN accounts a ON a.id = t.account_id WHERE a.status = 'active' ORDER BY t.id");
    const accounts = (await cluster.db.query<{ id: string }>("SELECT id FROM accounts WHERE status = 'active' ORDER BY id")).rows;
    if (rng.chance(0.4) || rows.length === 0) {
      const body = { accountId: rng.pick(accounts).id, requesterName: 'Pat', requesterEmail: 'pat@example.test', subject: `HTTP ${index}-${n}`, body: 'Over HTTP.' };
      const filed = await call(url, 'POST', '/v1/portal/tickets', { token: cluster.tokens.admin, body });
      // A ticket for an account terminated a moment ago is refused; anything else must succeed.
      expect([201, 409]).toContain(filed.status);
      continue;
    }
    const ticketId = rng.pick(rows).id;
    const kind = rng.pick(['note', 'claim', 'unclaim'] as const);
    const mutation = kind === 'note' ? { kind, ticketId, body: `HTTP note ${index}-${n}` } : { kind, ticketId };
    const token = rng.chance(0.5) ? cluster.tokens.ana : cluster.tokens.ben;
    const pushed = await call(url, 'POST', '/v1/mutations', { token, body: { mutations: [{ ...mutation, idempotencyKey: `http-${index}-${n}-${SEED}` }] } });
    expect(pushed.status).toBe(200);
  }
}

if (scaleOutSkipReason !== null) console.warn(`scale-out suite skipped: ${scaleOutSkipReason}`);

let cluster: Cluster;

describe.skipIf(scaleOutSkipReason !== null)(`many writers through two instances, desktops syncing through both (seed ${SEED})`, () => {

  beforeAll(async () => {
    cluster = await startCluster(2);
  }, 60_000);
  afterAll(async () => {
    await cluster?.close();
  });

  it('every desktop ends with exactly the server state', async () => {
    const rng = new Prng(SEED);
    const urls = () => cluster.instances.map((instance) => instance.url);
    const syncsWhileWriting = new Map<string, number>();
    let writing = true;
    const count = (instanceUrl: string, path: string) => {
      if (writing && path === '/v1/sync') syncsWhileWriting.set(instanceUrl, (syncsWhileWriting.get(instanceUrl) ?? 0) + 1);
    };
    const desktops = Array.from({ length: CLIENTS }, (_, i) => {
      const token = i % 2 === 0 ? cluster.tokens.ana : cluster.tokens.ben;
      const fetch = roundRobinFetch(urls, count);
      const harness = new AgentHarness({
        cacheName: `scale-out-${i}`,
        indexedDB: new IDBFactory(),
        client: () => new BackendClient({ baseUrl: 'http://balancer.invalid', token, fetch }),
        engine: { pageSize: rng.int(3, 20), pollIntervalMs: 0, backoff: { baseMs: 20, maxMs: 200, random: () => 0.5 } },
      });
      harness.start();
      const events = listenForChanges({ baseUrl: 'http://balancer.invalid', token, fetch, onChanges: () => void harness.engine.syncNow() });
      return { harness, events };
    });

    const writers = cluster.instances.flatMap((instance, i) =>
      Array.from({ length: WRITERS_PER_INSTANCE }, (_, w) => ({ writer: new RandomBackendWriter(instance.db, instance.center, `i${i}w${w}`), rng: rng.fork(`writer-${i}-${w}`) })),
    );
    await Promise.all([
      ...writers.map(async ({ writer, rng: own }) => {
        await writer.addAccount(own);
        for (let n = 0; n < WRITES_PER_WRITER; n++) await writer.write(own);
      }),
      // And over HTTP, as the portal and the desktops write: through each instance's own API.
      ...cluster.instances.map((instance, i) => httpWriter(instance.url, i, rng.fork(`http-${i}`))),
    ]);

    writing = false;
    // The desktops really read through both instances while the writers were at work.
    for (const instance of cluster.instances) expect(syncsWhileWriting.get(new URL(instance.url).origin) ?? 0).toBeGreaterThan(10);

    const server = await backendSnapshot(cluster.db);
    for (const [i, { harness, events }] of desktops.entries()) {
      await harness.cleanPass();
      const cache = await cacheSnapshot(harness.cache);
      events.close();
      await harness.close();
      const diffs = diffSnapshots(cache, server);
      expect(diffs, `desktop ${i} (seed ${SEED}): ${describeDiffs(diffs)}\nserver ${rowCounts(server)}\ncache ${rowCounts(cache)}`).toEqual([]);
    }
    // The run must have written something worth comparing (terminations delete much of it again).
    const filed = writers.reduce((sum, { writer }) => sum + (writer.done['file-ticket'] ?? 0), 0);
    const acted = writers.reduce((sum, { writer }) => sum + (writer.done['engineer-actions'] ?? 0), 0);
    expect(filed).toBeGreaterThan(20);
    expect(acted).toBeGreaterThan(20);
    expect(server.account.length).toBeGreaterThan(3);
  }, 240_000);
});
