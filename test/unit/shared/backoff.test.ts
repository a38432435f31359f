import { describe, expect, it } from 'vitest';
import { Backoff, backoffDelay } from '@shared/backoff';

describe('backoff', () => {
  it('doubles from the base up to the cap, and a success starts over', () => {
    const backoff = new Backoff({ baseMs: 250, maxMs: 10_000, jitter: false });
    const delays = Array.from({ length: 8 }, () => backoff.next());
    expect(delays).toEqual([250, 500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
    backoff.reset();
    expect(backoff.next()).toBe(250);
  });

  it('keeps each jittered delay between half and all of the doubled one', () => {
    const low = new Backoff({ baseMs: 1_000, maxMs: 30_000, random: () => 0 });
    const high = new Backoff({ baseMs: 1_000, maxMs: 30_000, random: () => 1 });
    expect(Array.from({ length: 7 }, () => low.next())).toEqual([500, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000]);
    expect(Array.from({ length: 7 }, () => high.next())).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it('spreads clients that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(3, { baseMs: 1_000, maxMs: 60_000 })));
    expect(delays.size).toBeGreaterThan(25);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(4_000);
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(8_000);
  });

  it('stays finite and capped after any number of failures', () => {
    expect(backoffDelay(10_000, { baseMs: 1_000, maxMs: 60_000, random: () => 1 })).toBe(60_000);
  });
});
