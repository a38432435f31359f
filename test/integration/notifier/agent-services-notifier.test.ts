import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClockSkew } from '@shared/ipc/sync-status';
import type { DeadlineCounts, ShownNotification } from '@shared/ipc/workspace-settings';
import type { Database } from '../../../src-backend/db/database';
import { openDatabase } from '../../../src-backend/db/open-database';
import { AgentServices, type SessionStore } from '../../../src-main/services/agent-services';
import { fileNotifierStateStore } from '../../../src-main/services/deadline-notifier/notifier-state-file';
import type { NotifierIndex, NotifierState } from '../../../src-main/services/deadline-notifier/notifier-state';
import { fileSettingsStore } from '../../../src-main/services/settings-store-file';
import { createCacheHandlers } from '../../../src-renderer/bridge/cache-handlers';
import { openAgentCache, type AgentCache } from '../../../src-renderer/db/cache-database';
import { enqueueAction } from '../../../src-renderer/db/outbox';
import { createSmallWorkspace, type SmallWorkspace } from '../../fixtures/small-workspace';
import { startInProcessBackend } from '../../support/in-process-backend';
import { FakeClock, MINUTE } from '../../unit/notifier/notifier-fixtures';

/**
 * AgentServices as both hosts run it: the real backend over HTTP, the real sync engine, the
 * renderer's Dexie cache, settings and notifier state in files; only the clock is fake, and the
 * notifier's "show" records.
 */
let db: Database;
let workspace: SmallWorkspace;
let backend: Awaited<ReturnType<typeof startInProcessBackend>>;
let cacheCount = 0;

beforeAll(async () => {
  db = await openDatabase({ dataDir: null });
  workspace = await createSmallWorkspace(db);
  backend = await startInProcessBackend(db, { loginDetailKey: workspace.loginDetailKey });
  for (let i = 0; i < 6; i++) {
    await backend.center.fileTicket({ accountId: i % 2 ? 'acc-gold' : 'acc-plat', requesterName: 'Customer', requesterEmail: 'customer@example.test', subject: `Question ${i}`, body: `Body ${i}`, source: 'email' });
  }
}, 60_000);

afterAll(async () => {
  await backend.close();
  await db.close();
});

