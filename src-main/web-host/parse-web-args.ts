import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { webSecretSchema } from '@shared/ipc/web-socket-protocol';
import { readTokenFile } from './read-token-file';

export interface WebArgs {
  /** Null: the session saved in the data folder, or else the embedded demo workspace. */
  backendUrl: string | null;
  /** From --token-file, SUPPORT_AGENT_TOKEN or --token. */
  token: string | null;
  /** Said on stderr before starting (e.g. why --token is unsafe). */
  warnings: string[];
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

export const WEB_USAGE = `usage: npm run web -- [--backend <url> [--token-file <path>]] [--port <n|0>] [--data <dir>]

  --backend <url>      the support-center backend to sync with (http or https); without it, the
                       session saved in <dir> is used, or else the embedded demo workspace starts
  --token-file <path>  a file holding the engineer's API token for --backend, readable by you
                       alone (chmod 600 <path>); or pass the token in SUPPORT_AGENT_TOKEN
  --token <token>      the token itself: unsafe, as every user of this machine sees it in the
                       process list, and it stays in the shell history (kept for old scripts)
  --port <n>           port on 127.0.0.1 (default ${DEFAULT_WEB_PORT}); 0 picks a free one, but then the
                       browser keeps a separate cache for every launch
  --data <dir>         where the host keeps its state (default ~/.support-agent/web, 0700):
                       session.json, settings, the notifier's state, demo-backend/ for the demo
  --help               this text

SUPPORT_AGENT_TOKEN=<token> is the token for --backend when no --token-file is given.
SUPPORT_AGENT_WEB_SECRET=<43+ base64url chars> keeps the secret across restarts (for a supervisor
that restarts the host and wants open tabs to reconnect); by default every launch has a new one.

Prints one JSON line on stdout: {"url","port","demo","backendUrl"}; open "url" (it carries this
launch's secret). Logs go to stderr. Stops on SIGINT or SIGTERM.`;

/** Said once on stderr when the token came on the command line. */
export const TOKEN_FLAG_WARNING =
  '--token shows the token to every user of this machine (in the process list) and leaves it in the shell history; pass it with --token-file <path> (chmod 600) or SUPPORT_AGENT_TOKEN instead';

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
        'token-file': { type: 'string' },
        port: { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new WebUsageError((error as Error).message);
  }
  const backendUrl = values.backend === undefined ? null : backendUrlFrom(values.backend);
  const token = tokenFrom({ flag: values.token, file: values['token-file'] }, env, backendUrl);
  return {
    backendUrl,
    token,
    warnings: values.token === undefined ? [] : [TOKEN_FLAG_WARNING],
    port: values.port === undefined ? DEFAULT_WEB_PORT : portFrom(values.port),
    dataDir: resolve(values.data ?? join(homedir(), '.support-agent', 'web')),
    secret: secretFrom(env.SUPPORT_AGENT_WEB_SECRET),
    help: values.help,
  };
}

/** --token-file, else --token, else SUPPORT_AGENT_TOKEN; given on the command line, it needs --backend. */
function tokenFrom(given: { flag: string | undefined; file: string | undefined }, env: NodeJS.ProcessEnv, backendUrl: string | null): string | null {
  if (given.flag !== undefined && given.file !== undefined) throw new WebUsageError('give the token once: --token-file or --token, not both');
  const option = given.file !== undefined ? '--token-file' : given.flag !== undefined ? '--token' : null;
  if (option !== null && backendUrl === null) throw new WebUsageError(`${option} needs --backend: which backend is it for?`);
  const token = given.file !== undefined ? tokenInFile(given.file) : (given.flag ?? (env.SUPPORT_AGENT_TOKEN || null));
  if (token !== null && (token.length < 8 || token.length > 500 || /\s/.test(token))) {
    throw new WebUsageError(`the token (${option ?? 'SUPPORT_AGENT_TOKEN'}) must be 8-500 characters without spaces`);
  }
  return token;
}

function tokenInFile(path: string): string {
  try {
    return readTokenFile(path);
  } catch (error) {
    throw new WebUsageError((error as Error).message, { cause: error });
  }
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
