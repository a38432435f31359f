import { Backoff } from '@shared/backoff';
import { agentDeclaration, type AgentApi, type AgentApiOf } from '@shared/ipc/agent-api';
import { cacheChannels, type CacheHandlers } from '@shared/ipc/cache-channels';
import { channelProxy, type ProxyDeclaration, type ProxyTransport } from '@shared/ipc/channel-proxy';
import { fail } from '@shared/ipc/result';
import { RpcEndpoint, type ChannelMap } from '@shared/ipc/rpc-endpoint';
import { SECRET_PROTOCOL_PREFIX, WEB_CLOSE, WEB_PROTOCOL, WEB_SOCKET_PATH, webErrorEnvelopeSchema } from '@shared/ipc/web-socket-protocol';

/** How the tab's link to the host stands, for the notice the engineer sees. */
export type BridgeState =
  | { kind: 'connecting' }
  | { kind: 'open' }
  | { kind: 'reconnecting'; retryInMs: number; reason: string }
  | { kind: 'superseded'; reason: string }
  | { kind: 'closed' };

/** What the web-mode bridge offers besides the agent API: the state of its link to the host. */
export interface BridgeControls {
  onBridgeState(listener: (state: BridgeState) => void): () => void;
  readonly bridgeState: BridgeState;
  /** Closes the socket for good (no reconnect). */
  close(): void;
}

export interface WebSocketAgent extends AgentApi, BridgeControls {}

/** A request made while the socket is down waits this long for it to come back before failing. */
const OPEN_WAIT_MS = 10_000;
/** WebSocket.OPEN, spelled out so an injected WebSocket class (tests) needs no statics. */
const SOCKET_OPEN = 1;

/**
 * The AgentApi of web mode: the same named methods as the Electron preload, derived from the same
 * declaration, carried as RpcEndpoint envelopes over a WebSocket to the Node host
 * (src-main/web-host). Responses and events are validated here against the shared schemas, and
 * cache requests from the host against `cacheChannels`. When the socket drops (the host restarted,
 * the laptop slept) it reconnects with backoff and offers the cache again; a newer tab taking over
 * is final. The declaration defaults to the product's; tests pass an extended one.
 */
export function createWebSocketAgent<D extends ProxyDeclaration = typeof agentDeclaration>(options: {
  origin: string;
  secret: string;
  WebSocket?: typeof WebSocket;
  declaration?: D;
}): AgentApiOf<D> & BridgeControls {
  const declaration = options.declaration ?? (agentDeclaration as ProxyDeclaration as D);
  return new WebSocketBridge(options.origin, options.secret, options.WebSocket ?? WebSocket, declaration).api;
}

type Endpoint = RpcEndpoint<typeof cacheChannels, ChannelMap>;

class WebSocketBridge<D extends ProxyDeclaration> {
  private socket: WebSocket | null = null;
  private endpoint: Endpoint | null = null;
  private state: BridgeState = { kind: 'connecting' };
  private readonly backoff = new Backoff({ baseMs: 250, maxMs: 10_000 });
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private closedForGood = false;
  /** Filled by serveCache; the endpoints look handlers up when a request arrives. */
  private readonly cacheHandlers: Partial<CacheHandlers> = {};
  private servingCache = false;
  private readonly stateListeners = new Set<(state: BridgeState) => void>();
  private readonly eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  private openWaiters: (() => void)[] = [];
  readonly api: AgentApiOf<D> & BridgeControls;

  constructor(
    private readonly origin: string,
    private readonly secret: string,
    private readonly SocketClass: typeof WebSocket,
    private readonly declaration: D,
  ) {
    this.api = this.createApi();
    this.connect();
  }

  private createApi(): AgentApiOf<D> & BridgeControls {
    const currentState = (): BridgeState => this.state;
    return {
      ...channelProxy(this.declaration, this.transport()),
      platform: 'web',
      versions: { electron: '', chrome: /Chrome\/([\d.]+)/.exec(globalThis.navigator?.userAgent ?? '')?.[1] ?? '', node: '' },
      serveCache: (handlers: CacheHandlers) => this.serveCache(handlers),
      onBridgeState: (listener: (state: BridgeState) => void) => {
        this.stateListeners.add(listener);
        return () => this.stateListeners.delete(listener);
      },
      get bridgeState() {
        return currentState();
      },
      close: () => {
        this.closedForGood = true;
        clearTimeout(this.retryTimer);
        this.socket?.close(1000, 'the page closed the agent');
        this.setState({ kind: 'closed' });
      },
    };
  }

