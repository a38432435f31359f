import { createServer, type Server } from 'node:http';
import type { SyncQuery } from '@shared/contract';
import type { Caller, SupportCenter } from '../support-center';
import { answerClientError } from './answer-client-error';
import { handleRequest } from './handle-request';
import type { Logger } from '@shared/json-log';
import { stderrLogger } from './logger';
import { bindRoutes } from './bind-routes';
import { adminHandlers } from './routes/admin';
import { engineerActionHandlers } from './routes/engineer-actions';
import { healthHandlers } from './routes/health';
import { portalHandlers } from './routes/portal';
import { sessionHandlers } from './routes/session';
import { syncHandlers } from './routes/sync';
import { attachLifecycle } from './server-lifecycle';
import { ChangeFeed } from './change-feed';
import { batchedReads } from './batched-reads';
import { limitConcurrency } from './limit-concurrency';
import { isChangeLogCursor } from '../sync/sync-cursor';

export interface HttpServerOptions {
  /** Web origins whose pages may call the API (CORS). Requests without `Origin` are unaffected. */
  allowedOrigins?: readonly string[];
  logger?: Logger;
  /** Sync pages served at once; more wait (see limit-concurrency.ts). Keep it below the pool size. */
  maxConcurrentSyncs?: number;
  /** How long a client may take to send its request (docs/api.md, Limits); smaller in tests. */
  timeouts?: Partial<RequestTimeouts>;
}

export interface RequestTimeouts {
  /** From the request's first byte until its headers are complete. */
  headersMs: number;
  /** From the request's first byte until its body is complete. */
  requestMs: number;
}

export const REQUEST_TIMEOUTS: RequestTimeouts = { headersMs: 10_000, requestMs: 30_000 };

/**
 * Node checks those timeouts only this often (by default every 30 s, which let a slow request live
 * up to 30 s longer than documented): the documented bounds hold to within this.
 */
export const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/**
 * The `/v1` HTTP API in front of a SupportCenter. Not listening yet: the caller picks the address.
 * Close it with `closeHttpServer` (server-lifecycle.ts), which also ends the event streams.
 */
export function createHttpServer(center: SupportCenter, options: HttpServerOptions = {}): Server {
  const logger = options.logger ?? stderrLogger;
  const timeouts = { ...REQUEST_TIMEOUTS, ...options.timeouts };
  // Slow clients may not hold a request open indefinitely; event streams are responses, which
  // these limits do not cover.
  const server = createServer({ headersTimeout: timeouts.headersMs, requestTimeout: timeouts.requestMs, connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS });
  const lifecycle = attachLifecycle(server);
  const routes = bindRoutes({
    ...healthHandlers(lifecycle, center),
    ...sessionHandlers(center),
    ...syncHandlers(limitSyncs(center, options.maxConcurrentSyncs ?? 4), { lifecycle, logger, feed: new ChangeFeed(center, logger) }),
    ...engineerActionHandlers(center),
    ...portalHandlers(center),
    ...adminHandlers(center),
  });
  const deps = { center, routes, lifecycle, logger, allowedOrigins: new Set(options.allowedOrigins ?? []) };
  server.on('request', (req, res) => {
    handleRequest(req, res, deps).catch((error: unknown) => {
      logger.error('could not answer a request', { error });
      res.destroy();
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => answerClientError(error, socket));
  // Longer than a load balancer's idle timeout (commonly 60 s), so that the balancer, not this
  // server, closes idle connections: otherwise a request can race the server's close and be reset.
  server.keepAliveTimeout = 65_000;
  return server;
}

/** How long a change-log pull waits for identical pulls of the same wave to share its read. */
const GATHER_MS = 10;

/**
 * The center with its sync reads capped (keeping connections and CPU for engineers' actions) and
 * identical pulls waiting together answered by one read (see batched-reads.ts).
 */
function limitSyncs(center: SupportCenter, limit: number): SupportCenter {
  const pages = batchedReads<string>(limit, GATHER_MS);
  const gate = limitConcurrency(limit, <T>(read: () => Promise<T>) => read());
  // The caller's sync scope is part of the key: nobody is answered with a read made for a scope
  // that sees other rows.
  const key = (caller: Caller, query: SyncQuery) => JSON.stringify([center.syncScope(caller), query.cursor ?? null, query.limit]);
  return {
    ...center,
    sync: (caller, query) => gate(() => center.sync(caller, query)),
    // Only change-log pulls come in waves; a first sync's page is asked for by one desktop, and
    // holding it back would add the wait to every one of its pages.
    syncJson: (caller, query) => pages(key(caller, query), () => center.syncJson(caller, query), isChangeLogCursor(query.cursor) ? GATHER_MS : 0),
  };
}
