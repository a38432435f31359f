import type { AgentHandlers } from '@shared/ipc/agent-channels';
import type { ApplyPageRequest, CacheHandlers } from '@shared/ipc/cache-channels';
import { fail, ok } from '@shared/ipc/result';
import type { ClockSkew, SyncStatus } from '@shared/ipc/sync-status';
import type { DeadlineCounts, EngineerSettings, SessionInfo, ShownNotification, Snoozes } from '@shared/ipc/workspace-settings';
import { BackendClient } from './backend-client';
import { listenForChanges } from './change-events';
import { DeadlineNotifier } from './deadline-notifier/deadline-notifier';
import { memoryNotifierStateStore, type NotifierStateStore } from './deadline-notifier/notifier-state';
import { realScheduler, type Scheduler } from './scheduler';
import { checkEngineerSettings, defaultEngineerSettings, memorySettingsStore, type SettingsStore } from './settings-store';
import { SyncEngine, type EnteredWorkspace } from './sync-engine';
import { workspaceNotice } from './workspace-notice';

/** Where the backend URL and token are kept between launches (Electron: safeStorage; web mode: a file). */
export interface SessionStore {
  load(): Promise<{ backendUrl: string; token: string } | null>;
  save(session: { backendUrl: string; token: string }): Promise<void>;
}

export interface AgentServicesOptions {
  cache: CacheHandlers;
  sessions: SessionStore;
  /** The engineer's settings (default: kept in memory only). */
  settings?: SettingsStore;
  /** The deadline notifier's index and what it already notified (default: in memory only). */
  notifierStore?: NotifierStateStore;
  /** The session at start is the embedded demo workspace (labelled "Demo" until the engineer signs in elsewhere). */
  demo?: boolean;
  scheduler?: Scheduler;
  onStatus?: (status: SyncStatus) => void;
  onClockSkew?: (skew: ClockSkew) => void;
  /** A deadline notification to show (Electron: natively; web mode: as the `notifier:show` event). */
  onNotification?: (notification: ShownNotification) => void;
  /** What `session:describe` answers changed (`session:changed`). */
  onSession?: (session: SessionInfo) => void;
  /** Breached and approaching tickets changed (tray/dock badge, `deadlines:counts`). */
  onDeadlineCounts?: (counts: DeadlineCounts) => void;
  /** The snoozes in force changed (`notifier:snoozes-changed`). */
  onSnoozes?: (snoozes: Snoozes) => void;
  pollIntervalMs?: number;
  warn?: (message: string) => void;
}

/** How long `session:describe` waits for the backend to say who is signed in before answering "unknown". */
const DESCRIBE_WAIT_MS = 3_000;

/**
 * The main-process services behind the renderer's requests, the same in Electron and in the
 * web-mode host: a backend client, the sync engine and the change-event listener for the signed-in
 * session (signing in again replaces all three), the engineer's settings and the deadline notifier,
 * which watches every page the cache applies.
 */
export class AgentServices {
  private engine: SyncEngine | null = null;
  private client: BackendClient | null = null;
  private events: { close(): void } | null = null;
  private lastSkew: number | null = null;
  private demo: boolean;
  private engineerId: string | null = null;
  private notice: string | null = null;
  /** Settles when the connected backend has said who the engineer is. */
  private identifying: Promise<void> | null = null;
  private settings: EngineerSettings = defaultEngineerSettings();
  private readonly settingsStore: SettingsStore;
  private readonly scheduler: Scheduler;
  private readonly cache: CacheHandlers;
  readonly notifier: DeadlineNotifier;

  constructor(private readonly options: AgentServicesOptions) {
    this.demo = options.demo ?? false;
    this.scheduler = options.scheduler ?? realScheduler;
    this.settingsStore = options.settings ?? memorySettingsStore();
    this.notifier = new DeadlineNotifier({
      now: () => this.correctedNow(),
      timers: this.scheduler,
      store: options.notifierStore ?? memoryNotifierStateStore(),
      show: (notification) => options.onNotification?.(notification),
      onCounts: (counts) => options.onDeadlineCounts?.(counts),
      onSnoozes: (snoozes) => options.onSnoozes?.(snoozes),
      settings: this.settings,
      warn: options.warn,
    });
    this.cache = { ...options.cache, 'cache:apply-page': (request) => this.applyPage(request) };
  }

  async start(): Promise<void> {
    await this.loadSettings();
    await this.notifier.start();
    const session = await this.options.sessions.load();
    if (session !== null) await this.connect(session);
  }

