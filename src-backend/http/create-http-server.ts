import { createServer, type Server } from 'node:http';
import type { SupportCenter } from '../support-center';
import { answerClientError } from './answer-client-error';
import { handleRequest } from './handle-request';
import { stderrLogger, type Logger } from './logger';
import type { Route } from './route';
import { adminRoutes } from './routes/admin';
import { eventRoutes } from './routes/events';
import { healthRoutes } from './routes/health';
import { loginDetailRoutes } from './routes/login-details';
import { mutationRoutes } from './routes/mutations';
import { portalRoutes } from './routes/portal';
import { syncRoutes } from './routes/sync';
import { attachLifecycle } from './server-lifecycle';

export { closeHttpServer } from './server-lifecycle';

export interface HttpServerOptions {
  /** Web origins whose pages may call the API (CORS). Requests without `Origin` are unaffected. */
  allowedOrigins?: readonly string[];
  logger?: Logger;
}

/**
 * The `/v1` HTTP API in front of a SupportCenter. Not listening yet: the caller picks the address.
 * Close it with `closeHttpServer` (server-lifecycle.ts), which also ends the event streams.
 */
export function createHttpServer(center: SupportCenter, options: HttpServerOptions = {}): Server {
  const logger = options.logger ?? stderrLogger;
  const server = createServer();
  const lifecycle = attachLifecycle(server);
  const routes: Route[] = [
    ...healthRoutes(lifecycle),
    ...syncRoutes(center),
    ...eventRoutes(center, { lifecycle, logger }),
    ...mutationRoutes(center),
    ...loginDetailRoutes(center),
    ...portalRoutes(center),
    ...adminRoutes(center),
  ];
  const deps = { center, routes, lifecycle, logger, allowedOrigins: new Set(options.allowedOrigins ?? []) };
  server.on('request', (req, res) => {
    handleRequest(req, res, deps).catch((error: unknown) => {
      logger.error('could not answer a request', { error });
      res.destroy();
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => answerClientError(error, socket));
  // Slow clients may not hold a request open indefinitely; event streams are responses, which
  // these limits do not cover.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return server;
}
