import { agentDeclaration, ELECTRON_CHANNELS, type AgentApiOf, type RuntimeVersions } from '@shared/ipc/agent-api';
import { cacheChannels, type CacheHandlers } from '@shared/ipc/cache-channels';
import { channelProxy, type ProxyDeclaration, type ProxyTransport } from '@shared/ipc/channel-proxy';
import { RpcEndpoint } from '@shared/ipc/rpc-endpoint';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The parts of Electron's ipcRenderer the agent API uses (tests hand in a stand-in). */
export interface PreloadIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

/**
 * The agent API as the preload builds it: every method derived from the declaration, each bound to
 * its own `agent:<channel>` invoke, answers checked in the page's process before the page sees
 * them. The declaration defaults to the product's; tests pass an extended one.
 */
export function createElectronAgent<D extends ProxyDeclaration = typeof agentDeclaration>(ipc: PreloadIpc, versions: RuntimeVersions, declaration: D = agentDeclaration as ProxyDeclaration as D): AgentApiOf<D> {
  return {
    ...channelProxy(declaration, electronTransport(ipc)),
    platform: 'electron',
    versions,
    serveCache: (handlers: CacheHandlers) => serveCache(ipc, handlers),
  };
}

function electronTransport(ipc: PreloadIpc): ProxyTransport {
  return {
    request: (channel, payload) => ipc.invoke(ELECTRON_CHANNELS.request(channel), payload),
    listen(event, listener) {
      const handler: IpcListener = (_event, message) => {
        if (typeof message === 'object' && message !== null && 'event' in message && message.event === event) listener((message as { payload?: unknown }).payload);
      };
      ipc.on(ELECTRON_CHANNELS.event, handler);
      return () => ipc.removeListener(ELECTRON_CHANNELS.event, handler);
    },
    refused: (error) => console.warn(`Refused an event from the main process: ${error.message}`),
  };
}

/** The main process asks, the renderer's cache answers; requests are validated here, where they arrive. */
function serveCache(ipc: PreloadIpc, handlers: CacheHandlers): void {
  const endpoint = new RpcEndpoint((envelope) => ipc.send(ELECTRON_CHANNELS.cacheEnvelope, envelope), { channels: cacheChannels, handlers }, {});
  ipc.on(ELECTRON_CHANNELS.cacheEnvelope, (_event, envelope) => void endpoint.receive(envelope));
}
