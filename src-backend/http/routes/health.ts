import type { ConnectorSummary } from '@shared/contract';
import type { SupportCenter } from '../../support-center';
import { openApiDocument } from '../openapi-document';
import type { Handlers } from '../route';
import type { ServerLifecycle } from '../server-lifecycle';

/**
 * Liveness (`/v1/health`: the process answers) and readiness (`/v1/ready`: it can serve, so a load
 * balancer may send it traffic). Neither needs a token. Both say 503 while the server stops, so
 * the balancer takes it out before its connections close. And the API's own description.
 */
export function healthHandlers(lifecycle: ServerLifecycle, center: SupportCenter): Handlers<'health' | 'ready' | 'openapi'> {
  let document: ReturnType<typeof openApiDocument> | null = null;
  return {
    async health() {
      const serverTime = new Date().toISOString();
      if (lifecycle.stopping) return { status: 503, body: { status: 'stopping', serverTime } };
      const connector = await connectorSummary(center);
      return { status: 200, body: { status: 'ok', serverTime, ...(connector === null ? {} : { connector }) } };
    },
    async ready() {
      const serverTime = new Date().toISOString();
      if (lifecycle.stopping) return { status: 503, body: { status: 'stopping', serverTime } };
      const problem = await center.checkReady();
      return problem === null ? { status: 200, body: { status: 'ready', serverTime } } : { status: 503, body: { status: 'not-ready', reason: problem, serverTime } };
    },
    async openapi() {
      document ??= openApiDocument();
      return { status: 200, body: document };
    },
  };
}

/** How long liveness waits for the connector's state before answering without it. */
const SUMMARY_WAIT_MS = 1_000;

/**
 * Liveness must not depend on the database: when the connector's state cannot be read within a
 * second, the answer leaves it out (readiness reports the database).
 */
async function connectorSummary(center: SupportCenter): Promise<ConnectorSummary | null> {
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), SUMMARY_WAIT_MS);
  });
  try {
    return await Promise.race([center.connectorSummary().catch(() => null), giveUp]);
  } finally {
    clearTimeout(timer);
  }
}
