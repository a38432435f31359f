import 'fake-indexeddb/auto';
import { networkInterfaces } from 'node:os';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_PROTOCOL_PREFIX, WEB_PROTOCOL } from '@shared/ipc/web-socket-protocol';
import { SUPERSEDED_REASON } from '../../../src-main/web-host/tab-registry';
import { cacheSnapshot, canonicalHash } from '../../../src-renderer/db/canonical-hash';
import type { BridgeState } from '../../../src-renderer/bridge/web-socket-agent';
import { backendHash } from '../../support/backend-snapshot';
import { openTab, restartHost, startWebHostWorld, tryUpgrade, untilSynced, type WebHostWorld } from './web-host-fixture';

/** Who may connect, what is served, and how tabs share the one cache role. */
let world: WebHostWorld;

beforeAll(async () => {
  world = await startWebHostWorld();
}, 60_000);

afterAll(async () => {
  await world?.close();
});

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: world.host.port, path, method, headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.once('error', reject);
    request.end();
  });
}

describe('the socket upgrade', () => {
  it('refuses a foreign Origin, naming it and the allowed one', async () => {
    const outcome = await tryUpgrade(world.host, { origin: 'https://evil.example' });
    expect(outcome).toMatchObject({ refused: 403 });
    expect((outcome as { reason: string }).reason).toMatch(/foreign Origin "https:\/\/evil.example".*only pages from http:\/\/127\.0\.0\.1:\d+/);
  });

  it('refuses the same host under another name (localhost) as a foreign Origin', async () => {
    const outcome = await tryUpgrade(world.host, { origin: `http://localhost:${world.host.port}` });
    expect(outcome).toMatchObject({ refused: 403 });
  });

  it('refuses a missing Origin (a non-browser client without it)', async () => {
    const outcome = await tryUpgrade(world.host, {});
    expect(outcome).toMatchObject({ refused: 403, reason: expect.stringMatching(/missing Origin/) });
  });

  it('refuses a missing secret', async () => {
    const outcome = await tryUpgrade(world.host, { origin: world.host.origin, protocols: [WEB_PROTOCOL] });
    expect(outcome).toMatchObject({ refused: 401, reason: expect.stringMatching(/missing secret/) });
  });

  it('refuses a wrong secret, also one that differs in the last character only', async () => {
    const last = world.host.secret.at(-1) === 'A' ? 'B' : 'A';
    for (const secret of ['x'.repeat(43), `${world.host.secret.slice(0, -1)}${last}`, `${world.host.secret}A`]) {
      const outcome = await tryUpgrade(world.host, { origin: world.host.origin, protocols: [WEB_PROTOCOL, `${SECRET_PROTOCOL_PREFIX}${secret}`] });
      expect(outcome).toMatchObject({ refused: 401, reason: expect.stringMatching(/wrong secret/) });
    }
  });

  it('refuses a Host header other than its own (DNS rebinding) and paths other than the socket', async () => {
    expect(await tryUpgrade(world.host, { origin: world.host.origin, hostHeader: `attacker.example:${world.host.port}` })).toMatchObject({ refused: 421 });
    expect(await tryUpgrade(world.host, { origin: world.host.origin, path: '/other' })).toMatchObject({ refused: 404 });
  });

  it('accepts its own origin with the secret, selecting the protocol', async () => {
    const outcome = await tryUpgrade(world.host, { origin: world.host.origin });
    if (!('opened' in outcome)) throw new Error(`refused: ${JSON.stringify(outcome)}`);
    expect(outcome.opened.protocol).toBe(WEB_PROTOCOL);
    outcome.opened.close();
  });
});

describe('the static files', () => {
  it('serves the renderer with a strict Content-Security-Policy and hardening headers', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js']) {
      const response = await get(path, { Host: `127.0.0.1:${world.host.port}` });
      expect(response.status, path).toBe(200);
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await get('/')).headers['content-type']).toMatch(/^text\/html/);
    expect((await get('/assets/app.js')).headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('serves nothing outside the build folder, nothing but GET and HEAD, and only as 127.0.0.1', async () => {
    expect((await get('/../outside.txt')).status).toBe(404);
    expect((await get('/%2e%2e/outside.txt')).status).toBe(404);
    expect((await get('/assets/missing.js')).status).toBe(404);
    expect((await get('/', {}, 'POST')).status).toBe(405);
    const rebound = await get('/', { Host: 'attacker.example' });
    expect(rebound.status).toBe(421);
    expect(rebound.headers['content-security-policy']).toBeDefined();
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(world.host.url).hostname).toBe('127.0.0.1');
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address !== undefined && !address.internal)
      .map((address) => address!.address);
    // ::1 is loopback too, but not 127.0.0.1: a host bound to all interfaces would accept it.
    for (const address of ['::1', ...others]) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port: world.host.port }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
      expect(reached, `reachable on ${address}`).toBe(false);
    }
  });
});

describe('tabs', () => {
  it('a newer tab takes over the cache; the older one is told why and stops', async () => {
    const first = openTab(world.host);
    await untilSynced(first.agent);
    const states: BridgeState[] = [];
    first.agent.onBridgeState((state) => states.push(state));
    const second = openTab(world.host, first);
    await world.backend.center.fileTicket({ accountId: 'acc-plat', requesterName: 'Customer', requesterEmail: 'customer@example.test', subject: 'After the takeover', body: 'Hi', source: 'email' });
    await untilSynced(second.agent);
    await expect.poll(() => first.agent.bridgeState.kind).toBe('superseded');
    expect(states.at(-1)).toEqual({ kind: 'superseded', reason: SUPERSEDED_REASON });
    // The old tab does not reconnect and fight for the cache; its requests fail with words.
    const refused = await first.agent.syncStatus();
    expect(refused).toMatchObject({ ok: false, error: { code: 'transport', message: expect.stringMatching(/another tab/) } });
    expect(await canonicalHash(await cacheSnapshot(second.cache))).toBe(await backendHash(world.db));
    first.agent.close();
    second.agent.close();
  });

  it('a tab reconnects when the host restarts (same port and secret) and offers its cache again', async () => {
    const tab = openTab(world.host);
    await untilSynced(tab.agent);
    await restartHost(world, {}, async () => {
      await expect.poll(() => tab.agent.bridgeState.kind).toBe('reconnecting');
      await world.backend.center.fileTicket({ accountId: 'acc-gold', requesterName: 'Customer', requesterEmail: 'customer@example.test', subject: 'While the host was down', body: 'Hello', source: 'email' });
    });
    await expect.poll(() => tab.agent.bridgeState.kind, { timeout: 20_000 }).toBe('open');
    await untilSynced(tab.agent);
    expect(await tab.cache.tickets.filter((ticket) => ticket.subject === 'While the host was down').count()).toBe(1);
    expect(await canonicalHash(await cacheSnapshot(tab.cache))).toBe(await backendHash(world.db));
    tab.agent.close();
  }, 60_000);
});
