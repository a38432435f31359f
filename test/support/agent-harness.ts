import { IDBKeyRange } from 'fake-indexeddb';
import { cacheChannels, type CacheChannel, type CacheHandlers } from '@shared/ipc/cache-channels';
import { fail } from '@shared/ipc/result';
import { RpcEndpoint, type RpcEnvelope } from '@shared/ipc/rpc-endpoint';
import type { SyncStatus } from '@shared/ipc/sync-status';
import type { BackendClient } from '../../src-main/services/backend-client';
import { SyncEngine, type SyncEngineOptions } from '../../src-main/services/sync-engine';
import { createCacheHandlers } from '../../src-renderer/bridge/cache-handlers';
import { openAgentCache, type AgentCache } from '../../src-renderer/db/cache-database';

/**
 * The desktop agent as the fault suites see it: a main process (a SyncEngine with its own
 * BackendClient) and a renderer (a Dexie cache serving the cache channels), talking through the
 * real RpcEndpoint pair over an asynchronous, structured-clone message channel, as over Electron
 * IPC. Both sides can die at chosen points:
 *
 * - the renderer "crashes" while it handles a request: before it commits (nothing written), after
 *   it commits (written, but the answer is lost), or it answers with a storage error; the main
 *   side sees the window go (`abandonAll`, as on `render-process-gone`) and sends to a dead
 *   renderer fail at once (as to a destroyed webContents);
 * - then either the window reloads (a new renderer, a new Dexie connection to the same IndexedDB,
 *   the same engine), or the whole app restarts (`engine.stop()`, a NEW engine, a new renderer).
 *
 * The IndexedDB (a fake-indexeddb factory) outlives them all, as the profile folder does.
 */

export type CrashPoint = 'error-before-commit' | 'crash-before-commit' | 'crash-after-commit';

export interface AgentHarnessOptions {
  /** The IndexedDB database name and the factory that holds it across restarts. */
  cacheName: string;
  indexedDB: IDBFactory;
  /** A fresh BackendClient for each app start. */
  client: () => BackendClient;
  engine: Omit<SyncEngineOptions, 'client' | 'cache'>;
  /** Asked on every cache request the renderer receives: crash here, or not (null). */
  crash?: (channel: CacheChannel) => CrashPoint | null;
  /** After a crash: reload the window or restart the app, and after how long. */
  recover?: () => { restartApp: boolean; delayMs: number };
  /** Records every page applied (phase, size, cursor) in `events`. */
  tracePages?: boolean;
}

interface RendererSide {
  cache: AgentCache;
  endpoint: RpcEndpoint<typeof cacheChannels, Record<string, never>>;
  alive: boolean;
}

interface MainSide {
  engine: SyncEngine;
  endpoint: RpcEndpoint<Record<string, never>, typeof cacheChannels>;
  renderer: RendererSide;
  idleSeen: boolean;
  statuses: SyncStatus[];
  stopped: boolean;
}

