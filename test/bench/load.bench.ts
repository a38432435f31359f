import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Database } from '../../src-backend/db/database';
import { openPostgres } from '../../src-backend/db/open-postgres';
import { issueToken } from '../../src-backend/domain/workspace-setup';
import { createScratchDatabase, postgresUrl } from '../fixtures/test-databases';
import { startBackendProcess, type BackendProcess } from '../support/backend-process';
import type { DesktopsMessage, DesktopsRequest, SettleMessage } from './load-desktops.worker';
import { startTsWorker } from './ts-worker';

/**
 * The backend under a team's load, on loopback PostgreSQL: two backend processes on one database,
 * CLIENTS desktops each holding a live event stream (half on each instance) and syncing from their
 * cursor whenever an event says there is more, while engineers push RATE mutations a second,
 * round-robin over the instances, for SECONDS. Bounded in count and time. Prints mutation latency,
 * sync latency, and how long a change took to reach the desktops (push to arrival in a sync page).
 */

// LOAD_CLIENTS / LOAD_RATE / LOAD_SECONDS scale a run down for a quick look; the figures that count use the defaults.
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 200);
const RATE = Number(process.env.LOAD_RATE ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const SEED_TICKETS = 300;
const TARGET_P95_MS = 200;

const sleep = (delay: number) => new Promise((resolve) => setTimeout(resolve, delay));
const ms = (value: number) => `${value.toFixed(1)} ms`;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : (sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] as number);
}

export async function benchLoad(): Promise<string[]> {
  if (postgresUrl === null) return ['load: skipped (DATABASE_URL is not set)'];
  const scratch = await createScratchDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'load-bench-'));
  const processes: BackendProcess[] = [];
  const db = await openPostgres(scratch.url, 2);
  try {
    const env = { DATABASE_URL: scratch.url, LOGIN_DETAILS_KEY: randomBytes(32).toString('base64'), DB_POOL_SIZE: '10' };
    processes.push(await startBackendProcess({ dataDir, seed: SEED_TICKETS, env }));
    processes.push(await startBackendProcess({ dataDir, env, tokens: processes[0] }));
    return await run(db, processes);
  } finally {
    for (const backend of processes) await backend.kill();
    await db.close();
    await scratch.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function run(db: Database, instances: BackendProcess[]): Promise<string[]> {
  const engineers = (await db.query<{ id: string }>('SELECT id FROM engineers ORDER BY id')).rows.map((r) => r.id);
  const tokens = await db.transaction(async (tx) => {
    const issued: string[] = [];
    for (const engineerId of engineers) issued.push(await issueToken(tx, { role: 'engineer', engineerId }));
    return issued;
  });
  const tickets = (await db.query<{ id: string }>("SELECT id FROM tickets WHERE status IN ('new', 'open', 'pending') ORDER BY id")).rows.map((r) => r.id);
  const at = (i: number) => ({ base: (instances[i % instances.length] as BackendProcess).url, token: tokens[i % tokens.length] as string });
  const desktops = startDesktops({ targets: Array.from({ length: CLIENTS }, (_, i) => at(i)) });
  try {
    await desktops.ready;
    const failures = new Set<string>();
    const pushed = await pushMutations(tickets, at, failures);
    // Let the last changes reach every desktop, bounded.
    const stats = await desktops.settle({ expected: pushed.latencies.length * CLIENTS, timeoutMs: 10_000 });
    for (const failure of stats.failures) failures.add(failure);
    return report(instances.length, tokens.length, pushed, { ...stats, failures });
  } finally {
    await desktops.worker.terminate();
  }
}

type DesktopStats = Extract<DesktopsMessage, { kind: 'done' }>['stats'];

/** The desktops in a worker thread (see load-desktops.worker.ts): ready once every stream is open. */
function startDesktops(request: DesktopsRequest) {
  const worker = startTsWorker(new URL('./load-desktops.worker.ts', import.meta.url), request);
  const next = () =>
    new Promise<DesktopsMessage>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    }).then((message) => {
      if (message.kind === 'failed') throw new Error(`the desktops failed: ${message.error}`);
      return message;
    });
  return {
    worker,
    ready: next(),
    async settle(message: SettleMessage): Promise<DesktopStats> {
      const done = next();
      worker.postMessage(message);
      return ((await done) as Extract<DesktopsMessage, { kind: 'done' }>).stats;
    },
  };
}

interface Pushed {
  latencies: number[];
  failed: number;
  seconds: number;
}

/** Open loop: the n-th push goes out at n / RATE seconds, however slow the answers are. */
async function pushMutations(tickets: readonly string[], at: (i: number) => { base: string; token: string }, failures: Set<string>): Promise<Pushed> {
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  const total = RATE * SECONDS;
  for (let n = 0; n < total; n++) {
    const wait = started + (n * 1000) / RATE - performance.now();
    if (wait > 0) await sleep(wait);
    const { base, token } = at(n);
    const mutation = { kind: 'note', idempotencyKey: `load-${n}-${randomBytes(4).toString('hex')}`, ticketId: tickets[n % tickets.length], body: `load ${Date.now()}` };
    const sent = performance.now();
    const request = fetch(`${base}/v1/mutations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ mutations: [mutation] }),
    });
    inFlight.push(
      request.then(
        async (response) => {
          await response.text();
          if (response.ok) latencies.push(performance.now() - sent);
          else failures.add(`mutation: HTTP ${response.status}`);
        },
        (error: unknown) => void failures.add(`mutation: ${String((error as { cause?: unknown }).cause ?? error)}`),
      ),
    );
  }
  await Promise.all(inFlight);
  return { latencies, failed: total - latencies.length, seconds: (performance.now() - started) / 1000 };
}

function report(instances: number, engineers: number, pushed: Pushed, stats: Omit<DesktopStats, 'failures'> & { failures: Set<string> }): string[] {
  const p95 = percentile(pushed.latencies, 95);
  const failures = stats.failures.size === 0 ? '' : ` (${[...stats.failures].slice(0, 3).join('; ')})`;
  return [
    `load: ${instances} backend processes on one PostgreSQL, ${CLIENTS} desktops with live event streams (${stats.streamsAtEnd} still open at the end), ` +
      `${engineers} engineers, ${SEED_TICKETS}-ticket demo workspace; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores at the end ` +
      '(the desktops run in a thread of the bench process, on the same cores)',
    `load: ${pushed.latencies.length} mutations in ${pushed.seconds.toFixed(1)} s = ${(pushed.latencies.length / pushed.seconds).toFixed(1)} mutations/s ` +
      `(asked ${RATE}/s), ${pushed.failed} failed; latency p50 ${ms(percentile(pushed.latencies, 50))}, p95 ${ms(p95)} ` +
      `(target < ${TARGET_P95_MS} ms: ${p95 < TARGET_P95_MS ? 'met' : 'NOT met'}), max ${ms(Math.max(...pushed.latencies))}`,
    `load: ${stats.syncMs.length} sync requests after ${stats.events} change events (${(stats.syncMs.length / pushed.seconds).toFixed(0)}/s); ` +
      `latency p50 ${ms(percentile(stats.syncMs, 50))}, p95 ${ms(percentile(stats.syncMs, 95))}${failures}`,
    `load: a pushed change reached the desktops ${stats.arrivalMs.length} of ${pushed.latencies.length * CLIENTS} times; from push to arrival ` +
      `in a sync page p50 ${ms(percentile(stats.arrivalMs, 50))}, p95 ${ms(percentile(stats.arrivalMs, 95))}`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchLoad()) console.log(line);
}
