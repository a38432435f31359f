import { Backoff } from '@shared/backoff';
import { changesEventSchema } from '@shared/contract';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { realScheduler, type Scheduler } from './scheduler';

export interface ChangeEventsOptions {
  baseUrl: string;
  token: string;
  onChanges: (cursor: string) => void;
  scheduler?: Scheduler;
  fetch?: typeof fetch;
}

/**
 * Listens to the backend's server-sent events and calls `onChanges` for each "changes" event, so
 * the engine syncs at once instead of waiting for its timer. Reconnects with backoff; stops for
 * good on 401 (the engine reports that one).
 */
export function listenForChanges(options: ChangeEventsOptions): { close(): void } {
  const scheduler = options.scheduler ?? realScheduler;
  const doFetch = options.fetch ?? globalThis.fetch;
  let closed = false;
  let controller = new AbortController();
  const backoff = new Backoff({ baseMs: 1_000, maxMs: 30_000 });
  let timer: unknown = null;

  const connect = async (): Promise<void> => {
    controller = new AbortController();
    try {
      const response = await doFetch(new URL('/v1/events', options.baseUrl), {
        headers: { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' },
        signal: controller.signal,
      });
      if (response.status === 401 || response.status === 403) return;
      if (!response.ok || response.body === null) throw new Error(`events answered ${response.status}`);
      backoff.reset();
      await readEvents(response.body, options.onChanges);
    } catch {
      // A cut connection, a dead backend: reconnect below.
    }
    if (!closed) timer = scheduler.setTimeout(() => void connect(), backoff.next());
  };
  void connect();
  return {
    close() {
      closed = true;
      scheduler.clearTimeout(timer);
      controller.abort();
    },
  };
}

/** A `changes` event carries one cursor: a stream that buffers more than this without an event is broken. */
const MAX_EVENT_CHARS = 1_000_000;

/**
 * Reads the event stream until it ends. Any line ending the standard allows (LF, CRLF, CR), split
 * anywhere between chunks, is parsed by eventsource-parser; a malformed `changes` event is
 * ignored (the periodic sync still runs), and a stream that buffers past the limit throws, so the
 * caller reconnects.
 */
async function readEvents(body: ReadableStream<Uint8Array>, onChanges: (cursor: string) => void): Promise<void> {
  let overflow: Error | null = null;
  const parser = createParser({
    onEvent: (event) => onEvent(event, onChanges),
    onError: (error) => {
      if (error.type === 'max-buffer-size-exceeded') overflow = error;
    },
    maxBufferSize: MAX_EVENT_CHARS,
  });
  const decoder = new TextDecoder();
  const endLineAtCr = crEndsItsLine();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.feed(endLineAtCr(decoder.decode(value, { stream: true })));
      if (overflow !== null) throw overflow;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

/**
 * A CR ends its line, whether or not an LF follows (the standard's rule). The parser, not knowing
 * whether an LF will open the next chunk, holds back a chunk's trailing CR until more text comes:
 * from a server that ends lines with CR alone, each event would wait for the next one. So a
 * trailing CR is fed as CRLF, and an LF that opens the next chunk, the rest of that CRLF, is dropped.
 */
function crEndsItsLine(): (text: string) => string {
  let lfPending = false;
  return (text) => {
    if (text === '') return text;
    const rest = lfPending && text.startsWith('\n') ? text.slice(1) : text;
    lfPending = rest.endsWith('\r');
    return lfPending ? `${rest}\n` : rest;
  };
}

function onEvent(event: EventSourceMessage, onChanges: (cursor: string) => void): void {
  if (event.event !== 'changes') return;
  try {
    const parsed = changesEventSchema.safeParse(JSON.parse(event.data));
    if (parsed.success) onChanges(parsed.data.cursor);
  } catch {
    // Not JSON: ignored like any other malformed event.
  }
}
