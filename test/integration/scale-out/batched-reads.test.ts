import { describe, expect, it } from 'vitest';
import { batchedReads } from '../../../src-backend/http/batched-reads';

/** Identical sync pulls share a read only when that read started after all of them arrived. */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function countingRead(durationMs: number) {
  const started: number[] = [];
  let running = 0;
  let maxRunning = 0;
  const read = (label: string) => async () => {
    const index = started.push(performance.now());
    running++;
    maxRunning = Math.max(maxRunning, running);
    await sleep(durationMs);
    running--;
    return `${label}#${index}`;
  };
  return { read, started, max: () => maxRunning };
}

describe('batched reads', () => {
  it('answers requests for one key that wait together with one read', async () => {
    const reads = countingRead(20);
    // A gather window far longer than issuing 50 calls takes even on a loaded machine.
    const pages = batchedReads<string>(4, 500);
    const answers = await Promise.all(Array.from({ length: 50 }, () => pages('eng-1|cursor-a', reads.read('a'))));
    expect(reads.started).toHaveLength(1);
    expect(new Set(answers)).toEqual(new Set(['a#1']));
  });

  it('starts a read asked for with no gather window at once, without waiting for company', async () => {
    const reads = countingRead(1);
    const pages = batchedReads<string>(4, 5_000);
    const asked = performance.now();
    expect(await pages('first-sync|page-2', reads.read('p'), 0)).toBe('p#1');
    // Far below the 5 s window the other reads would wait for.
    expect((reads.started[0] as number) - asked).toBeLessThan(1_000);
  });

  it('never answers a request with a read that started before it arrived', async () => {
    const reads = countingRead(50);
    const pages = batchedReads<string>(4, 5);
    const early = pages('k', reads.read('k'));
    await sleep(20); // the first read is under way now
    const arrivedAt = performance.now();
    const late = pages('k', reads.read('k'));
    expect(await early).toBe('k#1');
    expect(await late).toBe('k#2');
    expect(reads.started[1]!).toBeGreaterThanOrEqual(arrivedAt);
  });

  it('keeps other keys apart and runs at most `limit` reads at once', async () => {
    const reads = countingRead(20);
    const pages = batchedReads<string>(2, 0);
    const answers = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((key) => pages(key, reads.read(key))));
    expect(answers.map((a) => a.split('#')[0])).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(reads.started).toHaveLength(5);
    expect(reads.max()).toBe(2);
  });

  it('hands a failed read’s error to every request that shared it, and the next read starts afresh', async () => {
    const pages = batchedReads<string>(1, 5);
    const failing = () => Promise.reject(new Error('database gone'));
    const results = await Promise.allSettled([pages('k', failing), pages('k', failing)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await pages('k', async () => 'fresh')).toBe('fresh');
  });
});
