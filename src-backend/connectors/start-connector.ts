import type { Logger } from '@shared/json-log';
import type { Database } from '../db/database';
import { PolicyCache } from '../domain/policy-cache';
import type { HelpdeskConnector } from './helpdesk-connector';
import { startMirrorLoop, type MirrorLoop } from './mirror/mirror-loop';
import { mirrorHolder, runMirror } from './mirror/run-mirror';
import type { ConfiguredHelpdesk } from './connector-status';
import { checkMappedPolicies, openConnector } from './open-connector';

export type RunningConnector = MirrorLoop;

interface StartingConnector {
  connector: HelpdeskConnector;
  /** The connector as operations see it (`/v1/admin/connector`, `/v1/health`). */
  helpdesk: ConfiguredHelpdesk;
  /** Checks the mapped policies in the (prepared) workspace, then mirrors every pollIntervalMs. */
  startMirror(db: Database, logger: Logger): Promise<RunningConnector>;
}

/** The backend's connector from its configuration file; a mistake stops the start with a message naming it. */
export async function startConnector(file: string, env: NodeJS.ProcessEnv): Promise<StartingConnector> {
  const opened = await openConnector(file, env);
  if (!opened.ok) throw new Error(opened.error.message);
  const { connector, config } = opened.value;
  return {
    connector,
    helpdesk: { helpdesk: connector.kind, url: config.url, mirrorHolder },
    async startMirror(db, logger) {
      const policies = await checkMappedPolicies(db, file, config);
      if (!policies.ok) throw new Error(policies.error.message);
      logger.info('mirroring a helpdesk', { connector: connector.kind, mapping: connector.describeMapping().lines });
      const deps = { db, connector, policies: new PolicyCache(), leaseMs: config.leaseMs };
      return startMirrorLoop(() => runMirror(deps), { pollIntervalMs: config.pollIntervalMs, logger, connector: connector.kind });
    },
  };
}
