import { parseArgs } from 'node:util';

export interface CliArgs {
  /** Null when not given: PORT from the environment, else 0 (a free port). */
  port: number | null;
  /** Null when not given: HOST from the environment, else 127.0.0.1. */
  host: string | null;
  /** Folder for PGlite and the login-detail key; null keeps everything in memory. */
  dataDir: string | null;
  /** Demo tickets to generate when the database has none yet; null seeds nothing. */
  seed: number | null;
  live: boolean;
  keyFile: string | null;
  /** A helpdesk connector configuration (docs/connectors.md); null: CONNECTOR_CONFIG, else none. */
  connector: string | null;
  help: boolean;
}

export const USAGE = `usage: npm run backend -- [--port <n|0>] [--host <address>] [--data <dir>] [--seed <tickets>] [--live] [--key-file <path>]

  --port <n>         port to listen on (else PORT); 0 (the default) picks a free one
  --host <address>   address to listen on (else HOST); the default 127.0.0.1 is this machine only
  --data <dir>       keep the data in <dir> (PGlite in <dir>/pglite, the login-detail key in
                     <dir>/login-details.key); without it, everything lives in memory
  --seed <tickets>   generate a demo workspace with this many tickets, if the database is empty
                     (without it, an empty database gets the policy presets and nothing else)
  --live             keep the demo workspace moving: customers file tickets and write back
  --key-file <path>  file with the AES-256 key for customer login details, base64 or hex
                     (LOGIN_DETAILS_KEY wins over it; LOGIN_DETAILS_KEY_FILE stands in for it)
  --connector <file> mirror a helpdesk (Request Tracker 5) as configured in this JSON file; RT's
                     token comes from RT_TOKEN_FILE or RT_TOKEN (docs/connectors.md)
  --help             this text

Environment (flags win over it; see docs/deployment.md):
  DATABASE_URL=postgres://...   use that PostgreSQL server instead of PGlite
  DB_POOL_SIZE=<n>              connections per instance (default 10)
  LOGIN_DETAILS_KEY=<key>       the login-detail key itself, 32 bytes in base64 or hex
  LOGIN_DETAILS_KEY_FILE=<path> a file holding it
  PORT, HOST                    as --port and --host
  CONNECTOR_CONFIG=<file>       as --connector
  RT_TOKEN_FILE=<path>          a file (owner-only) holding the RT auth token; RT_TOKEN holds it itself
  RETENTION_INTERVAL_MS=<ms>    how often retention runs across all instances (default 60000; 0 = never)
  SHUTDOWN_DRAIN_MS=<ms>        on SIGTERM, answer 503 on /v1/ready this long before closing (default 0)
Prints one JSON line on stdout: {"url","database","workspace":"new"|"demo"|"existing"}; logs go to stderr. The first start on an empty
database shows an admin token once on stderr; later starts show none. Manage engineers, tokens and
sign-in codes with npm run admin (docs/deployment.md, "Administration").`;

/** A mistake on the command line: the message is printed with the usage, and the exit code is 2. */
export class CliUsageError extends Error {}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        seed: { type: 'string' },
        live: { type: 'boolean', default: false },
        'key-file': { type: 'string' },
        connector: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new CliUsageError(describeParseError(error));
  }
  return {
    port: values.port === undefined ? null : integerIn('--port', values.port, 0, 65_535),
    host: nonEmpty('--host', values.host, 'an address'),
    dataDir: nonEmpty('--data', values.data),
    seed: values.seed === undefined ? null : integerIn('--seed', values.seed, 1, 1_000_000),
    live: values.live,
    keyFile: nonEmpty('--key-file', values['key-file']),
    connector: nonEmpty('--connector', values.connector),
    help: values.help,
  };
}

function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message;
  // Node's own text suggests `--` for positionals, which this command does not take.
  const option = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option ?? message}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument ${option ?? message}`;
  return message;
}

export function integerIn(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new CliUsageError(`${flag} must be a whole number from ${min} to ${max}; got ${JSON.stringify(text)}`);
  return value;
}

function nonEmpty(flag: string, text: string | undefined, what = 'a path'): string | null {
  if (text === undefined) return null;
  if (text.trim() === '') throw new CliUsageError(`${flag} needs ${what}`);
  return text;
}
