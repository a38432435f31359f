import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSupportCenter } from '../../../src-backend/create-support-center';
import type { Database } from '../../../src-backend/db/database';
import { createAccount, createSubscription } from '../../../src-backend/domain/workspace-setup';
import { RequestError, type SupportCenter } from '../../../src-backend/support-center';
import { createSmallWorkspace } from '../../fixtures/small-workspace';
import { subscriptionFor } from '../../support/random-backend-writes';
import { forEachDatabase, quietLogger } from './test-server';
import { idInput, noInput } from '../../fixtures/admin-input';

/**
 * An account terminated while its customers write, engineers act on its tickets, and retention
 * runs, all at once. A termination locks the account, then the account's tickets, then their
 * login details, each in one order, the order every other writer takes them in; so no writer waits
 * for one that waits for it: no deadlock victim (the bounded retry would hide a few, at a second
 * each, and runs out when a customer keeps writing), and every refusal is a 404 for a ticket that
 * is gone.
 */

const ACCOUNTS = 4;
const TICKETS = 6;

forEachDatabase('termination racing every other writer of the account', (target) => {
  let db: Database;
  let drop: () => Promise<void>;
  let center: SupportCenter;
  const retried: unknown[] = [];
  const logger = { ...quietLogger, warn: (message: string, details?: Record<string, unknown>) => retried.push({ message, ...details }) };

  beforeAll(async () => {
    ({ db, drop } = await target.open({ poolSize: 40 }));
    const workspace = await createSmallWorkspace(db);
    center = await createSupportCenter(db, { loginDetailKey: workspace.loginDetailKey, retentionIntervalMs: 0, logger });
  }, 60_000);

  afterAll(async () => {
    await center?.close();
    await db?.close();
    await drop?.();
  });

  async function accountWithTickets(n: number): Promise<string[]> {
    const accountId = `acc-doomed-${n}`;
    await db.transaction(async (tx) => {
      await createAccount(tx, { id: accountId, holderName: `Holder ${n}`, holderEmail: `holder${n}@example.test`, organization: null });
      await createSubscription(tx, subscriptionFor(`sub-doomed-${n}`, accountId, 'gold'));
    });
    const tickets: string[] = [];
    for (let i = 0; i < TICKETS; i++) {
      const ticket = await center.fileTicket({ accountId, requesterName: 'Customer', requesterEmail: 'customer@example.test', subject: `Ticket ${i}`, body: 'Hello', source: 'portal' });
      await center.submitLoginDetail(ticket.id, { label: `Login ${i}`, secret: `secret-${i}` });
      tickets.push(ticket.id);
    }
    return tickets;
  }

  it(`terminates ${ACCOUNTS} accounts amid their customers' messages, engineers' batches and retention, with no deadlock`, async () => {
    const outcomes: string[] = [];
    const settle = (work: Promise<unknown>) =>
      work.then(
        () => outcomes.push('ok'),
        (error: unknown) => outcomes.push(error instanceof RequestError ? `refused ${error.status}` : `failed: ${String(error)}`),
      );
    for (let n = 0; n < ACCOUNTS; n++) {
      const tickets = await accountWithTickets(n);
      const reversed = [...tickets].reverse();
      const batch = (ids: string[], who: string) =>
        center.applyMutations({ role: 'engineer', engineerId: 'eng-ana' }, { mutations: ids.map((ticketId, i) => ({ kind: 'note' as const, idempotencyKey: `${who}-${n}-${i}`, ticketId, body: 'checking' })) });
      await Promise.all([
        ...reversed.map((ticketId) => settle(center.addCustomerMessage(ticketId, 'Any news?'))),
        settle(batch(tickets, 'forward')),
        settle(batch(reversed, 'backward')),
        settle(center.runAdminAction('runRetention', 'admin-token:test', noInput, new Date(Date.now() + 31 * 86_400_000))),
        settle(center.runAdminAction('terminateAccount', 'admin-token:test', idInput(`acc-doomed-${n}`))),
        ...tickets.map((ticketId) => settle(center.addCustomerMessage(ticketId, 'Hello again?'))),
      ]);
    }
    expect(outcomes.filter((outcome) => outcome !== 'ok' && outcome !== 'refused 404')).toEqual([]);
    expect(retried).toEqual([]);
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tickets WHERE account_id LIKE 'acc-doomed-%'");
    expect(rows[0]?.n).toBe(0);
  }, 120_000);
});
