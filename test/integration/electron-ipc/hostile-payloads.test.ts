import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ELECTRON_CHANNELS, type AgentApi } from '@shared/ipc/agent-api';
import { agentChannels, agentMethods, type AgentChannel } from '@shared/ipc/agent-channels';
import { cacheChannels } from '@shared/ipc/cache-channels';
import { connectAgentIpc, type AgentIpc } from '../../../src-main/electron/agent-ipc';
import { createElectronAgent } from '../../../src-main/preload/electron-agent';
import { AgentServices } from '../../../src-main/services/agent-services';
import { fileNotifierStateStore } from '../../../src-main/services/deadline-notifier/notifier-state-file';
import { fileSettingsStore } from '../../../src-main/services/settings-store-file';
import { createCacheHandlers } from '../../../src-renderer/bridge/cache-handlers';
import { openAgentCache } from '../../../src-renderer/db/cache-database';
import { IpcMainStandIn, ipcRendererStandIn, windowStandIn } from './ipc-main-stand-in';

/**
 * Malformed and hostile payloads on every Electron IPC channel, through the real agent-ipc.ts and
 * the real AgentServices (settings and notifier state in files, sessions recorded): each refused
 * with an error naming the channel and the field, and nothing written anywhere.
 */
const HUGE = 'x'.repeat(5_000_000);
const validSettings = { zone: 'Europe/Berlin', thresholdsMinutes: [30, 10], workingHours: { start: '09:00', end: '17:00', weekdays: [1, 2, 3, 4, 5] } };

/** For each channel: payloads that must be refused, and the words the refusal must contain. */
const hostile: Record<AgentChannel, [unknown, RegExp][]> = {
  'sync:now': [[null, /\(payload\)/], [HUGE, /\(payload\)/], [[1, 2], /\(payload\)/]],
  'sync:status': [[undefined, /\(payload\)/], [42, /\(payload\)/]],
  'outbox:kick': [['kick', /\(payload\)/]],
  'session:sign-in-with-code': [
    [{ backendUrl: 'file:///etc/passwd', code: 'ABCDE-FGHJK' }, /backendUrl/],
    [{ backendUrl: 'https://example.test', code: '' }, /code/],
    [{ backendUrl: 'https://example.test', code: 'x'.repeat(41) }, /code/],
  ],
  'session:sign-in': [
    [{ backendUrl: 42, token: 'abcdefgh' }, /backendUrl/],
    [{ backendUrl: 'file:///etc/passwd', token: 'abcdefgh' }, /backendUrl/],
    [{ backendUrl: 'javascript:alert(1)', token: 'abcdefgh' }, /backendUrl/],
    [{ backendUrl: `https://example.test/${HUGE}`, token: 'abcdefgh' }, /backendUrl/],
    [{ backendUrl: 'https://example.test', token: HUGE }, /token/],
    [{ backendUrl: 'https://example.test', token: 'short' }, /token/],
    [{ backendUrl: 'https://example.test' }, /token/],
  ],
  'login-details:reveal': [[{ id: '' }, /id/], [{ id: HUGE }, /id/], [{ id: 7 }, /id/], [{}, /id/]],
  'session:describe': [[[], /\(payload\)/]],
  'settings:get': [['settings', /\(payload\)/]],
  'settings:set': [
    [{ ...validSettings, zone: HUGE }, /zone/],
    [{ ...validSettings, zone: 42 }, /zone/],
    [{ ...validSettings, thresholdsMinutes: [-5] }, /thresholdsMinutes\.0/],
    [{ ...validSettings, thresholdsMinutes: [1, 2, 3, 4, 5, 6] }, /thresholdsMinutes/],
    [{ ...validSettings, thresholdsMinutes: 'often' }, /thresholdsMinutes/],
    [{ ...validSettings, workingHours: { ...validSettings.workingHours, start: '25:00' } }, /workingHours\.start: expected HH:MM/],
    [{ ...validSettings, workingHours: { ...validSettings.workingHours, weekdays: [0, 8] } }, /workingHours\.weekdays\.0/],
    [{ zone: 'UTC' }, /thresholdsMinutes/],
  ],
  'notifier:snooze': [
    [{ ticketIds: [], minutes: 10 }, /ticketIds/],
    [{ ticketIds: Array.from({ length: 1_001 }, (_, i) => `t-${i}`), minutes: 10 }, /ticketIds/],
    [{ ticketIds: [HUGE], minutes: 10 }, /ticketIds\.0/],
    [{ ticketIds: ['t-1'], minutes: 0 }, /minutes/],
    [{ ticketIds: ['t-1'], minutes: 1e12 }, /minutes/],
    [{ ticketIds: ['t-1'], minutes: '10' }, /minutes/],
    [{ ticketIds: ['t-1'] }, /minutes: give either minutes or until/],
    [{ ticketIds: ['t-1'], minutes: 10, until: 'next-working-hours' }, /minutes: give either minutes or until/],
    [{ ticketIds: ['t-1'], until: 'next-week' }, /until/],
  ],
  'notifier:unsnooze': [[{ ticketIds: [] }, /ticketIds/], [{ ticketIds: [HUGE] }, /ticketIds\.0/], [{}, /ticketIds/]],
  'notifier:snoozes': [[null, /\(payload\)/], ['all', /\(payload\)/]],
  'deadlines:counts': [[[], /\(payload\)/], [7, /\(payload\)/]],
};

