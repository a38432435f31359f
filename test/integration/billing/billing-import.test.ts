import { expect, it } from 'vitest';
import type { BillingImportSummary, BillingRowError } from '@shared/contract';
import { BillingImportRejected } from '../../../src-backend/billing/row-errors';
import { useClockedCenter } from '../../fixtures/clocked-center';
import { forEachDatabase } from '../http/test-server';
import { bodyInput } from '../../fixtures/admin-input';
import type { SupportCenter } from '../../../src-backend/support-center';

const HEADER = 'event,account_id,subscription_id,at,holder_name,holder_email,organization,policy,plan,price_cents,time_zone,months';
const csv = (...rows: string[]): string => `${HEADER}\r\n${rows.join('\r\n')}\r\n`;

/** An account on Silver from 10 February 2026, 10:00 New York (its billing cycles start on the 10th at 10:00). */
const ACCOUNT = 'account,acc-bill,,,Bea Billing,bea@billing.test,"Billing, Inc.",,,,,';
const START = (plan = 'silver', price = 4900) => `subscription,acc-bill,sub-bill,2026-02-10T15:00:00Z,,,,plan-sla,${plan},${price},,`;

const importBilling = (center: SupportCenter, text: string) => center.runAdminAction('importBilling', 'admin-token:test', bodyInput(text));

