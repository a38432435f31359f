import { expect, it } from 'vitest';
import { FailureLimiter } from '../../../src-backend/http/failure-limiter';

it('holds a key back once it has failed `max` times within the window, until the oldest of those leaves it', () => {
  let now = 1_000_000;
  const limiter = new FailureLimiter({ max: 3, windowMs: 60_000 }, () => now);
  for (let n = 0; n < 3; n++) {
    expect(limiter.waitMs('a')).toBe(0);
    limiter.fail('a');
    now += 10_000;
  }
  expect(limiter.waitMs('a')).toBe(30_000);
  expect(limiter.waitMs('b')).toBe(0);
  now += 30_000;
  expect(limiter.waitMs('a')).toBe(0);
  limiter.fail('a');
  expect(limiter.waitMs('a')).toBe(10_000);
});
