import pg from 'pg';
import { Backoff } from '@shared/backoff';

/**
 * LISTEN on a connection of its own (a pooled one would be handed to other work). When the
 * connection drops, it reconnects with backoff and calls `onNotify` once it is back: whatever
 * was notified meanwhile is lost, so listeners must look again.
 */
export async function listenPostgres(url: string, channel: string, onNotify: () => void, onError: (error: Error) => void): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  // No jitter: a handful of backend instances reconnecting at once is no herd for the database.
  const backoff = new Backoff({ baseMs: 250, maxMs: 10_000, jitter: false });
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
    backoff.reset();
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
          if (!stopped) schedule();
        },
      );
    }, backoff.next());
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
