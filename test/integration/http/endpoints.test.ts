import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  loginDetailRowSchema,
  messageRowSchema,
  mutationBatchResponseSchema,
  revealedLoginDetailSchema,
  syncPageSchema,
  ticketRowSchema,
} from '@shared/contract';
import { createHttpServer } from '../../../src-backend/http/create-http-server';
import { closeHttpServer } from '../../../src-backend/http/server-lifecycle';
import { call, forEachDatabase, loggedErrors, quietLogger, startTestServer, type TestServer } from './test-server';

forEachDatabase('endpoints', (target) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ target });
  }, 60_000);
  afterAll(() => t.stop());

  async function fileTicket(accountId = 'acc-gold') {
    const filed = await call(t.url, 'POST', '/v1/portal/tickets', {
      token: t.tokens.admin,
      body: { accountId, requesterName: 'Grace Gold', requesterEmail: 'grace@gold.test', subject: 'Checkout fails', body: 'Since this morning.' },
    });
    expect(filed.status).toBe(201);
    return ticketRowSchema.parse(filed.json);
  }

  async function claim(ticketId: string, token: string, idempotencyKey: string) {
    const response = await call(t.url, 'POST', '/v1/mutations', { token, body: { mutations: [{ kind: 'claim', idempotencyKey, ticketId }] } });
    expect(response.status).toBe(200);
    return mutationBatchResponseSchema.parse(response.json).results[0];
  }

  describe('sync', () => {
    it('pages through the first sync to the change log, each page valid against the contract', async () => {
      await fileTicket();
      let cursor: string | undefined;
      const phases: string[] = [];
      for (let page = 0; page < 100; page += 1) {
        const query = cursor === undefined ? '?limit=3' : `?limit=3&cursor=${encodeURIComponent(cursor)}`;
        const response = await call(t.url, 'GET', `/v1/sync${query}`, { token: t.tokens.ana });
        expect(response.status).toBe(200);
        const parsed = syncPageSchema.parse(response.json);
        phases.push(parsed.phase);
        cursor = parsed.cursor;
        if (!parsed.hasMore) break;
      }
      expect(phases.at(-1)).toBe('changes');
      expect(phases[0]).toBe('initial-open');
    });
  });

  describe('mutations', () => {
    it('applies a claim once and answers a repeated key with the first result', async () => {
      const ticket = await fileTicket();
      const first = await claim(ticket.id, t.tokens.ana, `claim-${ticket.id}`);
      expect(first).toMatchObject({ ok: true });
      const again = await claim(ticket.id, t.tokens.ana, `claim-${ticket.id}`);
      expect(again).toEqual(first);
    });
  });

  describe('login details', () => {
    it('are revealed to the assignee only, and gone after the customer purges them', async () => {
      const ticket = await fileTicket();
      await claim(ticket.id, t.tokens.ana, `claim-ld-${ticket.id}`);
      const submitted = await call(t.url, 'POST', `/v1/portal/tickets/${ticket.id}/login-details`, {
        token: t.tokens.admin,
        body: { label: 'Shop admin', secret: 'hunter2' },
      });
      expect(submitted.status).toBe(201);
      const detail = loginDetailRowSchema.parse(submitted.json);
      expect(JSON.stringify(submitted.json)).not.toContain('hunter2');

      const revealed = await call(t.url, 'POST', `/v1/login-details/${detail.id}/reveal`, { token: t.tokens.ana });
      expect(revealed.status).toBe(200);
      expect(revealedLoginDetailSchema.parse(revealed.json).secret).toBe('hunter2');
      expect(revealed.headers.get('cache-control')).toBe('no-store');

      const other = await call(t.url, 'POST', `/v1/login-details/${detail.id}/reveal`, { token: t.tokens.ben });
      expect(other.status).toBe(403);

      const purged = await call(t.url, 'DELETE', `/v1/portal/login-details/${detail.id}`, { token: t.tokens.admin });
      expect(purged.status).toBe(204);
      const gone = await call(t.url, 'POST', `/v1/login-details/${detail.id}/reveal`, { token: t.tokens.ana });
      expect(gone.status).toBe(404);
      const purgedAgain = await call(t.url, 'DELETE', `/v1/portal/login-details/${detail.id}`, { token: t.tokens.admin });
      expect(purgedAgain.status).toBe(404);
    });
  });

  describe('portal and admin', () => {
    it('adds a customer message', async () => {
      const ticket = await fileTicket();
      const added = await call(t.url, 'POST', `/v1/portal/tickets/${ticket.id}/messages`, { token: t.tokens.admin, body: { body: 'Any news?' } });
      expect(added.status).toBe(201);
      expect(messageRowSchema.parse(added.json)).toMatchObject({ ticketId: ticket.id, authorKind: 'customer' });
    });

    it('runs retention on demand', async () => {
      const run = await call(t.url, 'POST', '/v1/admin/retention/run', { token: t.tokens.admin });
      expect(run.status).toBe(200);
      expect(run.json).toEqual({ deleted: expect.any(Number) });
    });

    it('terminates an account: no more tickets for it', async () => {
      await fileTicket('acc-plat');
      const terminated = await call(t.url, 'POST', '/v1/admin/accounts/acc-plat/terminate', { token: t.tokens.admin });
      expect(terminated.status).toBe(204);
      const refused = await call(t.url, 'POST', '/v1/portal/tickets', {
        token: t.tokens.admin,
        body: { accountId: 'acc-plat', requesterName: 'Pat', requesterEmail: 'pat@plat.test', subject: 'Hello', body: 'Again' },
      });
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.status).toBeLessThan(500);
    });
  });

  describe('errors that are bugs', () => {
    it('answer 500 without details, and are logged', async () => {
      const fail = () => Promise.reject(new Error('secret internals: relation "x" does not exist'));
      const broken = { ...t.center, sync: fail, syncJson: fail };
      const server = createHttpServer(broken, { logger: quietLogger });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const logged = loggedErrors.length;
      const { status, json } = await call(url, 'GET', '/v1/sync', { token: t.tokens.ana });
      await closeHttpServer(server);
      expect(status).toBe(500);
      expect(apiErrorSchema.parse(json)).toEqual({ error: { code: 'internal', message: 'internal error' } });
      expect(loggedErrors.length).toBe(logged + 1);
    });
  });
});
