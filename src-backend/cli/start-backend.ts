import { join } from 'node:path';
import type { Server } from 'node:http';
import { createSupportCenter } from '../create-support-center';
import { startConnector, type RunningConnector } from '../connectors/start-connector';
import { openDatabase } from '../db/open-database';
import { ensurePrivateFolder } from '../db/owner-only-tree';
import { startLiveDemo } from '../demo/live-demo';
import { createHttpServer } from '../http/create-http-server';
import type { Logger } from '@shared/json-log';
import { closeHttpServer } from '../http/server-lifecycle';
import type { SupportCenter } from '../support-center';
import { prepareWorkspace, type StartCredentials } from './first-start';
import { loadLoginDetailKey } from './load-login-detail-key';
import type { CliArgs } from './parse-cli-args';
import { readEnvironment } from './read-environment';

export interface RunningBackend {
  url: string;
  /** Set when this start created the workspace: to be shown once, on the terminal. */
  credentials: StartCredentials | null;
  database: string;
  /** Graceful: not ready, then (after the drain time) stop accepting, end streams, finish requests. */
  stop(): Promise<void>;
}

/** Opens the data, seeds it if asked, and serves the API (on 127.0.0.1 unless told otherwise). */
export async function startBackend(args: CliArgs, env: NodeJS.ProcessEnv, logger: Logger): Promise<RunningBackend> {
  const settings = readEnvironment(args, env);
  // The key and the PGlite folder live here: this user's alone.
  if (args.dataDir !== null) await ensurePrivateFolder(args.dataDir);
  const loginDetailKey = await loadLoginDetailKey(
    { envValue: env.LOGIN_DETAILS_KEY, keyFile: args.keyFile, envKeyFile: env.LOGIN_DETAILS_KEY_FILE, dataDir: args.dataDir },
    logger,
  );
  const db = await openDatabase({
    databaseUrl: settings.databaseUrl,
    dataDir: args.dataDir === null ? null : join(args.dataDir, 'pglite'),
    poolSize: settings.poolSize,
  });
  let center: SupportCenter | null = null;
  let mirror: RunningConnector | null = null;
  try {
    const connector = settings.connectorConfig === null ? null : await startConnector(settings.connectorConfig, env);
    center = await createSupportCenter(db, { loginDetailKey, retentionIntervalMs: settings.retentionIntervalMs, logger, ...(connector === null ? {} : { connector: connector.connector, helpdesk: connector.helpdesk }) });
    const credentials = await prepareWorkspace(db, { seed: args.seed, loginDetailKey, logger });
    mirror = connector === null ? null : await connector.startMirror(db, logger);
    const server = createHttpServer(center, { logger });
    const port = await listen(server, settings.host, settings.port);
    const live = args.live ? startLiveDemo(center, { logger }) : null;
    const running = { center, mirror };
    const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
    return {
      url: `http://${host}:${port}`,
      credentials,
      database: db.description,
      async stop() {
        await live?.stop();
        await running.mirror?.stop();
        await closeHttpServer(server, { drainMs: settings.shutdownDrainMs });
        await running.center.close();
        await db.close();
      },
    };
  } catch (error) {
    await mirror?.stop();
    await center?.close();
    await db.close();
    throw error;
  }
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${port} on ${host} is already in use; pick another or use --port 0`) : error);
    });
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}