forEachDatabase('billing import', (target) => {
  const clock = { now: new Date('2026-11-23T15:00:00.000Z') };
  const opened = useClockedCenter(target, clock);

  async function rejection(text: string): Promise<BillingRowError[]> {
    const error = await importBilling(opened.center, text).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(BillingImportRejected);
    return (error as BillingImportRejected).rows;
  }

  /** Everything an import could write, and the change log that clients sync from. */
  async function snapshot(): Promise<unknown> {
    const read = async (sql: string) => (await opened.db.query(sql)).rows;
    return {
      accounts: await read('SELECT * FROM accounts ORDER BY id'),
      subscriptions: await read('SELECT * FROM subscriptions ORDER BY id'),
      tickets: await read('SELECT * FROM tickets ORDER BY id'),
      credits: await read('SELECT * FROM credits ORDER BY id'),
      changes: await read('SELECT max(seq) AS seq, count(*) AS n FROM changes'),
    };
  }

  it.each([
    ['an unknown event', 'refund,acc-gold,,,,,,,,,,', 2, 'event', 'unknown event "refund"'],
    ['a missing required value', 'account,acc-z,,,,z@z.test,,,,,,', 2, 'holder_name', 'required'],
    ['a price that is not whole cents', 'subscription,acc-gold,sub-z,2026-02-10T15:00:00Z,,,,plan-sla,gold,149.00,,', 2, 'price_cents', 'whole number of cents'],
    ['an instant without an offset', 'subscription,acc-gold,sub-z,2026-02-10 10:00,,,,plan-sla,gold,14900,,', 2, 'at', ''],
    ['an unknown plan', 'subscription,acc-gold,sub-z,2026-02-10T15:00:00Z,,,,plan-sla,bronze,100,,', 2, 'plan', ''],
    ['an unknown time zone', 'subscription,acc-gold,sub-z,2026-02-10T15:00:00Z,,,,plan-sla,gold,14900,Mars/Olympus,', 2, 'time_zone', 'IANA time zone'],
    ['a bad e-mail address', 'account,acc-z,,,Zed,not-an-address,,,,,,', 2, 'holder_email', 'e-mail'],
    ['a value in a column the event does not use', 'account,acc-z,,,Zed,z@z.test,,,gold,,,', 2, 'plan', 'not used by "account" rows'],
    ['a row with too few fields', 'account,acc-z,,,Zed', 2, null, '5 fields'],
    ['a quote left open', 'account,acc-z,,,"Zed,z@z.test,,,,,,', 2, null, 'never closed'],
    ['a months count out of range', 'free-term,,sub-z,2026-02-10T15:00:00Z,,,,,,,,0', 2, 'months', 'at least 1'],
    // The contract's text rule, as for every JSON body (hostile-text.test.ts).
    ['a control character in a name', 'account,acc-z,,,Ze\u0000d,z@z.test,,,,,,', 2, 'holder_name', 'U+0000'],
    ['a name of invisible characters only', 'account,acc-z,,,\u200b\u200b,z@z.test,,,,,,', 2, 'holder_name', 'visible'],
  ])('names %s with its line and field', async (_kind, row, line, field, words) => {
    const rows = await rejection(csv(ACCOUNT, row));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ line: line + 1, field });
    expect(rows[0]?.message).toContain(words);
  });

  it.each([
    ['an account defined twice', [ACCOUNT], 3, 'account_id', 'already on line 2'],
    ['a subscription started twice', [START(), START()], 4, 'subscription_id', 'already starts on line 3'],
    ['an event of a subscription the file does not start', ['renewal,,sub-elsewhere,2026-03-01T15:00:00Z,,,,,,,,'], 3, 'subscription_id', 'no subscription row'],
    ['an event under another account', [START(), 'cancellation,acc-gold,sub-bill,2026-03-01T15:00:00Z,,,,,,,,'], 4, 'account_id', 'belongs to account acc-bill'],
    ['an event before the subscription starts', [START(), 'cancellation,,sub-bill,2026-01-01T15:00:00Z,,,,,,,,'], 4, 'at', 'before the subscription starts'],
    ['an event in the future', [START(), 'cancellation,,sub-bill,2027-01-01T15:00:00Z,,,,,,,,'], 4, 'at', 'in the future'],
    ['a second cancellation', [START(), 'cancellation,,sub-bill,2026-03-01T15:00:00Z,,,,,,,,', 'cancellation,,sub-bill,2026-04-01T15:00:00Z,,,,,,,,'], 5, 'event', 'has a cancellation already (line 4)'],
    ['an unknown policy', ['subscription,acc-bill,sub-bill,2026-02-10T15:00:00Z,,,,gold-sla,gold,14900,,'], 3, 'policy', 'no policy gold-sla'],
    ['an account neither in the file nor in the workspace', ['subscription,acc-nobody,sub-z,2026-02-10T15:00:00Z,,,,plan-sla,gold,14900,,'], 3, 'account_id', 'no account acc-nobody'],
    ['a subscription moved to another account', ['subscription,acc-bill,sub-gold,2026-02-10T15:00:00Z,,,,plan-sla,gold,14900,,'], 3, 'account_id', 'belongs to account acc-gold'],
    ['an upgrade to a cheaper plan', [START('gold', 14900), 'upgrade,,sub-bill,2026-03-01T15:00:00Z,,,,,silver,4900,,'], 4, 'plan', 'an upgrade must be to a plan dearer than gold'],
    ['a downgrade to a dearer plan', [START(), 'downgrade,,sub-bill,2026-03-01T15:00:00Z,,,,,gold,14900,,'], 4, 'plan', 'a downgrade must be to a plan cheaper than silver'],
    ['a purchase under a policy that sells no support subscriptions', [START(), 'purchase,,sub-bill,2026-03-01T15:00:00Z,,,,,,,,'], 4, 'event', 'does not sell Support and Upgrades'],
  ])('names %s with its line and field', async (_kind, rows, line, field, words) => {
    const errors = await rejection(csv(ACCOUNT, ...rows));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line, field });
    expect(errors[0]?.message).toContain(words);
  });

  it('lists every row error of a file at once, header errors on line 1', async () => {
    expect(await rejection('event,colour\r\naccount,red\r\n')).toEqual([{ line: 1, field: 'colour', message: expect.stringContaining('unknown column') }]);
    const errors = await rejection(csv(ACCOUNT, 'account,acc-y,,,Yan,bad,,,,,,', START(), 'upgrade,,sub-bill,2026-03-01T15:00:00Z,,,,,gold,x,,'));
    expect(errors.map((e) => [e.line, e.field])).toEqual([[3, 'holder_email'], [5, 'price_cents']]);
  });

  it('writes nothing when only the last row is wrong', async () => {
    const before = await snapshot();
    const errors = await rejection(csv(ACCOUNT, START(), 'upgrade,,sub-bill,2026-05-01T15:00:00Z,,,,,gold,14900,,', 'renewal,,sub-bill,2026-06-01T15:00:00Z,,,,,,,,abc'));
    expect(errors).toEqual([{ line: 5, field: 'months', message: expect.any(String) }]);
    // Valid on its own, refused across rows: the whole file is still refused.
    await rejection(csv(ACCOUNT, START(), 'downgrade,,sub-bill,2026-05-01T15:00:00Z,,,,,gold,14900,,'));
    expect(await snapshot()).toEqual(before);
  });

  it('imports once, and the same file again changes nothing', async () => {
    const file = csv(
      ACCOUNT,
      START(),
      'subscription,acc-bill,sub-bill-b,2026-03-01T15:00:00Z,,,,subscription-scope,gold,14900,,',
      'purchase,acc-bill,sub-bill-b,2026-03-01T15:00:00Z,,,,,,,,',
      'renewal,,sub-bill-b,2026-05-20T15:00:00Z,,,,,,,,12',
    );
    const first = await importBilling(opened.center, file);
    expect(first).toEqual(summary({ accounts: [1, 0, 0], subscriptions: [2, 0, 0] }));
    const { rows } = await opened.db.query<{ entitlement_windows: unknown; holder_name: string }>(
      "SELECT s.entitlement_windows, a.holder_name FROM subscriptions s JOIN accounts a ON a.id = s.account_id WHERE s.id = 'sub-bill-b'",
    );
    // 3 months from the purchase plus 12 from the renewal paid inside the window: 15 months, to 1 June 2027 10:00 New York.
    expect(rows[0]?.entitlement_windows).toEqual([{ start: '2026-03-01T15:00:00.000Z', end: '2027-06-01T14:00:00.000Z' }]);
    const before = await snapshot();
    expect(await importBilling(opened.center, file)).toEqual(summary({ accounts: [0, 0, 1], subscriptions: [0, 0, 2] }));
    expect(await snapshot()).toEqual(before);
    await opened.db.query("DELETE FROM subscriptions WHERE id = 'sub-bill-b'");
  });

  it('moves due instants and credits as the policy says when the plan history changes', async () => {
    clock.now = new Date('2026-11-23T15:00:00.000Z'); // Monday 10:00 New York
    await importBilling(opened.center, csv(ACCOUNT, START()));
    const ticket = await opened.center.fileTicket({ accountId: 'acc-bill', requesterName: 'Bea', requesterEmail: 'bea@billing.test', subject: 'Checkout fails', body: 'Since this morning.', urgent: false, source: 'portal' });
    // Silver: the end of the next business day, Tuesday 17:00 New York.
    expect(ticket).toMatchObject({ plan: 'silver', dueAt: '2026-11-24T22:00:00.000Z' });
    clock.now = new Date('2026-11-25T15:00:00.000Z'); // Wednesday 10:00: late for every plan
    const replied = await opened.center.applyMutations({ role: 'engineer', engineerId: 'eng-ana' }, { mutations: [{ kind: 'reply', idempotencyKey: 'bill-reply', ticketId: ticket.id, body: 'Sorry.' }] });
    expect(replied.results[0]?.ok).toBe(true);
    clock.now = new Date('2026-11-25T16:00:00.000Z');

    // The billing cycle holding the due instants runs 10 Nov 10:00 to 10 Dec 10:00 New York (EST both ends): 30 days.
    const cycleMs = 30 * 86_400_000;
    const credit = (price: number, latenessMs: number) => Number((2n * BigInt(price) * BigInt(latenessMs) + BigInt(cycleMs)) / (2n * BigInt(cycleMs)));
    const expectTicket = async (plan: string | null, dueAt: string | null, cents: number | null) => {
      const { rows: [row] } = await opened.db.query<{ plan: string | null; due_at: Date | null; sla_outcome: string | null }>('SELECT plan, due_at, sla_outcome FROM tickets WHERE id = $1', [ticket.id]);
      expect({ plan: row?.plan, dueAt: row?.due_at === null ? null : new Date(row!.due_at).toISOString(), outcome: row?.sla_outcome }).toEqual({ plan, dueAt, outcome: dueAt === null ? null : 'breached' });
      const { rows: credits } = await opened.db.query<{ cents: number; lateness_ms: string; cycle_start: Date; applies_at: Date }>('SELECT * FROM credits WHERE ticket_id = $1', [ticket.id]);
      if (cents === null) return expect(credits).toEqual([]);
      expect(credits.map((c) => ({ cents: c.cents, latenessMs: Number(c.lateness_ms), cycleStart: new Date(c.cycle_start).toISOString(), appliesAt: new Date(c.applies_at).toISOString() }))).toEqual([
        { cents, latenessMs: Date.parse('2026-11-25T15:00:00.000Z') - Date.parse(dueAt!), cycleStart: '2026-11-10T15:00:00.000Z', appliesAt: '2026-12-10T15:00:00.000Z' },
      ]);
    };
    // 17 hours late on Silver ($49.00).
    await expectTicket('silver', '2026-11-24T22:00:00.000Z', credit(4_900, 17 * 3_600_000));

    // An upgrade takes effect when requested: the ticket was filed under Platinum (1 business hour, $399.00).
    const upgraded = await importBilling(opened.center, csv(ACCOUNT, START(), 'upgrade,,sub-bill,2026-06-01T14:00:00Z,,,,,platinum,39900,,'));
    expect(upgraded).toEqual(summary({ accounts: [0, 0, 1], subscriptions: [0, 1, 0], tickets: 1, credits: [0, 1, 0] }));
    await expectTicket('platinum', '2026-11-23T16:00:00.000Z', credit(39_900, 47 * 3_600_000));

    // A downgrade requested inside the ticket's cycle waits for its end: still Gold (4 business hours, $149.00).
    await importBilling(opened.center, csv(ACCOUNT, START('gold', 14900), 'downgrade,,sub-bill,2026-11-15T15:00:00Z,,,,,silver,4900,,'));
    await expectTicket('gold', '2026-11-23T19:00:00.000Z', credit(14_900, 44 * 3_600_000));

    // Requested in the cycle before, it took effect on 10 November: Silver again.
    await importBilling(opened.center, csv(ACCOUNT, START('gold', 14900), 'downgrade,,sub-bill,2026-11-05T15:00:00Z,,,,,silver,4900,,'));
    await expectTicket('silver', '2026-11-24T22:00:00.000Z', credit(4_900, 17 * 3_600_000));

    // The free term costs nothing, so its credit is 0 (10 cycles from the anchor reach 10 December).
    await importBilling(opened.center, csv(ACCOUNT, START(), 'free-term,,sub-bill,2026-02-10T15:00:00Z,,,,,,,,10'));
    await expectTicket('silver', '2026-11-24T22:00:00.000Z', 0);

    // Cancelled in October: the subscription ended on 10 November, so the ticket had no plan and no guarantee.
    const cancelled = await importBilling(opened.center, csv(ACCOUNT, START(), 'cancellation,,sub-bill,2026-10-20T15:00:00Z,,,,,,,,'));
    expect(cancelled.credits).toEqual({ created: 0, updated: 0, deleted: 1 });
    await expectTicket(null, null, null);
    const { rows: log } = await opened.db.query("SELECT op FROM changes WHERE entity = 'credit' AND entity_id = $1", [`cr-${ticket.id}`]);
    expect(log.map((r) => r.op)).toContain('delete');
  });
});

function summary(c: { accounts: number[]; subscriptions: number[]; tickets?: number; credits?: number[] }): BillingImportSummary {
  const counts = ([created, updated, unchanged]: number[]) => ({ created: created!, updated: updated!, unchanged: unchanged! });
  const [created = 0, updated = 0, deleted = 0] = c.credits ?? [];
  return { accounts: counts(c.accounts), subscriptions: counts(c.subscriptions), ticketsRederived: c.tickets ?? 0, credits: { created, updated, deleted } };
}
