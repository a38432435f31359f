import { defineRoute, json, type Route } from '../route';
import type { ServerLifecycle } from '../server-lifecycle';

/** Liveness for load balancers and the desktop client's "is the server there" probe; no token. */
export function healthRoutes(lifecycle: ServerLifecycle): Route[] {
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
  ];
}
