import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPageSchema, ticketRowSchema, type SyncQuery } from '@shared/contract';
import { createSupportCenter } from '../../../src-backend/create-support-center';
import type { Database } from '../../../src-backend/db/database';
import { listDemoAccounts, startLiveDemo, type LiveDemoLogger } from '../../../src-backend/demo/live-demo';
import { seedDemoData } from '../../../src-backend/demo/seed-demo-data';
import type { SupportCenter } from '../../../src-backend/support-center';
import { testDatabaseTargets } from '../../fixtures/test-databases';
import { readRows } from './demo-rows';

const SEEDED_TICKETS = 100;

for (const target of testDatabaseTargets) {
  describe.skipIf(target.skipReason !== null)(`live demo on ${target.name}`, { timeout: 60_000 }, () => suite(target));
}

/** A logger that keeps what it was told, so tests can wait for kinds of actions. */
function recordingLogger(): LiveDemoLogger & { lines: Array<{ level: string; message: string; details?: Record<string, unknown> }> } {
  const lines: Array<{ level: string; message: string; details?: Record<string, unknown> }> = [];
  return {
    lines,
    info: (message, details) => lines.push({ level: 'info', message, details }),
    warn: (message, details) => lines.push({ level: 'warn', message, details }),
  };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for the live demo');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function suite(target: (typeof testDatabaseTargets)[number]): void {
  let db: Database;
  let drop: () => Promise<void>;
  let center: SupportCenter;

  beforeAll(async () => {
    ({ db, drop } = await target.open());
    const loginDetailKey = randomBytes(32);
    await seedDemoData(db, { tickets: SEEDED_TICKETS, loginDetailKey, now: new Date(), seed: 11 });
    center = await createSupportCenter(db, { loginDetailKey, retentionIntervalMs: 0 });
  }, 120_000);

  afterAll(async () => {
    await center.close();
    await db.close();
    await drop();
  });

  it('syncs completely to a client: every page valid under the contract, every ticket and message sent', async () => {
    const seen = new Map<string, Set<string>>();
    let query: SyncQuery = { limit: 1_000 };
    for (let page = 0; page < 100; page++) {
      const result = syncPageSchema.parse(await center.sync({ role: 'engineer', engineerId: 'eng-01' }, query));
      for (const change of result.changes) {
        if (change.op !== 'upsert') continue;
        const ids = seen.get(change.entity) ?? new Set<string>();
        ids.add(change.id);
        seen.set(change.entity, ids);
      }
      if (!result.hasMore) break;
      query = { cursor: result.cursor, limit: 1_000 };
    }
    for (const [entity, table] of [['ticket', 'tickets'], ['message', 'messages'], ['account', 'accounts'], ['subscription', 'subscriptions'], ['credit', 'credits'], ['loginDetail', 'login_details']] as const) {
      const { rows } = await db.query<{ id: string }>(`SELECT id FROM ${table} ORDER BY id`);
      expect([...(seen.get(entity) ?? [])].sort(), entity).toEqual(rows.map((r) => r.id));
    }
  });

  it('files tickets, writes again and sends login details through the center, for real customers', async () => {
    const logger = recordingLogger();
    const seen = (message: string): boolean => logger.lines.some((l) => l.message === `live demo: ${message}`);
    const live = startLiveDemo(center, { intervalMs: 20, seed: 3, logger });
    try {
      await until(() => seen('ticket filed') && seen('customer wrote again') && seen('login details submitted'), 30_000);
    } finally {
      await live.stop();
    }
    expect(logger.lines.filter((l) => l.level === 'warn')).toEqual([]);

    const customers = new Map((await listDemoAccounts(db)).map((a) => [a.id, a]));
    const filed = (await readRows(db, 'ticket')).map((r) => r.row).filter((t) => !t.id.startsWith('t-'));
    expect(filed.length).toBeGreaterThan(0);
    for (const ticket of filed) {
      ticketRowSchema.parse(ticket);
      expect(customers.has(ticket.accountId)).toBe(true);
      expect(ticket.dueAt).not.toBeNull();
    }
    // Stopped means stopped: nothing more is filed afterwards.
    const count = async (): Promise<number> => Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets')).rows[0]?.n);
    const before = await count();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await count()).toBe(before);
  });

  it('acts only for the accounts it is given', async () => {
    const accounts = await listDemoAccounts(db);
    const chosen = accounts[3]!;
    const logger = recordingLogger();
    const live = startLiveDemo(center, { intervalMs: 20, seed: 5, accounts, accountIds: [chosen.id], logger });
    try {
      await until(() => logger.lines.filter((l) => l.message === 'live demo: ticket filed').length >= 3, 30_000);
    } finally {
      await live.stop();
    }
    const filed = logger.lines.filter((l) => l.message === 'live demo: ticket filed').map((l) => l.details?.accountId);
    expect(new Set(filed)).toEqual(new Set([chosen.id]));
  });
}