const never = new Promise<never>(() => undefined);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class AgentHarness {
  private main: MainSide | null = null;
  private renderer: RendererSide | null = null;
  private pendingRecoveries = 0;
  /** What happened, in order, for failure messages. */
  readonly events: string[] = [];
  readonly counts = { crashes: 0, reloads: 0, appRestarts: 0, errorsInjected: 0 };
  /** The failures the engines reported, by status kind and code (`offline`, `error:timeout`...). */
  readonly failures: Record<string, number> = {};

  constructor(private readonly options: AgentHarnessOptions) {}

  /** The live renderer's cache (the engineer's view); opens a renderer if none is up. */
  get cache(): AgentCache {
    return this.currentRenderer().cache;
  }

  get engine(): SyncEngine {
    if (this.main === null) throw new Error('the app is not running');
    return this.main.engine;
  }

  /** Starts the app (main side and renderer) if it is not running. */
  start(): void {
    if (this.main !== null && !this.main.stopped) return;
    const renderer = this.currentRenderer();
    const main = { renderer, idleSeen: false, statuses: [], stopped: false } as unknown as MainSide;
    const endpoint = new RpcEndpoint<Record<string, never>, typeof cacheChannels>(
      (envelope) => this.toRenderer(main, envelope),
      { channels: {}, handlers: {} },
      cacheChannels,
    );
    const cache = {
      'cache:use-workspace': (r) => endpoint.call('cache:use-workspace', r),
      'cache:read-cursor': (r) => endpoint.call('cache:read-cursor', r),
      'cache:apply-page': (r) => endpoint.call('cache:apply-page', r),
      'outbox:pending': (r) => endpoint.call('outbox:pending', r),
      'outbox:settle': (r) => endpoint.call('outbox:settle', r),
    } satisfies CacheHandlers;
    const engine = new SyncEngine({ ...this.options.engine, client: this.options.client(), cache });
    main.endpoint = endpoint;
    main.engine = engine;
    engine.onStatus((status) => {
      main.statuses.push(status);
      if (status.kind === 'idle') main.idleSeen = true;
      if (status.kind === 'offline' || status.kind === 'error') {
        const key = status.kind === 'error' ? `error:${status.code}` : 'offline';
        this.failures[key] = (this.failures[key] ?? 0) + 1;
      }
    });
    this.main = main;
    engine.start();
  }

  /** The whole app goes down at once (main and renderer) and starts again on the same IndexedDB. */
  restartApp(reason: string): void {
    this.events.push(`app restart (${reason})`);
    this.counts.appRestarts++;
    this.stopApp();
    this.start();
  }

  /** An app restart in `delayMs`, whatever the app is doing then (waited for by untilIdle). */
  scheduleRestart(delayMs: number, reason: string): void {
    this.pendingRecoveries++;
    setTimeout(() => {
      this.pendingRecoveries--;
      if (this.main !== null && !this.main.stopped) this.restartApp(reason);
    }, delayMs);
  }

  /** Waits until the running engine has finished a sync with nothing pending (no recovery under way). */
  async untilIdle(timeoutMs: number): Promise<void> {
    const started = Date.now();
    for (;;) {
      const main = this.main;
      if (main !== null && !main.stopped && this.pendingRecoveries === 0 && main.idleSeen && main.engine.status.kind === 'idle') return;
      if (main?.engine.status.kind === 'unauthorized') throw new Error(`the engine stopped as unauthorized: ${this.describe()}`);
      if (Date.now() - started > timeoutMs) throw new Error(`the engine did not reach idle within ${timeoutMs} ms: ${this.describe()}`);
      await sleep(5);
    }
  }

  /**
   * One more "Sync now" with every fault already off, repeated until it ends idle: a request may
   * still time out on a slow machine, but each attempt resumes from the last committed page.
   */
  async cleanPass(): Promise<void> {
    await this.untilIdle(30_000);
    for (let attempt = 0; attempt < 20; attempt++) {
      await this.engine.syncNow();
      if (this.engine.status.kind === 'idle') return;
      await sleep(20);
    }
    throw new Error(`a sync without faults did not end idle: ${this.describe()}`);
  }

  describe(): string {
    const statuses = (this.main?.statuses ?? []).slice(-6).map((s) => ('code' in s ? `${s.kind}:${s.code}:${s.message}` : s.kind));
    return `status now ${JSON.stringify(this.main?.engine.status)}; last statuses ${JSON.stringify(statuses)}; events ${JSON.stringify(this.events.slice(-40))}`;
  }

  /** Stops everything; the IndexedDB stays. */
  async close(): Promise<void> {
    this.stopApp();
    while (this.pendingRecoveries > 0) await sleep(5);
    this.stopApp();
  }

  private stopApp(): void {
    const main = this.main;
    if (main !== null && !main.stopped) {
      main.stopped = true;
      main.engine.stop();
      main.endpoint.abandonAll('the app quit');
    }
    this.killRenderer();
  }

  private currentRenderer(): RendererSide {
    if (this.renderer?.alive === true) return this.renderer;
    const cache = openAgentCache(this.options.cacheName, { indexedDB: this.options.indexedDB, IDBKeyRange });
    const side: RendererSide = { cache, alive: true, endpoint: null as unknown as RendererSide['endpoint'] };
    const handlers = this.crashable(side, createCacheHandlers(cache));
    side.endpoint = new RpcEndpoint<typeof cacheChannels, Record<string, never>>(
      (envelope) => this.toMain(side, envelope),
      { channels: cacheChannels, handlers },
      {},
    );
    this.renderer = side;
    if (this.main !== null && !this.main.stopped) this.main.renderer = side;
    return side;
  }

  private killRenderer(): void {
    const side = this.renderer;
    if (side === null || !side.alive) return;
    side.alive = false;
    // The process is gone: its IndexedDB connection with it (a transaction in flight commits or aborts whole).
    side.cache.close();
  }

  /** Main to renderer: asynchronous, structured clone; throws to a dead renderer, as webContents.send does once destroyed. */
  private toRenderer(main: MainSide, envelope: RpcEnvelope): void {
    const side = main.renderer;
    if (main.stopped || !side.alive) throw new Error('the renderer is gone');
    const copy = structuredClone(envelope);
    setImmediate(() => {
      if (side.alive && main.renderer === side) void side.endpoint.receive(copy);
    });
  }

  /** Renderer to main: only the main side it was started by hears it, and only while both live. */
  private toMain(side: RendererSide, envelope: RpcEnvelope): void {
    const main = this.main;
    if (!side.alive || main === null || main.stopped || main.renderer !== side) return;
    const copy = structuredClone(envelope);
    setImmediate(() => {
      if (side.alive && !main.stopped) void main.endpoint.receive(copy);
    });
  }

  private crashable(side: RendererSide, inner: CacheHandlers): CacheHandlers {
    const wrap = <C extends CacheChannel>(channel: C): CacheHandlers[C] =>
      (async (request: Parameters<CacheHandlers[C]>[0]) => {
        const point = side.alive ? (this.options.crash?.(channel) ?? null) : null;
        if (point === 'error-before-commit') {
          this.counts.errorsInjected++;
          this.events.push(`${channel}: storage error injected`);
          return fail('storage-error', `injected: ${channel} failed before it committed`);
        }
        if (point === 'crash-before-commit') {
          this.rendererCrashed(side, `${channel}: crash before commit`);
          return never;
        }
        const answer = await (inner[channel] as unknown as (r: typeof request) => Promise<unknown>)(request);
        if (channel === 'cache:apply-page' && this.options.tracePages === true) {
          const { page } = request as { page: { phase: string; changes: unknown[]; cursor: string; hasMore: boolean } };
          const what = (page.changes as { op: string; version: number; entity?: string; id?: string; accountId?: string }[]).map((c) => `${c.version}:${c.op}:${c.entity ?? ''}:${c.id ?? c.accountId}`);
          this.events.push(`applied ${page.phase} n=${page.changes.length} more=${page.hasMore} -> ${Buffer.from(page.cursor.split('.')[0] ?? '', 'base64url').toString('utf8')} ${JSON.stringify(answer)} ${what.join(' ')}`);
        }
        if (point === 'crash-after-commit') {
          this.rendererCrashed(side, `${channel}: crash after commit`);
          return never;
        }
        return answer;
      }) as CacheHandlers[C];
    return {
      'cache:use-workspace': wrap('cache:use-workspace'),
      'cache:read-cursor': wrap('cache:read-cursor'),
      'cache:apply-page': wrap('cache:apply-page'),
      'outbox:pending': wrap('outbox:pending'),
      'outbox:settle': wrap('outbox:settle'),
    };
  }

  private rendererCrashed(side: RendererSide, what: string): void {
    if (!side.alive) return;
    this.counts.crashes++;
    this.events.push(what);
    const main = this.main;
    this.killRenderer();
    // render-process-gone: every call still waiting fails.
    if (main !== null && main.renderer === side) main.endpoint.abandonAll('the renderer crashed');
    const { restartApp, delayMs } = this.options.recover?.() ?? { restartApp: false, delayMs: 0 };
    this.pendingRecoveries++;
    setTimeout(() => {
      this.pendingRecoveries--;
      if (this.main !== main || main === null || main.stopped) return; // the app was restarted meanwhile
      if (restartApp) {
        this.restartApp('after a renderer crash');
      } else {
        this.counts.reloads++;
        this.events.push('window reloaded');
        this.currentRenderer();
      }
    }, delayMs);
  }
}
