import { Backoff, type BackoffOptions } from '@shared/backoff';
import type { SyncPage, WhoAmI } from '@shared/contract';
import type { CacheHandlers, WorkspaceIdentity, WorkspaceSwitch } from '@shared/ipc/cache-channels';
import { ok, type IpcError, type Result } from '@shared/ipc/result';
import type { SyncStatus } from '@shared/ipc/sync-status';
import type { BackendClient } from './backend-client';
import { realScheduler, type Scheduler } from './scheduler';

export interface SyncEngineOptions {
  client: BackendClient;
  cache: CacheHandlers;
  scheduler?: Scheduler;
  pageSize?: number;
  /** Rows of the first pull of a run and of a phase; the other pulls ask for pageSize. */
  firstPageSize?: number;
  /** A sync now and then even without change events, in case an event was lost. */
  pollIntervalMs?: number;
  backoff?: BackoffOptions;
  /** Outbox entries pushed per request. */
  pushBatchSize?: number;
  /**
   * Called at the start of every run, once the cache holds the backend's workspace and before any
   * action is sent or page pulled: who the engineer is, which workspace, and what the cache did.
   */
  onWorkspace?: (entered: EnteredWorkspace) => Promise<void> | void;
}

export interface EnteredWorkspace {
  whoAmI: WhoAmI;
  workspace: WorkspaceIdentity;
  switched: WorkspaceSwitch;
}

/** Rows per pull; the backend allows up to MAX_SYNC_LIMIT. */
export const DEFAULT_PAGE_SIZE = 2_000;
/**
 * The first page of a run, and the first after the open tickets, are short. A run's first page is
 * the one wait nothing overlaps (the cache idles until it comes); the first history page is what
 * the queue's first read of the open tickets queues behind, as IndexedDB runs transactions on the
 * same tables in the order they were asked for.
 */
export const FIRST_PAGE_SIZE = 200;
/** A guard against a backend that never says "no more": the next run picks up from the cursor. */
const MAX_PAGES_PER_RUN = 100_000;

type Outcome = { ok: true } | { ok: false; error: IpcError };

/**
 * Keeps the cache in step with the backend: pushes the outbox, then pulls pages from the cursor
 * the cache holds and hands each page to the cache, which stores it with the new cursor in one
 * transaction. One run at a time; triggers during a run ask for one more run. Failures back off
 * with jitter; a 401 stops until the engineer signs in again.
 */
export class SyncEngine {
  private current: SyncStatus = { kind: 'idle', lastSyncedAt: null };
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private running: Promise<void> | null = null;
  private again = false;
  private readonly backoff: Backoff;
  private retryTimer: unknown = null;
  private pollTimer: unknown = null;
  private stopped = true;
  private readonly scheduler: Scheduler;
  private whoAmI: WhoAmI | null = null;

  constructor(private readonly options: SyncEngineOptions) {
    this.scheduler = options.scheduler ?? realScheduler;
    this.backoff = new Backoff(options.backoff ?? { baseMs: 1_000, maxMs: 60_000 });
  }

  get status(): SyncStatus {
    return this.current;
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.stopped = false;
    this.schedulePoll();
    void this.syncNow();
  }

  stop(): void {
    this.stopped = true;
    this.scheduler.clearTimeout(this.retryTimer);
    this.scheduler.clearTimeout(this.pollTimer);
  }

