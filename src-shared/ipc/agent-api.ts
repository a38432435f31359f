import { agentChannels, agentEventMethods, agentEvents, agentMethods } from './agent-channels';
import type { CacheHandlers } from './cache-channels';
import type { ProxyDeclaration, ProxyOf } from './channel-proxy';

/**
 * The agent API as declared: its channels and events (agent-channels.ts) and the method name of
 * each. The preload and the web-mode bridge build their objects from this with `channelProxy`.
 */
export const agentDeclaration = { channels: agentChannels, methods: agentMethods, events: agentEvents, eventMethods: agentEventMethods } as const;

/** One method per agent request and one subscription per agent event, derived from the declaration. */
export type AgentCalls = ProxyOf<typeof agentDeclaration>;

/** What the agent API has besides its calls: which host it is, and the way in for the renderer's cache. */
export interface AgentHost {
  /** Lets the renderer tell the desktop shell from the web-mode host. */
  readonly platform: 'electron' | 'web';
  readonly versions: RuntimeVersions;
  /** Registers the renderer's cache, which the main process's sync engine then feeds. */
  serveCache(handlers: CacheHandlers): void;
}

/** The agent API for a declaration: the real one is `AgentApi`; tests extend the declaration. */
export type AgentApiOf<D extends ProxyDeclaration> = ProxyOf<D> & AgentHost;

/**
 * The one object the preload script exposes to the renderer (`window.agent`): a named method per
 * channel, never a generic invoke. Web mode's bridge offers the same over a WebSocket.
 */
export interface AgentApi extends AgentCalls, AgentHost {}

export interface RuntimeVersions {
  readonly electron: string;
  readonly chrome: string;
  readonly node: string;
}

/** The global name under which the preload exposes the API (`window.agent`). */
export const AGENT_API_GLOBAL = 'agent';

/** Electron IPC channel names: one per agent request, plus the cache and event envelopes. */
export const ELECTRON_CHANNELS = {
  request: (channel: string) => `agent:${channel}`,
  cacheEnvelope: 'agent:cache-envelope',
  event: 'agent:event',
} as const;