/** For each channel: a payload the schema accepts (what a forged frame would send). */
const valid: Record<AgentChannel, unknown> = {
  'sync:now': {}, 'sync:status': {}, 'outbox:kick': {}, 'session:describe': {}, 'settings:get': {},
  'session:sign-in': { backendUrl: 'https://evil.example.test', token: 'stolen-token-123' },
  'session:sign-in-with-code': { backendUrl: 'https://evil.example.test', code: 'ABCDE-FGHJK' },
  'login-details:reveal': { id: 'ld-1' },
  'settings:set': validSettings,
  'notifier:snooze': { ticketIds: ['t-1'], minutes: 60 },
  'notifier:unsnooze': { ticketIds: ['t-1'] },
  'notifier:snoozes': {},
  'deadlines:counts': {},
};

const versions = { electron: '41.0.0', chrome: '140.0.0', node: '22.0.0' };

/** The preload's method for a channel, called with any payload (as a page script could). */
function preloadMethod(agent: AgentApi, channel: AgentChannel): (payload: unknown) => Promise<unknown> {
  return (agent as unknown as Record<string, (payload: unknown) => Promise<unknown>>)[agentMethods[channel]]!;
}

let ipcMain: IpcMainStandIn;
let standIn: ReturnType<typeof windowStandIn>;
let ipc: AgentIpc;
let dir: string;
let sessionsSaved: unknown[];
let services: AgentServices;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'electron-ipc-'));
  sessionsSaved = [];
  services = new AgentServices({
    cache: createCacheHandlers(openAgentCache(`ipc-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange })),
    sessions: { load: async () => null, save: async (session) => void sessionsSaved.push(session) },
    settings: fileSettingsStore(join(dir, 'settings.json')),
    notifierStore: fileNotifierStateStore(join(dir, 'deadline-notifier.json')),
  });
  await services.start();
  ipcMain = new IpcMainStandIn();
  standIn = windowStandIn();
  ipc = connectAgentIpc(ipcMain, standIn.window, services.handlers);
});

afterEach(async () => {
  ipc.dispose();
  await services.stop();
});

async function nothingWritten(): Promise<void> {
  await services.notifier.flushed();
  expect(await readdir(dir)).toEqual([]);
  expect(sessionsSaved).toEqual([]);
}

describe('Electron IPC: hostile payloads', () => {
  it('registers a handler for each declared channel and for nothing else', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.keys(agentChannels).map(ELECTRON_CHANNELS.request).sort());
  });

  it.each(Object.keys(hostile) as AgentChannel[])('%s refuses every malformed payload with a clear error and writes nothing', async (channel) => {
    for (const [payload, names] of hostile[channel]) {
      const answer = (await ipcMain.invoke(standIn.topFrame, ELECTRON_CHANNELS.request(channel), payload)) as { ok: boolean; error?: { code: string; message: string } };
      expect(answer.ok, `${channel} accepted ${JSON.stringify(payload)?.slice(0, 80)}`).toBe(false);
      expect(answer.error?.code).toBe('bad-request');
      expect(answer.error?.message.startsWith(`${channel}: `)).toBe(true);
      expect(answer.error?.message).toMatch(names);
      expect(answer.error?.message.length).toBeLessThan(400);
    }
    await nothingWritten();
  });

  it('refuses what the schema allows but the services cannot use: an unknown zone, empty working hours', async () => {
    const zone = await ipcMain.invoke(standIn.topFrame, ELECTRON_CHANNELS.request('settings:set'), { ...validSettings, zone: 'Mars/Olympus_Mons' });
    expect(zone).toEqual({ ok: false, error: { code: 'bad-request', message: 'zone: "Mars/Olympus_Mons" is not a known IANA time zone' } });
    const empty = await ipcMain.invoke(standIn.topFrame, ELECTRON_CHANNELS.request('settings:set'), { ...validSettings, workingHours: { start: '09:00', end: '09:00', weekdays: [1] } });
    expect(empty).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await nothingWritten();
  });

  it('refuses every channel to another webContents, to a child frame and to a frame that is gone, even with a valid payload', async () => {
    const strangers = [
      { sender: { id: 'another window' }, senderFrame: standIn.webContents.mainFrame },
      { sender: standIn.webContents, senderFrame: { name: 'ad iframe' } },
      { sender: standIn.webContents, senderFrame: null },
    ];
    for (const stranger of strangers) {
      for (const channel of Object.keys(valid) as AgentChannel[]) {
        const answer = await ipcMain.invoke(stranger, ELECTRON_CHANNELS.request(channel), valid[channel]);
        expect(answer).toEqual({ ok: false, error: { code: 'forbidden', message: `${channel}: this frame may not use the agent API` } });
      }
    }
    await nothingWritten();
  });

  it('refuses the same through the preload\'s derived methods, and refuses a child frame\'s preload', async () => {
    const agent = createElectronAgent(ipcRendererStandIn(ipcMain, standIn), versions);
    const inIframe = createElectronAgent(ipcRendererStandIn(ipcMain, standIn, { sender: standIn.webContents, senderFrame: { name: 'ad iframe' } }), versions);
    for (const channel of Object.keys(hostile) as AgentChannel[]) {
      // A method called without a payload sends {}: the preload fills it in, so `undefined` cannot be sent.
      for (const [payload, names] of hostile[channel].filter(([payload]) => payload !== undefined)) {
        const answer = await preloadMethod(agent, channel)(payload);
        expect(answer, `${channel} accepted ${JSON.stringify(payload)?.slice(0, 80)}`).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(names) } });
      }
      expect(await preloadMethod(inIframe, channel)(valid[channel])).toEqual({ ok: false, error: { code: 'forbidden', message: `${channel}: this frame may not use the agent API` } });
    }
    await nothingWritten();
  });

  it('has no handler for undeclared channels, so Electron itself refuses their invoke; dispose leaves none', () => {
    // Electron answers an invoke on a channel without a handler with its own error, before any
    // code of ours runs: what is ours to check is that nothing else is registered or listened to.
    const handled = [...ipcMain.handlers.keys()];
    for (const name of ['agent:admin:wipe', ...Object.keys(cacheChannels)]) expect(handled).not.toContain(ELECTRON_CHANNELS.request(name));
    const listened = [...ipcMain.listeners].filter(([, listeners]) => listeners.size > 0).map(([channel]) => channel);
    expect(listened).toEqual([ELECTRON_CHANNELS.cacheEnvelope]);
    ipc.dispose();
    expect([...ipcMain.handlers.keys()]).toEqual([]);
    expect([...ipcMain.listeners.values()].every((listeners) => listeners.size === 0)).toBe(true);
  });

  it('answers an unknown cache channel with an error envelope; ignores a malformed envelope and a foreign frame', async () => {
    ipcMain.send(standIn.topFrame, ELECTRON_CHANNELS.cacheEnvelope, { type: 'request', id: 1, channel: 'cache:drop-everything', payload: {} });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(standIn.sent).toEqual([{ channel: ELECTRON_CHANNELS.cacheEnvelope, payload: { type: 'response', id: 1, payload: { ok: false, error: { code: 'unknown-channel', message: 'no such channel: cache:drop-everything' } } } }]);

    // The main process asks the cache for its cursor; a forged answer from a child frame must not settle it.
    const cursor = ipc.cache['cache:read-cursor']({});
    const asked = standIn.sent.at(-1)?.payload as { id: number };
    ipcMain.send({ sender: standIn.webContents, senderFrame: { name: 'iframe' } }, ELECTRON_CHANNELS.cacheEnvelope, { type: 'response', id: asked.id, payload: { ok: true, value: 'forged' } });
    ipcMain.send(standIn.topFrame, ELECTRON_CHANNELS.cacheEnvelope, { type: 'response', id: asked.id, payload: { ok: true, value: 42 } });
    ipcMain.send(standIn.topFrame, ELECTRON_CHANNELS.cacheEnvelope, { type: 'nonsense', id: -1 });
    expect(await cursor).toMatchObject({ ok: false, error: { code: 'bad-response' } });
    expect(standIn.sent).toHaveLength(2);
    await nothingWritten();
  });

  it('accepts the same channels from the window top frame with valid payloads (the control)', async () => {
    expect(await ipcMain.invoke(standIn.topFrame, ELECTRON_CHANNELS.request('settings:set'), validSettings)).toEqual({ ok: true, value: null });
    const agent = createElectronAgent(ipcRendererStandIn(ipcMain, standIn), versions);
    expect(await agent.snooze({ ticketIds: ['t-1'], minutes: 5 })).toEqual({ ok: true, value: { snoozes: [{ ticketId: 't-1', untilMs: expect.any(Number) }] } });
    await services.notifier.flushed();
    expect((await readdir(dir)).sort()).toEqual(['deadline-notifier.json', 'settings.json']);
  });
});
