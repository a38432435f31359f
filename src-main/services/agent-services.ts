import type { AgentHandlers } from '../../src-shared/ipc/agent-channels';
import type { CacheHandlers } from '../../src-shared/ipc/cache-channels';
import { fail, ok } from '../../src-shared/ipc/result';
import type { ClockSkew, SyncStatus } from '../../src-shared/ipc/sync-status';
import { BackendClient } from './backend-client';
import { listenForChanges } from './change-events';
import { realScheduler, type Scheduler } from './scheduler';
import { SyncEngine } from './sync-engine';

/** Where the backend URL and token are kept between launches (Electron: safeStorage; web mode: a file). */
export interface SessionStore {
  load(): Promise<{ backendUrl: string; token: string } | null>;
  save(session: { backendUrl: string; token: string }): Promise<void>;
}

export interface AgentServicesOptions {
  cache: CacheHandlers;
  sessions: SessionStore;
  scheduler?: Scheduler;
  onStatus?: (status: SyncStatus) => void;
  onClockSkew?: (skew: ClockSkew) => void;
  pollIntervalMs?: number;
}

/**
 * The main-process services behind the renderer's requests, the same in Electron and in the
 * web-mode host: a backend client, the sync engine and the change-event listener for the signed-in
 * session. Signing in again replaces all three.
 */
export class AgentServices {
  private engine: SyncEngine | null = null;
  private client: BackendClient | null = null;
  private events: { close(): void } | null = null;
  private lastSkew: number | null = null;

  constructor(private readonly options: AgentServicesOptions) {}

  async start(): Promise<void> {
    const session = await this.options.sessions.load();
    if (session !== null) this.connect(session);
  }

  stop(): void {
    this.engine?.stop();
    this.events?.close();
  }

  readonly handlers: AgentHandlers = {
    'sync:now': async () => {
      if (this.engine === null) return fail('signed-out', 'no backend is configured: sign in first');
      await this.engine.syncNow();
      return ok(null);
    },
    'sync:status': async () => ok(this.engine?.status ?? { kind: 'unauthorized', message: 'Not signed in.' }),
    'outbox:kick': async () => {
      void this.engine?.syncNow();
      return ok(null);
    },
    'session:sign-in': async (session) => {
      await this.options.sessions.save(session);
      this.connect(session);
      return ok(null);
    },
    'login-details:reveal': async ({ id }) => {
      if (this.client === null) return fail('signed-out', 'no backend is configured: sign in first');
      return this.client.revealLoginDetail(id);
    },
  };

  /** Coming back online and resume from sleep: sync at once instead of waiting for the timer. */
  wake(): void {
    void this.engine?.syncNow();
  }

  private connect(session: { backendUrl: string; token: string }): void {
    this.stop();
    const client = new BackendClient({ baseUrl: session.backendUrl, token: session.token });
    const engine = new SyncEngine({ client, cache: this.options.cache, scheduler: this.options.scheduler ?? realScheduler, pollIntervalMs: this.options.pollIntervalMs });
    engine.onStatus((status) => {
      this.options.onStatus?.(status);
      this.publishSkew(client);
    });
    this.client = client;
    this.engine = engine;
    this.events = listenForChanges({ baseUrl: session.backendUrl, token: session.token, onChanges: () => void engine.syncNow(), scheduler: this.options.scheduler });
    engine.start();
  }

  private publishSkew(client: BackendClient): void {
    const skew = client.skew.current();
    if (skew === null || skew.offsetMs === this.lastSkew) return;
    this.lastSkew = skew.offsetMs;
    this.options.onClockSkew?.(skew);
  }
}