  /** Resolves once the notifier's last save is on disk: a process that exits sooner leaves a half-written temporary file. */
  async stop(): Promise<void> {
    this.disconnect();
    this.notifier.stop();
    await this.notifier.flushed();
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
      try {
        await this.options.sessions.save(session);
      } catch (error) {
        return fail('storage-error', `the session could not be saved: ${error instanceof Error ? error.message : String(error)}`);
      }
      this.demo = false;
      await this.connect(session);
      return ok(null);
    },
    'session:sign-in-with-code': async ({ backendUrl, code }) => {
      const exchanged = await new BackendClient({ baseUrl: backendUrl, token: '' }).exchangeSignInCode(code);
      if (!exchanged.ok) return exchanged;
      return this.handlers['session:sign-in']({ backendUrl, token: exchanged.value.token });
    },
    'login-details:reveal': async ({ id }) => {
      if (this.client === null) return fail('signed-out', 'no backend is configured: sign in first');
      return this.client.revealLoginDetail(id);
    },
    'session:describe': async () => ok(await this.describe()),
    'settings:get': async () => ok(this.settings),
    'settings:set': async (settings) => {
      const checked = checkEngineerSettings(settings);
      if (!checked.ok) return checked;
      try {
        await this.settingsStore.save(checked.value);
      } catch (error) {
        return fail('storage-error', `the settings could not be saved: ${error instanceof Error ? error.message : String(error)}`);
      }
      this.settings = checked.value;
      this.notifier.configure({ settings: checked.value });
      return ok(null);
    },
    'notifier:snooze': async ({ ticketIds, minutes, until }) => {
      const length = until ?? minutes;
      if (length === undefined) return fail('bad-request', "notifier:snooze: give either minutes or until: 'next-working-hours'");
      return this.notifier.snooze(ticketIds, length);
    },
    'notifier:unsnooze': async ({ ticketIds }) => this.notifier.unsnooze(ticketIds),
    'notifier:snoozes': async () => ok(this.notifier.snoozes),
    // Events carry changes only: a window or tab that just loaded asks for the current counts.
    'deadlines:counts': async () => ok(this.notifier.counts),
  };

  /** Coming back online and resume from sleep: sync at once instead of waiting for the timer. */
  wake(): void {
    void this.engine?.syncNow();
  }

  /** The cache applies the page; only a page it stored is shown to the notifier. */
  private async applyPage(request: ApplyPageRequest): ReturnType<CacheHandlers['cache:apply-page']> {
    const applied = await this.options.cache['cache:apply-page'](request);
    if (applied.ok) await this.notifier.observe(request.page, request.workspace);
    return applied;
  }

  private async loadSettings(): Promise<void> {
    try {
      const saved = await this.settingsStore.load();
      const checked = saved === null ? null : checkEngineerSettings(saved);
      if (checked !== null && !checked.ok) throw new Error(checked.error.message);
      if (checked !== null) this.settings = checked.value;
    } catch (error) {
      (this.options.warn ?? console.warn)(`Using default settings: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.notifier.configure({ settings: this.settings });
  }

  private async describe(): Promise<SessionInfo> {
    if (this.engineerId === null && this.identifying !== null) {
      let timer: unknown;
      await Promise.race([this.identifying, new Promise((resolve) => (timer = this.scheduler.setTimeout(() => resolve(null), DESCRIBE_WAIT_MS)))]);
      this.scheduler.clearTimeout(timer);
    }
    return this.sessionInfo();
  }

  private sessionInfo(): SessionInfo {
    return { backendUrl: this.client?.baseUrl ?? null, demo: this.demo, engineerId: this.engineerId, workspaceNotice: this.notice };
  }

  /**
   * Each sync run starts here, before anything is sent or pulled: the cache holds the backend's
   * workspace (started afresh if it held another), and so does the notifier's index.
   */
  private async enteredWorkspace(client: BackendClient, entered: EnteredWorkspace): Promise<void> {
    if (this.client !== client) return;
    await this.notifier.useWorkspace(entered.workspace);
    const notice = workspaceNotice(entered.switched);
    const known = this.engineerId === entered.whoAmI.engineerId;
    if (known && notice === null) return;
    this.engineerId = entered.whoAmI.engineerId;
    this.notifier.configure({ engineerId: this.engineerId });
    if (notice !== null) this.notice = notice;
    this.options.onSession?.(this.sessionInfo());
  }

  private disconnect(): void {
    this.engine?.stop();
    this.events?.close();
  }

  private async connect(session: { backendUrl: string; token: string }): Promise<void> {
    this.disconnect();
    // The client measures skew against the same clock the notifier corrects.
    const client = new BackendClient({ baseUrl: session.backendUrl, token: session.token, now: () => this.scheduler.now() });
    this.client = client;
    this.engineerId = null;
    this.notice = null;
    this.notifier.configure({ engineerId: null });
    let identified = (): void => undefined;
    this.identifying = new Promise((resolve) => (identified = resolve));
    const engine = new SyncEngine({
      client,
      cache: this.cache,
      scheduler: this.scheduler,
      pollIntervalMs: this.options.pollIntervalMs,
      onWorkspace: (entered) => this.enteredWorkspace(client, entered).finally(identified),
    });
    engine.onStatus((status) => {
      this.options.onStatus?.(status);
      this.publishSkew(client);
    });
    this.engine = engine;
    this.events = listenForChanges({ baseUrl: session.backendUrl, token: session.token, onChanges: () => void engine.syncNow(), scheduler: this.options.scheduler });
    engine.start();
  }

  /** The backend's clock as best known: due instants are the backend's, so deadlines follow its time. */
  private correctedNow(): number {
    return this.scheduler.now() + (this.client?.skew.current()?.offsetMs ?? 0);
  }

  private publishSkew(client: BackendClient): void {
    const skew = client.skew.current();
    if (skew === null || skew.offsetMs === this.lastSkew) return;
    this.lastSkew = skew.offsetMs;
    this.options.onClockSkew?.(skew);
  }
}
