import 'fake-indexeddb/auto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { MAX_WEB_MESSAGE_BYTES, WEB_CLOSE } from '@shared/ipc/web-socket-protocol';
import { SESSION_FILE_NAME } from '../../../src-main/web-host/file-session-store';
import { cacheSnapshot, canonicalHash } from '../../../src-renderer/db/canonical-hash';
import { backendHash } from '../../support/backend-snapshot';
import { exchange, openTab, startWebHostWorld, tryUpgrade, untilSynced, type WebHostWorld } from './web-host-fixture';

/**
 * A client that holds the secret but sends garbage: every message is refused with an error that
 * names what was wrong, and nothing reaches the backend, the session file, the settings or the
 * cache. A real tab keeps the cache meanwhile and is unaffected.
 */
let world: WebHostWorld;
let tab: ReturnType<typeof openTab>;
let socket: WebSocket;

beforeAll(async () => {
  world = await startWebHostWorld();
  tab = openTab(world.host);
  await untilSynced(tab.agent);
  const outcome = await tryUpgrade(world.host, { origin: world.host.origin });
  if (!('opened' in outcome)) throw new Error(`the well-formed upgrade was refused: ${JSON.stringify(outcome)}`);
  socket = outcome.opened;
}, 60_000);

afterAll(async () => {
  socket?.close();
  tab?.agent.close();
  await world?.close();
});

const request = (id: number, channel: string, payload: unknown) => JSON.stringify({ type: 'request', id, channel, payload });

const refusals: Array<{ name: string; frame: string | Buffer; binary?: boolean; expect: { id?: number; code: string; message: RegExp } }> = [
  { name: 'text that is not JSON', frame: '{"type": "request", ', expect: { code: 'bad-json', message: /not JSON/ } },
  { name: 'a binary frame', frame: Buffer.from([1, 2, 3]), binary: true, expect: { code: 'binary-message', message: /binary/ } },
  { name: 'JSON that is not an envelope', frame: '[1, 2, 3]', expect: { code: 'bad-envelope', message: /not an envelope/ } },
  { name: 'an envelope without its fields', frame: '{"type": "request"}', expect: { code: 'bad-envelope', message: /id|channel/ } },
  { name: 'an unknown channel', frame: request(1, 'admin:drop-everything', {}), expect: { id: 1, code: 'unknown-channel', message: /no such channel: admin:drop-everything/ } },
  { name: 'a prototype key as channel', frame: request(2, '__proto__', {}), expect: { id: 2, code: 'unknown-channel', message: /no such channel/ } },
  { name: 'a cache channel sent the wrong way', frame: request(3, 'cache:apply-page', { page: {} }), expect: { id: 3, code: 'unknown-channel', message: /cache:apply-page/ } },
  {
    name: 'wrong types in a sign-in',
    frame: request(4, 'session:sign-in', { backendUrl: 42, token: ['not', 'a', 'string'] }),
    expect: { id: 4, code: 'bad-request', message: /session:sign-in: (backendUrl|token)/ },
  },
  {
    name: 'a sign-in to a non-http backend',
    frame: request(5, 'session:sign-in', { backendUrl: 'file:///etc/passwd', token: 'a-token-of-fine-length' }),
    expect: { id: 5, code: 'bad-request', message: /backendUrl/ },
  },
  {
    name: 'a huge token',
    frame: request(6, 'session:sign-in', { backendUrl: 'http://127.0.0.1:9/', token: 'x'.repeat(1_000_000) }),
    expect: { id: 6, code: 'bad-request', message: /token/ },
  },
  {
    name: 'a huge zone in the settings',
    frame: request(7, 'settings:set', { zone: 'Z'.repeat(200_000), thresholdsMinutes: null, workingHours: null }),
    expect: { id: 7, code: 'bad-request', message: /zone/ },
  },
  { name: 'a huge channel name', frame: request(8, 'x'.repeat(100_000), {}), expect: { id: 8, code: 'bad-envelope', message: /channel/ } },
  // A malformed request whose id is readable is answered on that id, so its caller does not wait for a timeout.
  { name: 'a request without a payload', frame: '{"type": "request", "id": 11, "channel": "sync:now"}', expect: { id: 11, code: 'bad-envelope', message: /payload/ } },
  { name: 'a request whose channel is not a string', frame: '{"type": "request", "id": 12, "channel": 42, "payload": {}}', expect: { id: 12, code: 'bad-envelope', message: /channel/ } },
  { name: 'a request whose id is not a number', frame: '{"type": "request", "id": "13", "channel": "sync:now", "payload": {}}', expect: { code: 'bad-envelope', message: /id/ } },
  // Answering a malformed response with a "response" would settle one of the tab's own calls.
  { name: 'a response without a payload', frame: '{"type": "response", "id": 14}', expect: { code: 'bad-envelope', message: /payload/ } },
  { name: 'an answer nobody asked for', frame: JSON.stringify({ type: 'response', id: 424242, payload: { ok: true, value: null } }), expect: { code: 'unknown-response', message: /424242/ } },
  { name: 'an agent event sent to the host', frame: JSON.stringify({ type: 'event', channel: 'sync:status-changed', payload: { kind: 'idle', lastSyncedAt: null } }), expect: { code: 'unknown-channel', message: /no such event/ } },
  { name: 'a snooze with a negative duration', frame: request(9, 'notifier:snooze', { ticketIds: ['t-1'], minutes: -5 }), expect: { id: 9, code: 'bad-request', message: /minutes/ } },
];

