import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChangesEvent } from '@shared/contract';
import type { SupportCenter } from '../support-center';
import type { ChangeFeed } from './change-feed';
import type { Logger } from '@shared/json-log';
import { stampResponse } from './send-response';
import type { ServerLifecycle } from './server-lifecycle';

/** Reconnection delay the client's event-stream reader should use after a drop. */
export const RECONNECT_MS = 2_000;
/** Proxies and NATs drop connections that are silent for too long. */
export const KEEPALIVE_MS = 15_000;
/** A client that reads nothing while events pile up is dropped rather than buffered for. */
const MAX_UNSENT_BYTES = 64 * 1024;

/**
 * Serves `GET /v1/events`: a `changes` event with the latest cursor at once, and again after
 * every committed write (through any instance), so a client syncs when there is something to
 * fetch instead of polling.
 */
export function streamChangeEvents(
  center: SupportCenter,
  req: IncomingMessage,
  res: ServerResponse,
  deps: { lifecycle: ServerLifecycle; logger: Logger; feed: ChangeFeed },
): void {
  stampResponse(res);
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'X-Accel-Buffering': 'no' });
  res.flushHeaders();

  let closed = false;
  const write = (text: string) => {
    if (closed || res.writableEnded || res.destroyed) return;
    if (res.writableLength > MAX_UNSENT_BYTES) {
      res.destroy();
      return;
    }
    res.write(text);
  };
  const send = (cursor: string) => {
    const event: ChangesEvent = { cursor };
    write(`event: changes\ndata: ${JSON.stringify(event)}\n\n`);
  };

  write(`retry: ${RECONNECT_MS}\n\n`);
  // Subscribe before reading the first cursor, so a write in between is not missed.
  const unsubscribe = deps.feed.subscribe(send);
  center.latestCursor().then(send, (error: unknown) => {
    // Without a cursor the stream is useless; ending it makes the client reconnect and resync.
    deps.logger.error('change event failed', { error });
    res.end();
  });
  const keepalive = setInterval(() => write(': keepalive\n\n'), KEEPALIVE_MS);
  const forget = deps.lifecycle.addStream(() => res.end());

  res.on('close', () => {
    closed = true;
    unsubscribe();
    clearInterval(keepalive);
    forget();
  });
  req.resume();
}
