import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '@shared/contract';
import { createHttpServer, TIMEOUT_CHECK_INTERVAL_MS } from '../../../src-backend/http/create-http-server';
import { closeHttpServer } from '../../../src-backend/http/server-lifecycle';
import { dribble, rawExchange } from '../../support/raw-http';
import { quietLogger, startTestServer, type TestServer } from './test-server';

/**
 * What a client can do to a connection before any route sees it: repeat the headers that say who
 * it is, or send its request so slowly that it holds a connection. Over raw sockets, since Node's
 * http client merges repeated headers and never dribbles.
 */
const SMALL = { headersMs: 1_000, requestMs: 2_000 };
let t: TestServer;
let port: number;

beforeAll(async () => {
  t = await startTestServer({ timeouts: SMALL });
  port = Number(new URL(t.url).port);
}, 60_000);

afterAll(() => t?.stop());

function syncRequest(headers: string[]): string {
  return `GET /v1/sync HTTP/1.1\r\n${headers.join('\r\n')}\r\nConnection: close\r\n\r\n`;
}

function errorOf(text: string) {
  return apiErrorSchema.parse(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).error;
}

describe('repeated headers', () => {
  it('serves the request with each header once (the raw client is sound)', async () => {
    const answer = await rawExchange(port, syncRequest([`Host: 127.0.0.1:${port}`, `Authorization: Bearer ${t.tokens.ana}`]));
    expect(answer.status).toBe(200);
  });

  const host = () => `Host: 127.0.0.1:${port}`;
  const bearer = (token: string) => `Authorization: Bearer ${token}`;
  const cases = [
    { header: 'Host', headers: () => [host(), 'Host: evil.example', bearer(t.tokens.ana)] },
    { header: 'Origin', headers: () => [host(), 'Origin: https://evil.example', 'Origin: https://other.example', bearer(t.tokens.ana)] },
    { header: 'Authorization', headers: () => [host(), bearer(t.tokens.ana), bearer('someone-else-entirely')] },
  ];
  for (const { header, headers } of cases) {
    it(`refuses two ${header} headers with 400 and says why, before CORS or authentication`, async () => {
      const answer = await rawExchange(port, syncRequest(headers()));
      expect(answer.status).toBe(400);
      expect(errorOf(answer.text)).toEqual({ code: 'bad-request', message: `the request carries 2 ${header} headers; send exactly one` });
    });
  }

  it('refuses them before anything else: without a token it is still the 400, not a 401', async () => {
    const answer = await rawExchange(port, syncRequest([host(), 'Host: evil.example']));
    expect(answer.status).toBe(400);
  });
});

describe('slow requests', () => {
  const headersHead = (p: number) => `GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\n`;
  const bodyHead = (p: number, token: string) =>
    `POST /v1/mutations HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`;
  // Cut no earlier than the bound, and no later than the next check after it (plus slack for a loaded machine).
  const slack = TIMEOUT_CHECK_INTERVAL_MS + 1_000;

  it('cuts headers and bodies that arrive too slowly within a second of their bounds, with 408', async () => {
    const [headers, body] = await Promise.all([
      dribble(port, { head: headersHead(port), drip: 'X-Slow: 1\r\n', everyMs: 100, giveUpMs: SMALL.requestMs + 10_000 }),
      dribble(port, { head: bodyHead(port, t.tokens.ana), drip: ' ', everyMs: 100, giveUpMs: SMALL.requestMs + 10_000 }),
    ]);
    expect(headers.status).toBe(408);
    expect(headers.closedAfterMs).toBeGreaterThanOrEqual(SMALL.headersMs);
    expect(headers.closedAfterMs).toBeLessThan(SMALL.headersMs + slack);
    expect(body.status).toBe(408);
    expect(body.closedAfterMs).toBeGreaterThanOrEqual(SMALL.requestMs);
    expect(body.closedAfterMs).toBeLessThan(SMALL.requestMs + slack);
  }, 30_000);

  it('holds the documented bounds at the defaults: headers 10 s, the whole request 30 s', async () => {
    // A second server on the same center, with the defaults.
    const server = createHttpServer(t.center, { logger: quietLogger });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const p = (server.address() as AddressInfo).port;
      const [headers, body] = await Promise.all([
        dribble(p, { head: headersHead(p), drip: 'X-Slow: 1\r\n', everyMs: 500, giveUpMs: 70_000 }),
        dribble(p, { head: bodyHead(p, t.tokens.ana), drip: ' ', everyMs: 500, giveUpMs: 70_000 }),
      ]);
      expect(headers.status).toBe(408);
      expect(headers.closedAfterMs).toBeGreaterThanOrEqual(10_000);
      expect(headers.closedAfterMs).toBeLessThan(10_000 + slack);
      expect(body.status).toBe(408);
      expect(body.closedAfterMs).toBeGreaterThanOrEqual(30_000);
      expect(body.closedAfterMs).toBeLessThan(30_000 + slack);
    } finally {
      await closeHttpServer(server, { graceMs: 1_000 });
    }
  }, 90_000);
});
