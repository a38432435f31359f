import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  entityNames,
  entityRowSchemas,
  OPEN_TICKET_STATUSES,
  type MessageRow,
  type SubscriptionRow,
  type TicketRow,
} from '@shared/contract';
import {
  creditForTicket,
  detectCancellationRequest,
  firstResponseDue,
  freeTermCheck,
  holidaysBetween,
  isBusinessInstant,
  localDateOf,
  loginDetailsExpiresAt,
  planAt,
  slaStatus,
  suggestScopeCategories,
  type SupportPolicy,
} from '@shared/policy';
import type { Database } from '../../../src-backend/db/database';
import { buildDemoData } from '../../../src-backend/demo/build-demo-data';
import { DEMO_TOPICS } from '../../../src-backend/demo/demo-topics';
import { seedDemoData, type SeededDemo } from '../../../src-backend/demo/seed-demo-data';
import { hashApiToken } from '../../../src-backend/security/api-tokens';
import { openSecret } from '../../../src-backend/security/login-detail-cipher';
import { testDatabaseTargets } from '../../fixtures/test-databases';
import { foreignKeys, readRows } from './demo-rows';

/** Tuesday 11:20 in New York: inside working hours, so open tickets can be due within the hour. */
const NOW = new Date('2026-03-10T15:20:00.000Z');
const NOW_MS = NOW.getTime();
const SEED = 7;
const TICKETS = 500;
const HOUR = 3_600_000;
const DAY = 86_400_000;

for (const target of testDatabaseTargets) {
  if (target.skipReason !== null) console.warn(`demo seed suite on ${target.name} skipped: ${target.skipReason}`);
  describe.skipIf(target.skipReason !== null)(`demo data seeded into ${target.name}`, { timeout: 60_000 }, () => suite(target));
}

