import { Dexie } from 'dexie';

/**
 * A live query's querier that starts a read no sooner than `minGapMs` after the previous one
 * started. Dexie re-runs a live query on every commit that touches what it read, and abandons a run
 * still in progress to start over; a first sync commits a page every few hundred milliseconds, so
 * the queue's full read (thousands of tickets, and the rows built from them) would run page after
 * page, and every such read holds back the next page's write. Paced, the queue still fills as the
 * pages land, at most once per gap, and the run after the last commit always happens: a change is
 * delayed, never dropped. With a gap of 0 it is the plain querier.
 *
 * The wait goes through `Dexie.waitFor`, which keeps the live query's observation context, so the
 * read after it is still tracked.
 */
export function pacedQuerier<T>(read: () => Promise<T>, minGapMs: number): () => Promise<T> {
  let lastStart: number | null = null;
  let calls = 0;
  let latest: Promise<T> | null = null;
  return () => {
    const call = ++calls;
    const run = (async (): Promise<T> => {
      const wait = lastStart === null ? 0 : lastStart + minGapMs - performance.now();
      if (wait > 0) await Dexie.waitFor(new Promise((resolve) => setTimeout(resolve, wait)), wait + 60_000);
      // Dexie abandoned this run for a newer one while it waited: reading now would only double
      // that one's read, so this one answers with it (Dexie drops the answer anyway).
      if (call !== calls && latest !== null) return latest;
      lastStart = performance.now();
      return read();
    })();
    latest = run;
    return run;
  };
}