  /** "Sync now", a change event, coming back online, resume from sleep: all the same request. */
  syncNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.scheduler.clearTimeout(this.retryTimer);
    if (this.running !== null) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      const outcome = await this.runOnce();
      if (!outcome.ok) return this.failed(outcome.error);
      this.backoff.reset();
      this.publish({ kind: 'idle', lastSyncedAt: new Date(this.scheduler.now()).toISOString() });
    } while (this.again && !this.stopped);
  }

  private async runOnce(): Promise<Outcome> {
    const entered = await this.enterWorkspace();
    if (!entered.ok) return entered;
    // Stopped meanwhile (the engineer signed in elsewhere): this engine has nothing more to do.
    if (entered.value === null) return { ok: true };
    const pushed = await this.pushOutbox(entered.value);
    // A backend that cannot take actions now (its helpdesk is down) still serves what others
    // changed: the actions wait in the outbox, the pages come down, and the failure is reported
    // so the retry with backoff sends them again.
    if (!pushed.ok && pushed.error.code !== 'unavailable') return pushed;
    const cursor = await this.options.cache['cache:read-cursor']({});
    if (!cursor.ok) return { ok: false, error: { code: 'storage-error', message: cursor.error.message } };
    const pulled = await this.pullFrom(cursor.value, entered.value);
    return pulled.ok ? pushed : pulled;
  }

  /**
   * Asks the backend which workspace it is (once per engine: an engine talks to one backend with
   * one token), then has the cache hold that workspace, starting it afresh if it held another. Every
   * run does the second part: the window may have reloaded, or another engine switched the cache.
   */
  private async enterWorkspace(): Promise<Result<WorkspaceIdentity | null>> {
    if (this.whoAmI === null) {
      const me = await this.options.client.whoAmI();
      if (!me.ok) return me;
      this.whoAmI = me.value;
    }
    if (this.stopped) return ok(null);
    const workspace = { workspaceId: this.whoAmI.workspaceId, backendUrl: this.options.client.baseUrl };
    const switched = await this.options.cache['cache:use-workspace']({ workspace });
    if (!switched.ok) return { ok: false, error: storageError(switched.error) };
    await this.options.onWorkspace?.({ whoAmI: this.whoAmI, workspace, switched: switched.value });
    return ok(this.stopped ? null : workspace);
  }

  /**
   * Keeps the backend and the cache busy together: while the cache commits page n, page n+1 is
   * already on its way to the cache (where it is received and checked) and n+2 is being read. The
   * cursor still moves only with committed data: each page goes with the cursor it continues from
   * and the cache refuses it unless it holds exactly that one, so a page handed over behind a
   * failed commit (or a stop) is dropped, and the next run asks for it again from the cursor the
   * cache holds. The first page of the run and of each phase asks for FIRST_PAGE_SIZE rows, the
   * others for the page size. A page over the response size limit (long conversations) is asked
   * for again with half the rows, for the rest of the run. A cursor the backend refuses (issued
   * before an upgrade, or by a backend with another key) starts a first sync over, once per run:
   * its pages continue, for the cache, from the cursor it holds, and versions make the rows it
   * already has harmless.
   */
  private async pullFrom(start: string | null, workspace: WorkspaceIdentity): Promise<Outcome> {
    let cap = this.options.pageSize ?? DEFAULT_PAGE_SIZE;
    const short = () => Math.min(cap, this.options.firstPageSize ?? FIRST_PAGE_SIZE);
    let limit = short();
    let phase: SyncPage['phase'] | null = null;
    let from = start;
    let next = this.options.client.sync(from, limit);
    let committing: Promise<Outcome> = Promise.resolve({ ok: true });
    let startedOver = false;
    for (let pages = 0; pages < MAX_PAGES_PER_RUN && !this.stopped; pages++) {
      const page: Result<SyncPage> = await next;
      if (!page.ok && page.error.code === 'cursor-refused' && !startedOver) {
        startedOver = true;
        next = this.options.client.sync(null, limit);
        continue;
      }
      if (!page.ok && page.error.code === 'too-large' && limit > 1) {
        cap = Math.ceil(limit / 2);
        limit = cap;
        next = this.options.client.sync(from, limit);
        continue;
      }
      if (!page.ok) return firstFailure(await committing, page);
      const after = from;
      from = page.value.cursor;
      // A page names the phase of what follows it: a new name, a new phase.
      limit = phase === null || phase === page.value.phase ? cap : short();
      phase = page.value.phase;
      if (page.value.hasMore) next = this.options.client.sync(from, limit);
      const handedOver = this.commit(page.value, after, workspace);
      const previous = await committing;
      committing = handedOver;
      if (!previous.ok) return firstFailure(previous, await handedOver);
      if (!page.value.hasMore) break;
    }
    return committing;
  }

  /** Hands one page to the cache; settles (never rejects) once the cache committed or refused it. */
  private async commit(page: SyncPage, after: string | null, workspace: WorkspaceIdentity): Promise<Outcome> {
    try {
      const applied = await this.options.cache['cache:apply-page']({ page, after, workspace });
      if (!applied.ok) return { ok: false, error: storageError(applied.error) };
    } catch (error) {
      return { ok: false, error: { code: 'transport', message: `the cache could not be reached: ${error instanceof Error ? error.message : String(error)}` } };
    }
    const progress = page.progress;
    this.publish({ kind: 'syncing', phase: page.phase, done: progress?.done ?? 0, total: progress?.total ?? null });
    return { ok: true };
  }

  /** Sends pending engineer actions; the server's answers settle them in the cache. */
  private async pushOutbox(workspace: WorkspaceIdentity): Promise<Outcome> {
    for (let round = 0; round < 1_000 && !this.stopped; round++) {
      const pending = await this.options.cache['outbox:pending']({ limit: this.options.pushBatchSize ?? 100, workspace });
      if (!pending.ok) return { ok: false, error: storageError(pending.error) };
      if (pending.value.length === 0) return { ok: true };
      const answer = await this.options.client.pushMutations({ mutations: pending.value.map((e) => e.mutation) });
      if (!answer.ok) return answer;
      const settled = await this.options.cache['outbox:settle']({ results: answer.value.results });
      if (!settled.ok) return { ok: false, error: storageError(settled.error) };
    }
    return { ok: true };
  }

  private failed(error: IpcError): void {
    if (error.code === 'unauthorized') {
      this.publish({ kind: 'unauthorized', message: `${error.message}. Sign in again to resume syncing.` });
      return;
    }
    const delay = this.backoff.next();
    const retryAt = new Date(this.scheduler.now() + delay).toISOString();
    if (error.code === 'offline') {
      const since = this.current.kind === 'offline' ? this.current.since : new Date(this.scheduler.now()).toISOString();
      this.publish({ kind: 'offline', since, retryAt });
    } else {
      this.publish({ kind: 'error', code: error.code, message: error.message, retryAt });
    }
    if (!this.stopped) this.retryTimer = this.scheduler.setTimeout(() => void this.syncNow(), delay);
  }

  private schedulePoll(): void {
    const interval = this.options.pollIntervalMs ?? 60_000;
    if (interval <= 0) return;
    this.pollTimer = this.scheduler.setTimeout(() => {
      if (this.stopped) return;
      void this.syncNow();
      this.schedulePoll();
    }, interval);
  }

  private publish(status: SyncStatus): void {
    this.current = status;
    for (const listener of this.listeners) listener(status);
  }
}

/** Of two outcomes in sequence, the first failure: a page refused behind a failed one says nothing new. */
function firstFailure(earlier: Outcome, later: Outcome): Outcome {
  return earlier.ok ? later : earlier;
}

function storageError(error: IpcError): IpcError {
  if (error.code === 'cursor-moved') return { code: 'cursor-moved', message: `The cache moved on while this page was on its way; syncing again from where it stands. ${error.message}` };
  if (error.code === 'workspace-changed') {
    return { code: 'workspace-changed', message: `The cache was switched to another workspace while this was on its way; nothing was mixed. ${error.message}` };
  }
  if (error.code === 'quota-exceeded') {
    return { code: 'storage-full', message: `The disk or the browser storage quota is full, so syncing stopped; nothing was lost. ${error.message}` };
  }
  return { code: 'storage-error', message: error.message };
}
