import { changesEventSchema } from '@shared/contract';
import { backoffDelay } from './backoff';
import { realScheduler, type Scheduler } from './scheduler';

export interface ChangeEventsOptions {
  baseUrl: string;
  token: string;
  onChanges: (cursor: string) => void;
  /** Connection state, so the engine can treat a lost stream as a hint to sync (and poll). */
  onConnection?: (connected: boolean) => void;
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
  let attempt = 0;
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
      attempt = 0;
      options.onConnection?.(true);
      await readEvents(response.body, options.onChanges);
    } catch {
      // A cut connection, a dead backend: reconnect below.
    }
    options.onConnection?.(false);
    if (!closed) timer = scheduler.setTimeout(() => void connect(), backoffDelay(attempt++, { baseMs: 1_000, maxMs: 30_000 }));
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

/** Parses an event stream (`event:` / `data:` lines, blank line ends an event). */
async function readEvents(body: ReadableStream<Uint8Array>, onChanges: (cursor: string) => void): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim() ?? 'message';
      const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
      if (event !== 'changes') continue;
      try {
        const parsed = changesEventSchema.safeParse(JSON.parse(data));
        if (parsed.success) onChanges(parsed.data.cursor);
      } catch {
        // A malformed event is ignored; the periodic sync still runs.
      }
    }
    if (buffer.length > 1_000_000) buffer = '';
  }
}
