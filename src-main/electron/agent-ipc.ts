import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { ELECTRON_CHANNELS } from '../../src-shared/ipc/agent-api';
import { agentChannels, type AgentChannel, type AgentHandlers } from '../../src-shared/ipc/agent-channels';
import { cacheChannels, type CacheHandlers } from '../../src-shared/ipc/cache-channels';
import { fail, type Result } from '../../src-shared/ipc/result';
import { RpcEndpoint } from '../../src-shared/ipc/rpc-endpoint';

/** A renderer that reloads or hangs must not stall the sync engine forever. */
const CACHE_CALL_TIMEOUT_MS = 30_000;

function withTimeout<T>(call: Promise<T>): Promise<T | Result<never>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Result<never>>((resolve) => {
    timer = setTimeout(() => resolve(fail('transport', `the window's cache did not answer within ${CACHE_CALL_TIMEOUT_MS / 1000} s`)), CACHE_CALL_TIMEOUT_MS);
  });
  return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
}

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
    'cache:read-cursor': (r) => withTimeout(endpoint.call('cache:read-cursor', r)),
    'cache:apply-page': (r) => withTimeout(endpoint.call('cache:apply-page', r)),
    'outbox:pending': (r) => withTimeout(endpoint.call('outbox:pending', r)),
    'outbox:settle': (r) => withTimeout(endpoint.call('outbox:settle', r)),
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
