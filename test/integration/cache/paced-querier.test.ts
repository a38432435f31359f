import { Dexie, liveQuery } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyBatch } from '../../../src-renderer/db/apply-batch';
import type { AgentCache } from '../../../src-renderer/db/cache-database';
import { pacedQuerier } from '../../../src-renderer/db/paced-querier';
import { queueData } from '../../../src-renderer/db/queue-queries';
import { account, openTestCache, page, ticket, upsert } from './cache-fixtures';

/**
 * The queue's live read, paced, under Dexie's real live queries: commits in quick succession
 * (a first sync) start reads no closer together than the gap, and the read after the last commit
 * still comes, with every row.
 */

const NOW = new Date('2026-05-02T00:00:00.000Z');
const GAP_MS = 150;
const COMMITS = 12;
let db: AgentCache;
let version = 0;

beforeAll(() => {
  // Live queries stay silent where no global IndexedDB exists (Node); the cache keeps its own.
  Dexie.dependencies.indexedDB ??= new IDBFactory();
  Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;
});

beforeEach(async () => {
  db = openTestCache(`paced-${Math.random()}`);
  await applyBatch(db, page([upsert('account', account('acc-1'), ++version)]), { now: NOW });
});

afterEach(() => db.close());

/** Subscribes to the queue's read through `pacedQuerier`, commits a ticket every 10 ms, and records when reads start. */
async function watchWhileCommitting(gapMs: number): Promise<{ starts: number[]; last: number }> {
  const starts: number[] = [];
  const querier = pacedQuerier(() => {
    starts.push(performance.now());
    return queueData(db);
  }, gapMs);
  let last = -1;
  const subscription = liveQuery(querier).subscribe({ next: (data) => (last = data.tickets.length) });
  try {
    await expect.poll(() => last).toBe(0);
    for (let i = 0; i < COMMITS; i++) {
      await applyBatch(db, page([upsert('ticket', ticket(`t${i}`, { accountId: 'acc-1', status: 'open' }), ++version)]), { now: NOW });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await expect.poll(() => last, { timeout: 5_000 }).toBe(COMMITS);
    return { starts, last };
  } finally {
    subscription.unsubscribe();
  }
}

const gaps = (starts: number[]) => starts.slice(1).map((t, i) => t - (starts[i] as number));

describe('pacedQuerier', () => {
  it('starts reads no closer together than the gap, and still delivers the last commit', async () => {
    const { starts } = await watchWhileCommitting(GAP_MS);
    // Timers may fire a millisecond early by rounding; nothing else lets a read in sooner.
    expect(Math.min(...gaps(starts))).toBeGreaterThanOrEqual(GAP_MS - 2);
    expect(starts.length).toBeLessThan(COMMITS);
  });

  it('with no gap is the plain live query: a read per commit', async () => {
    const { starts } = await watchWhileCommitting(0);
    expect(starts.length).toBeGreaterThanOrEqual(COMMITS);
    expect(Math.min(...gaps(starts))).toBeLessThan(GAP_MS);
  });
});
