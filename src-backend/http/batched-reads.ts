interface Batch<R> {
  run: () => Promise<R>;
  waiters: Array<{ resolve: (value: R) => void; reject: (error: unknown) => void }>;
  /** Not started before this (performance.now()), so that identical requests can gather. */
  readyAt: number;
}

/**
 * Reads by key, at most `limit` at once, where requests for the same key that wait together are
 * answered by one read. A read is shared only by requests that arrived before it started, so every
 * answer is at least as fresh as a read made at its own arrival: a desktop that pulls after a
 * change event always sees that change. (A cache of finished reads would not: it could answer
 * with a page read before the change.)
 *
 * Why: a change event reaches every desktop on the instance at the same moment, and in steady
 * state they pull from the same cursor. Holding a new read back for `gatherMs` lets the pulls of
 * one wave arrive and share it: a hundred identical pulls become one database read. A caller that
 * expects no company (a desktop walking its first sync) passes 0 and is not held back.
 */
export function batchedReads<R>(limit: number, defaultGatherMs = 10): (key: string, read: () => Promise<R>, gatherMs?: number) => Promise<R> {
  const waiting = new Map<string, Batch<R>>();
  const queue: string[] = [];
  let running = 0;
  let timer: NodeJS.Timeout | null = null;

  const start = (key: string): void => {
    const batch = waiting.get(key) as Batch<R>;
    // From here on, new requests for this key start a batch of their own.
    waiting.delete(key);
    running++;
    batch
      .run()
      .then(
        (value) => batch.waiters.forEach((w) => w.resolve(value)),
        (error: unknown) => batch.waiters.forEach((w) => w.reject(error)),
      )
      .finally(() => {
        running--;
        pump();
      });
  };

  const pump = (): void => {
    while (running < limit && queue.length > 0) {
      const head = waiting.get(queue[0] as string) as Batch<R>;
      const wait = head.readyAt - performance.now();
      if (wait > 0) {
        timer ??= setTimeout(() => {
          timer = null;
          pump();
        }, wait);
        return;
      }
      start(queue.shift() as string);
    }
  };

  return (key, read, gatherMs = defaultGatherMs) =>
    new Promise<R>((resolve, reject) => {
      let batch = waiting.get(key);
      if (batch === undefined) {
        batch = { run: read, waiters: [], readyAt: performance.now() + gatherMs };
        waiting.set(key, batch);
        queue.push(key);
      }
      batch.waiters.push({ resolve, reject });
      pump();
    });
}
