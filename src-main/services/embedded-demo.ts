import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Logger } from '@shared/json-log';
// The embedded demo workspace is the reference backend itself, run in-process: the one place in
// src-main allowed to import src-backend (see eslint.config.js).
import { loadLoginDetailKey } from '../../src-backend/cli/load-login-detail-key';
import { createSupportCenter } from '../../src-backend/create-support-center';
import type { Database } from '../../src-backend/db/database';
import { openDatabase } from '../../src-backend/db/open-database';
import { issueDemoEngineerToken } from '../../src-backend/demo/demo-engineer-token';
import { startLiveDemo } from '../../src-backend/demo/live-demo';
import { seedDemoData } from '../../src-backend/demo/seed-demo-data';
import { workspaceIsEmpty } from '../../src-backend/domain/workspace-setup';
import { createHttpServer } from '../../src-backend/http/create-http-server';
import { closeHttpServer } from '../../src-backend/http/server-lifecycle';
import type { SupportCenter } from '../../src-backend/support-center';
import { keepDemoPort, readDemoPort } from './demo-listen-port';
import { ensureOwnerOnlyDir, readOwnerOnlyFile, writeOwnerOnlyFileAtomically } from './owner-only-files';

/** Enough tickets for a realistic queue (every plan, breaches, Preset B checklists), seeded in seconds. */
export const DEMO_TICKETS = 3_000;
const TOKEN_FILE_NAME = 'engineer.token';

export interface EmbeddedDemoOptions {
  /** The demo's own folder: PGlite in `pglite/`, the login-detail key, the engineer's token. */
  dataDir: string;
  tickets?: number;
  /** Customers keep filing tickets and writing back (on by default). */
  live?: boolean;
  logger: Logger;
}

export interface EmbeddedDemo {
  url: string;
  /** The demo engineer's bearer token, the same across launches on the same folder. */
  token: string;
  stop(): Promise<void>;
}

/**
 * The demo workspace for a first launch with no backend configured: the reference backend on
 * 127.0.0.1, on the port of its previous launch when that is free (see demo-listen-port.ts), on PGlite in `dataDir`, seeded with a realistic workspace the first
 * time, and signed in as the demo engineer.
 */
export async function startEmbeddedDemo(options: EmbeddedDemoOptions): Promise<EmbeddedDemo> {
  await ensureOwnerOnlyDir(options.dataDir);
  const loginDetailKey = await loadLoginDetailKey({ envValue: undefined, keyFile: null, dataDir: options.dataDir }, options.logger);
  const db = await openDatabase({ databaseUrl: null, dataDir: join(options.dataDir, 'pglite') });
  let center: SupportCenter | null = null;
  try {
    center = await createSupportCenter(db, { loginDetailKey });
    const token = await demoEngineerToken(db, center, options, loginDetailKey);
    const server = createHttpServer(center, { logger: options.logger });
    const port = await listenOnKeptPort(server, options);
    const live = options.live === false ? null : startLiveDemo(center, { logger: options.logger });
    const running = center;
    return {
      url: `http://127.0.0.1:${port}`,
      token,
      async stop() {
        await live?.stop();
        await closeHttpServer(server, { graceMs: 2_000 });
        await running.close();
        await db.close();
      },
    };
  } catch (error) {
    await center?.close();
    await db.close();
    throw error;
  }
}

/** Seeds an empty workspace; otherwise reuses the token kept in the folder, or issues a new one. */
async function demoEngineerToken(db: Database, center: SupportCenter, options: EmbeddedDemoOptions, loginDetailKey: Buffer): Promise<string> {
  const tokenFile = join(options.dataDir, TOKEN_FILE_NAME);
  if (await workspaceIsEmpty(db)) {
    const started = Date.now();
    const tickets = options.tickets ?? DEMO_TICKETS;
    const seeded = await seedDemoData(db, { tickets, loginDetailKey, now: new Date() });
    options.logger.info('seeded the demo workspace', { tickets, ms: Date.now() - started });
    await keepToken(tokenFile, seeded.engineerToken);
    return seeded.engineerToken;
  }
  const kept = (await readOwnerOnlyFile(tokenFile).catch(() => null))?.toString('utf8').trim() ?? null;
  if (kept !== null && (await center.authenticate(kept))?.role === 'engineer') return kept;
  const issued = await issueDemoEngineerToken(db);
  if (issued === null) throw new Error(`the demo workspace in ${options.dataDir} has no engineer; delete the folder to start a fresh demo`);
  await keepToken(tokenFile, issued);
  return issued;
}

/** The port kept in the folder when it is free, else any free one, which is kept for next time. */
async function listenOnKeptPort(server: Server, options: EmbeddedDemoOptions): Promise<number> {
  const kept = await readDemoPort(options.dataDir, (message) => options.logger.warn(message));
  if (kept !== null) {
    try {
      await listenOn(server, kept);
      return kept;
    } catch (error) {
      options.logger.warn(`port ${kept} of the previous launch is taken (${error instanceof Error ? error.message : String(error)}): the demo moves to another, and the agent starts its cache afresh`);
    }
  }
  await listenOn(server, 0);
  const port = (server.address() as AddressInfo).port;
  await keepDemoPort(options.dataDir, port);
  return port;
}

function listenOn(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function keepToken(path: string, token: string): Promise<void> {
  // Only its hash is in the database, so this file is the one copy: this user alone may read it,
  // from its first byte (a file an older version left 0644 is replaced, not rewritten in place).
  return writeOwnerOnlyFileAtomically(path, `${token}\n`);
}
