import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendClient } from '../../../src-main/services/backend-client';
import { openAgentCache } from '../../../src-renderer/db/cache-database';
import { cacheSnapshot, canonicalHash, type CacheSnapshot } from '../../../src-renderer/db/canonical-hash';
import { enqueueAction } from '../../../src-renderer/db/outbox';
import { AgentHarness } from '../../support/agent-harness';
import { startBackendProcess, type BackendProcess } from '../../support/backend-process';
import { FaultSchedule } from '../../support/fault-menu';
import { Prng, suiteSeed } from '../../support/seeded-prng';
import { describeDiffs, diffSnapshots, rowCounts } from '../../support/snapshot-diff';
import { startFaultProxy, type FaultProxy } from '../../support/tcp-fault-proxy';

/**
 * The backend as its own process (the CLI on a PGlite data folder), killed with SIGKILL in the
 * middle of a sync (after the N-th request through the proxy, sometimes right as an outbox push
 * arrives) and started again on the same port and data; meanwhile the customer portal keeps
 * writing over HTTP whenever the backend is up. The engine must ride it out and end with the
 * cache equal to the backend.
 *
 * "Equal to the backend" is checked against a second cache brought up by a fault-free full sync
 * from the same backend afterwards: the PGlite data folder cannot be opened by this process while
 * the backend process holds it. That reference is as good as the backend's own rows because the
 * in-process fault suite (fault-suite.test.ts) checks the very same fault-free sync against
 * `backendHash` of the database itself.
 */

const SEED = suiteSeed();
const RUNS = 3;
/** PGlite in the data folder even where DATABASE_URL names a shared PostgreSQL server (CI). */
const PGLITE = { DATABASE_URL: '' };

let dataDir: string;
let backend: BackendProcess;
let port: number;
let engineerToken: string;
let adminToken: string;
let proxy: FaultProxy;
/** Called for every request through the proxy while a run is on. */
let onRequest: ((method: string, path: string) => void) | null = null;
let schedule: FaultSchedule | null = null;
let kills = 0;
const restartMs: number[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fault-backend-restart-'));
  backend = await startBackendProcess({ dataDir, seed: 30, env: PGLITE });
  port = backend.port;
  engineerToken = backend.engineerToken;
  adminToken = backend.adminToken;
  proxy = await startFaultProxy(port, (request) => {
    onRequest?.(request.method, request.path);
    return schedule?.next(request).fault ?? { kind: 'pass' };
  });
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await backend?.kill();
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
});

/** SIGKILL, then the same command on the same port and data folder after `downMs`. */
async function killAndRestart(downMs: number): Promise<void> {
  kills++;
  const started = Date.now();
  await backend.kill();
  await sleep(downMs);
  for (let attempt = 0; ; attempt++) {
    try {
      backend = await startBackendProcess({ dataDir, port, env: PGLITE, tokens: { engineerToken, adminToken } });
      restartMs.push(Date.now() - started);
      return;
    } catch (error) {
      // The port may take a moment to be free again after the kill.
      if (attempt >= 5) throw error;
      await sleep(200);
    }
  }
}

