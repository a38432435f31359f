import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { ELECTRON_CHANNELS } from '../../src-shared/ipc/agent-api';
import { agentChannels, type AgentChannel, type AgentHandlers } from '../../src-shared/ipc/agent-channels';
import { cacheChannels, type CacheHandlers } from '../../src-shared/ipc/cache-channels';
import { fail } from '../../src-shared/ipc/result';
import { RpcEndpoint } from '../../src-shared/ipc/rpc-endpoint';

/** Only our own window's top frame may talk to the main process. */
function fromWindow(window: BrowserWindow, event: IpcMainEvent | IpcMainInvokeEvent): boolean {
  return event.sender === window.webContents && event.senderFrame !== null && event.senderFrame === window.webContents.mainFrame;
}

/**
 * Wires the agent channels (renderer -> main, one ipcMain handler each, payloads validated here)
 * and returns the cache channels (main -> renderer) as handlers the sync engine can call.
 */
export function connectAgentIpc(window: BrowserWindow, handlers: AgentHandlers): { cache: CacheHandlers; emit(event: string, payload: unknown): void; dispose(): void } {
  const names = Object.keys(agentChannels) as AgentChannel[];
  for (const name of names) {
    ipcMain.handle(ELECTRON_CHANNELS.request(name), async (event, payload: unknown) => {
      if (!fromWindow(window, event)) return fail('forbidden', 'this frame may not use the agent API');
      const parsed = agentChannels[name].request.safeParse(payload);
      if (!parsed.success) return fail('bad-request', `${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return (handlers[name] as (request: unknown) => Promise<unknown>)(parsed.data);
    });
  }
  const endpoint = new RpcEndpoint((envelope) => window.webContents.send(ELECTRON_CHANNELS.cacheEnvelope, envelope), { channels: {}, handlers: {} }, cacheChannels);
  const onEnvelope = (event: IpcMainEvent, envelope: unknown): void => {
    if (fromWindow(window, event)) void endpoint.receive(envelope);
  };
  ipcMain.on(ELECTRON_CHANNELS.cacheEnvelope, onEnvelope);
  window.webContents.on('render-process-gone', () => endpoint.abandonAll('the window closed or crashed'));
  const cache = {
    'cache:read-cursor': (r) => endpoint.call('cache:read-cursor', r),
    'cache:apply-page': (r) => endpoint.call('cache:apply-page', r),
    'outbox:pending': (r) => endpoint.call('outbox:pending', r),
    'outbox:settle': (r) => endpoint.call('outbox:settle', r),
  } satisfies CacheHandlers;
  return {
    cache,
    emit: (event, payload) => window.webContents.send(ELECTRON_CHANNELS.event, { event, payload }),
    dispose() {
      for (const name of names) ipcMain.removeHandler(ELECTRON_CHANNELS.request(name));
      ipcMain.removeListener(ELECTRON_CHANNELS.cacheEnvelope, onEnvelope);
      endpoint.abandonAll('the agent IPC was closed');
    },
  };
}
