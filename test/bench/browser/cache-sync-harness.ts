import { OPEN_TICKET_STATUSES, type SyncChange } from '@shared/contract';
import type { CacheHandlers } from '@shared/ipc/cache-channels';
import { BackendClient } from '../../../src-main/services/backend-client';
import { DEFAULT_PAGE_SIZE, SyncEngine } from '../../../src-main/services/sync-engine';
import { createCacheHandlers } from '../../../src-renderer/bridge/cache-handlers';
import { applyBatch } from '../../../src-renderer/db/apply-batch';
import { openAgentCache, type AgentCache } from '../../../src-renderer/db/cache-database';
import { ENTITY_TABLES } from '../../../src-renderer/db/cache-rows';
import { queueData } from '../../../src-renderer/db/queue-queries';

/**
 * Runs inside Chromium (bundled by cache-sync.bench.ts): first syncs stopped once the open tickets
 * are queryable, then the app's whole first sync (the sync engine, the backend client and the
 * renderer's cache handlers), each into a fresh Dexie cache; then, from memory, applyBatch and plain
 * Dexie `bulkPut`s of the same pages taking turns, each into its own fresh cache: same page, same
 * run, same disk. Every figure is measured here with `performance.now()`; Node only prints.
 */

export interface CacheSyncRequest {
  backendUrl: string;
  token: string;
  /** Open tickets the backend holds. */
  openTickets: number;
  /** The clock applyBatch uses for login-detail expiry (the seed's `now`). */
  now: string;
  /**
   * Syncs of each kind before the full one, each into a fresh cache and stopped once the open
   * tickets are queryable: one machine's noise around that figure, and the engine with and without
   * its short first pages side by side.
   */
  openRuns: number;
}

/** One sync up to the moment the open tickets were queryable. */
export interface OpenPhaseRun {
  openQueryableMs: number;
  /** First request until the first page reached the cache. */
  firstPageMs: number;
  /** The cache's busy time up to then. */
  applyMs: number;
  /** The queue's own read at the end (it queues behind the page handed over after the open tickets). */
  queueMs: number;
}

export interface OpenPhaseRuns {
  /** The engine as the app runs it; the first runs in a cold browser, the last is the full sync's. */
  app: OpenPhaseRun[];
  /** Every page, the first ones too, at the full page size. */
  wholePages: OpenPhaseRun[];
}

export interface CacheSyncResult {
  pages: number;
  /** Changes received (every one an upsert on a first sync of the demo data). */
  changes: number;
  /** First request to last page committed, the queue check excluded. */
  syncMs: number;
  /** Sum of the applyBatch calls of the network sync (each resolves once its transaction committed). */
  applyMs: number;
  /** First request until the page that completed the open tickets was committed and the queue query returned. */
  openQueryableMs: number | null;
  /** Open tickets in that read (the queue's own, `queueData`). */
  openInQueue: number | null;
  /** Rows and applyBatch time of the pages up to that one: how much of the wait was the cache writing. */
  openPhaseRows: number | null;
  openPhaseApplyMs: number | null;
  /** First request until the page holding the last open ticket row (before their messages) was committed. */
  openRowsMs: number | null;
  /** Rows stored by the sync, per table (counted after it, off the clock). */
  stored: Record<string, number>;
  /**
   * The comparison, page by page from memory, each writer into its own fresh cache, taking turns
   * at going first so both see the same disk and heap: applyBatch, and the baseline, one plain
   * `bulkPut` per table per page (each its own transaction, Dexie's default).
   */
  replayApplyMs: number;
  bulkPutMs: number;
  /** Rows the baseline wrote. */
  bulkPutRows: number;
  openRuns: OpenPhaseRuns;
}

type TableRows = Map<string, Record<string, unknown>[]>;

