import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema, MAX_REQUEST_BODY_BYTES } from '@shared/contract';
import { call, forEachDatabase, startTestServer, type TestServer } from './test-server';

forEachDatabase('request validation', (target) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ target });
  }, 60_000);
  afterAll(() => t.stop());

  function errorOf(json: unknown) {
    return apiErrorSchema.parse(json).error;
  }

  const claim = { kind: 'claim', idempotencyKey: 'key-00000001', ticketId: 'tk-1' };

  describe('request bodies', () => {
    it('413 from Content-Length alone, before the body is read', async () => {
      const body = JSON.stringify({ mutations: [claim], padding: 'x'.repeat(MAX_REQUEST_BODY_BYTES) });
      const { status, headers, json } = await call(t.url, 'POST', '/v1/mutations', { token: t.tokens.ana, body });
      expect(status).toBe(413);
      expect(headers.get('connection')).toBe('close');
      expect(errorOf(json).code).toBe('payload-too-large');
    });

    it('413 for a chunked body without Content-Length, as soon as the limit is passed', async () => {
      let sent = 0;
      const total = 20 * MAX_REQUEST_BODY_BYTES;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= total) return controller.close();
          sent += 64 * 1024;
          controller.enqueue(new TextEncoder().encode(' '.repeat(64 * 1024)));
        },
      });
      const response = await fetch(`${t.url}/v1/mutations`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${t.tokens.ana}`, 'Content-Type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(errorOf(await response.json()).code).toBe('payload-too-large');
      // The server stopped reading long before the client ran out of body.
      expect(sent).toBeLessThan(total);
    });

    it('the body limit does not depend on what fetch does: a raw chunked request too', async () => {
      const { port } = new URL(t.url);
      const status = await new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/mutations', headers: { Authorization: `Bearer ${t.tokens.ana}`, 'Content-Type': 'application/json' } });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        const chunk = Buffer.alloc(256 * 1024, 0x20);
        const pump = () => {
          while (!req.destroyed && req.write(chunk));
          if (!req.destroyed) req.once('drain', pump);
        };
        pump();
      });
      expect(status).toBe(413);
    });

    it('415 for a body that is not declared as JSON', async () => {
      const { status, json } = await call(t.url, 'POST', '/v1/mutations', {
        token: t.tokens.ana,
        body: JSON.stringify({ mutations: [claim] }),
        headers: { 'Content-Type': 'text/plain' },
      });
      expect(status).toBe(415);
      expect(errorOf(json).code).toBe('unsupported-media-type');
    });

    it('400 naming the problem for malformed JSON and for an empty body', async () => {
      const broken = await call(t.url, 'POST', '/v1/mutations', { token: t.tokens.ana, body: '{"mutations": [' });
      expect(broken.status).toBe(400);
      expect(errorOf(broken.json).message).toMatch(/not valid JSON/);
      const empty = await call(t.url, 'POST', '/v1/mutations', { token: t.tokens.ana, headers: { 'Content-Type': 'application/json' } });
      expect(empty.status).toBe(400);
      expect(errorOf(empty.json).message).toMatch(/empty/);
    });

    it('400 naming the mistyped field, with what was expected', async () => {
      const { status, json } = await call(t.url, 'POST', '/v1/mutations', {
        token: t.tokens.ana,
        body: { mutations: [{ kind: 'reply', idempotencyKey: 'key-00000002', ticketId: 'tk-1', body: 42 }] },
      });
      expect(status).toBe(400);
      const error = errorOf(json);
      expect(error.field).toBe('mutations[0].body');
      expect(error.message).toMatch(/^mutations\[0\]\.body: .*expected string/);
    });

    it('400 naming a missing field and an unknown mutation kind', async () => {
      const missing = await call(t.url, 'POST', '/v1/mutations', { token: t.tokens.ana, body: { mutations: [claim, { kind: 'claim', ticketId: 'tk-1' }] } });
      expect(errorOf(missing.json)).toMatchObject({ field: 'mutations[1].idempotencyKey', message: expect.stringMatching(/required/) });
      const unknownKind = await call(t.url, 'POST', '/v1/mutations', { token: t.tokens.ana, body: { mutations: [{ ...claim, kind: 'delete-everything' }] } });
      expect(errorOf(unknownKind.json).field).toBe('mutations[0].kind');
    });

    it('a refused batch writes nothing', async () => {
      const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys');
      await call(t.url, 'POST', '/v1/mutations', { token: t.tokens.ana, body: { mutations: [claim, { ...claim, idempotencyKey: 'x' }] } });
      const after = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys');
      expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
    });

    it('portal payloads are validated the same way', async () => {
      const { status, json } = await call(t.url, 'POST', '/v1/portal/tickets', {
        token: t.tokens.admin,
        body: { accountId: 'acc-gold', requesterName: 'Grace', requesterEmail: 'not-an-email', subject: 'Help', body: 'Please' },
      });
      expect(status).toBe(400);
      expect(errorOf(json)).toMatchObject({ field: 'requesterEmail', message: 'requesterEmail: expected an e-mail address' });
    });
  });

  describe('query parameters', () => {
    it.each([
      ['limit=abc', /limit: expected number, received "abc"/],
      ['limit=0', /limit: .*>=1/],
      ['limit=999999', /limit: .*<=5000/],
      ['limit=2.5', /limit: .*integer/],
    ])('400 naming limit for %s', async (query, message) => {
      const { status, json } = await call(t.url, 'GET', `/v1/sync?${query}`, { token: t.tokens.ana });
      expect(status).toBe(400);
      expect(errorOf(json).field).toBe('limit');
      expect(errorOf(json).message).toMatch(message);
    });

    it('400 for a repeated parameter and for a cursor this server did not issue', async () => {
      const repeated = await call(t.url, 'GET', '/v1/sync?limit=1&limit=2', { token: t.tokens.ana });
      expect(errorOf(repeated.json).field).toBe('limit');
      const forged = await call(t.url, 'GET', '/v1/sync?cursor=forged', { token: t.tokens.ana });
      expect(forged.status).toBe(400);
      expect(errorOf(forged.json).field).toBe('cursor');
    });

    it('an empty cursor is a first sync', async () => {
      const { status, json } = await call(t.url, 'GET', '/v1/sync?cursor=&limit=10', { token: t.tokens.ana });
      expect(status).toBe(200);
      expect(json).toMatchObject({ phase: expect.stringMatching(/initial|changes/) });
    });
  });
});
