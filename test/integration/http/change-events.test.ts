import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesEventSchema } from '@shared/contract';
import { createHttpServer } from '../../../src-backend/http/create-http-server';
import { closeHttpServer } from '../../../src-backend/http/server-lifecycle';
import { call, forEachDatabase, eventReader, quietLogger, startTestServer, type TestServer } from './test-server';

forEachDatabase('change events', (target) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ target });
  }, 60_000);
  afterAll(() => t.stop());

  async function openEvents(token = t.tokens.ana) {
    const response = await fetch(`${t.url}/v1/events`, { headers: { Authorization: `Bearer ${token}` } });
    return { response, events: eventReader(response) };
  }

  const ticket = { accountId: 'acc-gold', requesterName: 'Grace Gold', requesterEmail: 'grace@gold.test', subject: 'Checkout fails', body: 'Since this morning.' };

  describe('GET /v1/events', () => {
    it('opens with the reconnect delay and the current cursor', async () => {
      const { response, events } = await openEvents();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(response.headers.get('x-server-time')).toBeTruthy();
      expect(await events.next()).toEqual({ event: 'retry', data: '2000' });
      const first = await events.next();
      expect(first.event).toBe('changes');
      expect(changesEventSchema.parse(JSON.parse(first.data)).cursor).toBe(await t.center.latestCursor());
      await events.cancel();
    });

    it('sends a changes event after a portal ticket is filed, with a cursor that has moved', async () => {
      const { events } = await openEvents();
      await events.next(); // retry
      const initial = changesEventSchema.parse(JSON.parse((await events.next()).data));
      const filed = await call(t.url, 'POST', '/v1/portal/tickets', { token: t.tokens.admin, body: ticket });
      expect(filed.status).toBe(201);
      const next = await events.next();
      expect(next.event).toBe('changes');
      const cursor = changesEventSchema.parse(JSON.parse(next.data)).cursor;
      expect(cursor).not.toBe(initial.cursor);
      // The cursor is where a client would be after syncing; from the old one there are changes.
      const page = await call(t.url, 'GET', `/v1/sync?cursor=${encodeURIComponent(initial.cursor)}`, { token: t.tokens.ana });
      expect((page.json as { changes: unknown[] }).changes.length).toBeGreaterThan(0);
      await events.cancel();
    });

    it('coalesces a burst of writes into few events', async () => {
      const { events } = await openEvents();
      await events.next();
      await events.next();
      await Promise.all(Array.from({ length: 10 }, () => call(t.url, 'POST', '/v1/portal/tickets', { token: t.tokens.admin, body: ticket })));
      let count = 0;
      try {
        for (;;) {
          await events.next(400);
          count += 1;
        }
      } catch {
        // no more events within 400 ms: the burst is over
      }
      expect(count).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThan(10);
      await events.cancel();
    });

    it('needs an engineer token', async () => {
      const response = await fetch(`${t.url}/v1/events`);
      expect(response.status).toBe(401);
      const admin = await fetch(`${t.url}/v1/events`, { headers: { Authorization: `Bearer ${t.tokens.admin}` } });
      expect(admin.status).toBe(403);
    });

    it('unsubscribes from the center when the client goes away', async () => {
      const { events } = await openEvents();
      await events.next();
      await events.next();
      await events.cancel();
      await new Promise((resolve) => setTimeout(resolve, 100));
      // A write after the client left must not fail or log anything.
      const filed = await call(t.url, 'POST', '/v1/portal/tickets', { token: t.tokens.admin, body: ticket });
      expect(filed.status).toBe(201);
    });
  });

  describe('graceful close', () => {
    it('ends event streams, finishes requests in flight, and stops accepting', async () => {
      const own = await startTestServerSharingCenter();
      const response = await fetch(`${own.url}/v1/events`, { headers: { Authorization: `Bearer ${t.tokens.ana}` } });
      const events = eventReader(response);
      await events.next();
      await events.next();
      const inFlight = call(own.url, 'GET', '/v1/sync?limit=5', { token: t.tokens.ana });
      await new Promise((resolve) => setTimeout(resolve, 5));
      await closeHttpServer(own.server, { graceMs: 5_000 });
      await expect(events.next(1_000)).rejects.toThrow(/stream ended/);
      expect((await inFlight).status).toBe(200);
      await expect(fetch(`${own.url}/v1/health`)).rejects.toThrow();
    });
  });

  /** A second HTTP server on the same center, so closing it leaves the shared one running. */
  async function startTestServerSharingCenter() {
    const server = createHttpServer(t.center, { logger: quietLogger });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    return { server, url: `http://127.0.0.1:${port}` };
  }
});
