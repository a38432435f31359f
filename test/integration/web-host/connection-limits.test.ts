import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_PROTOCOL_PREFIX, WEB_PROTOCOL } from '@shared/ipc/web-socket-protocol';
import type { WebHost } from '../../../src-main/web-host/web-host';
import { dribble, rawExchange } from '../../support/raw-http';
import { exchange, restartHost, startWebHostWorld, tryUpgrade, type WebHostWorld } from './web-host-fixture';

/**
 * What a local process can do to the host's connections before any page or message is served:
 * repeat the headers that decide who may connect, or send a request so slowly that it holds a
 * connection. Over raw sockets, since Node's http client merges repeated headers and never dribbles.
 */
const SMALL = { headersMs: 1_000, requestMs: 2_000 };
let world: WebHostWorld;

beforeAll(async () => {
  world = await startWebHostWorld({ timeouts: SMALL });
}, 60_000);

afterAll(() => world?.close());

const ownHost = () => `Host: 127.0.0.1:${world.host.port}`;
const ownOrigin = () => `Origin: ${world.host.origin}`;

function page(headers: string[]): string {
  return `GET / HTTP/1.1\r\n${headers.join('\r\n')}\r\nConnection: close\r\n\r\n`;
}

function upgrade(headers: string[]): string {
  const lines = [
    ...headers,
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    `Sec-WebSocket-Protocol: ${WEB_PROTOCOL}, ${SECRET_PROTOCOL_PREFIX}${world.host.secret}`,
  ];
  return `GET /agent HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

const headEnded = (received: string) => received.includes('\r\n\r\n');

describe('repeated headers', () => {
  it('serves the page and opens the socket with each header once (the raw client is sound)', async () => {
    expect((await rawExchange(world.host.port, page([ownHost()]))).status).toBe(200);
    expect((await rawExchange(world.host.port, upgrade([ownHost(), ownOrigin()]), { until: headEnded })).status).toBe(101);
  });

  const cases = [
    { header: 'Host', page: () => [ownHost(), 'Host: attacker.example'], upgrade: () => [ownHost(), 'Host: attacker.example', ownOrigin()] },
    { header: 'Origin', page: () => [ownHost(), ownOrigin(), 'Origin: https://evil.example'], upgrade: () => [ownHost(), ownOrigin(), 'Origin: https://evil.example'] },
  ];
  for (const { header, page: pageHeaders, upgrade: upgradeHeaders } of cases) {
    it(`refuses two ${header} headers with 400 and says why, on a page and on the socket upgrade`, async () => {
      const reason = `the request carries 2 ${header} headers; send exactly one`;
      const served = await rawExchange(world.host.port, page(pageHeaders()));
      expect(served.status).toBe(400);
      expect(served.text).toContain(reason);
      const upgraded = await rawExchange(world.host.port, upgrade(upgradeHeaders()), { until: headEnded });
      expect(upgraded.status).toBe(400);
      expect(upgraded.text).toContain(`X-Refused-Reason: ${reason}`);
    });
  }

  it('refuses them before anything else: a repeated Host on the wrong path is still the 400, not a 404', async () => {
    const answer = await rawExchange(world.host.port, upgrade([ownHost(), 'Host: attacker.example']).replace('GET /agent ', 'GET /elsewhere '), { until: headEnded });
    expect(answer.status).toBe(400);
  });
});

describe('slow requests', () => {
  const slack = 2_000;
  const slowHeaders = (host: WebHost) => ({ head: `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n`, drip: 'X-Slow: 1\r\n' });
  // The host reads no bodies; one that never ends still holds the connection until the request bound.
  const slowBody = (host: WebHost) => ({ head: `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Length: 100000\r\n\r\n`, drip: ' ' });

  it('closes the connection of a request whose headers or body arrive too slowly, within a second of the bound', async () => {
    const [headers, body] = await Promise.all([
      dribble(world.host.port, { ...slowHeaders(world.host), everyMs: 100, giveUpMs: SMALL.requestMs + 10_000 }),
      dribble(world.host.port, { ...slowBody(world.host), everyMs: 100, giveUpMs: SMALL.requestMs + 10_000 }),
    ]);
    expect(headers.status).toBe(408);
    expect(headers.closedAfterMs).toBeGreaterThanOrEqual(SMALL.headersMs);
    expect(headers.closedAfterMs).toBeLessThan(SMALL.headersMs + slack);
    expect(body.closedAfterMs).toBeGreaterThanOrEqual(SMALL.requestMs);
    expect(body.closedAfterMs).toBeLessThan(SMALL.requestMs + slack);
  }, 30_000);

  it('keeps an open agent socket past those bounds: they cover the upgrade request, not the socket after it', async () => {
    const outcome = await tryUpgrade(world.host, { origin: world.host.origin });
    if (!('opened' in outcome)) throw new Error(`the well-formed upgrade was refused: ${JSON.stringify(outcome)}`);
    await new Promise((resolve) => setTimeout(resolve, SMALL.requestMs + slack));
    expect(outcome.opened.readyState).toBe(outcome.opened.OPEN);
    const answer = await exchange(outcome.opened, JSON.stringify({ type: 'request', id: 1, channel: 'sync:status', payload: {} }));
    expect(answer).toMatchObject({ message: { type: 'response', id: 1, payload: { ok: true } } });
    outcome.opened.close();
  }, 30_000);

  it('holds 10 s for the headers at the defaults', async () => {
    await restartHost(world);
    const headers = await dribble(world.host.port, { ...slowHeaders(world.host), everyMs: 500, giveUpMs: 40_000 });
    expect(headers.status).toBe(408);
    expect(headers.closedAfterMs).toBeGreaterThanOrEqual(10_000);
    expect(headers.closedAfterMs).toBeLessThan(10_000 + slack);
  }, 60_000);
});
