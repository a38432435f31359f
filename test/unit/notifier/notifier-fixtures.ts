import { syncPageSchema, type SyncChange, type SyncPage, type TicketRow } from '@shared/contract';
import type { ShownNotification } from '@shared/ipc/workspace-settings';
import type { EngineerSettings } from '@shared/ipc/workspace-settings';
import { presets } from '@shared/policy';
import { policyRow } from '../../fixtures/policy-row';
import { DeadlineNotifier, type DeadlineNotifierOptions } from '../../../src-main/services/deadline-notifier/deadline-notifier';
import { memoryNotifierStateStore } from '../../../src-main/services/deadline-notifier/notifier-state';
import type { Scheduler } from '../../../src-main/services/scheduler';

/** A clock that moves only when told to, running due timers in time order as it passes them. */
export class FakeClock implements Scheduler {
  private timers = new Map<number, { at: number; task: () => void }>();
  private nextId = 1;

  constructor(private nowMs: number) {}

  now = (): number => this.nowMs;

  setTimeout = (task: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.nowMs + Math.max(0, ms), task });
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.timers.delete(handle as number);
  };

  /** Moves time forward, firing every timer due on the way at its own instant. */
  advance(ms: number): void {
    const until = this.nowMs + ms;
    for (;;) {
      const next = [...this.timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (next === undefined) break;
      this.timers.delete(next[0]);
      this.nowMs = Math.max(this.nowMs, next[1].at);
      next[1].task();
    }
    this.nowMs = until;
  }

  advanceTo(iso: string): void {
    this.advance(Date.parse(iso) - this.nowMs);
  }

  get pendingTimers(): number {
    return this.timers.size;
  }
}

export const MINUTE = 60_000;
let version = 1;

export function ticket(overrides: Partial<TicketRow> & { id: string; dueAt: string | null }): TicketRow {
  return {
    number: Number(overrides.id.replace(/\D/g, '')) || 1,
    accountId: 'acc-1',
    subscriptionId: 'sub-1',
    policyId: 'plan-sla',
    policyVersion: 1,
    requesterName: 'Casey Customer',
    requesterEmail: 'casey@customer.test',
    subject: `Subject of ${overrides.id}`,
    createdAt: '2026-11-24T09:00:00.000Z',
    urgent: false,
    source: 'email',
    productId: null,
    productVersion: null,
    status: 'open',
    assigneeId: null,
    plan: 'gold',
    firstStaffReplyAt: null,
    slaOutcome: null,
    categoryId: null,
    checklistAnswers: {},
    eligibility: null,
    updatedAt: '2026-11-24T09:00:00.000Z',
    ...overrides,
  };
}

export function upsert(row: TicketRow, rowVersion = version++): SyncChange {
  return { op: 'upsert', entity: 'ticket', id: row.id, version: rowVersion, row };
}

export function policyChange(thresholds: number[], id = 'plan-sla'): SyncChange {
  return { op: 'upsert', entity: 'policy', id, version: version++, row: policyRow(id, { ...presets.planSla(), id, approachThresholdsMinutes: thresholds }) };
}

/** A policy with a second version from `effectiveFrom`: its row's `policy` is the newest version's. */
export function twoVersionPolicyChange(first: number[], second: number[], effectiveFrom: string, id = 'plan-sla'): SyncChange {
  const v1 = policyRow(id, { ...presets.planSla(), id, approachThresholdsMinutes: first });
  const newest = { ...presets.planSla(), id, approachThresholdsMinutes: second };
  const row = { id, policy: newest, versions: [...v1.versions, { number: 2, effectiveFrom, summary: ['approach thresholds changed'], policy: newest }] };
  return { op: 'upsert', entity: 'policy', id, version: version++, row };
}

/** A page as the backend sends it, validated against the contract so the fixtures cannot drift from it. */
export function page(changes: SyncChange[]): SyncPage {
  return syncPageSchema.parse({ changes, cursor: `c${version++}`, hasMore: false, phase: 'changes', progress: null, serverTime: '2026-11-24T09:00:00.000Z' });
}

export const noSettings: EngineerSettings = { zone: 'America/New_York', thresholdsMinutes: null, workingHours: null };

/** A notifier on a fake clock that records what it shows, and the counts it publishes. */
export function recordingNotifier(clock: FakeClock, overrides: Partial<DeadlineNotifierOptions> = {}) {
  const shown: ShownNotification[] = [];
  const counts: { breached: number; approaching: number }[] = [];
  const store = memoryNotifierStateStore();
  const notifier = new DeadlineNotifier({
    now: clock.now,
    timers: clock,
    store,
    show: (n) => shown.push(n),
    onCounts: (c) => counts.push(c),
    settings: noSettings,
    ...overrides,
  });
  return { notifier, shown, counts, store, titles: () => shown.map((n) => n.title) };
}
