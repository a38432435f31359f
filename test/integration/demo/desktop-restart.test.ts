import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ShownNotification } from '@shared/ipc/workspace-settings';
import { AgentServices, type SessionStore } from '../../../src-main/services/agent-services';
import { chooseDesktopSession } from '../../../src-main/services/choose-desktop-session';
import { fileNotifierStateStore } from '../../../src-main/services/deadline-notifier/notifier-state-file';
import type { NotifierState } from '../../../src-main/services/deadline-notifier/notifier-state';
import { startEmbeddedDemo } from '../../../src-main/services/embedded-demo';
import { createCacheHandlers } from '../../../src-renderer/bridge/cache-handlers';
import { readCursor } from '../../../src-renderer/db/apply-batch';
import { openAgentCache } from '../../../src-renderer/db/cache-database';
import { FakeClock, MINUTE } from '../../unit/notifier/notifier-fixtures';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** No session saved: the desktop's first launches, on the embedded demo. */
const nothingSaved: SessionStore = { load: async () => null, save: async () => undefined };

/**
 * The desktop app as it starts: chooseDesktopSession picks the embedded demo (real backend, PGlite
 * in the demo folder), AgentServices sync it into a Dexie cache that outlives the launch (as the
 * profile does) and keep the notifier's index in a file. Only the clock is fake.
 */
async function launch(dir: string, indexedDB: IDBFactory, clock: FakeClock) {
  const chosen = await chooseDesktopSession({
    saved: nothingSaved,
    startDemo: () => startEmbeddedDemo({ dataDir: join(dir, 'demo-backend'), tickets: 60, live: false, logger: quiet }),
  });
  const cache = openAgentCache('support-agent', { indexedDB, IDBKeyRange });
  const shown: ShownNotification[] = [];
  const services = new AgentServices({
    cache: createCacheHandlers(cache),
    sessions: chosen.sessions,
    demo: chosen.demo,
    notifierStore: fileNotifierStateStore(join(dir, 'deadline-notifier.json')),
    scheduler: clock,
    pollIntervalMs: 0,
    onNotification: (n) => shown.push(n),
  });
  await services.start();
  // Outside the engineer's working hours a breach waits for them, so the test would depend on the
  // time of day it runs at; it is about restarts, so every hour is a working one.
  expect(await services.handlers['settings:set']({ zone: 'UTC', thresholdsMinutes: null, workingHours: null })).toEqual({ ok: true, value: null });
  expect(await services.handlers['sync:now']({})).toEqual({ ok: true, value: null });
  await services.notifier.flushed();
  const session = await services.handlers['session:describe']({});
  if (!session.ok) throw new Error(session.error.message);
  return {
    shown,
    session: session.value,
    cache,
    async stop() {
      await services.stop();
      cache.close();
      await chosen.stop();
    },
  };
}

async function savedIndex(dir: string): Promise<NotifierState['current']> {
  return (JSON.parse(await readFile(join(dir, 'deadline-notifier.json'), 'utf8')) as NotifierState).current;
}

describe('the desktop demo across restarts', () => {
  it('keeps its address, so the cache and the notifier carry on: what was notified is not again, what comes due still is', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'desktop-restart-'));
    const indexedDB = new IDBFactory();
    const clock = new FakeClock(Date.now());

    const first = await launch(dir, indexedDB, clock);
    expect(first.session).toMatchObject({ demo: true, workspaceNotice: null });
    const notifiedAtStart = first.shown.flatMap((n) => n.ticketIds);
    expect(notifiedAtStart.length, 'the demo has tickets already past a threshold').toBeGreaterThan(0);
    // One the demo engineer is told about: unassigned or theirs (others' tickets are not watched).
    const coming = Object.values((await savedIndex(dir)).tickets)
      .filter((t) => t.assigneeId === null || t.assigneeId === first.session.engineerId)
      .filter((t) => t.dueAtMs - 30 * MINUTE > clock.now() + MINUTE)
      .sort((a, b) => a.dueAtMs - b.dueAtMs)[0];
    if (coming === undefined) throw new Error('the demo has no open ticket due later than 31 minutes from now');
    await first.stop();
    const before = await savedIndex(dir);
    expect(Object.values(before.tickets).some((t) => t.notified.length > 0)).toBe(true);
    const port = Number(new URL(first.session.backendUrl ?? '').port);
    expect(await readFile(join(dir, 'demo-backend', 'listen-port'), 'utf8')).toBe(`${port}\n`);
    expect((await stat(join(dir, 'demo-backend', 'listen-port'))).mode & 0o777).toBe(0o600);

    const second = await launch(dir, indexedDB, clock);
    expect(second.session.backendUrl).toBe(first.session.backendUrl);
    expect(second.session.workspaceNotice).toBeNull();
    expect(await readCursor(second.cache)).not.toBeNull();
    // Real time passes while the demo starts, and the notifier follows the backend's clock: a point
    // reached meanwhile is notified now. None notified before the restart may be notified again.
    const after = await savedIndex(dir);
    for (const id of second.shown.flatMap((n) => n.ticketIds)) {
      expect(after.tickets[id]?.notified.length, `ticket ${id} notified again`).toBeGreaterThan(before.tickets[id]?.notified.length ?? 0);
    }
    for (const [id, ticket] of Object.entries(before.tickets)) {
      if (id in after.tickets) expect(after.tickets[id]?.notified).toEqual(expect.arrayContaining(ticket.notified));
    }
    const shownBefore = second.shown.length;
    clock.advance(coming.dueAtMs - clock.now() + 1_000);
    expect(second.shown.slice(shownBefore).flatMap((n) => n.ticketIds), 'the breach of a ticket open since the first launch').toContain(coming.id);
    await second.stop();
  }, 180_000);

  it('moves to another port when its own is taken, and keeps that one for next time', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'desktop-port-'));
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    const portFile = join(dir, 'demo-backend', 'listen-port');
    const warnings: string[] = [];
    const start = () => startEmbeddedDemo({ dataDir: join(dir, 'demo-backend'), tickets: 10, live: false, logger: { ...quiet, warn: (m: string) => warnings.push(m) } });
    try {
      const seeded = await start();
      await seeded.stop();
      await writeFile(portFile, `${taken}\n`, { mode: 0o600 });
      const moved = await start();
      const port = Number(new URL(moved.url).port);
      await moved.stop();
      expect(port).not.toBe(taken);
      expect(warnings.join('\n')).toMatch(new RegExp(`port ${taken} of the previous launch is taken`));
      expect(await readFile(portFile, 'utf8')).toBe(`${port}\n`);
      await writeFile(portFile, 'not a port\n', { mode: 0o600 });
      const fresh = await start();
      await fresh.stop();
      expect(warnings.join('\n')).toMatch(/does not hold a port/);
    } finally {
      blocker.close();
    }
  }, 120_000);
});
