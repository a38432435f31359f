import { join } from 'node:path';
import type { Logger } from '@shared/json-log';
import { startEmbeddedDemo, type EmbeddedDemo } from '../services/embedded-demo';
import { ensureOwnerOnlyDir } from '../services/owner-only-files';
import { ensureRendererBuild } from './ensure-renderer-build';
import { FileSessionStore } from './file-session-store';
import { WebUsageError, type WebArgs } from './parse-web-args';
import { startWebHost, type WebHost } from './web-host';
import { createWebServices } from './web-services';

/** What the CLI prints, as one JSON line. */
export interface WebModeInfo {
  url: string;
  port: number;
  demo: boolean;
  backendUrl: string;
}

export interface RunningWebMode {
  info: WebModeInfo;
  stop(): Promise<void>;
}

/** Decides the session (given, saved, or the embedded demo), then serves the renderer and the socket. */
export async function runWebMode(args: WebArgs, logger: Logger): Promise<RunningWebMode> {
  // Tightened if an older version left it open: it holds the token and names customers.
  await ensureOwnerOnlyDir(args.dataDir);
  const sessions = new FileSessionStore(args.dataDir);
  const { session, demo } = await chooseSession(args, sessions, logger);
  let host: WebHost;
  try {
    const staticDir = await ensureRendererBuild((message) => logger.info(message));
    host = await startWebHost({ staticDir, port: args.port, secret: args.secret, services: (io) => createWebServices({ dataDir: args.dataDir, sessions, demo: demo !== null, logger }, io) });
  } catch (error) {
    await demo?.stop();
    throw error;
  }
  return {
    info: { url: host.url, port: host.port, demo: demo !== null, backendUrl: session.backendUrl },
    async stop() {
      await host.close();
      await demo?.stop();
    },
  };
}

async function chooseSession(args: WebArgs, sessions: FileSessionStore, logger: Logger): Promise<{ session: { backendUrl: string; token: string }; demo: EmbeddedDemo | null }> {
  const stored = await sessions.loadStored();
  if (args.backendUrl !== null) {
    const token = args.token ?? (stored?.backendUrl === args.backendUrl ? stored.token : null);
    if (token === null) throw new WebUsageError(`--backend ${args.backendUrl} needs a token: --token-file <path> or SUPPORT_AGENT_TOKEN (none for it is saved in ${sessions.path})`);
    const session = { backendUrl: args.backendUrl, token };
    await sessions.save(session);
    return { session, demo: null };
  }
  // A backend the engineer signed in to (from the UI or an earlier --backend) wins over the demo.
  if (stored !== null && !stored.demo) return { session: { backendUrl: stored.backendUrl, token: stored.token }, demo: null };
  logger.info('no backend configured: starting the embedded demo workspace');
  const demo = await startEmbeddedDemo({ dataDir: join(args.dataDir, 'demo-backend'), logger });
  const session = { backendUrl: demo.url, token: demo.token };
  try {
    await sessions.saveDemo(session);
  } catch (error) {
    await demo.stop();
    throw error;
  }
  return { session, demo };
}