  /** Requests wait for the socket to open; events reach the listeners of whichever socket is current. */
  private transport(): ProxyTransport {
    return {
      request: async (channel, payload) => {
        const endpoint = await this.openEndpoint();
        if (endpoint === null) return fail('transport', this.unreachableMessage());
        return endpoint.call(channel, payload);
      },
      listen: (event, listener) => {
        const set = this.eventListeners.get(event) ?? new Set();
        set.add(listener);
        this.eventListeners.set(event, set);
        return () => set.delete(listener);
      },
      refused: (error) => console.warn(`Refused an event from the Support Agent host: ${error.message}`),
    };
  }

  private serveCache(handlers: CacheHandlers): void {
    Object.assign(this.cacheHandlers, handlers);
    this.servingCache = true;
    if (this.state.kind === 'open') emitSafely(this.endpoint, 'web:serve-cache');
  }

  private connect(): void {
    if (this.closedForGood) return;
    const socket = new this.SocketClass(`${this.origin.replace(/^http/, 'ws')}${WEB_SOCKET_PATH}`, [WEB_PROTOCOL, `${SECRET_PROTOCOL_PREFIX}${this.secret}`]);
    const { channels, events } = this.declaration;
    const endpoint: Endpoint = new RpcEndpoint((envelope) => sendOn(socket, envelope), { channels: cacheChannels, handlers: this.cacheHandlers }, channels, events);
    for (const event of Object.keys(events)) {
      endpoint.onEvent(event, (payload) => this.eventListeners.get(event)?.forEach((listener) => listener(payload)));
    }
    this.socket = socket;
    this.endpoint = endpoint;
    socket.onopen = () => {
      this.backoff.reset();
      if (this.servingCache) emitSafely(endpoint, 'web:serve-cache');
      this.setState({ kind: 'open' });
      for (const wake of this.openWaiters.splice(0)) wake();
    };
    socket.onmessage = (message) => void this.receive(endpoint, message.data);
    socket.onclose = (event) => this.closed(socket, endpoint, event);
  }

  private async receive(endpoint: Endpoint, data: unknown): Promise<void> {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      console.warn('Support Agent host sent a message that is not JSON; ignored');
      return;
    }
    const refusal = webErrorEnvelopeSchema.safeParse(message);
    if (refusal.success) {
      console.warn(`Support Agent host refused a message: ${refusal.data.error.code}: ${refusal.data.error.message}`);
      return;
    }
    try {
      const handled = await endpoint.receive(message);
      if (!handled.ok) console.warn(`Refused a message from the Support Agent host: ${handled.error.message}`);
    } catch {
      // The answer could not be sent: the socket closed meanwhile, and the host abandons the call.
    }
  }

  private closed(socket: WebSocket, endpoint: Endpoint, event: CloseEvent): void {
    endpoint.abandonAll('the connection to the Support Agent host was lost');
    if (this.socket !== socket) return;
    this.socket = null;
    this.endpoint = null;
    if (this.closedForGood) return;
    if (event.code === WEB_CLOSE.superseded) {
      this.closedForGood = true;
      this.setState({ kind: 'superseded', reason: event.reason });
      for (const wake of this.openWaiters.splice(0)) wake();
      return;
    }
    const retryInMs = this.backoff.next();
    const reason = event.code === WEB_CLOSE.hostStopping ? 'the host is stopping' : event.reason || `connection closed (code ${event.code})`;
    this.setState({ kind: 'reconnecting', retryInMs, reason });
    this.retryTimer = setTimeout(() => this.connect(), retryInMs);
  }

  /** The endpoint once the socket is open; null if it does not open in time (or never will). */
  private async openEndpoint(): Promise<Endpoint | null> {
    if (this.state.kind !== 'open' && !this.closedForGood) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, OPEN_WAIT_MS);
        this.openWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.state.kind === 'open' ? this.endpoint : null;
  }

  private unreachableMessage(): string {
    if (this.state.kind === 'superseded') return 'this tab no longer talks to the Support Agent host: another tab took over';
    return 'the Support Agent host cannot be reached (stopped, or restarted with a new secret: open the address it printed)';
  }

  private setState(state: BridgeState): void {
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }
}

/** An event to a socket that may have closed a moment ago: the next open offers the cache again anyway. */
function emitSafely(endpoint: Endpoint | null, event: string): void {
  try {
    endpoint?.emit(event, {});
  } catch {
    // Closed: the reconnect re-offers the cache.
  }
}

function sendOn(socket: WebSocket, envelope: unknown): void {
  // RpcEndpoint turns this throw into a transport error value for the caller.
  if (socket.readyState !== SOCKET_OPEN) throw new Error('not connected to the Support Agent host');
  socket.send(JSON.stringify(envelope));
}
