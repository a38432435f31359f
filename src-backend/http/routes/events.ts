import type { SupportCenter } from '../../support-center';
import { RequestError } from '../../support-center';
import type { ChangeFeed } from '../change-feed';
import { streamChangeEvents } from '../change-event-stream';
import type { Logger } from '@shared/json-log';
import { defineRoute, type Route } from '../route';
import type { ServerLifecycle } from '../server-lifecycle';

export function eventRoutes(center: SupportCenter, deps: { lifecycle: ServerLifecycle; logger: Logger; feed: ChangeFeed }): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/v1/events',
      access: 'engineer',
      async handle(ctx) {
        // A stream opened now would be cut at once by the close that is under way.
        if (deps.lifecycle.stopping) throw new RequestError(503, 'unavailable', 'the server is shutting down');
        streamChangeEvents(center, ctx.req, ctx.res, deps);
        return 'streaming';
      },
    }),
  ];
}
