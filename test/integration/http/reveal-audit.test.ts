import { afterAll, beforeAll, expect, it } from 'vitest';
import { loginDetailRowSchema, ticketRowSchema } from '@shared/contract';
import { call, forEachDatabase, startTestServer, type TestServer } from './test-server';

/**
 * Every attempt to reveal a login detail leaves an audit row, over HTTP and on both databases:
 * the assignee's, another engineer's, an unknown id, a purged detail, one past its 30 days, and an
 * attempt with the admin token. The row names who tried (role, engineer), what (the id, and the
 * ticket while the detail exists) and how it ended.
 */
forEachDatabase('reveal audit', (target) => {
  let t: TestServer;
  let ticketId: string;

  beforeAll(async () => {
    t = await startTestServer({ target });
    const filed = await call(t.url, 'POST', '/v1/portal/tickets', {
      token: t.tokens.admin,
      body: { accountId: 'acc-gold', requesterName: 'Grace Gold', requesterEmail: 'grace@gold.test', subject: 'Admin login attached', body: 'Use it.' },
    });
    ticketId = ticketRowSchema.parse(filed.json).id;
    const claimed = await call(t.url, 'POST', '/v1/mutations', { token: t.tokens.ana, body: { mutations: [{ kind: 'claim', idempotencyKey: 'audit-claim-1', ticketId }] } });
    expect(claimed.status).toBe(200);
  }, 60_000);
  afterAll(() => t.stop());

  async function submitDetail(): Promise<string> {
    const submitted = await call(t.url, 'POST', `/v1/portal/tickets/${ticketId}/login-details`, { token: t.tokens.admin, body: { label: 'Shop admin', secret: 'hunter2' } });
    expect(submitted.status).toBe(201);
    return loginDetailRowSchema.parse(submitted.json).id;
  }

  const reveal = (id: string, token: string) => call(t.url, 'POST', `/v1/login-details/${id}/reveal`, { token });

  async function auditOf(id: string): Promise<unknown[]> {
    const { rows } = await t.db.query('SELECT caller_role, engineer_id, ticket_id, outcome FROM reveal_audit WHERE login_detail_id = $1 ORDER BY id', [id]);
    return rows;
  }

  it("audits the assignee's reveal and another engineer's refusal", async () => {
    const id = await submitDetail();
    expect((await reveal(id, t.tokens.ben)).status).toBe(403);
    expect((await reveal(id, t.tokens.ana)).status).toBe(200);
    expect(await auditOf(id)).toEqual([
      { caller_role: 'engineer', engineer_id: 'eng-ben', ticket_id: ticketId, outcome: 'refused' },
      { caller_role: 'engineer', engineer_id: 'eng-ana', ticket_id: ticketId, outcome: 'revealed' },
    ]);
  });

  it('audits an attempt on an id that never existed', async () => {
    expect((await reveal('ld-never-was', t.tokens.ana)).status).toBe(404);
    expect(await auditOf('ld-never-was')).toEqual([{ caller_role: 'engineer', engineer_id: 'eng-ana', ticket_id: null, outcome: 'not-found' }]);
  });

  it('audits an attempt on a purged detail', async () => {
    const id = await submitDetail();
    expect((await call(t.url, 'DELETE', `/v1/portal/login-details/${id}`, { token: t.tokens.admin })).status).toBe(204);
    expect((await reveal(id, t.tokens.ana)).status).toBe(404);
    expect(await auditOf(id)).toEqual([{ caller_role: 'engineer', engineer_id: 'eng-ana', ticket_id: null, outcome: 'not-found' }]);
  });

  it('audits an attempt on a detail past its 30 days, and deletes it', async () => {
    const id = await submitDetail();
    await t.db.query("UPDATE login_details SET expires_at = now() - interval '1 minute' WHERE id = $1", [id]);
    expect((await reveal(id, t.tokens.ana)).status).toBe(404);
    expect(await auditOf(id)).toEqual([{ caller_role: 'engineer', engineer_id: 'eng-ana', ticket_id: ticketId, outcome: 'expired' }]);
    expect((await t.db.query('SELECT id FROM login_details WHERE id = $1', [id])).rows).toEqual([]);
  });

  it('audits an attempt with the admin token, refused with 403 and nothing revealed', async () => {
    const id = await submitDetail();
    const answer = await reveal(id, t.tokens.admin);
    expect(answer.status).toBe(403);
    expect(JSON.stringify(answer.json)).not.toContain('hunter2');
    expect(await auditOf(id)).toEqual([{ caller_role: 'admin', engineer_id: null, ticket_id: ticketId, outcome: 'refused' }]);
  });
});
