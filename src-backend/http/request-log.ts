import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@shared/json-log';

export interface RequestLog {
  /** The matched route's pattern (`/v1/portal/tickets/:id/messages`): ids stay out of the logs. */
  route: string | null;
}

/**
 * One log line per request once its response is done (for an event stream: once it closes),
 * with the method, route, status and milliseconds taken.
 */
export function logRequest(req: IncomingMessage, res: ServerResponse, logger: Logger): RequestLog {
  const started = performance.now();
  const log: RequestLog = { route: null };
  res.once('close', () => {
    logger.info('request', {
      method: req.method,
      route: log.route ?? '(no route)',
      status: res.statusCode,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(res.writableFinished ? {} : { aborted: true }),
    });
  });
  return log;
}
