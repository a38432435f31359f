import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pacedBroadcast } from '../../../src-backend/http/paced-broadcast';

/** Receivers that record what they got, and when (fake milliseconds since the test began). */
function receivers(count: number) {
  const got: Array<Array<{ value: string; at: number }>> = Array.from({ length: count }, () => []);
  const start = Date.now();
  return { got, list: got.map((mine) => (value: string) => void mine.push({ value, at: Date.now() - start })) };
}

describe('pacedBroadcast', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('hands the value to one slice now and to each next slice gapMs later', () => {
    const { got, list } = receivers(5);
    pacedBroadcast<string>(2, 50).send(list, 'c1');
    expect(got.map((g) => g.length)).toEqual([1, 1, 0, 0, 0]);
    vi.advanceTimersByTime(49);
    expect(got[2]).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(got.map((g) => g.length)).toEqual([1, 1, 1, 1, 0]);
    vi.advanceTimersByTime(50);
    expect(got.map((g) => g.map((e) => e.at))).toEqual([[0], [0], [50], [50], [100]]);
  });

  it('a newer value replaces the round under way: everyone ends with it, nobody left behind gets the old one', () => {
    const { got, list } = receivers(4);
    const broadcast = pacedBroadcast<string>(1, 50);
    broadcast.send(list, 'old');
    vi.advanceTimersByTime(50);
    broadcast.send(list, 'new');
    vi.advanceTimersByTime(500);
    expect(got.map((g) => g.map((e) => e.value))).toEqual([['old', 'new'], ['old', 'new'], ['new'], ['new']]);
  });

  it('stop cancels the slices not yet handed out', () => {
    const { got, list } = receivers(3);
    const broadcast = pacedBroadcast<string>(1, 50);
    broadcast.send(list, 'c1');
    broadcast.stop();
    vi.advanceTimersByTime(500);
    expect(got.map((g) => g.length)).toEqual([1, 0, 0]);
  });
});
