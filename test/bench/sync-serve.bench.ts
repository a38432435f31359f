import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { createSupportCenter } from '../../src-backend/create-support-center';
import type { Database } from '../../src-backend/db/database';
import { openDatabase } from '../../src-backend/db/open-database';
import { seedDemoData } from '../../src-backend/demo/seed-demo-data';
import { createHttpServer } from '../../src-backend/http/create-http-server';
import { closeHttpServer } from '../../src-backend/http/server-lifecycle';
import { createScratchDatabase, postgresUrl } from '../fixtures/test-databases';
import { startTsWorker } from './ts-worker';
import type { ServeClientRequest, ServeClientResult } from './sync-serve-client';

const TICKETS = 100_000;
const PAGE = 2_000;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] as number;
}

/** The machine is shared: the load average goes next to every figure. */
const load = () => `load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} on this machine`;

/** Runs the benchmark's client in a worker thread and waits for its figures. */
function runClient(request: ServeClientRequest): Promise<ServeClientResult> {
  const worker = startTsWorker(new URL('./sync-serve-client.ts', import.meta.url), request);
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { ok: true; result: ServeClientResult } | { ok: false; error: string }) => {
      void worker.terminate();
      if (message.ok) resolve(message.result);
      else reject(new Error(`the benchmark client failed: ${message.error}`));
    });
    worker.once('error', reject);
  });
}

/**
 * A full first sync of the demo workspace over real HTTP, page by page as a client reads it, the
 * client in a worker thread so that the figures are the server's: changes per second, page latency
 * (request to the last byte of the body), and when the open tickets had all arrived.
 */
async function serveFullSync(label: string, db: Database): Promise<string[]> {
  const key = randomBytes(32);
  const seededAt = process.hrtime.bigint();
  const seeded = await seedDemoData(db, { tickets: TICKETS, loginDetailKey: key, now: new Date('2026-11-20T15:00:00.000Z') });
  const seedSeconds = Number(process.hrtime.bigint() - seededAt) / 1e9;
  const center = await createSupportCenter(db, { loginDetailKey: key, retentionIntervalMs: 0 });
  const server = createHttpServer(center, { logger: { info: () => undefined, warn: () => undefined, error: console.error } });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const loadBefore = load();
  try {
    const result = await runClient({ base, token: seeded.engineerToken, limit: PAGE });
    if (result.invalid.length > 0) throw new Error(`${label}: pages that break the contract: ${result.invalid.slice(0, 5).join('; ')}`);
    const latencies = [...result.latencies].sort((a, b) => a - b);
    return [
      `${label}: seeded ${TICKETS.toLocaleString('en-US')} tickets (${Object.entries(seeded.counts).map(([k, v]) => `${v} ${k}`).join(', ')}) in ${seedSeconds.toFixed(1)} s`,
      `${label}: full first sync over HTTP, ${result.changes.toLocaleString('en-US')} changes in ${latencies.length} pages of ${PAGE}: ` +
        `${Math.round(result.changes / result.seconds).toLocaleString('en-US')} changes/s (target 50,000), page latency p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
        `p95 ${percentile(latencies, 95).toFixed(1)} ms (target < 100 ms), open tickets complete after ${result.openDoneMs.toFixed(0)} ms`,
      `${label}: ${loadBefore} before the sync, ${load()} after it`,
    ];
  } finally {
    await closeHttpServer(server);
    await center.close();
  }
}

export async function benchSyncServe(): Promise<string[]> {
  const lines: string[] = [];
  const embedded = await openDatabase({ dataDir: null });
  try {
    lines.push(...(await serveFullSync('PGlite', embedded)));
  } finally {
    await embedded.close();
  }
  if (postgresUrl === null) {
    lines.push('PostgreSQL: skipped (DATABASE_URL is not set)');
    return lines;
  }
  const scratch = await createScratchDatabase();
  const server = await openDatabase({ databaseUrl: scratch.url });
  try {
    lines.push(...(await serveFullSync('PostgreSQL', server)));
  } finally {
    await server.close();
    await scratch.drop();
  }
  return lines;
}
