import { contextBridge, ipcRenderer } from 'electron';
import { AGENT_API_GLOBAL, ELECTRON_CHANNELS, type AgentApi } from '@shared/ipc/agent-api';
import { agentEvents, type AgentChannel, type AgentRequest, type AgentResponse } from '@shared/ipc/agent-channels';
import { cacheChannels, type CacheHandlers } from '@shared/ipc/cache-channels';
import { RpcEndpoint } from '@shared/ipc/rpc-endpoint';
import type { ClockSkew, SyncStatus } from '@shared/ipc/sync-status';
import type { DeadlineCounts, ShownNotification, Snoozes } from '@shared/ipc/workspace-settings';

// Sandboxed preload: only `electron` can be required at runtime, so this file is
// bundled to a single CommonJS file with everything else inlined.

function request<C extends AgentChannel>(channel: C, payload: AgentRequest<C>): Promise<AgentResponse<C>> {
  return ipcRenderer.invoke(ELECTRON_CHANNELS.request(channel), payload) as Promise<AgentResponse<C>>;
}

function listen<E extends keyof typeof agentEvents>(event: E, listener: (payload: never) => void): () => void {
  const handler = (_e: unknown, message: { event: string; payload: unknown }): void => {
    if (message?.event !== event) return;
    const parsed = agentEvents[event].safeParse(message.payload);
    if (parsed.success) listener(parsed.data as never);
  };
  ipcRenderer.on(ELECTRON_CHANNELS.event, handler);
  return () => ipcRenderer.removeListener(ELECTRON_CHANNELS.event, handler);
}

const agentApi = {
  platform: 'electron',
  versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
  syncNow: () => request('sync:now', {}),
  syncStatus: () => request('sync:status', {}),
  kickOutbox: () => request('outbox:kick', {}),
  signIn: (session) => request('session:sign-in', session),
  revealLoginDetail: (id) => request('login-details:reveal', { id }),
  describeSession: () => request('session:describe', {}),
  getSettings: () => request('settings:get', {}),
  setSettings: (settings) => request('settings:set', settings),
  snooze: (snooze) => request('notifier:snooze', snooze),
  unsnooze: (ticketIds) => request('notifier:unsnooze', { ticketIds }),
  snoozes: () => request('notifier:snoozes', {}),
  deadlineCounts: () => request('deadlines:counts', {}),
  onOpenTicket: (listener: (request: { ticketId: string }) => void) => listen('notifier:open-ticket', listener),
  onNotification: (listener: (notification: ShownNotification) => void) => listen('notifier:show', listener),
  onDeadlineCounts: (listener: (counts: DeadlineCounts) => void) => listen('deadlines:counts', listener),
  onSnoozes: (listener: (snoozes: Snoozes) => void) => listen('notifier:snoozes-changed', listener),
  onSyncStatus: (listener: (status: SyncStatus) => void) => listen('sync:status-changed', listener),
  onClockSkew: (listener: (skew: ClockSkew) => void) => listen('clock:skew-changed', listener),
  serveCache(handlers: CacheHandlers) {
    // The main process asks, the renderer's cache answers; requests are validated here, where they arrive.
    const endpoint = new RpcEndpoint((envelope) => ipcRenderer.send(ELECTRON_CHANNELS.cacheEnvelope, envelope), { channels: cacheChannels, handlers }, {});
    ipcRenderer.on(ELECTRON_CHANNELS.cacheEnvelope, (_event, envelope: unknown) => void endpoint.receive(envelope));
  },
} satisfies AgentApi;

contextBridge.exposeInMainWorld(AGENT_API_GLOBAL, agentApi);