function suite(target: (typeof testDatabaseTargets)[number]): void {
  let db: Database;
  let drop: () => Promise<void>;
  let seeded: SeededDemo;
  const loginDetailKey = randomBytes(32);
  const options = { tickets: TICKETS, now: NOW, seed: SEED };
  const expected = buildDemoData(options);
  let tickets: TicketRow[];
  let messagesByTicket: Map<string, MessageRow[]>;
  let subscriptions: Map<string, SubscriptionRow>;
  let policies: Map<string, SupportPolicy>;

  beforeAll(async () => {
    ({ db, drop } = await target.open());
    seeded = await seedDemoData(db, { ...options, loginDetailKey });
    tickets = (await readRows(db, 'ticket')).map((r) => r.row);
    messagesByTicket = new Map();
    for (const { row } of await readRows(db, 'message')) {
      const list = messagesByTicket.get(row.ticketId) ?? [];
      list.push(row);
      messagesByTicket.set(row.ticketId, list);
    }
    subscriptions = new Map((await readRows(db, 'subscription')).map(({ row }) => [row.id, row]));
    policies = new Map((await readRows(db, 'policy')).map(({ row }) => [row.id, row.policy]));
  }, 120_000);

  afterAll(async () => {
    await db.close();
    await drop();
  });

  const conversation = (ticketId: string): MessageRow[] => messagesByTicket.get(ticketId) ?? [];
  const policyOf = (ticket: TicketRow): SupportPolicy => policies.get(ticket.policyId) as SupportPolicy;

  it('writes rows that are valid under the contract schemas, exactly as generated', async () => {
    for (const entity of entityNames) {
      const rows = await readRows(db, entity);
      for (const { row } of rows) entityRowSchemas[entity].parse(row);
    }
    expect(tickets).toEqual(expected.tickets);
    expect((await readRows(db, 'message')).map((r) => r.row)).toEqual(expected.messages);
    expect((await readRows(db, 'account')).map((r) => r.row)).toEqual([...expected.accounts, expected.terminatedAccount]);
    expect([...subscriptions.values()]).toEqual(expected.subscriptions);
    expect((await readRows(db, 'credit')).map((r) => r.row)).toEqual(expected.credits);
    expect((await readRows(db, 'loginDetail')).map((r) => r.row)).toEqual(
      expected.loginDetails.map(({ secret: _secret, ...row }) => row).sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(seeded.counts).toMatchObject({
      tickets: TICKETS,
      messages: expected.messages.length,
      accounts: expected.accounts.length + 1,
      credits: expected.credits.length,
      loginDetails: expected.loginDetails.length,
      engineers: 5,
      policies: 2,
    });
  });

  it('is deterministic for a seed and a now, and different for another seed', () => {
    const again = buildDemoData(options);
    expect(again).toEqual(expected);
    expect(tickets.map((t) => [t.id, t.subject, t.dueAt])).toEqual(again.tickets.map((t) => [t.id, t.subject, t.dueAt]));
    const other = buildDemoData({ ...options, seed: SEED + 1 });
    expect(other.tickets.map((t) => t.subject)).not.toEqual(expected.tickets.map((t) => t.subject));
    expect(other.accounts.map((a) => a.holderEmail)).not.toEqual(expected.accounts.map((a) => a.holderEmail));
  });

  it('stores the plan at creation and the due instant that the policy engine recomputes', () => {
    for (const ticket of tickets) {
      const subscription = subscriptions.get(ticket.subscriptionId as string) as SubscriptionRow;
      expect(subscription.policyId).toBe(ticket.policyId);
      const plan = planAt(subscription, ticket.createdAt);
      expect(ticket.plan).toBe(plan);
      const due = plan === null ? null : firstResponseDue(policyOf(ticket), { createdAt: ticket.createdAt, plan, urgent: ticket.urgent });
      expect(ticket.dueAt).toBe(due);
    }
    expect(tickets.filter((t) => t.dueAt !== null).length).toBeGreaterThan(TICKETS * 0.95);
  });

  it('derives the first reply, the SLA outcome and the last update from the conversation', () => {
    for (const ticket of tickets) {
      const messages = conversation(ticket.id);
      expect(messages[0]?.authorKind).toBe('customer');
      expect(messages[0]?.createdAt).toBe(ticket.createdAt);
      const firstReply = messages.find((m) => m.authorKind === 'staff' && m.public)?.createdAt ?? null;
      expect(ticket.firstStaffReplyAt).toBe(firstReply);
      expect(ticket.updatedAt).toBe(messages[messages.length - 1]?.createdAt);
      expect(messages.every((m) => Date.parse(m.createdAt) <= NOW_MS)).toBe(true);
      expect(messages.map((m) => m.createdAt)).toEqual(messages.map((m) => m.createdAt).sort());
      if (ticket.dueAt === null) {
        expect(ticket.slaOutcome).toBeNull();
        continue;
      }
      const sla = slaStatus(policyOf(ticket), { dueAt: ticket.dueAt, firstStaffReplyAt: ticket.firstStaffReplyAt, now: NOW.toISOString() });
      expect(ticket.slaOutcome).toBe(sla.state === 'running' ? null : sla.state);
    }
    const outcomes = tickets.map((t) => t.slaOutcome);
    expect(outcomes.filter((o) => o === 'met').length).toBeGreaterThan(TICKETS * 0.7);
    expect(outcomes.filter((o) => o === 'breached').length).toBeGreaterThan(TICKETS * 0.05);
  });

  it('keeps statuses consistent: open tickets unanswered or pending, solved and closed ones answered', () => {
    for (const ticket of tickets) {
      const replied = ticket.firstStaffReplyAt !== null;
      if (ticket.status === 'new' || ticket.status === 'open') expect(replied).toBe(false);
      else expect(replied).toBe(true);
      if (ticket.status === 'new') expect(ticket.assigneeId).toBeNull();
      else expect(ticket.assigneeId).not.toBeNull();
      const closingNotice = conversation(ticket.id).some((m) => m.authorKind === 'system');
      expect(closingNotice).toBe(ticket.status === 'closed');
    }
  });

  it('leaves 5 to 10% of tickets open (at least 30), some due within the hour and some already breached', () => {
    const open = tickets.filter((t) => OPEN_TICKET_STATUSES.includes(t.status));
    expect(open.length).toBeGreaterThanOrEqual(30);
    expect(open.length).toBeLessThanOrEqual(TICKETS * 0.1);
    const unanswered = open.filter((t) => t.firstStaffReplyAt === null && t.dueAt !== null);
    const dueSoon = unanswered.filter((t) => Date.parse(t.dueAt as string) > NOW_MS && Date.parse(t.dueAt as string) <= NOW_MS + HOUR);
    expect(dueSoon.length).toBeGreaterThanOrEqual(5);
    expect(unanswered.filter((t) => t.slaOutcome === 'breached').length).toBeGreaterThanOrEqual(1);
    expect(new Set(open.map((t) => t.status))).toEqual(new Set(['new', 'open', 'pending']));
  });

  it('owes a credit for every late first reply under Preset A, and none otherwise', async () => {
    const credits = new Map((await readRows(db, 'credit')).map(({ row }) => [row.ticketId, row]));
    let owed = 0;
    for (const ticket of tickets) {
      const late = ticket.slaOutcome === 'breached' && ticket.firstStaffReplyAt !== null;
      const guaranteed = policyOf(ticket).guarantees.credits;
      const credit = credits.get(ticket.id);
      if (!(late && guaranteed)) {
        expect(credit).toBeUndefined();
        continue;
      }
      owed++;
      expect(credit).toBeDefined();
      const subscription = subscriptions.get(ticket.subscriptionId as string) as SubscriptionRow;
      // The price of the plan the ticket was filed under; the free Silver term costs nothing.
      const inFreeTerm = subscription.freeTerm !== null && ticket.createdAt < subscription.freeTerm.endsAt;
      const recomputed = creditForTicket({
        dueAt: ticket.dueAt as string,
        firstStaffReplyAt: ticket.firstStaffReplyAt,
        now: NOW.toISOString(),
        monthlyPriceCents: inFreeTerm ? 0 : (policyOf(ticket).plans.find((p) => p.id === ticket.plan)?.monthlyPriceCents as number),
        anchor: subscription.anchor,
        timeZone: subscription.timeZone,
      });
      expect(recomputed.status).toBe('owed');
      expect(credit).toMatchObject({
        id: `cr-${ticket.id}`,
        accountId: ticket.accountId,
        subscriptionId: subscription.id,
        cents: recomputed.cents,
        latenessMs: recomputed.latenessMs,
        dueAt: ticket.dueAt,
        repliedAt: ticket.firstStaffReplyAt,
        cycleStart: recomputed.cycle.start,
        cycleEnd: recomputed.cycle.end,
        appliesAt: recomputed.appliesAt,
      });
    }
    expect(owed).toBeGreaterThan(0);
    expect(credits.size).toBe(owed);
  });

  it('keeps login details sealed with their id, none older than 30 days, some about to expire', async () => {
    const { rows } = await db.query<{ id: string; ticket_id: string; ciphertext: Uint8Array; iv: Uint8Array; auth_tag: Uint8Array }>(
      'SELECT id, ticket_id, ciphertext, iv, auth_tag FROM login_details ORDER BY id',
    );
    const details = (await readRows(db, 'loginDetail')).map((r) => r.row);
    expect(details.length).toBeGreaterThanOrEqual(10);
    const byId = new Map(tickets.map((t) => [t.id, t]));
    for (const detail of details) {
      const ticket = byId.get(detail.ticketId) as TicketRow;
      expect(detail.accountId).toBe(ticket.accountId);
      expect(Date.parse(detail.submittedAt)).toBeGreaterThan(NOW_MS - 30 * DAY);
      expect(Date.parse(detail.submittedAt)).toBeGreaterThanOrEqual(Date.parse(ticket.createdAt));
      expect(Date.parse(detail.submittedAt)).toBeLessThanOrEqual(NOW_MS);
      expect(detail.expiresAt).toBe(loginDetailsExpiresAt(policyOf(ticket), detail.submittedAt));
    }
    const expiresIn = details.map((d) => Date.parse(d.expiresAt) - NOW_MS);
    expect(expiresIn.filter((ms) => ms <= 12 * HOUR).length).toBeGreaterThanOrEqual(3);
    expect(expiresIn.filter((ms) => ms > DAY && ms <= 2 * DAY).length).toBeGreaterThanOrEqual(2);
    const secrets = new Map(expected.loginDetails.map((d) => [d.id, d.secret]));
    for (const row of rows) {
      const sealed = { ciphertext: Buffer.from(row.ciphertext), iv: Buffer.from(row.iv), authTag: Buffer.from(row.auth_tag) };
      expect(openSecret(loginDetailKey, sealed, row.id)).toBe(secrets.get(row.id));
      expect(() => openSecret(loginDetailKey, sealed, `${row.id}x`)).toThrow();
    }
  });

  it('leaves nothing of the terminated account but its row, written after its purge', async () => {
    const id = expected.terminatedAccount.id;
    const [account] = (await readRows(db, 'account')).filter((a) => a.row.id === id);
    expect(account?.row.status).toBe('terminated');
    for (const table of ['tickets', 'messages', 'login_details', 'credits', 'subscriptions']) {
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE account_id = $1`, [id]);
      expect(rows[0]?.n, table).toBe(0);
    }
    const { rows: changes } = await db.query<{ seq: number; entity: string; op: string }>(
      'SELECT seq, entity, op FROM changes WHERE account_id = $1 ORDER BY seq',
      [id],
    );
    expect(changes.map((c) => [c.entity, c.op])).toEqual([['account', 'purge'], ['account', 'upsert']]);
    expect(Number(changes[1]?.seq)).toBe(account?.version);
  });

  it('records one upsert change per row, with seq = version and the owning account', async () => {
    const owner: Record<string, string> = {
      policies: 'NULL', engineers: 'NULL', products: 'NULL', accounts: 't.id', subscriptions: 't.account_id', tickets: 't.account_id',
      messages: 't.account_id', login_details: 't.account_id', credits: 't.account_id',
    };
    const entities: Record<string, string> = {
      policies: 'policy', engineers: 'engineer', products: 'product', accounts: 'account', subscriptions: 'subscription', tickets: 'ticket',
      messages: 'message', login_details: 'loginDetail', credits: 'credit',
    };
    let rowsTotal = 0;
    for (const [table, entity] of Object.entries(entities)) {
      const { rows } = await db.query<{ total: number; unmatched: number }>(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE c.seq IS NULL)::int AS unmatched FROM ${table} t
         LEFT JOIN changes c ON c.seq = t.version AND c.entity = $1 AND c.entity_id = t.id AND c.op = 'upsert'
           AND c.account_id IS NOT DISTINCT FROM ${owner[table]}`,
        [entity],
      );
      expect(rows[0]?.unmatched, table).toBe(0);
      rowsTotal += rows[0]?.total ?? 0;
    }
    const { rows } = await db.query<{ n: number; purges: number }>("SELECT count(*)::int AS n, count(*) FILTER (WHERE op = 'purge')::int AS purges FROM changes");
    expect(rows[0]).toEqual({ n: rowsTotal + 1, purges: 1 });
    expect(seeded.counts.changes).toBe(rowsTotal + 1);
  });

  it('keeps every reference intact and rebuilds the indexes it set aside while loading', async () => {
    const keys = await foreignKeys(db);
    expect(keys.length).toBeGreaterThanOrEqual(10);
    for (const key of keys) {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${key.child} c WHERE c.${key.column} IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM ${key.parent} p WHERE p.${key.parentColumn} = c.${key.column})`,
      );
      expect(rows[0]?.n, `${key.child}.${key.column}`).toBe(0);
    }
    const { rows } = await db.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1");
    expect(rows.map((r) => r.indexname)).toEqual(
      expect.arrayContaining(['changes_position', 'changes_account', 'tickets_account', 'tickets_open', 'tickets_unreplied_due', 'messages_ticket', 'messages_account', 'login_details_expiry', 'login_details_ticket', 'credits_account']),
    );
  });

  it('numbers tickets from 1001 in creation order, and new tickets continue after them', async () => {
    expect(tickets.map((t) => t.number)).toEqual(Array.from({ length: TICKETS }, (_, i) => 1001 + i));
    expect(tickets.map((t) => t.id)).toEqual(Array.from({ length: TICKETS }, (_, i) => `t-${String(i + 1).padStart(6, '0')}`));
    expect(tickets.map((t) => t.createdAt)).toEqual(tickets.map((t) => t.createdAt).sort());
    const { rows } = await db.query<{ n: number }>("SELECT nextval('ticket_number_seq') AS n");
    expect(Number(rows[0]?.n)).toBe(1001 + TICKETS);
  });

  it('stores only the hashes of the tokens it returns', async () => {
    const { rows } = await db.query<{ token_hash: string; engineer_id: string | null; role: string }>('SELECT token_hash, engineer_id, role FROM api_tokens ORDER BY role');
    expect(rows).toEqual([
      { token_hash: hashApiToken(seeded.adminToken), engineer_id: null, role: 'admin' },
      { token_hash: hashApiToken(seeded.engineerToken), engineer_id: seeded.engineerId, role: 'engineer' },
    ]);
    expect(seeded.engineerId).toBe('eng-01');
  });

  it('covers the plans, plan changes, Preset B windows and free-term abuse', () => {
    const subs = [...subscriptions.values()];
    const presetA = subs.filter((s) => s.policyId === 'plan-sla');
    expect(new Set(presetA.map((s) => s.plan))).toEqual(new Set(['silver', 'gold', 'platinum']));
    expect(new Set(tickets.filter((t) => t.policyId === 'plan-sla').map((t) => t.plan))).toEqual(new Set(['silver', 'gold', 'platinum']));
    expect(presetA.some((s) => s.changes.some((c) => c.kind === 'upgrade'))).toBe(true);
    expect(presetA.some((s) => s.changes.some((c) => c.kind === 'downgrade') && s.pendingDowngrade === null)).toBe(true);
    expect(presetA.some((s) => s.pendingDowngrade !== null && Date.parse(s.pendingDowngrade.effectiveAt) > NOW_MS)).toBe(true);
    expect(presetA.some((s) => s.cancelAt !== null && Date.parse(s.cancelAt) > NOW_MS)).toBe(true);
    expect(presetA.some((s) => s.cancelAt !== null && Date.parse(s.cancelAt) <= NOW_MS)).toBe(true);
    const presetB = subs.filter((s) => s.policyId === 'subscription-scope');
    expect(presetB.length).toBeGreaterThanOrEqual(4);
    expect(presetB.every((s) => s.entitlementEvents[0]?.kind === 'purchase' && s.entitlementWindows.length > 0)).toBe(true);
    expect(presetB.some((s) => s.entitlementWindows.length > 1)).toBe(true); // a lapse and a later renewal
    expect(presetB.some((s) => Date.parse(s.entitlementWindows.at(-1)?.end as string) < NOW_MS)).toBe(true); // expired

    const accounts = expected.accounts;
    const uses = subs
      .filter((s) => s.freeTerm !== null)
      .map((s) => {
        const account = accounts.find((a) => a.id === s.accountId)!;
        return { accountId: account.id, holderEmail: account.holderEmail, organization: account.organization, usedAt: s.freeTerm!.startedAt };
      })
      .sort((a, b) => a.usedAt.localeCompare(b.usedAt));
    const abusers = uses.filter((use, i) => freeTermCheck({ candidate: use, priorUses: uses.slice(0, i) }).abuse);
    expect(abusers.length).toBeGreaterThanOrEqual(1);
    expect(accounts.filter((a) => a.organization === null).length).toBeGreaterThan(0);
  });

  it('covers ticket variety: urgent flags, sources, versions, requesters, eligibility verdicts', () => {
    const urgent = tickets.filter((t) => t.urgent);
    expect(urgent.length).toBeGreaterThan(TICKETS * 0.04);
    expect(urgent.length).toBeLessThan(TICKETS * 0.13);
    expect(urgent.some((t) => t.plan === 'platinum')).toBe(true);
    expect(new Set(tickets.map((t) => t.source))).toEqual(new Set(['portal', 'email', 'phone', 'chat', 'forum-referred']));
    const latest = new Map(expected.products.map((p) => [p.id, p.latestStableVersion]));
    expect(tickets.some((t) => t.productVersion !== null && t.productVersion !== latest.get(t.productId as string))).toBe(true);
    expect(expected.products.filter((p) => p.discontinued)).toHaveLength(1);
    const holders = new Map(expected.accounts.map((a) => [a.id, a.holderEmail]));
    expect(tickets.filter((t) => t.requesterEmail !== holders.get(t.accountId)).length).toBeGreaterThan(TICKETS * 0.03);
    const presetB = tickets.filter((t) => t.policyId === 'subscription-scope');
    expect(tickets.filter((t) => t.policyId === 'plan-sla').every((t) => t.eligibility === null)).toBe(true);
    expect(presetB.every((t) => t.eligibility !== null)).toBe(true);
    const verdicts = new Set(presetB.map((t) => t.eligibility?.kind));
    expect(verdicts).toEqual(new Set(['eligible', 'not-eligible', 'needs-engineer-check']));
    expect(presetB.some((t) => t.eligibility?.failed.includes('subscription-valid'))).toBe(true);
    expect(presetB.some((t) => t.eligibility?.failed.includes('in-scope'))).toBe(true);
  });

  it('files tickets on weekends and holidays, mostly within working hours', () => {
    const policy = policies.get('plan-sla') as SupportPolicy;
    const years = new Set(tickets.map((t) => Number(t.createdAt.slice(0, 4))));
    const holidays = new Set(holidaysBetween(policy, Math.min(...years), Math.max(...years)).map((h) => h.date));
    const weekday = (date: string): number => new Date(`${date}T12:00:00Z`).getUTCDay();
    const dates = tickets.map((t) => localDateOf(policy, t.createdAt));
    expect(dates.filter((d) => weekday(d) === 0 || weekday(d) === 6).length).toBeGreaterThan(0);
    expect(dates.filter((d) => holidays.has(d)).length).toBeGreaterThan(0);
    const inHours = tickets.filter((t) => isBusinessInstant(policy, t.createdAt)).length;
    expect(inHours).toBeGreaterThan(TICKETS * 0.6);
    expect(inHours).toBeLessThan(TICKETS * 0.9);
    expect(Date.parse(tickets[0]!.createdAt)).toBeLessThan(NOW_MS - 450 * DAY);
  });

  it('writes texts that the cancellation detector and the scope suggestions recognise', () => {
    const topics = new Map(DEMO_TOPICS.map((t) => [t.id, t]));
    const categories = (policies.get('subscription-scope') as SupportPolicy).scope.categories;
    let categorised = 0;
    let suggested = 0;
    expected.ticketTopics.forEach((topicId, i) => {
      const ticket = tickets[i] as TicketRow;
      const text = `${ticket.subject}\n${conversation(ticket.id)[0]?.body ?? ''}`;
      expect(detectCancellationRequest(text).asksToCancel, `${ticket.id}: ${text}`).toBe(topicId === 'cancel-request');
      const category = topics.get(topicId)?.categoryId ?? null;
      if (category === null) return;
      categorised++;
      if (suggestScopeCategories(categories, text).some((s) => s.categoryId === category)) suggested++;
    });
    expect(expected.ticketTopics.filter((t) => t === 'cancel-request').length).toBeGreaterThanOrEqual(2);
    expect(suggested / categorised).toBeGreaterThan(0.9);
    const outOfScope = new Set(DEMO_TOPICS.filter((t) => t.categoryId !== null && !categories.find((c) => c.id === t.categoryId)?.inScope).map((t) => t.id));
    expect(expected.ticketTopics.filter((t) => outOfScope.has(t)).length).toBeGreaterThan(TICKETS * 0.15);
  });

  it('refuses to seed a database that already holds a workspace', async () => {
    await expect(seedDemoData(db, { ...options, loginDetailKey })).rejects.toThrow(/already holds a workspace/);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets');
    expect(rows[0]?.n).toBe(TICKETS);
  });
}
