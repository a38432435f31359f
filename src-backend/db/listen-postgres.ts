import pg from 'pg';

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 10_000;

/**
 * LISTEN on a connection of its own (a pooled one would be handed to other work). When the
 * connection drops, it reconnects with backoff and calls `onNotify` once it is back: whatever
 * was notified meanwhile is lost, so listeners must look again.
 */
export async function listenPostgres(url: string, channel: string, onNotify: () => void, onError: (error: Error) => void): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retryMs = RETRY_MIN_MS;
  let timer: NodeJS.Timeout | null = null;
  const identifier = pg.escapeIdentifier(channel);

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify();
    });
    next.on('error', (error) => {
      onError(error);
      reconnectLater(next);
    });
    next.on('end', () => reconnectLater(next));
    await next.connect();
    await next.query(`LISTEN ${identifier}`);
    if (stopped) {
      await next.end();
      return;
    }
    client = next;
    retryMs = RETRY_MIN_MS;
  };

  const reconnectLater = (dead: pg.Client): void => {
    if (stopped || client !== dead) return;
    client = null;
    dead.end().catch(() => undefined);
    schedule();
  };

  const schedule = (): void => {
    timer = setTimeout(() => {
      timer = null;
      connect().then(
        () => onNotify(),
        (error: unknown) => {
          onError(error as Error);
          retryMs = Math.min(RETRY_MAX_MS, retryMs * 2);
          if (!stopped) schedule();
        },
      );
    }, retryMs);
    timer.unref();
  };

  await connect();
  return async () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    const last = client;
    client = null;
    await last?.end().catch(() => undefined);
  };
}
