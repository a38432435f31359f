import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstResponseDue, presets } from '@shared/policy';
import type { RtConnector } from '../../../src-backend/connectors/request-tracker/rt-connector';
import type { Database } from '../../../src-backend/db/database';
import { createSmallWorkspace } from '../../fixtures/small-workspace';
import { testDatabaseTargets } from '../../fixtures/test-databases';
import { describeWithRt, startSuiteRt, type SuiteRt } from '../../support/request-tracker';
import { mirrorNow, verifiedConnector } from '../../support/rt-mirror-harness';

type Created = Array<{ id: string }>;

describeWithRt('mirroring Request Tracker 5 into the support center', () => {
  let rt: SuiteRt;
  beforeAll(async () => {
    rt = await startSuiteRt();
  }, 120_000);
  afterAll(() => rt?.stop());

  for (const target of testDatabaseTargets) {
    describe.skipIf(target.skipReason !== null)(`on ${target.name}`, () => {
      let db: Database;
      let drop: () => Promise<void>;
      let connector: RtConnector;
      beforeAll(async () => {
        ({ db, drop } = await target.open());
        await createSmallWorkspace(db);
        connector = await verifiedConnector(rt);
      }, 60_000);
      afterAll(async () => {
        await db?.close();
        await drop?.();
      });

      const ticketOf = async (rtId: number) =>
        (await db.query<Record<string, unknown>>('SELECT t.* FROM tickets t JOIN connector_tickets c ON c.ticket_id = t.id WHERE c.external_id = $1', [String(rtId)])).rows[0];
      const rtTicket = (id: number) => rt.rest<{ Created: string }>('GET', `/ticket/${id}`);

      it('RT tickets appear as tickets with due instants from the policy engine at RT\'s Created instant', async () => {
        const created = await rt.rest<Created>('POST', '/tickets/bulk', [
          { Queue: 'General', Subject: 'Checkout broken', Requestor: 'grace@gold.test', Content: 'The checkout fails.', ContentType: 'text/plain' },
          { Queue: 'General', Subject: 'Site down', Requestor: 'pat@plat.test', Content: 'Everything is down.', ContentType: 'text/plain', CustomFields: { Severity: 'high' } },
          { Queue: 'General', Subject: 'Who am I', Requestor: `stranger-${target.name}@nowhere.test`, Content: 'Hello?', ContentType: 'text/plain' },
        ]);
        const [gold, plat, stranger] = created.map((ticket) => Number(ticket.id)) as [number, number, number];
        const outcome = await mirrorNow(db, connector);
        expect(outcome).toMatchObject({ ran: true, error: null });
        const policy = presets.planSla();
        const goldRow = await ticketOf(gold);
        const goldCreated = (await rtTicket(gold)).Created;
        expect(goldRow).toMatchObject({ account_id: 'acc-gold', subject: 'Checkout broken', status: 'new', plan: 'gold', urgent: false, policy_id: 'plan-sla' });
        expect(new Date(goldRow?.created_at as string).toISOString()).toBe(new Date(goldCreated).toISOString());
        expect(new Date(goldRow?.due_at as string).toISOString()).toBe(firstResponseDue(policy, { createdAt: goldCreated, plan: 'gold', urgent: false }));
        const platRow = await ticketOf(plat);
        expect(platRow).toMatchObject({ account_id: 'acc-plat', plan: 'platinum', urgent: true });
        expect(new Date(platRow?.due_at as string).toISOString()).toBe(firstResponseDue(policy, { createdAt: (await rtTicket(plat)).Created, plan: 'platinum', urgent: true }));
        const strangerRow = await ticketOf(stranger);
        expect(strangerRow).toMatchObject({ plan: null, due_at: null });
        const account = await db.query('SELECT a.holder_email, (SELECT count(*)::int FROM subscriptions s WHERE s.account_id = a.id) AS subscriptions FROM accounts a WHERE a.id = $1', [strangerRow?.account_id]);
        expect(account.rows[0]).toEqual({ holder_email: `stranger-${target.name}@nowhere.test`, subscriptions: 0 });
        const first = await db.query('SELECT author_kind, public, body FROM messages WHERE ticket_id = $1', [goldRow?.id]);
        expect(first.rows).toEqual([{ author_kind: 'customer', public: true, body: 'The checkout fails.' }]);
      }, 60_000);
    });
  }
});
