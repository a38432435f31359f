import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { webSecretSchema } from '@shared/ipc/web-socket-protocol';

export interface WebArgs {
  /** Null: the session saved in the data folder, or else the embedded demo workspace. */
  backendUrl: string | null;
  token: string | null;
  port: number;
  dataDir: string;
  /** From SUPPORT_AGENT_WEB_SECRET, for a supervisor that restarts the host; null: a fresh one per launch. */
  secret: string | null;
  help: boolean;
}

/**
 * The browser's cache belongs to the page's origin, port included: a fixed default port keeps the
 * engineer's cache from one launch to the next (with --port 0 every launch starts an empty one).
 */
export const DEFAULT_WEB_PORT = 4300;

export const WEB_USAGE = `usage: npm run web -- [--backend <url> --token <token>] [--port <n|0>] [--data <dir>]

  --backend <url>   the support-center backend to sync with (http or https); without it, the
                    session saved in <dir> is used, or else the embedded demo workspace starts
  --token <token>   the engineer's API token for --backend (or SUPPORT_AGENT_TOKEN, which
                    keeps it out of the process list)
  --port <n>        port on 127.0.0.1 (default ${DEFAULT_WEB_PORT}); 0 picks a free one, but then the
                    browser keeps a separate cache for every launch
  --data <dir>      where the host keeps its state (default ~/.support-agent/web): session.json
                    (0600), settings, the notifier's state, and demo-backend/ for the demo workspace
  --help            this text

SUPPORT_AGENT_WEB_SECRET=<43+ base64url chars> keeps the secret across restarts (for a supervisor
that restarts the host and wants open tabs to reconnect); by default every launch has a new one.

Prints one JSON line on stdout: {"url","port","demo","backendUrl"}; open "url" (it carries this
launch's secret). Logs go to stderr. Stops on SIGINT or SIGTERM.`;

/** A mistake on the command line: printed with the usage, exit code 2. */
export class WebUsageError extends Error {}

export function parseWebArgs(argv: readonly string[], env: NodeJS.ProcessEnv): WebArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        backend: { type: 'string' },
        token: { type: 'string' },
        port: { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new WebUsageError((error as Error).message);
  }
  const backendUrl = values.backend === undefined ? null : backendUrlFrom(values.backend);
  const token = values.token ?? (env.SUPPORT_AGENT_TOKEN || null);
  if (token !== null && (token.length < 8 || token.length > 500 || /\s/.test(token))) throw new WebUsageError('--token must be 8-500 characters without spaces');
  if (values.token !== undefined && backendUrl === null) throw new WebUsageError('--token needs --backend: which backend is it for?');
  return {
    backendUrl,
    token,
    port: values.port === undefined ? DEFAULT_WEB_PORT : portFrom(values.port),
    dataDir: resolve(values.data ?? join(homedir(), '.support-agent', 'web')),
    secret: secretFrom(env.SUPPORT_AGENT_WEB_SECRET),
    help: values.help,
  };
}

function backendUrlFrom(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new WebUsageError(`--backend ${JSON.stringify(text)} is not a URL (expected e.g. http://127.0.0.1:8080)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new WebUsageError(`--backend must be http: or https:, not ${url.protocol}`);
  if (url.username !== '' || url.password !== '') throw new WebUsageError('--backend must not carry credentials: pass the token with --token');
  // The backend client appends /v1/...; a trailing slash would double it.
  return url.href.replace(/\/+$/, '');
}

function secretFrom(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (!webSecretSchema.safeParse(value).success) throw new WebUsageError('SUPPORT_AGENT_WEB_SECRET must be 43-128 base64url characters (32 random bytes or more)');
  return value;
}

function portFrom(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65_535) throw new WebUsageError(`--port ${JSON.stringify(text)} is not a port (0-65535)`);
  return Number(text);
}