/** Off the clock: each page's upserts as the rows the cache stores (`{ ...row, _v }`), by table. */
function rowsByTable(changes: readonly SyncChange[]): TableRows {
  const tables: TableRows = new Map();
  for (const change of changes) {
    if (change.op !== 'upsert') continue;
    const table = ENTITY_TABLES[change.entity];
    const rows = tables.get(table) ?? [];
    rows.push({ ...(change.row as Record<string, unknown>), _v: change.version });
    tables.set(table, rows);
  }
  return tables;
}

let fresh = 0;
async function freshCache(label: string): Promise<AgentCache> {
  const db = openAgentCache(`bench-${label}-${Date.now()}-${fresh++}`);
  await db.open();
  return db;
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * The app's own sync path, minus the process hop: the main process's SyncEngine and BackendClient
 * (every page checked against the contract, one page read ahead) feeding the renderer's cache
 * handlers, all in this page.
 */
async function networkSync(request: CacheSyncRequest, db: AgentCache, now: Date, options: { stopWhenOpen?: boolean; firstPageSize?: number } = {}) {
  const handlers = createCacheHandlers(db, () => now);
  const received: SyncChange[][] = [];
  let changes = 0;
  let applyMs = 0;
  let queueMs = 0;
  let openQueryableMs: number | null = null;
  let openInQueue: number | null = null;
  let openPhaseRows: number | null = null;
  let openPhaseApplyMs: number | null = null;
  let openRows = 0;
  let openRowsMs: number | null = null;
  let lastApplyEnded = 0;
  let firstPageMs: number | null = null;
  const timedHandlers: CacheHandlers = {
    ...handlers,
    'cache:apply-page': async (pageRequest) => {
      const { page } = pageRequest;
      const applyStarted = performance.now();
      firstPageMs ??= applyStarted - started;
      const applied = await handlers['cache:apply-page'](pageRequest);
      // The engine hands a page over while the one before it commits: count the time the cache
      // was busy, not the time this page waited behind that one.
      const applyEnded = performance.now();
      applyMs += applyEnded - Math.max(applyStarted, lastApplyEnded);
      lastApplyEnded = applyEnded;
      if (!applied.ok) return applied;
      received.push(page.changes);
      changes += page.changes.length;
      if (openRowsMs === null) {
        openRows += page.changes.filter((c) => c.op === 'upsert' && c.entity === 'ticket' && OPEN_TICKET_STATUSES.includes(c.row.status)).length;
        if (openRows >= request.openTickets) openRowsMs = performance.now() - started;
      }
      // The page whose cursor leaves 'initial-open' carried the last open ticket (or its messages).
      // Decided before the query's await: the next page may commit while this one's query runs.
      if (openPhaseRows === null && page.phase !== 'initial-open') {
        const queryStarted = performance.now();
        openPhaseRows = changes;
        openPhaseApplyMs = applyMs;
        openInQueue = (await queueData(db)).tickets.length;
        openQueryableMs = performance.now() - started;
        queueMs = openQueryableMs - (queryStarted - started);
        if (options.stopWhenOpen === true) engine.stop();
      }
      if (received.length % 50 === 0) console.info(`synced ${received.length} pages, ${changes} rows`);
      return applied;
    },
  };
  const client = new BackendClient({ baseUrl: request.backendUrl, token: request.token, timeoutMs: 120_000 });
  const engine = new SyncEngine({ client, cache: timedHandlers, pollIntervalMs: 0, firstPageSize: options.firstPageSize });
  const started = performance.now();
  engine.start();
  await engine.syncNow();
  const syncMs = performance.now() - started - queueMs;
  engine.stop();
  const status = engine.status;
  if (status.kind !== 'idle') throw new Error(`the sync ended ${status.kind}: ${JSON.stringify(status)}`);
  const open = { firstPageMs, queueMs };
  return { received, open, changes, applyMs, syncMs, openQueryableMs, openInQueue, openPhaseRows, openPhaseApplyMs, openRowsMs };
}

async function storedCounts(db: AgentCache): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of Object.values(ENTITY_TABLES)) counts[table] = await db.table(table).count();
  return counts;
}

