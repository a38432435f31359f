import type { SyncPage } from '@shared/contract';
import type { WorkspaceIdentity } from '@shared/ipc/cache-channels';
import { fail, ok, type Result } from '@shared/ipc/result';
import { MAX_SNOOZED_TICKETS, type DeadlineCounts, type EngineerSettings, type ShownNotification, type Snoozes } from '@shared/ipc/workspace-settings';
import type { Scheduler } from '../scheduler';
import { composeNotification } from './compose-notification';
import { evaluateDeadlines, type NotifierRules } from './evaluate-deadlines';
import { emptyNotifierIndex, indexIsOf, MAX_KNOWN_WORKSPACES, type NotifierIndex, type NotifierStateStore } from './notifier-state';
import { observePage } from './observe-page';
import { snoozeEnd, snoozesInForce, type SnoozeLength } from './snoozes';

export interface DeadlineNotifierOptions {
  /** The backend's time as this machine best knows it (skew-corrected), in ms. */
  now: () => number;
  timers: Pick<Scheduler, 'setTimeout' | 'clearTimeout'>;
  store: NotifierStateStore;
  /** Shows one notification (Electron: native; web mode: forwarded to the browser). */
  show: (notification: ShownNotification) => void;
  onCounts?: (counts: DeadlineCounts) => void;
  /** The snoozes in force changed: snoozed, lifted, ended, or their ticket no longer has a running deadline. */
  onSnoozes?: (snoozes: Snoozes) => void;
  settings: EngineerSettings;
  /** Approach alerts this close to their moment join a burst firing now (default 2 minutes). */
  lookaheadMs?: number;
  /** Looks again at least this often, so a clock jump or a sleep cannot stretch a wait (default 1 minute). */
  maxSleepMs?: number;
  warn?: (message: string) => void;
}

/**
 * Desktop notifications from the due instants of open tickets. Pure core, thin shell: time,
 * timers, storage and the "show" function are parameters; the rules live in evaluateDeadlines.
 * Every change of state is queued for saving the moment it happens (in order, one write at a time),
 * so a restart neither repeats nor loses a notification.
 */
export class DeadlineNotifier {
  /** The index of the workspace signed in to (its tickets, policies, snoozes). */
  private state: NotifierIndex = emptyNotifierIndex();
  /** The indexes of the last workspaces signed out of, most recent first. */
  private others: NotifierIndex[] = [];
  private rules: NotifierRules;
  private timer: unknown = null;
  private ready: Promise<void> | null = null;
  private stopped = false;
  private saving: Promise<void> = Promise.resolve();
  private lastCounts: DeadlineCounts | null = null;
  private lastSnoozes = '';

  constructor(private readonly options: DeadlineNotifierOptions) {
    this.rules = { settings: options.settings, engineerId: null, lookaheadMs: options.lookaheadMs ?? 120_000 };
  }

  /** Loads the saved state and looks at once (catching up on what passed while the app was closed). */
  start(): Promise<void> {
    this.stopped = false;
    this.ready ??= this.options.store.load().then((saved) => {
      if (saved === null) return;
      this.state = saved.current;
      this.others = saved.others;
    });
    return this.ready.then(() => this.evaluate());
  }

  stop(): void {
    this.stopped = true;
    this.options.timers.clearTimeout(this.timer);
  }

  get counts(): DeadlineCounts {
    return this.lastCounts ?? { breached: 0, approaching: 0 };
  }

  /** Waits until every change so far is on disk. */
  flushed(): Promise<void> {
    return this.saving;
  }

  configure(change: { settings?: EngineerSettings; engineerId?: string | null }): void {
    this.rules = { ...this.rules, ...change };
    this.evaluate();
  }

  /**
   * A different workspace is a different set of tickets: the current index is put aside and the
   * workspace's own index comes back (what was notified there stays notified), or a fresh one starts.
   */
  async useWorkspace(workspace: WorkspaceIdentity): Promise<void> {
    await this.ready;
    if (indexIsOf(this.state.workspace, workspace)) {
      if (this.state.workspace?.workspaceId === workspace.workspaceId) return;
      this.state.workspace = workspace;
    } else {
      const known = this.others.find((index) => indexIsOf(index.workspace, workspace));
      const leaving = this.state.workspace === null ? [] : [this.state];
      this.others = [...leaving, ...this.others.filter((index) => index !== known)].slice(0, MAX_KNOWN_WORKSPACES - 1);
      this.state = known === undefined ? emptyNotifierIndex(workspace) : { ...known, workspace };
    }
    this.save();
    this.evaluate();
    await this.saving;
  }

