import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPageSchema, type SyncChange, type SyncPage } from '@shared/contract';
import { firstResponseDue, presets } from '@shared/policy';
import { createSupportCenter } from '../../../src-backend/create-support-center';
import type { Database } from '../../../src-backend/db/database';
import type { Caller, SupportCenter } from '../../../src-backend/support-center';
import { createSmallWorkspace, type SmallWorkspace } from '../../fixtures/small-workspace';
import { testDatabaseTargets } from '../../fixtures/test-databases';
import { idInput, noInput } from '../../fixtures/admin-input';

for (const target of testDatabaseTargets) {
  if (target.skipReason !== null) console.warn(`support-center suite on ${target.name} skipped: ${target.skipReason}`);
  describe.skipIf(target.skipReason !== null)(`support center on ${target.name}`, () => suite(target));
}

/** The support center on a real PostgreSQL (embedded or server), with a clock the tests move. */
function suite(target: (typeof testDatabaseTargets)[number]): void {
  let db: Database;
  let drop: () => Promise<void>;
  let center: SupportCenter;
  let workspace: SmallWorkspace;
  let now = new Date('2026-11-23T15:00:00.000Z'); // Monday 10:00 New York
  const ana: Caller & { role: 'engineer' } = { role: 'engineer', engineerId: 'eng-ana' };
  const ben: Caller & { role: 'engineer' } = { role: 'engineer', engineerId: 'eng-ben' };
  let keySeq = 0;
  const key = (): string => `key-${String(++keySeq).padStart(6, '0')}`;

  beforeAll(async () => {
    ({ db, drop } = await target.open());
    workspace = await createSmallWorkspace(db);
    center = await createSupportCenter(db, { loginDetailKey: workspace.loginDetailKey, clock: () => now, retentionIntervalMs: 0 });
  }, 60_000);

  afterAll(async () => {
    await center.close();
    await db.close();
    await drop();
  });

  /** Reads pages until the server has nothing more, validating each against the contract. */
  async function syncAll(cursor: string | undefined, limit = 3): Promise<{ pages: SyncPage[]; changes: SyncChange[]; cursor: string }> {
    const pages: SyncPage[] = [];
    let next = cursor;
    for (let i = 0; i < 1000; i++) {
      const page = syncPageSchema.parse(await center.sync(ana, { cursor: next, limit }));
      pages.push(page);
      next = page.cursor;
      if (!page.hasMore) break;
    }
    return { pages, changes: pages.flatMap((p) => p.changes), cursor: next as string };
  }

  /**
   * Syncs from `cursor` until `seen` holds. On a shared PostgreSQL server the horizon waits for
   * every older transaction in the cluster (other suites run in parallel), so a fresh change may
   * show up a moment later: that is the no-skip guarantee, and the wait is bounded.
   */
  async function syncUntil(cursor: string, seen: (changes: SyncChange[]) => boolean): Promise<{ changes: SyncChange[]; cursor: string }> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const page = await syncAll(cursor, 100);
      if (seen(page.changes) || Date.now() > deadline) return page;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  function fileGold(subject: string, urgent = false) {
    return center.fileTicket({ accountId: 'acc-gold', requesterName: 'Grace Gold', requesterEmail: 'grace@gold.test', subject, body: `${subject}: details`, urgent, source: 'portal' });
  }

  describe('operations', () => {
    let cursor = '';

    it('files a ticket with the plan active at creation and the engine due instant', async () => {
      const ticket = await fileGold('Checkout is slow');
      expect(ticket).toMatchObject({ plan: 'gold', status: 'new', urgent: false, policyId: 'plan-sla' });
      expect(ticket.dueAt).toBe(firstResponseDue(presets.planSla(), { createdAt: now.toISOString(), plan: 'gold' }));
      expect(ticket.dueAt).toBe('2026-11-23T19:00:00.000Z');
    });

    it('sends open tickets before history on the first sync, then switches to the change log', async () => {
      await fileGold('Second question');
      const { pages, changes, cursor: end } = await syncAll(undefined);
      cursor = end;
      const order = changes.map((c) => (c.op === 'upsert' ? c.entity : c.op));
      expect(order.indexOf('ticket')).toBeLessThan(order.lastIndexOf('message'));
      expect(order.slice(0, 2)).toEqual(['policy', 'policy']);
      expect(pages[0]?.phase).toBe('initial-open');
      expect(pages.some((p) => p.phase === 'initial-history')).toBe(true);
      expect(pages.at(-1)?.phase).toBe('changes');
      const progress = pages.filter((p) => p.progress !== null).at(-1)?.progress;
      expect(progress?.done).toBe(progress?.total);
    });

    it('re-reading a change-log page returns the same changes', async () => {
      const before = cursor;
      await fileGold('Third question');
      await syncUntil(before, (changes) => changes.length >= 2);
      const first = await center.sync(ana, { cursor: before, limit: 50 });
      const again = await center.sync(ana, { cursor: before, limit: 50 });
      expect(again.changes).toEqual(first.changes);
      expect(first.changes.map((c) => (c.op === 'upsert' ? c.entity : c.op))).toEqual(['ticket', 'message']);
      cursor = first.cursor;
      // Waiting for the write to reach the change log takes seconds on a loaded machine.
    }, 20_000);

    it('applies a repeated idempotency key once and answers with the first result', async () => {
      const ticket = await fileGold('Idempotent reply');
      const mutation = { kind: 'reply' as const, idempotencyKey: key(), ticketId: ticket.id, body: 'Looking into it.' };
      const first = await center.applyMutations(ana, { mutations: [mutation, mutation] });
      const replay = await center.applyMutations(ana, { mutations: [{ ...mutation, body: 'different text' }] });
      expect(first.results[1]).toEqual(first.results[0]);
      expect(replay.results[0]).toEqual(first.results[0]);
      const { rows } = await db.query("SELECT count(*)::int AS n FROM messages WHERE ticket_id = $1 AND author_kind = 'staff'", [ticket.id]);
      expect(rows[0]?.n).toBe(1);
    });

    it('refuses a claim of a ticket another engineer holds, and writes nothing for it', async () => {
      const ticket = await fileGold('Who owns this');
      const mine = await center.applyMutations(ana, { mutations: [{ kind: 'claim', idempotencyKey: key(), ticketId: ticket.id }] });
      expect(mine.results[0]?.ok).toBe(true);
      const theirs = await center.applyMutations(ben, { mutations: [{ kind: 'claim', idempotencyKey: key(), ticketId: ticket.id }] });
      expect(theirs.results[0]).toMatchObject({ ok: false, error: { code: 'conflict' } });
      const { rows } = await db.query('SELECT assignee_id FROM tickets WHERE id = $1', [ticket.id]);
      expect(rows[0]?.assignee_id).toBe('eng-ana');
      const missing = await center.applyMutations(ben, { mutations: [{ kind: 'claim', idempotencyKey: key(), ticketId: 'tk-999999' }] });
      expect(missing.results[0]).toMatchObject({ ok: false, error: { code: 'not-found' } });
    });

    it('marks a late first reply breached and records the credit for the next cycle', async () => {
      const ticket = await fileGold('Late answer');
      now = new Date('2026-11-24T15:00:00.000Z'); // a business day later: 4 h target missed by 4 h
      const result = await center.applyMutations(ana, { mutations: [{ kind: 'reply', idempotencyKey: key(), ticketId: ticket.id, body: 'Sorry for the wait.' }] });
      expect(result.results[0]?.ok).toBe(true);
      const { rows } = await db.query('SELECT t.sla_outcome, c.cents, c.lateness_ms, c.applies_at FROM tickets t JOIN credits c ON c.ticket_id = t.id WHERE t.id = $1', [ticket.id]);
      // Lateness 20 h wall clock of a 30-day cycle (15 Nov - 15 Dec): 14,900 x 20 / 720 = 413.9 -> 414 cents.
      expect(rows[0]).toMatchObject({ sla_outcome: 'breached', cents: 414, lateness_ms: 20 * 3_600_000 });
      expect((rows[0]?.applies_at as Date).toISOString()).toBe('2026-12-15T14:00:00.000Z');
    });

    it('keeps login details encrypted, syncs metadata only, reveals to the assignee alone, and audits', async () => {
      const ticket = await fileGold('Here are my credentials');
      await center.applyMutations(ana, { mutations: [{ kind: 'claim', idempotencyKey: key(), ticketId: ticket.id }] });
      const detail = await center.submitLoginDetail(ticket.id, { label: 'Admin panel', secret: 'hunter2-admin' });
      const stored = await db.query('SELECT ciphertext FROM login_details WHERE id = $1', [detail.id]);
      expect(Buffer.from(stored.rows[0]?.ciphertext as Uint8Array).toString('utf8')).not.toContain('hunter2');
      const page = await syncUntil(cursor, (changes) => changes.some((c) => c.op === 'upsert' && c.entity === 'loginDetail'));
      cursor = page.cursor;
      expect(JSON.stringify(page.changes)).not.toContain('hunter2');
      expect(page.changes.some((c) => c.op === 'upsert' && c.entity === 'loginDetail' && c.id === detail.id)).toBe(true);
      await expect(center.revealLoginDetail(ben, detail.id)).rejects.toMatchObject({ status: 403 });
      await expect(center.revealLoginDetail(ana, detail.id)).resolves.toMatchObject({ secret: 'hunter2-admin' });
      const audit = await db.query('SELECT engineer_id, outcome FROM reveal_audit WHERE login_detail_id = $1 ORDER BY id', [detail.id]);
      expect(audit.rows).toEqual([{ engineer_id: 'eng-ben', outcome: 'refused' }, { engineer_id: 'eng-ana', outcome: 'revealed' }]);
    });

    it('deletes login details past 30 days for real, and the deletion syncs', async () => {
      const { rows } = await db.query<{ id: string }>('SELECT id FROM login_details');
      expect(rows.length).toBeGreaterThan(0);
      now = new Date(now.getTime() + 30 * 86_400_000);
      expect(await center.runAdminAction('runRetention', 'admin-token:test', noInput).then((r) => r.deleted)).toBe(rows.length);
      expect((await db.query('SELECT count(*)::int AS n FROM login_details')).rows[0]?.n).toBe(0);
      const page = await syncUntil(cursor, (changes) => changes.some((c) => c.op === 'delete'));
      cursor = page.cursor;
      expect(page.changes).toContainEqual(expect.objectContaining({ op: 'delete', entity: 'loginDetail', id: rows[0]?.id }));
      await expect(center.revealLoginDetail(ana, String(rows[0]?.id))).rejects.toMatchObject({ status: 404 });
    });

    it('evaluates and stores the eligibility verdict of Preset B tickets as answers arrive', async () => {
      now = new Date('2026-11-23T15:00:00.000Z');
      const ticket = await center.fileTicket({ accountId: 'acc-scope', requesterName: 'Sam Scope', requesterEmail: 'sam@scope.test', subject: 'How do I export orders?', body: 'How do I export orders to CSV?', source: 'portal', productId: 'prod-shop', productVersion: '4.2.0' });
      expect(ticket.eligibility?.kind).toBe('needs-engineer-check');
      const answers = (['code-not-customized', 'data-not-modified', 'addons-purchased'] as const).map((item) => ({ kind: 'checklist-answer' as const, idempotencyKey: key(), ticketId: ticket.id, item, value: true }));
      await center.applyMutations(ana, { mutations: [...answers, { kind: 'category', idempotencyKey: key(), ticketId: ticket.id, categoryId: 'how-to-feature-question' }] });
      const eligible = await db.query('SELECT eligibility FROM tickets WHERE id = $1', [ticket.id]);
      expect(eligible.rows[0]?.eligibility).toEqual({ kind: 'eligible', failed: [] });
      await center.applyMutations(ana, { mutations: [{ kind: 'checklist-answer', idempotencyKey: key(), ticketId: ticket.id, item: 'code-not-customized', value: false }] });
      const failed = await db.query('SELECT eligibility FROM tickets WHERE id = $1', [ticket.id]);
      expect(failed.rows[0]?.eligibility).toEqual({ kind: 'not-eligible', failed: ['code-not-customized'] });
    });

    it('purges a terminated account everywhere and syncs the purge', async () => {
      await center.runAdminAction('terminateAccount', 'admin-token:test', idInput('acc-gold'));
      const left = await db.query("SELECT (SELECT count(*) FROM tickets WHERE account_id = 'acc-gold')::int AS t, (SELECT count(*) FROM messages WHERE account_id = 'acc-gold')::int AS m, (SELECT count(*) FROM credits WHERE account_id = 'acc-gold')::int AS c");
      expect(left.rows[0]).toEqual({ t: 0, m: 0, c: 0 });
      const page = await syncUntil(cursor, (changes) => changes.some((c) => c.op === 'upsert' && c.entity === 'account' && c.id === 'acc-gold'));
      expect(page.changes).toContainEqual(expect.objectContaining({ op: 'purge', accountId: 'acc-gold' }));
      const purgeAt = page.changes.findIndex((c) => c.op === 'purge');
      expect(page.changes.slice(purgeAt + 1)).toContainEqual(expect.objectContaining({ op: 'upsert', entity: 'account', id: 'acc-gold', row: expect.objectContaining({ status: 'terminated' }) }));
      await expect(fileGold('after termination')).rejects.toMatchObject({ status: 409 });
    });

    it('answers a cursor it did not issue with a 400 naming the cursor', async () => {
      await expect(center.sync(ana, { cursor: 'bm9wZQ', limit: 10 })).rejects.toMatchObject({ status: 400, field: 'cursor' });
    });

    it('resolves tokens by hash and refuses unknown ones', async () => {
      await expect(center.authenticate(workspace.tokens.ana)).resolves.toEqual(ana);
      await expect(center.authenticate(workspace.tokens.admin)).resolves.toEqual({ role: 'admin', tokenId: expect.stringMatching(/^tok_/) });
      await expect(center.authenticate('sa_unknown')).resolves.toBeNull();
    });
  });
}
