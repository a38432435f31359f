import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { syncPageSchema, type SyncPage } from '../../src-shared/contract/index';
import { createSupportCenter } from '../../src-backend/create-support-center';
import type { Database } from '../../src-backend/db/database';
import { openDatabase } from '../../src-backend/db/open-database';
import { seedDemoData } from '../../src-backend/demo/seed-demo-data';
import { createHttpServer } from '../../src-backend/http/create-http-server';
import { closeHttpServer } from '../../src-backend/http/server-lifecycle';
import { createScratchDatabase, postgresUrl } from '../fixtures/test-databases';

const TICKETS = 100_000;
const PAGE = 2_000;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] as number;
}

/**
 * A full first sync of the demo workspace over real HTTP, page by page as a client reads it
 * (fetch, JSON, contract validation off the clock): changes per second, page latency, and when
 * the last open ticket had arrived.
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
  const latencies: number[] = [];
  let changes = 0;
  let cursor: string | undefined;
  const bodies: unknown[] = [];
  let openDoneMs = 0;
  const started = performance.now();
  for (;;) {
    const pageStart = performance.now();
    const response = await fetch(`${base}/v1/sync?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${seeded.engineerToken}` } });
    const page = (await response.json()) as SyncPage;
    latencies.push(performance.now() - pageStart);
    bodies.push(page);
    changes += page.changes.length;
    if (openDoneMs === 0 && page.phase !== 'initial-open') openDoneMs = performance.now() - started;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const seconds = (performance.now() - started) / 1000;
  // Checked against the contract off the clock: the figure is what the server serves.
  for (const body of bodies) syncPageSchema.parse(body);
  await closeHttpServer(server);
  await center.close();
  latencies.sort((a, b) => a - b);
  return [
    `${label}: seeded ${TICKETS.toLocaleString('en-US')} tickets (${Object.entries(seeded.counts).map(([k, v]) => `${v} ${k}`).join(', ')}) in ${seedSeconds.toFixed(1)} s`,
    `${label}: full first sync over HTTP, ${changes.toLocaleString('en-US')} changes in ${latencies.length} pages of ${PAGE}: ` +
      `${Math.round(changes / seconds).toLocaleString('en-US')} changes/s (target 50,000), page latency p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(latencies, 95).toFixed(1)} ms (target < 100 ms), open tickets complete after ${openDoneMs.toFixed(0)} ms`,
  ];
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
