import { CliUsageError, integerIn, type CliArgs } from './parse-cli-args';

/** What a deployment sets in the environment (docs/deployment.md), after the flags have had their say. */
export interface ServerSettings {
  port: number;
  host: string;
  databaseUrl: string | null;
  poolSize: number;
  retentionIntervalMs: number;
  /** How long /v1/ready says 503 before a stopping server closes its listener. */
  shutdownDrainMs: number;
  /** The helpdesk connector's configuration file, or null for none. */
  connectorConfig: string | null;
}

/**
 * Flags win over the environment, which wins over the defaults. A value that does not parse is
 * refused with the variable's name and what it should be, before anything starts.
 */
export function readEnvironment(args: CliArgs, env: NodeJS.ProcessEnv): ServerSettings {
  const url = nonBlank(env.DATABASE_URL);
  if (url !== undefined && !/^postgres(ql)?:\/\//.test(url)) {
    throw new CliUsageError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  return {
    port: args.port ?? optionalInteger(env, 'PORT', 0, 65_535) ?? 0,
    host: args.host ?? nonBlank(env.HOST) ?? '127.0.0.1',
    databaseUrl: url ?? null,
    poolSize: optionalInteger(env, 'DB_POOL_SIZE', 1, 1_000) ?? 10,
    retentionIntervalMs: optionalInteger(env, 'RETENTION_INTERVAL_MS', 0, 7 * 86_400_000) ?? 60_000,
    shutdownDrainMs: optionalInteger(env, 'SHUTDOWN_DRAIN_MS', 0, 600_000) ?? 0,
    connectorConfig: args.connector ?? nonBlank(env.CONNECTOR_CONFIG) ?? null,
  };
}

function optionalInteger(env: NodeJS.ProcessEnv, name: string, min: number, max: number): number | undefined {
  const text = nonBlank(env[name]);
  return text === undefined ? undefined : integerIn(name, text.trim(), min, max);
}

function nonBlank(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}
