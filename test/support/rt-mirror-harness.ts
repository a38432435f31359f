import { parseConnectorConfig, type ConnectorConfig } from '../../src-backend/connectors/connector-config';
import { RtConnector } from '../../src-backend/connectors/request-tracker/rt-connector';
import { runMirror, type MirrorDeps, type MirrorOutcome } from '../../src-backend/connectors/mirror/run-mirror';
import type { Database } from '../../src-backend/db/database';
import { PolicyCache } from '../../src-backend/domain/policy-cache';
import type { SuiteRt } from './request-tracker';

/** The configuration the RT suites use: General -> plan-sla, Severity high is urgent. */
export function rtTestConfig(rt: SuiteRt, extra: Record<string, unknown> = {}): ConnectorConfig {
  const parsed = parseConnectorConfig(JSON.stringify({ helpdesk: 'request-tracker', url: rt.url, user: 'root', queues: { General: 'plan-sla' }, urgent: { customField: 'Severity', values: ['high'] }, ...extra }), 'test');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** A verified connector with no settle time (tests wait out RT's current second themselves) and a lifted request budget. */
export async function verifiedConnector(rt: SuiteRt, config = rtTestConfig(rt)): Promise<RtConnector> {
  const connector = new RtConnector(config, rt.token, { settleMs: 0, maxRequestsPerSecond: 500 });
  const verified = await connector.verify();
  if (!verified.ok) throw new Error(verified.error.message);
  return connector;
}

/**
 * One mirror run over everything RT changed until now: RT's instants are whole seconds and the run
 * reads only finished seconds, so it waits for the current one to pass first.
 */
export async function mirrorNow(db: Database, connector: RtConnector, extra: Partial<MirrorDeps> = {}): Promise<MirrorOutcome> {
  await new Promise((resolve) => setTimeout(resolve, 1_100 - (Date.now() % 1_000)));
  return runMirror({ db, connector, policies: new PolicyCache(), leaseMs: 30_000, ...extra });
}
