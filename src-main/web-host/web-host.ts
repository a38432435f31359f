import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { AgentHandlers } from '@shared/ipc/agent-channels';
import type { CacheHandlers } from '@shared/ipc/cache-channels';
import { MAX_WEB_MESSAGE_BYTES, SECRET_FRAGMENT_KEY, WEB_CLOSE, WEB_PROTOCOL, webSecretSchema } from '@shared/ipc/web-socket-protocol';
import { createStaticHandler, reply } from './static-files';
import { TabRegistry } from './tab-registry';
import { checkUpgrade, repeatedHeader, writeRefusal } from './upgrade-guard';

/** More tabs than this is a runaway script, not an engineer. */
const MAX_TABS = 8;

/** What the host runs behind the socket: the main-process services, built once the cache proxy exists. */
export interface HostedServices {
  handlers: Partial<AgentHandlers>;
  start(): Promise<void>;
  stop(): void;
  /** A tab now keeps the cache: sync at once instead of waiting for the retry. */
  wake(): void;
}

/** What the host gives the services: the tabs' cache, and a way to reach every tab with an event. */
export interface ServiceIo {
  cache: CacheHandlers;
  emit(event: string, payload: unknown): void;
}

export interface WebHostOptions {
  /** The built renderer (dist-web). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Normally absent: a fresh secret per launch. A supervisor that restarts the host may keep one, so open tabs reconnect. */
  secret?: string | null;
  services(io: ServiceIo): HostedServices;
  /** How long a client may take to send its request (default REQUEST_TIMEOUTS); smaller in tests. */
  timeouts?: Partial<RequestTimeouts>;
}

export interface RequestTimeouts {
  /** From the request's first byte until its headers are complete. */
  headersMs: number;
  /** From the request's first byte until its body is complete. */
  requestMs: number;
}

/** A page or a socket upgrade is a few hundred bytes: a client slower than this is holding a connection. */
export const REQUEST_TIMEOUTS: RequestTimeouts = { headersMs: 10_000, requestMs: 30_000 };

/** Node checks those timeouts only this often (by default every 30 s): they hold to within this. */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

export interface WebHost {
  /** The address to open, secret included (in the fragment). */
  url: string;
  origin: string;
  port: number;
  secret: string;
  close(): Promise<void>;
}

/** Serves the renderer and the agent socket on 127.0.0.1, with the services behind it. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  if (!webSecretSchema.safeParse(secret).success) throw new Error('the web-mode secret must be 43-128 base64url characters (32 random bytes or more)');
  const timeouts = { ...REQUEST_TIMEOUTS, ...options.timeouts };
  const server = createServer({ headersTimeout: timeouts.headersMs, requestTimeout: timeouts.requestMs, connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS });
  const port = await listen(server, options.port);
  const origin = `http://127.0.0.1:${port}`;
  const url = `${origin}/#${SECRET_FRAGMENT_KEY}=${secret}`;
  // The services need the tabs (their cache) and the tabs need the services' handlers: filled in below.
  const handlers: Partial<AgentHandlers> = {};
  let services: HostedServices | null = null;
  const tabs = new TabRegistry(handlers, {
    onCacheServed: () => services?.wake(),
    noTabMessage: `no browser tab is keeping the cache: open ${origin} (with the secret the host printed)`,
  });
  services = options.services({ cache: tabs.cache, emit: (event, payload) => tabs.emit(event, payload) });
  Object.assign(handlers, services.handlers);
  const statics = createStaticHandler(options.staticDir);
  server.on('request', (request, response) => {
    const repeated = repeatedHeader(request);
    if (repeated !== null) return reply(response, 400, repeated);
    if (request.headers.host !== `127.0.0.1:${port}`) return reply(response, 421, `this host answers only as 127.0.0.1:${port}`);
    statics(request, response).catch(() => reply(response, 500, 'could not read the file'));
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_WEB_MESSAGE_BYTES, perMessageDeflate: false, handleProtocols: () => WEB_PROTOCOL });
  server.on('upgrade', (request, socket, head) => {
    const verdict = checkUpgrade(request, { origin, secret });
    if (!verdict.ok) return writeRefusal(socket, verdict.status, verdict.reason);
    if (tabs.size >= MAX_TABS) return writeRefusal(socket, 503, `too many tabs are connected (${MAX_TABS}); close some`);
    sockets.handleUpgrade(request, socket, head, (ws) => tabs.add(ws));
  });
  await services.start();
  return {
    url,
    origin,
    port,
    secret,
    async close() {
      tabs.closeAll(WEB_CLOSE.hostStopping, 'the Support Agent host is stopping');
      await services?.stop();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await closeServer(server);
    },
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${port} on 127.0.0.1 is already in use; pick another with --port (0: any free one)`) : error);
    });
    // Loopback only: the socket carries the engineer's session, and nothing else on the network may reach it.
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const deadline = setTimeout(() => server.closeAllConnections(), 2_000);
  await closed;
  clearTimeout(deadline);
}
