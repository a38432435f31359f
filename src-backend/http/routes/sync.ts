import type { SupportCenter } from '../../support-center';
import { RequestError } from '../../support-center';
import type { ChangeFeed } from '../change-feed';
import { streamChangeEvents } from '../change-event-stream';
import type { Logger } from '@shared/json-log';
import type { Handlers } from '../route';
import { JsonText } from '../send-response';
import type { ServerLifecycle } from '../server-lifecycle';

export function syncHandlers(center: SupportCenter, deps: { lifecycle: ServerLifecycle; logger: Logger; feed: ChangeFeed }): Handlers<'sync' | 'events'> {
  return {
    async sync({ caller, query }) {
      // Sent as the database wrote it: parsing and re-serializing a page would cost more than reading it.
      return { status: 200, body: new JsonText(await center.syncJson(caller, query)) };
    },
    async events({ req, res }) {
      // A stream opened now would be cut at once by the close that is under way.
      if (deps.lifecycle.stopping) throw new RequestError(503, 'unavailable', 'the server is shutting down');
      streamChangeEvents(center, req, res, deps);
      return 'streaming';
    },
  };
}
