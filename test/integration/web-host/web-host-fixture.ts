import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import WebSocket from 'ws';
import type { Database } from '../../../src-backend/db/database';
import { openDatabase } from '../../../src-backend/db/open-database';
import type { SyncStatus } from '@shared/ipc/sync-status';
import { SECRET_PROTOCOL_PREFIX, WEB_PROTOCOL, WEB_SOCKET_PATH } from '@shared/ipc/web-socket-protocol';
import { FileSessionStore } from '../../../src-main/web-host/file-session-store';
import { startWebHost, type WebHost, type WebHostOptions } from '../../../src-main/web-host/web-host';
import { createWebServices } from '../../../src-main/web-host/web-services';
import { createCacheHandlers } from '../../../src-renderer/bridge/cache-handlers';
import { createWebSocketAgent, type WebSocketAgent } from '../../../src-renderer/bridge/web-socket-agent';
import { openAgentCache, type AgentCache } from '../../../src-renderer/db/cache-database';
import { createSmallWorkspace, type SmallWorkspace } from '../../fixtures/small-workspace';
import { startInProcessBackend } from '../../support/in-process-backend';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface WebHostWorld {
  db: Database;
  workspace: SmallWorkspace;
  backend: Awaited<ReturnType<typeof startInProcessBackend>>;
  host: WebHost;
  dataDir: string;
  staticDir: string;
  close(): Promise<void>;
}

/**
 * The real backend (PGlite, HTTP) with a few tickets, and the real web host with the same services
 * and session store the CLI wires, serving a tiny stand-in renderer build from a temporary folder.
 */
export async function startWebHostWorld(options: Pick<WebHostOptions, 'timeouts'> = {}): Promise<WebHostWorld> {
  const db = await openDatabase({ dataDir: null });
  const workspace = await createSmallWorkspace(db);
  const backend = await startInProcessBackend(db, { loginDetailKey: workspace.loginDetailKey });
  for (let i = 0; i < 12; i++) {
    await backend.center.fileTicket({ accountId: i % 2 ? 'acc-gold' : 'acc-plat', requesterName: 'Customer', requesterEmail: 'customer@example.test', subject: `Question ${i}`, body: `Body ${i}`, source: 'email' });
  }
  const root = await mkdtemp(join(tmpdir(), 'web-host-'));
  const dataDir = join(root, 'data');
  const staticDir = join(root, 'dist-web');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Support Agent</title><script type="module" src="/assets/app.js"></script>');
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log("renderer");');
  await writeFile(join(root, 'outside.txt'), 'not served');
  await new FileSessionStore(dataDir).save({ backendUrl: backend.url, token: workspace.tokens.ana });
  const host = await startHost({ staticDir, dataDir }, { port: 0, ...options });
  return {
    db,
    workspace,
    backend,
    host,
    dataDir,
    staticDir,
    async close() {
      await host.close();
      await backend.close();
      await db.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** The web host with the services and session store the CLI wires, on the world's data folder. */
function startHost(world: Pick<WebHostWorld, 'staticDir' | 'dataDir'>, options: Pick<WebHostOptions, 'port' | 'secret' | 'timeouts'>): Promise<WebHost> {
  const sessions = new FileSessionStore(world.dataDir);
  return startWebHost({ staticDir: world.staticDir, ...options, services: (io) => createWebServices({ dataDir: world.dataDir, sessions, demo: false, logger: quiet }, io) });
}

/**
 * Stops the world's host and starts it again on the same port and secret, as a supervisor would
 * (with other options if given), after `whileDown` has run.
 */
export async function restartHost(world: WebHostWorld, options: Pick<WebHostOptions, 'timeouts'> = {}, whileDown: () => Promise<void> = async () => undefined): Promise<void> {
  const { port, secret } = world.host;
  await world.host.close();
  await whileDown();
  world.host = await startHost(world, { port, secret, ...options });
}

/** The `ws` client as a browser page of `origin` would connect (browsers always send Origin). */
export function browserSocketClass(origin: string): typeof globalThis.WebSocket {
  class PageSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { origin });
    }
  }
  return PageSocket as unknown as typeof globalThis.WebSocket;
}

let cacheCount = 0;

/**
 * A browser tab: the renderer's real WebSocket agent and its Dexie cache (fake-indexeddb). Tabs of
 * one origin share one IndexedDB: pass `sameBrowserAs` to open the cache of an earlier tab.
 */
export function openTab(host: Pick<WebHost, 'origin' | 'secret'>, sameBrowserAs?: { indexedDB: IDBFactory; cacheName: string }): { agent: WebSocketAgent; cache: AgentCache; indexedDB: IDBFactory; cacheName: string } {
  const indexedDB = sameBrowserAs?.indexedDB ?? new IDBFactory();
  const cacheName = sameBrowserAs?.cacheName ?? `web-host-tab-${++cacheCount}`;
  const cache = openAgentCache(cacheName, { indexedDB, IDBKeyRange });
  const agent = createWebSocketAgent({ origin: host.origin, secret: host.secret, WebSocket: browserSocketClass(host.origin) });
  agent.serveCache(createCacheHandlers(cache));
  return { agent, cache, indexedDB, cacheName };
}

/**
 * Until a whole sync run has gone through this tab's cache: "Sync now" over the socket answers when
 * the run (and any run asked for meanwhile) is over, so an idle status after it is this tab's.
 */
export async function untilSynced(agent: WebSocketAgent, timeoutMs = 20_000): Promise<SyncStatus> {
  const started = Date.now();
  let last: unknown = null;
  while (Date.now() - started < timeoutMs) {
    const kicked = await agent.syncNow();
    const answer = await agent.syncStatus();
    last = { kicked, answer };
    if (kicked.ok && answer.ok && answer.value.kind === 'idle' && answer.value.lastSyncedAt !== null) return answer.value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no finished sync within ${timeoutMs} ms; last answers ${JSON.stringify(last)}`);
}

export type UpgradeOutcome = { opened: WebSocket } | { refused: number; reason: string } | { failed: string };

/** A raw upgrade attempt with chosen headers: what a hostile page or process could send. */
export function tryUpgrade(host: WebHost, options: { origin?: string; protocols?: string[]; path?: string; hostHeader?: string }): Promise<UpgradeOutcome> {
  const protocols = options.protocols ?? [WEB_PROTOCOL, `${SECRET_PROTOCOL_PREFIX}${host.secret}`];
  const headers = options.hostHeader === undefined ? {} : { Host: options.hostHeader };
  const socket = new WebSocket(`ws://127.0.0.1:${host.port}${options.path ?? WEB_SOCKET_PATH}`, protocols, { origin: options.origin, headers });
  return new Promise((resolve) => {
    socket.once('open', () => resolve({ opened: socket }));
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      response.on('end', () => resolve({ refused: response.statusCode ?? 0, reason: body.trim() }));
    });
    socket.once('error', (error) => resolve({ failed: error.message }));
  });
}

/** Sends one frame and resolves with the next message (parsed) or the close (code, reason). */
export function exchange(socket: WebSocket, frame: string | Buffer, options: { binary?: boolean } = {}): Promise<{ message: unknown } | { closed: number; reason: string }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      socket.off('close', onClose);
      resolve({ message: JSON.parse(String(data)) as unknown });
    };
    const onClose = (code: number, reason: Buffer): void => {
      socket.off('message', onMessage);
      resolve({ closed: code, reason: reason.toString('utf8') });
    };
    socket.once('message', onMessage);
    socket.once('close', onClose);
    socket.send(frame, { binary: options.binary ?? false });
  });
}