function newCache(): AgentCache {
  return openAgentCache(`notifier-cache-${++cacheCount}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

function sessionStore(session: { backendUrl: string; token: string } | null): SessionStore {
  return { load: async () => session, save: async () => undefined };
}

async function launch(options: { clock: FakeClock; cache: AgentCache; dir: string; session: { backendUrl: string; token: string } | null }) {
  const shown: ShownNotification[] = [];
  const counts: DeadlineCounts[] = [];
  const skews: ClockSkew[] = [];
  const services = new AgentServices({
    cache: createCacheHandlers(options.cache),
    sessions: sessionStore(options.session),
    settings: fileSettingsStore(join(options.dir, 'settings.json')),
    notifierStore: fileNotifierStateStore(join(options.dir, 'notifier.json')),
    scheduler: options.clock,
    pollIntervalMs: 0,
    onNotification: (n) => shown.push(n),
    onDeadlineCounts: (c) => counts.push(c),
    onClockSkew: (s) => skews.push(s),
  });
  await services.start();
  if (options.session !== null) expect(await services.handlers['sync:now']({})).toEqual({ ok: true, value: null });
  return { services, shown, counts, skews };
}

async function savedIndex(dir: string): Promise<NotifierIndex> {
  return (JSON.parse(await readFile(join(dir, 'notifier.json'), 'utf8')) as NotifierState).current;
}

const ana = () => ({ backendUrl: backend.url, token: workspace.tokens.ana });

describe('AgentServices: session, settings, notifier', () => {
  it('describes the session with the engineer the backend names; settings are checked before anything is written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'agent-services-'));
    const { services } = await launch({ clock: new FakeClock(Date.now()), cache: newCache(), dir, session: ana() });
    expect(await services.handlers['session:describe']({})).toEqual({ ok: true, value: { backendUrl: backend.url, demo: false, engineerId: 'eng-ana', workspaceNotice: null } });
    const defaults = await services.handlers['settings:get']({});
    expect(defaults).toMatchObject({ ok: true, value: { thresholdsMinutes: null, workingHours: null } });
    const refused = await services.handlers['settings:set']({ zone: 'Nowhere/Atlantis', thresholdsMinutes: [30], workingHours: null });
    expect(refused).toEqual({ ok: false, error: { code: 'bad-request', message: 'zone: "Nowhere/Atlantis" is not a known IANA time zone' } });
    await expect(readFile(join(dir, 'settings.json'))).rejects.toThrow(/ENOENT/);
    const settings = { zone: 'Europe/Lisbon', thresholdsMinutes: [15, 60], workingHours: { start: '09:00', end: '18:00', weekdays: [1, 2, 3, 4, 5] } };
    expect(await services.handlers['settings:set'](settings)).toEqual({ ok: true, value: null });
    const stored = { ...settings, thresholdsMinutes: [60, 15] };
    expect(await services.handlers['settings:get']({})).toEqual({ ok: true, value: stored });
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toEqual(stored);
    await services.stop();
  });

  it('times notifications by the backend clock (skew-corrected), not the machine clock', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'agent-services-'));
    // This machine's clock runs three hours behind the backend's.
    const clock = new FakeClock(Date.now() - 3 * 3_600_000);
    const { services, shown, skews } = await launch({ clock, cache: newCache(), dir, session: ana() });
    const offset = skews.at(-1)?.offsetMs ?? 0;
    expect(Math.abs(offset - 3 * 3_600_000)).toBeLessThan(MINUTE);
    const first = Object.values((await savedIndex(dir)).tickets).sort((a, b) => a.dueAtMs - b.dueAtMs)[0]!;
    clock.advance(first.dueAtMs - 31 * MINUTE - offset - clock.now());
    expect(shown).toEqual([]);
    clock.advance(2 * MINUTE);
    expect(shown[0]?.ticketIds).toContain(first.id);
    expect(shown[0]?.title).toMatch(/breach(es)? (in|within) 3\d minutes/);
    await services.stop();
  });

  it('stops watching a ticket once the engineer replies, and a restart neither repeats nor loses a notification', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'agent-services-'));
    const cache = newCache();
    const clock = new FakeClock(Date.now());
    const first = await launch({ clock, cache, dir, session: ana() });
    const [replied, watched] = Object.values((await savedIndex(dir)).tickets).sort((a, b) => a.dueAtMs - b.dueAtMs);
    expect(watched).toBeDefined();
    await enqueueAction(cache, { kind: 'reply', ticketId: replied!.id, body: 'Looking into it now.' }, { engineerId: 'eng-ana', engineerName: 'Ana Silva' });
    await first.services.handlers['sync:now']({});
    await first.services.notifier.flushed();
    const index = await savedIndex(dir);
    expect(Object.keys(index.tickets)).not.toContain(replied!.id);
    expect(Object.keys(index.tickets)).toContain(watched!.id);

    clock.advance(watched!.dueAtMs - 30 * MINUTE - clock.now());
    const thirty = first.shown.filter((n) => n.ticketIds.includes(watched!.id));
    expect(thirty).toHaveLength(1);
    expect(first.shown.some((n) => n.ticketIds.includes(replied!.id))).toBe(false);
    await first.services.notifier.flushed();
    await first.services.stop();

    // Restarted offline: the notifier works from its own saved index, before any sync.
    clock.advance(25 * MINUTE);
    const second = await launch({ clock, cache, dir, session: null });
    expect(second.shown.map((n) => n.ticketIds.includes(watched!.id))).toEqual([true]);
    expect(second.shown[0]?.title).toMatch(/5 minutes/);
    clock.advance(5 * MINUTE);
    expect(second.shown.filter((n) => n.ticketIds.includes(watched!.id)).map((n) => n.title).at(-1)).toMatch(/breached/);
    expect(second.shown.some((n) => n.ticketIds.includes(replied!.id))).toBe(false);
    expect(second.counts.at(-1)?.breached).toBeGreaterThanOrEqual(1);
    await second.services.stop();
  });

  it('answers a window that just connected with the current counts and snoozes, from the saved index after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'agent-services-'));
    const clock = new FakeClock(Date.now());
    const first = await launch({ clock, cache: newCache(), dir, session: ana() });
    const soonest = Object.values((await savedIndex(dir)).tickets).sort((a, b) => a.dueAtMs - b.dueAtMs)[0]!;
    clock.advance(soonest.dueAtMs - 20 * MINUTE - clock.now());
    const counts = first.counts.at(-1);
    expect(counts?.approaching).toBeGreaterThanOrEqual(1);
    expect(await first.services.handlers['deadlines:counts']({})).toEqual({ ok: true, value: counts });
    const snoozed = await first.services.handlers['notifier:snooze']({ ticketIds: [soonest.id], minutes: 120 });
    // The notifier's time is the backend's: the machine clock corrected by the measured skew.
    const snoozes = { snoozes: [{ ticketId: soonest.id, untilMs: clock.now() + (first.skews.at(-1)?.offsetMs ?? 0) + 120 * MINUTE }] };
    expect(snoozed).toEqual({ ok: true, value: snoozes });
    await first.services.notifier.flushed();
    await first.services.stop();

    // Restarted offline: no sync, no change, and still the same answers.
    const second = await launch({ clock, cache: newCache(), dir, session: null });
    expect(await second.services.handlers['deadlines:counts']({})).toEqual({ ok: true, value: counts });
    expect(await second.services.handlers['notifier:snoozes']({})).toEqual({ ok: true, value: snoozes });
    expect(await second.services.handlers['notifier:unsnooze']({ ticketIds: [soonest.id] })).toEqual({ ok: true, value: { snoozes: [] } });
    await second.services.stop();
  });
});
