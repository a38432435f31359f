import type { IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { ELECTRON_CHANNELS } from '@shared/ipc/agent-api';
import { agentChannels, agentEvents, type AgentEvent, type AgentEventPayload } from '@shared/ipc/agent-channels';
import { cacheChannels, type CacheHandlers } from '@shared/ipc/cache-channels';
import { forwardingHandlers } from '@shared/ipc/channel-proxy';
import { fail, type Result } from '@shared/ipc/result';
import { answerRequest, RpcEndpoint, type ChannelMap, type Handlers } from '@shared/ipc/rpc-endpoint';

/** A renderer that reloads or hangs must not stall the sync engine forever. */
const CACHE_CALL_TIMEOUT_MS = 30_000;

/** The parts of Electron's ipcMain this file uses (tests hand in a stand-in; Electron cannot run there). */
export interface AgentIpcMain {
  handle(channel: string, handler: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
  on(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): unknown;
}

/** The window whose top frame alone may use the agent API. */
export interface AgentIpcWindow {
  readonly webContents: Pick<WebContents, 'send' | 'mainFrame' | 'on'>;
}

function withTimeout<T>(call: Promise<T>): Promise<T | Result<never>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Result<never>>((resolve) => {
    timer = setTimeout(() => resolve(fail('transport', `the window's cache did not answer within ${CACHE_CALL_TIMEOUT_MS / 1000} s`)), CACHE_CALL_TIMEOUT_MS);
  });
  return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
}

/** Only our own window's top frame may talk to the main process: not an iframe, not another window. */
function fromWindow(window: AgentIpcWindow, event: IpcMainEvent | IpcMainInvokeEvent): boolean {
  return event.sender === window.webContents && event.senderFrame !== null && event.senderFrame === window.webContents.mainFrame;
}

export interface AgentIpc {
  cache: CacheHandlers;
  emit<E extends AgentEvent>(event: E, payload: AgentEventPayload<E>): void;
  dispose(): void;
}

/**
 * Wires the agent channels (renderer -> main, one ipcMain handler each, sender checked here and the
 * request answered by the same `answerRequest` as web mode's socket) and returns the cache channels
 * (main -> renderer) as handlers the sync engine can call. Channels not declared in `channels`
 * (the product's agentChannels; tests extend them) get no handler at all.
 */
export function connectAgentIpc<M extends ChannelMap = typeof agentChannels>(ipcMain: AgentIpcMain, window: AgentIpcWindow, handlers: NoInfer<Partial<Handlers<M>>>, channels: M = agentChannels as ChannelMap as M): AgentIpc {
  const names = Object.keys(channels);
  for (const name of names) {
    ipcMain.handle(ELECTRON_CHANNELS.request(name), (event, payload: unknown) => {
      if (!fromWindow(window, event)) return fail('forbidden', `${name}: this frame may not use the agent API`);
      return answerRequest({ channels, handlers }, name, payload);
    });
  }
  const endpoint = new RpcEndpoint((envelope) => window.webContents.send(ELECTRON_CHANNELS.cacheEnvelope, envelope), { channels: {}, handlers: {} }, cacheChannels);
  const onEnvelope = (event: IpcMainEvent, envelope: unknown): void => {
    if (fromWindow(window, event)) void endpoint.receive(envelope);
  };
  ipcMain.on(ELECTRON_CHANNELS.cacheEnvelope, onEnvelope);
  window.webContents.on('render-process-gone', () => endpoint.abandonAll('the window closed or crashed'));
  const cache = forwardingHandlers(cacheChannels, (channel, request) => withTimeout(endpoint.call(channel, request as never)));
  return {
    cache,
    emit(event, payload) {
      // Validated on the way out too: the renderer validates again, but a bad event is our bug to catch here.
      const checked = agentEvents[event].safeParse(payload);
      if (checked.success) window.webContents.send(ELECTRON_CHANNELS.event, { event, payload: checked.data });
      else console.warn(`Not sending ${event}: ${checked.error.issues[0]?.message ?? 'invalid'}`);
    },
    dispose() {
      for (const name of names) ipcMain.removeHandler(ELECTRON_CHANNELS.request(name));
      ipcMain.removeListener(ELECTRON_CHANNELS.cacheEnvelope, onEnvelope);
      endpoint.abandonAll('the agent IPC was closed');
    },
  };
}