/** applyBatch and the plain bulkPut baseline, each into its own fresh cache, timed page by page. */
async function compareWriters(received: readonly SyncChange[][], now: Date) {
  const prepared = received.map(rowsByTable);
  const bulkPutRows = prepared.reduce((sum, page) => sum + [...page.values()].reduce((n, rows) => n + rows.length, 0), 0);
  const applyDb = await freshCache('apply');
  const plainDb = await freshCache('bulkput');
  const apply = (i: number) => timed(async () => void (await applyBatch(applyDb, { changes: received[i] ?? [], cursor: `bench-${i}`, phase: 'initial-history', progress: null }, { now })));
  const bulkPut = (i: number) =>
    timed(async () => {
      for (const [table, rows] of prepared[i] ?? []) await plainDb.table(table).bulkPut(rows);
    });
  let replayApplyMs = 0;
  let bulkPutMs = 0;
  for (let i = 0; i < received.length; i++) {
    if (i % 2 === 0) {
      replayApplyMs += await apply(i);
      bulkPutMs += await bulkPut(i);
    } else {
      bulkPutMs += await bulkPut(i);
      replayApplyMs += await apply(i);
    }
    if ((i + 1) % 50 === 0) console.info(`compared ${i + 1} of ${received.length} pages`);
  }
  return { replayApplyMs, bulkPutMs, bulkPutRows };
}

/** What a sync measured up to its open tickets being queryable; throws when it never got there. */
function openPhaseOf(request: CacheSyncRequest, sync: Awaited<ReturnType<typeof networkSync>>): OpenPhaseRun {
  const { openQueryableMs, openPhaseApplyMs, open, openInQueue } = sync;
  if (openQueryableMs === null || openPhaseApplyMs === null || open.firstPageMs === null) throw new Error('a sync ended before its open tickets were in');
  if (openInQueue !== request.openTickets) throw new Error(`the queue read ${openInQueue} open tickets of ${request.openTickets}`);
  return { openQueryableMs, firstPageMs: open.firstPageMs, applyMs: openPhaseApplyMs, queueMs: open.queueMs };
}

/** One sync into a fresh cache, stopped once its open tickets are queryable. */
async function openPhaseRun(request: CacheSyncRequest, now: Date, firstPageSize: number | undefined): Promise<OpenPhaseRun> {
  const db = await freshCache('open');
  const sync = await networkSync(request, db, now, { stopWhenOpen: true, firstPageSize });
  await db.delete();
  return openPhaseOf(request, sync);
}

/** The app's engine first (a cold browser, as at a first launch), then both kinds taking turns. */
async function openPhaseRuns(request: CacheSyncRequest, now: Date): Promise<OpenPhaseRuns> {
  const runs: OpenPhaseRuns = { app: [], wholePages: [] };
  const app = async () => void runs.app.push(await openPhaseRun(request, now, undefined));
  const whole = async () => void runs.wholePages.push(await openPhaseRun(request, now, DEFAULT_PAGE_SIZE));
  for (let i = 0; i < request.openRuns; i++) {
    for (const next of i % 2 === 0 ? [app, whole] : [whole, app]) await next();
  }
  return runs;
}

async function run(request: CacheSyncRequest): Promise<CacheSyncResult> {
  const now = new Date(request.now);
  const openRuns = await openPhaseRuns(request, now);
  const syncDb = await freshCache('sync');
  const full = await networkSync(request, syncDb, now);
  // The full sync's open tickets are one more sample of the app's engine.
  openRuns.app.push(openPhaseOf(request, full));
  const { received, open: _open, ...sync } = full;
  const stored = await storedCounts(syncDb);
  const compared = await compareWriters(received, now);
  return { pages: received.length, ...sync, stored, ...compared, openRuns };
}

export interface CacheSyncHarness {
  run(request: CacheSyncRequest): Promise<CacheSyncResult>;
}

(globalThis as { cacheSyncHarness?: CacheSyncHarness }).cacheSyncHarness = { run };
