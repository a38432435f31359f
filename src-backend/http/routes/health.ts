import type { SupportCenter } from '../../support-center';
import { defineRoute, json, type Route } from '../route';
import type { ServerLifecycle } from '../server-lifecycle';

/**
 * Liveness (`/v1/health`: the process answers) and readiness (`/v1/ready`: it can serve, so a load
 * balancer may send it traffic). Neither needs a token. Both say 503 while the server stops, so
 * the balancer takes it out before its connections close.
 */
export function healthRoutes(lifecycle: ServerLifecycle, center: SupportCenter): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/v1/health',
      access: 'public',
      async handle() {
        const serverTime = new Date().toISOString();
        return lifecycle.stopping ? json(503, { status: 'stopping', serverTime }) : json(200, { status: 'ok', serverTime });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/ready',
      access: 'public',
      async handle() {
        const serverTime = new Date().toISOString();
        if (lifecycle.stopping) return json(503, { status: 'stopping', serverTime });
        const problem = await center.checkReady();
        return problem === null ? json(200, { status: 'ready', serverTime }) : json(503, { status: 'not-ready', reason: problem, serverTime });
      },
    }),
  ];
}