describe('hostile messages on an authenticated socket', () => {
  let before: { backend: string; cache: string; session: string };

  beforeAll(async () => {
    before = { backend: await backendHash(world.db), cache: await canonicalHash(await cacheSnapshot(tab.cache)), session: await readFile(join(world.dataDir, SESSION_FILE_NAME), 'utf8') };
  });

  for (const refusal of refusals) {
    it(`refuses ${refusal.name} with a clear error`, async () => {
      const answer = await exchange(socket, refusal.frame, { binary: refusal.binary });
      if (!('message' in answer)) throw new Error(`the host closed the socket instead of answering: ${JSON.stringify(answer)}`);
      const message = answer.message as { type: string; id?: number; payload?: { ok: boolean; error: { code: string; message: string } }; error?: { code: string; message: string } };
      const error = refusal.expect.id === undefined ? message.error : message.payload?.error;
      expect(message.type).toBe(refusal.expect.id === undefined ? 'error' : 'response');
      if (refusal.expect.id !== undefined) expect(message.id).toBe(refusal.expect.id);
      expect(error?.code).toBe(refusal.expect.code);
      expect(error?.message).toMatch(refusal.expect.message);
      // The refusal never echoes a huge input back.
      expect(JSON.stringify(message).length).toBeLessThan(2_500);
    });
  }

  it('closes the socket on a message over the size cap (1009), with the reason', async () => {
    const oversized = await tryUpgrade(world.host, { origin: world.host.origin });
    if (!('opened' in oversized)) throw new Error('upgrade refused');
    const answer = await exchange(oversized.opened, request(10, 'sync:now', { pad: 'x'.repeat(MAX_WEB_MESSAGE_BYTES) }));
    expect(answer).toMatchObject({ closed: WEB_CLOSE.tooBig });
  });

  it('wrote nothing: backend, cache, session and settings are as before, and the real tab still syncs', async () => {
    expect(await backendHash(world.db)).toBe(before.backend);
    expect(await canonicalHash(await cacheSnapshot(tab.cache))).toBe(before.cache);
    expect(await readFile(join(world.dataDir, SESSION_FILE_NAME), 'utf8')).toBe(before.session);
    expect(existsSync(join(world.dataDir, 'settings.json'))).toBe(false);
    expect(await tab.agent.syncNow()).toEqual({ ok: true, value: null });
    expect(await canonicalHash(await cacheSnapshot(tab.cache))).toBe(await backendHash(world.db));
  });
});
