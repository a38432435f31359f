/**
 * At most `limit` runs of `task` at once; the rest wait their turn, first come first served. Sync
 * pages are the bulk of a busy server's work (every desktop pulls after every change event):
 * capping them keeps database connections and CPU free for engineers' actions, which then do not
 * queue behind a wave of pulls.
 */
export function limitConcurrency<A extends unknown[], R>(limit: number, task: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return async (...args: A) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task(...args);
    } finally {
      release();
    }
  };
}
