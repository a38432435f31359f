import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSupportCenter } from '../../src-backend/create-support-center';
import type { HelpdeskConnector } from '../../src-backend/connectors/helpdesk-connector';
import type { Database } from '../../src-backend/db/database';
import { createHttpServer } from '../../src-backend/http/create-http-server';
import { closeHttpServer } from '../../src-backend/http/server-lifecycle';
import type { SupportCenter } from '../../src-backend/support-center';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The real backend (center + HTTP server) inside the test process, on a random loopback port. */
export async function startInProcessBackend(
  db: Database,
  options: {
    clock?: () => Date;
    loginDetailKey?: Buffer;
    allowedOrigins?: readonly string[];
    /** Sees every request as it arrives, beside the server (for benchmarks that time from a request). */
    onRequest?: (request: IncomingMessage) => void;
    connector?: HelpdeskConnector;
    writebackLeaseMs?: number;
  } = {},
): Promise<{
  center: SupportCenter;
  url: string;
  port: number;
  close(): Promise<void>;
}> {
  const center = await createSupportCenter(db, { loginDetailKey: options.loginDetailKey ?? randomBytes(32), clock: options.clock, retentionIntervalMs: 0, connector: options.connector, writebackLeaseMs: options.writebackLeaseMs });
  const server = createHttpServer(center, { logger: quiet, allowedOrigins: options.allowedOrigins });
  if (options.onRequest !== undefined) server.on('request', options.onRequest);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    center,
    url: `http://127.0.0.1:${port}`,
    port,
    async close() {
      await closeHttpServer(server, { graceMs: 100 });
      await center.close();
    },
  };
}