  /** Called with every page the cache applied; a page of another workspace than the current one is ignored. */
  async observe(page: SyncPage, workspace?: WorkspaceIdentity): Promise<void> {
    await this.ready;
    if (workspace !== undefined && !indexIsOf(this.state.workspace, workspace)) return;
    if (!observePage(this.state, page)) return;
    this.save();
    this.evaluate();
    await this.saving;
  }

  /** The snoozes in force now. */
  get snoozes(): Snoozes {
    return snoozesInForce(this.state, this.options.now());
  }

  /** Holds these tickets' notifications; answers with the snoozes in force afterwards. */
  async snooze(ticketIds: readonly string[], length: SnoozeLength): Promise<Result<Snoozes>> {
    await this.ready;
    const now = this.options.now();
    this.dropExpiredSnoozes(now);
    const total = new Set([...Object.keys(this.state.snoozes), ...ticketIds]).size;
    if (total > MAX_SNOOZED_TICKETS) {
      return fail('too-many-snoozes', `${total} tickets would be snoozed, more than the ${MAX_SNOOZED_TICKETS} allowed at once: lift some snoozes first`);
    }
    const until = snoozeEnd(now, length, this.rules.settings);
    for (const id of ticketIds) this.state.snoozes[id] = until;
    return this.changedSnoozes();
  }

  /** Lifts the snoozes of these tickets: what they have passed meanwhile is notified at once. */
  async unsnooze(ticketIds: readonly string[]): Promise<Result<Snoozes>> {
    await this.ready;
    for (const id of ticketIds) delete this.state.snoozes[id];
    return this.changedSnoozes();
  }

  private async changedSnoozes(): Promise<Result<Snoozes>> {
    this.save();
    this.evaluate();
    await this.saving;
    return ok(this.snoozes);
  }

  private evaluate(): void {
    if (this.stopped || this.ready === null) return;
    this.options.timers.clearTimeout(this.timer);
    const now = this.options.now();
    this.dropExpiredSnoozes(now);
    const evaluation = evaluateDeadlines(this.state, now, this.rules);
    if (evaluation.due.length > 0) {
      for (const alert of evaluation.due) alert.ticket.notified = [...new Set([...alert.ticket.notified, ...alert.passed])];
      this.save();
      this.showSafely(composeNotification(evaluation.due, now));
    }
    this.publishCounts(evaluation.counts);
    this.publishSnoozes(now);
    const maxSleep = this.options.maxSleepMs ?? 60_000;
    const delay = evaluation.wakeAtMs === null ? maxSleep : Math.min(maxSleep, evaluation.wakeAtMs - now);
    this.timer = this.options.timers.setTimeout(() => this.evaluate(), Math.max(0, delay));
  }

  private dropExpiredSnoozes(now: number): void {
    for (const [id, until] of Object.entries(this.state.snoozes)) if (until <= now) delete this.state.snoozes[id];
  }

  private showSafely(notification: ShownNotification): void {
    try {
      this.options.show(notification);
    } catch (error) {
      (this.options.warn ?? console.warn)(`Could not show a deadline notification: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private publishCounts(counts: DeadlineCounts): void {
    if (this.lastCounts?.breached === counts.breached && this.lastCounts.approaching === counts.approaching) return;
    this.lastCounts = counts;
    this.options.onCounts?.(counts);
  }

  private publishSnoozes(now: number): void {
    const snoozes = snoozesInForce(this.state, now);
    const key = JSON.stringify(snoozes);
    if (key === this.lastSnoozes) return;
    this.lastSnoozes = key;
    this.options.onSnoozes?.(snoozes);
  }

  private save(): void {
    const snapshot = structuredClone({ format: 2 as const, current: this.state, others: this.others });
    this.saving = this.saving
      .then(() => this.options.store.save(snapshot))
      .catch((error: unknown) => (this.options.warn ?? console.warn)(`Could not save the deadline notifier's state: ${error instanceof Error ? error.message : String(error)}`));
  }
}
