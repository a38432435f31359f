import { describe, expect, it } from 'vitest';
import { agentChannels, agentEvents } from '@shared/ipc/agent-channels';
import { cacheChannels } from '@shared/ipc/cache-channels';
import { fail, ok } from '@shared/ipc/result';
import { RpcEndpoint, type RpcEnvelope } from '@shared/ipc/rpc-endpoint';

/** Two endpoints joined by a transport that copies messages as JSON, like a socket would. */
function pair() {
  const calls: string[] = [];
  let toRenderer: (m: RpcEnvelope) => void = () => undefined;
  let toMain: (m: RpcEnvelope) => void = () => undefined;
  const main = new RpcEndpoint((m) => toRenderer(m), {
    channels: agentChannels,
    handlers: {
      'sync:now': async () => {
        calls.push('sync:now');
        return ok(null);
      },
      'login-details:reveal': async ({ id }) => {
        if (id === 'boom') throw new Error('exploded');
        return fail('offline', 'the backend is not reachable');
      },
    },
  }, cacheChannels);
  const renderer = new RpcEndpoint((m) => toMain(m), {
    channels: cacheChannels,
    handlers: { 'cache:read-cursor': async () => ok('cursor-1') },
  }, agentChannels, agentEvents);
  toRenderer = (m) => void renderer.receive(JSON.parse(JSON.stringify(m)));
  toMain = (m) => void main.receive(JSON.parse(JSON.stringify(m)));
  return { main, renderer, calls };
}

describe('RPC endpoint', () => {
  it('carries a call and its validated answer both ways', async () => {
    const { main, renderer, calls } = pair();
    expect(await renderer.call('sync:now', {})).toEqual({ ok: true, value: null });
    expect(calls).toEqual(['sync:now']);
    expect(await main.call('cache:read-cursor', {})).toEqual({ ok: true, value: 'cursor-1' });
  });

  it('answers an unimplemented channel and a thrown handler with error values', async () => {
    const { renderer, main } = pair();
    expect(await renderer.call('outbox:kick', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await renderer.call('login-details:reveal', { id: 'boom' })).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('exploded') } });
    expect(await main.call('outbox:pending', { limit: 5, workspace: { workspaceId: 'ws-1', backendUrl: 'http://127.0.0.1:1' } })).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('refuses wrong types, huge strings and unknown channels where they are received', async () => {
    const { main } = pair();
    const sent: RpcEnvelope[] = [];
    const probe = new RpcEndpoint((m) => sent.push(m), { channels: agentChannels, handlers: { 'login-details:reveal': async () => fail('x', 'never called') } }, {});
    await probe.receive({ type: 'request', id: 1, channel: 'login-details:reveal', payload: { id: 42 } });
    await probe.receive({ type: 'request', id: 2, channel: 'login-details:reveal', payload: { id: 'x'.repeat(100_000) } });
    await probe.receive({ type: 'request', id: 3, channel: '__proto__', payload: {} });
    await probe.receive({ type: 'request', id: 4, channel: 'constructor', payload: {} });
    expect(sent.map((m) => (m.type === 'response' ? (m.payload as { error: { code: string } }).error.code : m.type))).toEqual([
      'bad-request', 'bad-request', 'unknown-channel', 'unknown-channel',
    ]);
    expect(await main.receive('not an object')).toMatchObject({ ok: false, error: { code: 'bad-envelope' } });
    expect(await main.receive({ type: 'request', id: -1, channel: 'sync:now', payload: {} })).toMatchObject({ ok: false, error: { code: 'bad-envelope' } });
    expect(await main.receive({ type: 'response', id: 999, payload: null })).toMatchObject({ ok: false, error: { code: 'unknown-response' } });
  });

  it('answers a malformed request on its own id whenever the id can be read', async () => {
    const sent: RpcEnvelope[] = [];
    const probe = new RpcEndpoint((m) => sent.push(m), { channels: agentChannels, handlers: {} }, {});
    expect(await probe.receive({ type: 'request', id: 5, channel: 'y'.repeat(1_000), payload: {} })).toEqual({ ok: true, value: null });
    expect(await probe.receive({ type: 'request', id: 6, channel: 'sync:now' })).toEqual({ ok: true, value: null });
    expect(sent).toEqual([
      { type: 'response', id: 5, payload: { ok: false, error: { code: 'bad-envelope', message: expect.stringMatching(/channel/) } } },
      { type: 'response', id: 6, payload: { ok: false, error: { code: 'bad-envelope', message: expect.stringMatching(/payload/) } } },
    ]);
    // No id to answer, or not a request (answering a response would settle one of this side's calls).
    expect(await probe.receive({ type: 'request', id: 1.5, channel: 'sync:now', payload: {} })).toMatchObject({ ok: false, error: { code: 'bad-envelope' } });
    expect(await probe.receive({ type: 'response', id: 7 })).toMatchObject({ ok: false, error: { code: 'bad-envelope' } });
    expect(sent).toHaveLength(2);
  });

  it('refuses an answer that does not match the channel schema', async () => {
    const caller = new RpcEndpoint((m) => void caller.receive({ type: 'response', id: (m as { id: number }).id, payload: { ok: true, value: 12 } }), { channels: {}, handlers: {} }, cacheChannels);
    expect(await caller.call('cache:read-cursor', {})).toMatchObject({ ok: false, error: { code: 'bad-response' } });
  });

  it('validates events and drops malformed ones', async () => {
    const { renderer } = pair();
    const seen: unknown[] = [];
    renderer.onEvent('sync:status-changed', (s) => seen.push(s));
    await renderer.receive({ type: 'event', channel: 'sync:status-changed', payload: { kind: 'idle', lastSyncedAt: null } });
    expect(await renderer.receive({ type: 'event', channel: 'sync:status-changed', payload: { kind: 'exploded' } })).toMatchObject({ ok: false });
    expect(seen).toEqual([{ kind: 'idle', lastSyncedAt: null }]);
  });

  it('fails waiting calls when the other side goes away', async () => {
    const caller = new RpcEndpoint(() => undefined, { channels: {}, handlers: {} }, cacheChannels);
    const pending = caller.call('cache:read-cursor', {});
    caller.abandonAll('the window closed');
    expect(await pending).toEqual({ ok: false, error: { code: 'transport', message: 'the window closed' } });
  });
});
