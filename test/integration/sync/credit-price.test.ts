import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPageSchema, type CreditRow } from '@shared/contract';
import { creditForTicket, presets } from '@shared/policy';
import { createSupportCenter } from '../../../src-backend/create-support-center';
import type { Database } from '../../../src-backend/db/database';
import type { Caller, SupportCenter } from '../../../src-backend/support-center';
import { createSmallWorkspace } from '../../fixtures/small-workspace';
import { testDatabaseTargets } from '../../fixtures/test-databases';

for (const target of testDatabaseTargets) {
  if (target.skipReason !== null) console.warn(`credit price suite on ${target.name} skipped: ${target.skipReason}`);
  describe.skipIf(target.skipReason !== null)(`credits for late replies on ${target.name}`, () => suite(target));
}

/**
 * docs/policy.md: the credit is a share of the monthly price the customer paid for the ticket's plan,
 * so the price of the plan the ticket was filed under, and nothing during the free Silver term.
 * The demo seed computes its credits that way; the live reply path must agree with it.
 */
function suite(target: (typeof testDatabaseTargets)[number]): void {
  let db: Database;
  let drop: () => Promise<void>;
  let center: SupportCenter;
  let now = new Date('2026-11-23T15:00:00.000Z'); // Monday 10:00 New York
  const ana: Caller & { role: 'engineer' } = { role: 'engineer', engineerId: 'eng-ana' };
  const gold = presets.planSla().plans.find((p) => p.id === 'gold')?.monthlyPriceCents as number;

  beforeAll(async () => {
    ({ db, drop } = await target.open());
    const workspace = await createSmallWorkspace(db);
    center = await createSupportCenter(db, { loginDetailKey: workspace.loginDetailKey, clock: () => now, retentionIntervalMs: 0 });
  }, 60_000);

  afterAll(async () => {
    await center.close();
    await db.close();
    await drop();
  });

  async function replyLate(accountId: string, subject: string, afterFiling: () => Promise<unknown>): Promise<CreditRow> {
    now = new Date('2026-11-23T15:00:00.000Z');
    const ticket = await center.fileTicket({ accountId, requesterName: 'Requester', requesterEmail: 'requester@example.test', subject, body: 'Details', urgent: false, source: 'portal' });
    await afterFiling();
    now = new Date('2026-11-24T15:00:00.000Z'); // a day later: every plan's target is missed
    const result = await center.applyMutations(ana, { mutations: [{ kind: 'reply', idempotencyKey: `reply-${ticket.id}`, ticketId: ticket.id, body: 'Sorry for the wait.' }] });
    expect(result.results[0]?.ok).toBe(true);
    // The credit as a client receives it: from a first sync, checked against the contract.
    for (let cursor: string | undefined, i = 0; i < 100; i++) {
      const page = syncPageSchema.parse(await center.sync(ana, { cursor, limit: 500 }));
      const credit = page.changes.find((c) => c.op === 'upsert' && c.entity === 'credit' && c.row.ticketId === ticket.id);
      if (credit?.op === 'upsert' && credit.entity === 'credit') return credit.row;
      if (!page.hasMore || page.phase === 'changes') break;
      cursor = page.cursor;
    }
    throw new Error(`no credit synced for ${subject}`);
  }

  it('is computed from the price of the plan the ticket was filed under, not the current one', async () => {
    const credit = await replyLate('acc-gold', 'Filed under Gold', () =>
      db.query("UPDATE subscriptions SET plan = 'platinum', monthly_price_cents = 39900 WHERE id = 'sub-gold'"),
    );
    const expected = creditForTicket({ dueAt: credit.dueAt, firstStaffReplyAt: credit.repliedAt, now: credit.repliedAt, monthlyPriceCents: gold, anchor: '2026-01-15T14:00:00.000Z', timeZone: 'America/New_York' });
    expect(expected.cents).toBeGreaterThan(0);
    expect(credit.cents).toBe(expected.cents);
  });

  it('is 0 for a ticket filed during the free Silver term', async () => {
    await db.query(`UPDATE subscriptions SET free_term = '{"startedAt":"2026-11-01T04:00:00.000Z","endsAt":"2027-02-01T05:00:00.000Z"}' WHERE id = 'sub-plat'`);
    const credit = await replyLate('acc-plat', 'Filed in the free term', async () => undefined);
    expect(credit.latenessMs).toBeGreaterThan(0);
    expect(credit.cents).toBe(0);
  });
}
