import { fail, ok, type Result } from '@shared/ipc/result';
import type { Queryable } from '../db/database';
import { readRtToken } from './request-tracker/rt-token';
import { RtConnector } from './request-tracker/rt-connector';
import { loadConnectorConfig, type ConnectorConfig } from './connector-config';

interface OpenConnector {
  connector: RtConnector;
  config: ConnectorConfig;
}

/**
 * The connector a configuration file describes, checked before the backend serves anything: the
 * file against its schema, the token (RT_TOKEN_FILE / RT_TOKEN, never printed) and every queue and
 * custom field against RT. Each error names what is wrong and where it is configured.
 */
export async function openConnector(file: string, env: NodeJS.ProcessEnv): Promise<Result<OpenConnector>> {
  const config = await loadConnectorConfig(file);
  if (!config.ok) return config;
  const token = await readRtToken(env);
  if (!token.ok) return token;
  const connector = new RtConnector(config.value, token.value);
  const verified = await connector.verify();
  if (!verified.ok) return fail(verified.error.code, `connector configuration ${file}: ${verified.error.message}`);
  return ok({ connector, config: config.value });
}

/** Every policy the queues map to exists in the workspace. */
export async function checkMappedPolicies(q: Queryable, file: string, config: ConnectorConfig): Promise<Result<void>> {
  const { rows } = await q.query<{ id: string }>('SELECT id FROM policies ORDER BY id');
  const known = new Set(rows.map((row) => row.id));
  for (const [queue, policy] of Object.entries(config.queues)) {
    if (!known.has(policy)) return fail('unknown-policy', `connector configuration ${file}: queues.${queue}: the workspace has no policy '${policy}' (it has ${[...known].map((id) => `'${id}'`).join(', ')})`);
  }
  return ok(undefined);
}