/** The customer portal and the vendor, over HTTP with the admin token: a few random writes. */
async function portalWrites(rng: Prng, count: number, known: { accounts: string[]; tickets: string[]; loginDetails: string[] }): Promise<void> {
  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> => {
    const response = await fetch(new URL(path, backend.url), {
      method,
      headers: { authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  };
  for (let i = 0; i < count; i++) {
    const kind = rng.weighted({ ticket: 3, message: 3, loginDetail: 1.5, purge: 1, terminate: known.accounts.length > 6 ? 0.4 : 0 });
    let response: { status: number; text: string };
    if (kind === 'ticket' || known.tickets.length === 0) {
      response = await call('POST', '/v1/portal/tickets', {
        accountId: rng.pick(known.accounts), requesterName: 'Portal Customer', requesterEmail: 'portal@example.test',
        subject: `Portal question ${rng.int(1, 1e9)}`, body: 'It stopped working after the update.', source: 'portal',
      });
      if (response.status === 201) known.tickets.push((JSON.parse(response.text) as { id: string }).id);
    } else if (kind === 'message') {
      response = await call('POST', `/v1/portal/tickets/${rng.pick(known.tickets)}/messages`, { body: `Any news? ${rng.int(1, 1e9)}` });
    } else if (kind === 'loginDetail') {
      response = await call('POST', `/v1/portal/tickets/${rng.pick(known.tickets)}/login-details`, { label: 'Admin panel', secret: 'hunter2' });
      if (response.status === 201) known.loginDetails.push((JSON.parse(response.text) as { id: string }).id);
    } else if (kind === 'purge' && known.loginDetails.length > 0) {
      response = await call('DELETE', `/v1/portal/login-details/${known.loginDetails.pop() as string}`);
    } else {
      const accountId = rng.pick(known.accounts);
      known.accounts = known.accounts.filter((id) => id !== accountId);
      response = await call('POST', `/v1/admin/accounts/${accountId}/terminate`);
    }
    // Refusals the portal is entitled to (a ticket of a terminated account) are fine; a 5xx is not.
    expect(response.status, `${kind}: ${response.text}`).toBeLessThan(500);
  }
}

/** A fault-free full sync into a new cache: the backend's rows as the app sees them. */
async function referenceSnapshot(name: string): Promise<CacheSnapshot> {
  const indexedDB = new IDBFactory();
  const harness = new AgentHarness({
    cacheName: name,
    indexedDB,
    client: () => new BackendClient({ baseUrl: backend.url, token: engineerToken }),
    engine: { pageSize: 500, pollIntervalMs: 0 },
  });
  harness.start();
  await harness.cleanPass();
  await harness.close();
  const cache = openAgentCache(name, { indexedDB, IDBKeyRange });
  try {
    return await cacheSnapshot(cache);
  } finally {
    cache.close();
  }
}

describe(`the backend process killed (SIGKILL) and restarted mid-sync, seed ${SEED} (FAULT_SEED=${SEED} replays it)`, () => {
  const caches = [{ name: 'restart-cache-a', indexedDB: new IDBFactory() }, { name: 'restart-cache-b', indexedDB: new IDBFactory() }];
  const known = { accounts: [] as string[], tickets: [] as string[], loginDetails: [] as string[] };

  it.each(Array.from({ length: RUNS }, (_, i) => i))(
    `run %i: the cache rides out kills of the backend and ends equal to it (seed ${SEED})`,
    async (index) => {
      const rng = new Prng(SEED).fork(`restart-run-${index}`);
      if (index === 0) {
        const first = await referenceSnapshot('restart-scout');
        known.accounts = first.account.filter((a) => a.row.status === 'active').map((a) => a.id);
        known.tickets = first.ticket.map((t) => t.id);
      }
      await portalWrites(rng.fork('before'), rng.int(4, 10), known);

      // Run 0 syncs a fresh cache, run 1 continues it, run 2 starts the other one fresh.
      const target = caches[index === 2 ? 1 : 0] as (typeof caches)[number];
      const harness = new AgentHarness({
        cacheName: target.name,
        indexedDB: target.indexedDB,
        client: () => new BackendClient({ baseUrl: proxy.url, token: engineerToken, timeoutMs: 2_000 }),
        engine: { pageSize: rng.int(5, 15), pushBatchSize: rng.int(1, 3), pollIntervalMs: 0, backoff: { baseMs: 20, maxMs: 250, random: () => rng.next() } },
      });
      if (index === 1) {
        const tickets = (await harness.cache.tickets.orderBy('id').primaryKeys()).map(String);
        for (let k = 0; k < 4; k++) {
          const queued = await enqueueAction(harness.cache, { kind: 'note', ticketId: rng.pick(tickets), body: `Checked the logs (${index}-${k}).`, idempotencyKey: `restart-note-${SEED}-${k}` }, { engineerId: 'eng-1', engineerName: 'Engineer' });
          expect(queued.ok).toBe(true);
        }
      }
      schedule = new FaultSchedule(rng.fork('faults'), { 'cut-in-body': 2, 'answer-lost': 1, refuse: 1 }, rng.int(0, 3), 0.2, { maxResponseBytes: 64 * 1024 * 1024 });

      // Kill after the N-th request of this run (once, sometimes twice), or in run 1 as the outbox push arrives.
      const killAt = new Set(index === 1 ? [] : [rng.int(2, 6), ...(rng.chance(0.3) ? [rng.int(8, 14)] : [])]);
      let requests = 0;
      let killing: Promise<void> = Promise.resolve();
      const writer = rng.fork('between');
      let killOnPush = index === 1;
      onRequest = (method) => {
        requests++;
        const pushArrives = killOnPush && method === 'POST';
        if (!killAt.has(requests) && !pushArrives) return;
        killAt.delete(requests);
        if (pushArrives) killOnPush = false;
        killing = killing.then(async () => {
          await killAndRestart(writer.int(50, 400));
          await portalWrites(writer, writer.int(2, 6), known);
        });
      };
      harness.start();
      try {
        // Until the engine is idle with no kill pending or under way.
        for (;;) {
          await harness.untilIdle(120_000);
          const settled = killing;
          await settled;
          if (settled === killing && harness.engine.status.kind === 'idle') break;
        }
        onRequest = null;
        schedule.enabled = false;
        await harness.cleanPass();
      } finally {
        onRequest = null;
        schedule = null;
        await harness.close();
      }

      const cache = openAgentCache(target.name, { indexedDB: target.indexedDB, IDBKeyRange });
      try {
        const mine = await cacheSnapshot(cache);
        const reference = await referenceSnapshot(`restart-reference-${index}`);
        const context = `run ${index} (FAULT_SEED=${SEED}, ${kills} kills so far, ${requests} requests): ${harness.describe()}`;
        expect(describeDiffs(diffSnapshots(mine, reference)), context).toBe('');
        expect(await canonicalHash(mine), context).toBe(await canonicalHash(reference));
        expect(await cache.outbox.filter((e) => e.status !== 'rejected').count(), context).toBe(0);
        console.info(`restart run ${index}: ${kills} kills so far (restarts took ${restartMs.join(', ')} ms); ${rowCounts(reference)}`);
      } finally {
        cache.close();
      }
    },
    240_000,
  );

  it(`killed the backend at least once per run (seed ${SEED})`, () => {
    expect(kills).toBeGreaterThanOrEqual(RUNS);
  });
});
