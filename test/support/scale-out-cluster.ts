import type { AddressInfo } from 'node:net';
import { createSupportCenter } from '../../src-backend/create-support-center';
import type { Database } from '../../src-backend/db/database';
import { openDatabase } from '../../src-backend/db/open-database';
import { createHttpServer } from '../../src-backend/http/create-http-server';
import { closeHttpServer } from '../../src-backend/http/server-lifecycle';
import type { SupportCenter } from '../../src-backend/support-center';
import { createSmallWorkspace, type SmallWorkspace } from '../fixtures/small-workspace';
import { createScratchDatabase, postgresUrl } from '../fixtures/test-databases';

/** Why the scale-out suites cannot run here, or null when a PostgreSQL server is configured. */
export const scaleOutSkipReason = postgresUrl === null ? 'DATABASE_URL is not set, so there is no PostgreSQL server to run several instances on' : null;

/** Errors stay visible, one line each: some suites cut connections on purpose. */
const quiet = { info: () => undefined, warn: () => undefined, error: (message: string, details?: Record<string, unknown>) => console.error(`backend: ${message}: ${String(details?.error ?? '')}`) };

/** One backend instance: its own connection pool, LISTEN connection, center and HTTP server. */
export interface Instance {
  url: string;
  db: Database;
  center: SupportCenter;
  /** Graceful close of the HTTP server (after `drainMs` of saying 503 on readiness), then the center and the pool. */
  close(options?: { drainMs?: number }): Promise<void>;
}

export interface Cluster {
  /** The scratch database's URL (a database of its own on the DATABASE_URL server). */
  url: string;
  tokens: SmallWorkspace['tokens'];
  loginDetailKey: Buffer;
  /** A connection pool of the test's own, for setup and for reading the server's state. */
  db: Database;
  instances: Instance[];
  startInstance(options?: { clock?: () => Date; retentionIntervalMs?: number }): Promise<Instance>;
  close(): Promise<void>;
}

/**
 * Several stateless instances of the real backend (in this process, each behind its own real
 * HTTP server on loopback) sharing one fresh PostgreSQL database, which is dropped on close.
 */
export async function startCluster(count: number, options: { poolSize?: number } = {}): Promise<Cluster> {
  const scratch = await createScratchDatabase();
  const db = await openDatabase({ databaseUrl: scratch.url, poolSize: 4 });
  const workspace = await createSmallWorkspace(db);
  const instances: Instance[] = [];
  const cluster: Cluster = {
    url: scratch.url,
    tokens: workspace.tokens,
    loginDetailKey: workspace.loginDetailKey,
    db,
    instances,
    async startInstance(instanceOptions = {}) {
      const own = await openDatabase({ databaseUrl: scratch.url, poolSize: options.poolSize ?? 5 });
      const center = await createSupportCenter(own, {
        loginDetailKey: workspace.loginDetailKey,
        clock: instanceOptions.clock,
        retentionIntervalMs: instanceOptions.retentionIntervalMs ?? 0,
        logger: quiet,
      });
      const server = createHttpServer(center, { logger: quiet });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      let closed = false;
      const instance: Instance = {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        db: own,
        center,
        async close(closeOptions = {}) {
          if (closed) return;
          closed = true;
          await closeHttpServer(server, { graceMs: 2_000, drainMs: closeOptions.drainMs });
          await center.close();
          await own.close();
        },
      };
      instances.push(instance);
      return instance;
    },
    async close() {
      for (const instance of instances) await instance.close();
      await db.close();
      await scratch.drop();
    },
  };
  try {
    for (let i = 0; i < count; i++) await cluster.startInstance();
  } catch (error) {
    await cluster.close();
    throw error;
  }
  return cluster;
}

/**
 * A load balancer in front of several instances, as the desktop's `fetch` sees it: requests go
 * round-robin to the instances still up, and a request that cannot connect is tried on the next
 * one (a request that did reach an instance is never repeated: it may have been applied).
 */
export function roundRobinFetch(urls: () => readonly string[], onRequest?: (instanceUrl: string, path: string) => void, options: { sticky?: boolean } = {}): typeof fetch {
  let next = 0;
  return async (input, init) => {
    const original = new URL(input instanceof Request ? input.url : input.toString());
    const targets = urls();
    let lastError: unknown = new Error('no instance is up');
    // Sticky: always the first instance that takes the connection, as a balancer with affinity.
    if (options.sticky === true) next = 0;
    for (let tried = 0; tried < targets.length; tried++) {
      const target = new URL(targets[next++ % targets.length] as string);
      const url = new URL(original.pathname + original.search, target);
      onRequest?.(target.origin, original.pathname);
      try {
        return await fetch(url, init);
      } catch (error) {
        if (!isConnectFailure(error)) throw error;
        lastError = error;
      }
    }
    throw lastError;
  };
}

function isConnectFailure(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code === 'ECONNREFUSED';
}
