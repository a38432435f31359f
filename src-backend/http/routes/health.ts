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
      return lifecycle.stopping ? { status: 503, body: { status: 'stopping', serverTime } } : { status: 200, body: { status: 'ok', serverTime } };
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
