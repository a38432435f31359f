import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { z } from 'zod';
import { agentDeclaration, type AgentApi } from '@shared/ipc/agent-api';
import { agentChannels, agentEventMethods, agentEvents, agentMethods } from '@shared/ipc/agent-channels';
import { cacheChannels } from '@shared/ipc/cache-channels';
import { ok, resultSchema } from '@shared/ipc/result';
import { RpcEndpoint, type ChannelMap, type Handlers } from '@shared/ipc/rpc-endpoint';
import { WEB_PROTOCOL, webHostEvents } from '@shared/ipc/web-socket-protocol';
import { connectAgentIpc } from '../../../src-main/electron/agent-ipc';
import { createElectronAgent } from '../../../src-main/preload/electron-agent';
import { createWebSocketAgent } from '../../../src-renderer/bridge/web-socket-agent';
import { IpcMainStandIn, ipcRendererStandIn, windowStandIn } from '../electron-ipc/ipc-main-stand-in';

/**
 * Both transports of the agent API build their objects from one declaration: a channel or event
 * added to it appears, typed and working, on the Electron preload's object and on web mode's
 * bridge with no other edit; an answer that does not fit the channel's schema reaches the page as
 * an error value on both.
 */
const echoChannels = {
  ...agentChannels,
  'test:echo': { request: z.object({ text: z.string().max(20) }), response: resultSchema(z.object({ echoed: z.string() })) },
} as const;
const extended = {
  channels: echoChannels,
  methods: { ...agentMethods, 'test:echo': 'echo' },
  events: { ...agentEvents, 'test:pinged': z.object({ n: z.number() }) },
  eventMethods: { ...agentEventMethods, 'test:pinged': 'onPinged' },
} as const;

const SECRET = 'a'.repeat(43);
const versions = { electron: '41.0.0', chrome: '140.0.0', node: '22.0.0' };
/** Answers that break their channel's response schema: what a buggy or hostile main side could send. */
const brokenAnswers = { 'sync:status': { ok: true, value: { kind: 'exploded' } }, 'settings:get': 'not a result' } as const;

const handlers: Partial<Handlers<typeof echoChannels>> = {
  'test:echo': async ({ text }) => ok({ echoed: text.toUpperCase() }),
  'sync:now': async () => ok(null),
  'sync:status': async () => brokenAnswers['sync:status'] as never,
  'settings:get': async () => brokenAnswers['settings:get'] as never,
};

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  vi.restoreAllMocks();
});

function electronAgent() {
  const ipcMain = new IpcMainStandIn();
  const standIn = windowStandIn();
  const ipc = connectAgentIpc(ipcMain, standIn.window, handlers, echoChannels);
  closers.push(() => ipc.dispose());
  const agent = createElectronAgent(ipcRendererStandIn(ipcMain, standIn), versions, extended);
  // What the main process's emit puts on the wire, for an event it declares.
  const emit = (event: string, payload: unknown): void => standIn.webContents.send('agent:event', { event, payload });
  return { agent, emit };
}

/** A real WebSocket server answering as the web host does (RpcEndpoint), serving the extended channels. */
async function webSocketAgent() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => WEB_PROTOCOL });
  await new Promise((resolve) => server.once('listening', resolve));
  const hosts: RpcEndpoint<ChannelMap, typeof cacheChannels>[] = [];
  server.on('connection', (socket) => {
    const host = new RpcEndpoint((envelope) => socket.send(JSON.stringify(envelope)), { channels: echoChannels, handlers }, cacheChannels, webHostEvents);
    socket.on('message', (data) => void host.receive(JSON.parse(String(data))));
    hosts.push(host);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = createWebSocketAgent({ origin, secret: SECRET, WebSocket: WebSocket as unknown as typeof globalThis.WebSocket, declaration: extended });
  closers.push(() => agent.close(), () => new Promise((resolve) => server.close(resolve)));
  await until(() => agent.bridgeState.kind === 'open');
  const emit = (event: string, payload: unknown): void => hosts.forEach((host) => host.emit(event, payload));
  return { agent, emit };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

const transports = { 'Electron preload': electronAgent, 'web-mode bridge': webSocketAgent };

describe('agent API facades derived from the declaration', () => {
  it('types a channel and an event added to the declaration on both facades, and keeps them off the product API', () => {
    type ElectronFacade = ReturnType<typeof createElectronAgent<typeof extended>>;
    type WebFacade = ReturnType<typeof createWebSocketAgent<typeof extended>>;
    expectTypeOf<ElectronFacade['echo']>().toEqualTypeOf<(request: { text: string }) => Promise<z.output<(typeof echoChannels)['test:echo']['response']>>>();
    expectTypeOf<WebFacade['echo']>().toEqualTypeOf<ElectronFacade['echo']>();
    expectTypeOf<WebFacade['onPinged']>().toEqualTypeOf<(listener: (payload: { n: number }) => void) => () => void>();
    expectTypeOf<ElectronFacade['onPinged']>().toEqualTypeOf<WebFacade['onPinged']>();
    expectTypeOf<AgentApi>().not.toHaveProperty('echo');
    expectTypeOf<AgentApi['revealLoginDetail']>().parameter(0).toEqualTypeOf<{ id: string }>();
  });

  it('names every channel and event once, apart from the host members', () => {
    const names = [...Object.values(agentMethods), ...Object.values(agentEventMethods), 'platform', 'versions', 'serveCache'];
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(agentMethods).sort()).toEqual(Object.keys(agentDeclaration.channels).sort());
    expect(Object.keys(agentEventMethods).sort()).toEqual(Object.keys(agentDeclaration.events).sort());
  });

  for (const [name, open] of Object.entries(transports)) {
    describe(name, () => {
      it('offers exactly the declared methods, the added channel and event working end to end', async () => {
        const { agent, emit } = await open();
        const declared = [...Object.values(extended.methods), ...Object.values(extended.eventMethods)];
        expect(declared.every((method) => typeof (agent as unknown as Record<string, unknown>)[method] === 'function')).toBe(true);
        expect(Object.keys(agent).filter((key) => !declared.includes(key as never)).sort()).toEqual(
          name === 'Electron preload' ? ['platform', 'serveCache', 'versions'] : ['bridgeState', 'close', 'onBridgeState', 'platform', 'serveCache', 'versions'],
        );
        expect(await agent.echo({ text: 'hello' })).toEqual({ ok: true, value: { echoed: 'HELLO' } });
        expect(await agent.echo({ text: 'x'.repeat(21) })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('test:echo: text') } });
        const pings: unknown[] = [];
        const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
        agent.onPinged((ping) => pings.push(ping));
        emit('test:pinged', { n: 'not a number' });
        emit('test:pinged', { n: 7 });
        await until(() => pings.length > 0);
        expect(pings).toEqual([{ n: 7 }]);
        // The malformed one is dropped, and said so where a developer looks.
        expect(warn).toHaveBeenCalledWith(expect.stringContaining('test:pinged: n: '));
      });

      it('turns an answer that breaks the response schema into an error value', async () => {
        const { agent } = await open();
        expect(await agent.syncNow()).toEqual({ ok: true, value: null });
        expect(await agent.syncStatus()).toEqual({ ok: false, error: { code: 'bad-response', message: expect.stringMatching(/^sync:status answered with value\.kind: /) } });
        expect(await agent.getSettings()).toEqual({ ok: false, error: { code: 'bad-response', message: expect.stringMatching(/^settings:get answered with \(payload\): /) } });
      });
    });
  }
});
