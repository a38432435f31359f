import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema, healthSchema, whoAmISchema } from '@shared/contract';
import { call, forEachDatabase, startTestServer, type TestServer } from './test-server';

forEachDatabase('auth and routing', (target) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ target, allowedOrigins: ['https://helpdesk.example'] });
  }, 60_000);
  afterAll(() => t.stop());

  describe('health and common headers', () => {
    it('answers without a token, with the server time in ms and no caching', async () => {
      const before = Date.now();
      const { status, headers, json } = await call(t.url, 'GET', '/v1/health');
      expect(status).toBe(200);
      expect(healthSchema.parse(json).status).toBe('ok');
      expect(headers.get('cache-control')).toBe('no-store');
      expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(headers.get('date')).toBeTruthy();
      const serverTime = Date.parse(headers.get('x-server-time') ?? '');
      expect(serverTime).toBeGreaterThanOrEqual(before);
      expect(headers.get('x-server-time')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });
  });

  describe('bearer tokens', () => {
    it('401 without a token, with WWW-Authenticate', async () => {
      const { status, headers, json } = await call(t.url, 'GET', '/v1/sync');
      expect(status).toBe(401);
      expect(headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(apiErrorSchema.parse(json).error.code).toBe('unauthorized');
      expect(headers.get('x-server-time')).toBeTruthy();
    });

    it('401 for an unknown token and for a malformed header', async () => {
      expect((await call(t.url, 'GET', '/v1/sync', { token: 'sa_not-a-real-token' })).status).toBe(401);
      const basic = await call(t.url, 'GET', '/v1/sync', { headers: { Authorization: 'Basic dXNlcjpwYXNz' } });
      expect(basic.status).toBe(401);
      expect(apiErrorSchema.parse(basic.json).error.message).toMatch(/Bearer/);
    });

    it('403 for an admin route with an engineer token, and the other way round', async () => {
      const engineerOnAdmin = await call(t.url, 'POST', '/v1/admin/retention/run', { token: t.tokens.ana });
      expect(engineerOnAdmin.status).toBe(403);
      expect(apiErrorSchema.parse(engineerOnAdmin.json).error.code).toBe('forbidden');
      const adminOnEngineer = await call(t.url, 'GET', '/v1/sync', { token: t.tokens.admin });
      expect(adminOnEngineer.status).toBe(403);
    });
  });

  describe('who am I', () => {
    it('names the engineer a token belongs to, and refuses an admin token', async () => {
      expect(whoAmISchema.parse((await call(t.url, 'GET', '/v1/me', { token: t.tokens.ana })).json)).toMatchObject({ engineerId: 'eng-ana' });
      expect(whoAmISchema.parse((await call(t.url, 'GET', '/v1/me', { token: t.tokens.ben })).json)).toMatchObject({ engineerId: 'eng-ben' });
      expect((await call(t.url, 'GET', '/v1/me', { token: t.tokens.admin })).status).toBe(403);
      expect((await call(t.url, 'GET', '/v1/me')).status).toBe(401);
    });

    it("names the workspace: one id for every engineer, the database's own", async () => {
      const ana = whoAmISchema.parse((await call(t.url, 'GET', '/v1/me', { token: t.tokens.ana })).json);
      const ben = whoAmISchema.parse((await call(t.url, 'GET', '/v1/me', { token: t.tokens.ben })).json);
      expect(ana.workspaceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(ben.workspaceId).toBe(ana.workspaceId);
      const { rows } = await t.db.query<{ id: string }>('SELECT workspace_id::text AS id FROM workspace');
      expect(rows).toEqual([{ id: ana.workspaceId }]);
      expect((await call(t.url, 'GET', '/v1/me')).status).toBe(401);
    });
  });

  describe('routing', () => {
    it('404 JSON for an unknown route', async () => {
      const { status, json } = await call(t.url, 'GET', '/v1/nothing-here', { token: t.tokens.ana });
      expect(status).toBe(404);
      expect(apiErrorSchema.parse(json).error.code).toBe('not-found');
    });

    it('405 with Allow for a known path and the wrong method', async () => {
      const { status, headers, json } = await call(t.url, 'DELETE', '/v1/mutations', { token: t.tokens.ana });
      expect(status).toBe(405);
      expect(headers.get('allow')).toBe('POST');
      expect(apiErrorSchema.parse(json).error.code).toBe('method-not-allowed');
    });

    it('does not read a target starting with // as another host', async () => {
      const { status } = await call(t.url, 'GET', '//evil.example/v1/health');
      expect(status).toBe(404);
    });

    it('400 naming the id for a malformed path id, 404 for an unknown one', async () => {
      const malformed = await call(t.url, 'POST', '/v1/login-details/bad%20id!/reveal', { token: t.tokens.ana });
      expect(malformed.status).toBe(400);
      expect(apiErrorSchema.parse(malformed.json).error.field).toBe('id');
      const unknown = await call(t.url, 'POST', '/v1/login-details/ld-unknown/reveal', { token: t.tokens.ana });
      expect(unknown.status).toBe(404);
      const unknownTicket = await call(t.url, 'POST', '/v1/portal/tickets/tk-999999/messages', { token: t.tokens.admin, body: { body: 'hello' } });
      expect(unknownTicket.status).toBe(404);
    });
  });

  describe('browser origins', () => {
    it('serves an allowed origin with CORS headers and answers its preflight', async () => {
      const preflight = await call(t.url, 'OPTIONS', '/v1/mutations', {
        headers: { Origin: 'https://helpdesk.example', 'Access-Control-Request-Method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://helpdesk.example');
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
      const health = await call(t.url, 'GET', '/v1/health', { headers: { Origin: 'https://helpdesk.example' } });
      expect(health.headers.get('access-control-expose-headers')).toMatch(/X-Server-Time/);
    });

    it('refuses a page from any other origin', async () => {
      const { status, json } = await call(t.url, 'GET', '/v1/sync', { token: t.tokens.ana, headers: { Origin: 'https://evil.example' } });
      expect(status).toBe(403);
      expect(apiErrorSchema.parse(json).error.message).toMatch(/origin/);
    });
  });
});
