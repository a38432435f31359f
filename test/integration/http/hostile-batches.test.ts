import { afterAll, beforeAll, expect, it } from 'vitest';
import { mutationBatchResponseSchema } from '@shared/contract';
import type { AddressInfo } from 'node:net';
import { createSupportCenter } from '../../../src-backend/create-support-center';
import type { Database } from '../../../src-backend/db/database';
import { createHttpServer } from '../../../src-backend/http/create-http-server';
import { closeHttpServer } from '../../../src-backend/http/server-lifecycle';
import type { SupportCenter } from '../../../src-backend/support-center';
import { createSmallWorkspace, type SmallWorkspace } from '../../fixtures/small-workspace';
import { call, forEachDatabase, loggedErrors, quietLogger } from './test-server';

/**
 * Engineers' batches that touch the same tickets in opposite orders, all at once, on both
 * databases: `[note A, note B]` from one engineer against `[note B, note A]` from another, for 20
 * pairs whose tickets overlap in a ring. Locking every ticket of a batch first, in one order,
 * means no batch waits for one that waits for it: no transaction is aborted as a deadlock victim
 * (the bounded retry would hide most of them, at a second each), every request answers 200, every
 * note is stored once, and nothing is logged as an error.
 */

const PAIRS = 20;
const ROUNDS = 3;

forEachDatabase('batches over the same tickets in opposite orders', (target) => {
  let db: Database;
  let drop: () => Promise<void>;
  let tokens: SmallWorkspace['tokens'];
  let center: SupportCenter;
  let server: ReturnType<typeof createHttpServer>;
  let url: string;
  const tickets: string[] = [];
  const retried: unknown[] = [];
  const logger = { ...quietLogger, warn: (message: string, details?: Record<string, unknown>) => retried.push({ message, ...details }) };

  beforeAll(async () => {
    // Enough connections for every batch of a round to run at once on PostgreSQL.
    ({ db, drop } = await target.open({ poolSize: PAIRS * 2 }));
    const workspace = await createSmallWorkspace(db);
    tokens = workspace.tokens;
    center = await createSupportCenter(db, { loginDetailKey: workspace.loginDetailKey, retentionIntervalMs: 0, logger });
    server = createHttpServer(center, { logger: quietLogger });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (let i = 0; i < PAIRS; i++) {
      const ticket = await center.fileTicket({ accountId: i % 2 === 0 ? 'acc-gold' : 'acc-plat', requesterName: 'Customer', requesterEmail: 'customer@example.test', subject: `Ticket ${i}`, body: 'Hello', source: 'portal' });
      tickets.push(ticket.id);
    }
  }, 60_000);

  afterAll(async () => {
    if (server !== undefined) await closeHttpServer(server, { graceMs: 1_000 });
    await center?.close();
    await db?.close();
    await drop?.();
  });

  it(`answers ${PAIRS} concurrent opposite-order pairs × ${ROUNDS} rounds with 200 and applies every note once`, async () => {
    const errorsBefore = loggedErrors.length;
    const statuses: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const requests = tickets.flatMap((a, i) => {
        const b = tickets[(i + 1) % PAIRS] as string;
        const note = (who: string, ticketId: string, n: number) => ({ kind: 'note', idempotencyKey: `r${round}-p${i}-${who}-${n}`, ticketId, body: `note ${n} of ${who}, pair ${i}, round ${round}` });
        return [
          call(url, 'POST', '/v1/mutations', { token: tokens.ana, body: { mutations: [note('ana', a, 1), note('ana', b, 2)] } }),
          call(url, 'POST', '/v1/mutations', { token: tokens.ben, body: { mutations: [note('ben', b, 1), note('ben', a, 2)] } }),
        ];
      });
      for (const answer of await Promise.all(requests)) {
        statuses.push(answer.status);
        if (answer.status === 200) expect(mutationBatchResponseSchema.parse(answer.json).results.every((r) => r.ok)).toBe(true);
      }
    }
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(retried).toEqual([]);
    expect(loggedErrors.length).toBe(errorsBefore);
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM messages WHERE author_kind = 'staff' AND public = false");
    expect(rows[0]?.n).toBe(PAIRS * 2 * 2 * ROUNDS);
  }, 120_000);
});
