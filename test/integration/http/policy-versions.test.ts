import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  policyReplacedSchema,
  recomputeReportSchema,
  workspacePoliciesSchema,
  type FileTicket,
  type TicketRow,
} from '@shared/contract';
import { creditForTicket, firstResponseDue, presets, type SupportPolicy } from '@shared/policy';
import { call, forEachDatabase, startTestServer, type TestServer } from './test-server';

const ANA = { role: 'engineer', engineerId: 'eng-ana' } as const;
const MONDAY_WEEK_1 = '2026-11-23T14:00:00.000Z'; // 09:00 in New York
const WEDNESDAY_AFTERNOON = '2026-11-25T20:00:00.000Z'; // 15:00, before Thanksgiving
const NEXT_MONDAY = '2026-11-30T05:00:00.000Z'; // local midnight: the new hours start
const MONDAY_WEEK_2 = '2026-11-30T14:00:00.000Z';

/** Next week's hours: mornings only, and Gold costs more. */
const v2: SupportPolicy = presets.planSla({ hours: { start: '08:00', end: '12:00' }, prices: { gold: 20_000 } });
const v1 = presets.planSla();

function goldTicket(subject: string): FileTicket {
  return { accountId: 'acc-gold', requesterName: 'Grace Gold', requesterEmail: 'grace@gold.test', subject, body: 'It broke.', source: 'portal' };
}

forEachDatabase('policy versions', (target) => {
  let server: TestServer;
  let now = MONDAY_WEEK_1;
  const admin = () => server.tokens.admin;
  const at = (instant: string) => {
    now = instant;
  };
  const file = (subject: string) => server.center.fileTicket(goldTicket(subject));
  const ticketRow = async (id: string) => (await server.db.query<{ policy_version: number; due_at: Date | string }>('SELECT policy_version, due_at FROM tickets WHERE id = $1', [id])).rows[0];
  const policiesNow = async () => workspacePoliciesSchema.parse((await call(server.url, 'GET', '/v1/admin/policy', { token: admin() })).json);

  let before: TicketRow;
  let lateWeek: TicketRow;
  let after: TicketRow;

  beforeAll(async () => {
    server = await startTestServer({ target, clock: () => new Date(now) });
    before = await file('Filed in week 1');
    const replaced = await call(server.url, 'PUT', '/v1/admin/policy', { token: admin(), body: { effectiveFrom: NEXT_MONDAY, policy: v2 } });
    expect(replaced.status).toBe(200);
    at(WEDNESDAY_AFTERNOON);
    lateWeek = await file('Filed on Wednesday, before the change');
    at(MONDAY_WEEK_2);
    after = await file('Filed after the change');
  }, 60_000);
  afterAll(() => server.stop());

  it('keeps the version in force at creation on each ticket, and its due instant', () => {
    expect(before.policyVersion).toBe(1);
    expect(before.dueAt).toBe(firstResponseDue(v1, { createdAt: MONDAY_WEEK_1, plan: 'gold' }));
    expect(lateWeek.policyVersion).toBe(1);
    expect(lateWeek.dueAt).toBe(firstResponseDue(v1, { createdAt: WEDNESDAY_AFTERNOON, plan: 'gold' }));
    // Under the new hours it would be another instant: the version is what kept it.
    expect(lateWeek.dueAt).not.toBe(firstResponseDue(v2, { createdAt: WEDNESDAY_AFTERNOON, plan: 'gold' }));
    expect(after.policyVersion).toBe(2);
    expect(after.dueAt).toBe(firstResponseDue(v2, { createdAt: MONDAY_WEEK_2, plan: 'gold' }));
    expect(after.dueAt).not.toBe(firstResponseDue(v1, { createdAt: MONDAY_WEEK_2, plan: 'gold' }));
  });

  it('shows the history with what changed, and the version in force', async () => {
    const shown = await policiesNow();
    const planSla = shown.policies.find((p) => p.id === 'plan-sla');
    expect(planSla?.inForce).toBe(2);
    expect(planSla?.versions.map((v) => [v.number, v.effectiveFrom])).toEqual([[1, '1970-01-01T00:00:00.000Z'], [2, NEXT_MONDAY]]);
    expect(planSla?.versions[1]?.summary).toEqual(expect.arrayContaining(['Monday: 09:00–17:00 → 08:00–12:00', 'Gold price a month: $149.00 → $200.00']));
    expect(shown.policies.find((p) => p.id === 'subscription-scope')?.versions).toHaveLength(1);
  });

  it('syncs the ticket with its version and the policy with its history', async () => {
    const page = await server.center.sync(ANA, { limit: 1_000 });
    const rows = page.changes.flatMap((c) => ('row' in c ? [c] : []));
    const ticket = rows.find((c) => c.entity === 'ticket' && c.id === lateWeek.id);
    expect(ticket?.entity === 'ticket' && ticket.row.policyVersion).toBe(1);
    const policy = rows.find((c) => c.entity === 'policy' && c.id === 'plan-sla');
    expect(policy?.entity === 'policy' && policy.row.versions.map((v) => v.number)).toEqual([1, 2]);
  });

  it("credits a late reply at the price of the ticket's version", async () => {
    const reply = await server.center.applyMutations(ANA, { mutations: [{ kind: 'reply', idempotencyKey: 'late-reply-1', ticketId: before.id, body: 'Sorry for the wait.' }] });
    expect(reply.results[0]?.ok).toBe(true);
    const { rows } = await server.db.query<{ cents: number }>('SELECT cents FROM credits WHERE ticket_id = $1', [before.id]);
    const owed = (price: number) => creditForTicket({
      dueAt: before.dueAt as string, firstStaffReplyAt: MONDAY_WEEK_2, now: MONDAY_WEEK_2, monthlyPriceCents: price,
      anchor: '2026-01-15T14:00:00.000Z', timeZone: 'America/New_York',
    }).cents;
    expect(owed(14_900)).not.toBe(owed(20_000));
    expect(Number(rows[0]?.cents)).toBe(owed(14_900));
  });

  it('recomputes only open unanswered tickets to the version in force, and reports the moved deadlines', async () => {
    const solved = await file('Solved without a reply');
    await server.db.query('UPDATE tickets SET policy_version = 1, status = $2 WHERE id = $1', [solved.id, 'solved']);
    const response = await call(server.url, 'POST', '/v1/admin/policy/recompute', { token: admin() });
    expect(response.status).toBe(200);
    const report = recomputeReportSchema.parse(response.json);
    expect(report.examined).toBe(1);
    expect(report.moved).toEqual([{
      ticketId: lateWeek.id, number: lateWeek.number, policyId: 'plan-sla', fromVersion: 1, toVersion: 2,
      dueAtBefore: lateWeek.dueAt, dueAtAfter: firstResponseDue(v2, { createdAt: WEDNESDAY_AFTERNOON, plan: 'gold' }),
    }]);
    expect(Number((await ticketRow(lateWeek.id))?.policy_version)).toBe(2);
    // The answered ticket and the solved one keep version 1 and their due instants.
    expect(Number((await ticketRow(before.id))?.policy_version)).toBe(1);
    expect(new Date((await ticketRow(before.id))?.due_at as string).toISOString()).toBe(before.dueAt);
    expect(Number((await ticketRow(solved.id))?.policy_version)).toBe(1);
    const again = recomputeReportSchema.parse((await call(server.url, 'POST', '/v1/admin/policy/recompute', { token: admin() })).json);
    expect(again).toMatchObject({ examined: 0, moved: [] });
  });

  describe('refuses a bad replacement, naming the path, and changes nothing', () => {
    const week = (day: string, intervals: { start: string; end: string }[]): SupportPolicy => ({ ...v2, calendar: { ...v2.calendar, week: { ...v2.calendar.week, [day]: intervals } } });
    const closed = { '1': [], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [] };
    const cases: Array<[string, unknown, number, string]> = [
      ['an unknown zone', { ...v2, calendar: { ...v2.calendar, timeZone: 'Mars/Olympus_Mons' } }, 400, 'policy.calendar.timeZone'],
      ['25:00', week('3', [{ start: '09:00', end: '25:00' }]), 400, 'policy.calendar.week.3[0].end'],
      ['an end before its start', week('1', [{ start: '17:00', end: '09:00' }]), 400, 'policy.calendar.week.1[0].end'],
      ['overlapping intervals', week('3', [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '17:00' }]), 400, 'policy.calendar.week.3[1].start'],
      ['a week with no working time', { ...v2, calendar: { ...v2.calendar, week: closed } }, 400, 'policy.calendar.week'],
      ['a holiday after an unknown one', { ...v2, calendar: { ...v2.calendar, holidays: [{ kind: 'days-after', name: 'Bridge', of: 'Nowhere', days: 1 }] } }, 400, 'policy.calendar.holidays[0].of'],
      ['a date that does not exist', { ...v2, calendar: { ...v2.calendar, holidays: [{ kind: 'date', name: 'Closure', date: '2027-02-30' }] } }, 400, 'policy.calendar.holidays[0].date'],
      ['a plan defined twice', { ...v2, plans: [...v2.plans, v2.plans[0]] }, 400, 'policy.plans[3].id'],
      ['a negative price', { ...v2, plans: [{ ...v2.plans[0], monthlyPriceCents: -1 }, ...v2.plans.slice(1)] }, 400, 'policy.plans[0].monthlyPriceCents'],
      ['a policy that does not exist', { ...v2, id: 'no-such-policy' }, 404, 'policy.id'],
    ];

    it.each(cases)('%s', async (_label, policy, status, field) => {
      const shownBefore = await policiesNow();
      const response = await call(server.url, 'PUT', '/v1/admin/policy', { token: admin(), body: { effectiveFrom: '2026-12-07T05:00:00.000Z', policy } });
      expect(response.status).toBe(status);
      expect((response.json as { error: { field?: string } }).error.field).toBe(field);
      expect({ ...(await policiesNow()), serverTime: shownBefore.serverTime }).toEqual(shownBefore);
    });

    it.each([
      ['in the past', '2026-11-30T13:59:59.999Z', 400, 'effectiveFrom'],
      ['not an instant', 'next week', 400, 'effectiveFrom'],
    ])('an effective instant %s', async (_label, effectiveFrom, status, field) => {
      const shownBefore = await policiesNow();
      const response = await call(server.url, 'PUT', '/v1/admin/policy', { token: admin(), body: { effectiveFrom, policy: { ...v2, name: 'Changed' } } });
      expect(response.status).toBe(status);
      expect((response.json as { error: { field?: string } }).error.field).toBe(field);
      expect({ ...(await policiesNow()), serverTime: shownBefore.serverTime }).toEqual(shownBefore);
    });

    it('an effective instant before the newest version starts', async () => {
      const scheduled = await call(server.url, 'PUT', '/v1/admin/policy', { token: admin(), body: { effectiveFrom: '2026-12-14T05:00:00.000Z', policy: { ...v2, name: 'December' } } });
      expect(policyReplacedSchema.parse(scheduled.json).version.number).toBe(3);
      const response = await call(server.url, 'PUT', '/v1/admin/policy', { token: admin(), body: { effectiveFrom: '2026-12-07T05:00:00.000Z', policy: { ...v2, name: 'Earlier' } } });
      expect(response.status).toBe(400);
      expect((response.json as { error: { field?: string; message: string } }).error).toMatchObject({ field: 'effectiveFrom', message: expect.stringContaining('version 3') });
      expect((await policiesNow()).policies.find((p) => p.id === 'plan-sla')?.versions).toHaveLength(3);
    });

    it('an engineer token', async () => {
      const response = await call(server.url, 'PUT', '/v1/admin/policy', { token: server.tokens.ana, body: { effectiveFrom: 'now', policy: v2 } });
      expect(response.status).toBe(403);
    });
  });
});
