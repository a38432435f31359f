import { describe, expect, it } from 'vitest';
import { billingCycleAt, billingCycleByIndex } from '@shared/policy/billing';
import { fieldOfError } from './field-error';

const NY = 'America/New_York';

describe('billingCycleByIndex: a 31st anchor clamps from the original day, never drifting', () => {
  // 10:00 New York time on each clamped day: EST (-05) in winter, EDT (-04) from 12 Mar to 5 Nov 2028.
  const anchor = '2028-01-31T10:00:00-05:00';
  it.each([
    [0, '2028-01-31T15:00:00.000Z'],
    [1, '2028-02-29T15:00:00.000Z'], // leap year
    [2, '2028-03-31T14:00:00.000Z'],
    [3, '2028-04-30T14:00:00.000Z'],
    [4, '2028-05-31T14:00:00.000Z'],
    [5, '2028-06-30T14:00:00.000Z'],
    [6, '2028-07-31T14:00:00.000Z'],
    [7, '2028-08-31T14:00:00.000Z'],
    [8, '2028-09-30T14:00:00.000Z'],
    [9, '2028-10-31T14:00:00.000Z'],
    [10, '2028-11-30T15:00:00.000Z'],
    [11, '2028-12-31T15:00:00.000Z'],
    [12, '2029-01-31T15:00:00.000Z'],
    [13, '2029-02-28T15:00:00.000Z'],
    [14, '2029-03-31T14:00:00.000Z'],
  ])('cycle %i starts %s', (k, start) => {
    expect(billingCycleByIndex(anchor, NY, k).start).toBe(start);
  });

  it('ends each cycle where the next one starts', () => {
    expect(billingCycleByIndex(anchor, NY, 1)).toEqual({
      index: 1,
      start: '2028-02-29T15:00:00.000Z',
      end: '2028-03-31T14:00:00.000Z',
    });
  });
});

describe('billingCycleByIndex: other anchor days', () => {
  it.each([
    ['2028-02-29T12:00:00Z', 1, '2028-03-29T12:00:00.000Z'],
    ['2028-02-29T12:00:00Z', 12, '2029-02-28T12:00:00.000Z'],
    ['2028-02-29T12:00:00Z', 13, '2029-03-29T12:00:00.000Z'],
    ['2028-02-29T12:00:00Z', 48, '2032-02-29T12:00:00.000Z'],
    ['2026-01-30T08:15:30.250Z', 1, '2026-02-28T08:15:30.250Z'],
    ['2026-01-30T08:15:30.250Z', 2, '2026-03-30T08:15:30.250Z'],
    ['2027-01-31T00:00:00Z', 1, '2027-02-28T00:00:00.000Z'],
    ['2027-01-31T00:00:00Z', 2, '2027-03-31T00:00:00.000Z'],
    ['2026-12-15T23:59:59.999Z', 1, '2027-01-15T23:59:59.999Z'],
  ])('UTC anchor %s, cycle %i starts %s', (anchor, k, start) => {
    expect(billingCycleByIndex(anchor, 'UTC', k).start).toBe(start);
  });

  it('computes a far cycle directly', () => {
    expect(billingCycleByIndex('2026-01-31T00:00:00Z', 'UTC', 83_000)).toEqual({
      index: 83_000,
      start: '8942-09-30T00:00:00.000Z',
      end: '8942-10-31T00:00:00.000Z',
    });
  });

  it('keeps the anchor local date in its own zone, not in UTC', () => {
    // 23:30 on 31 Jan in New York is 1 Feb in UTC; the anchor day is still the 31st.
    expect(billingCycleByIndex('2026-01-31T23:30:00-05:00', NY, 1).start).toBe('2026-03-01T04:30:00.000Z');
    expect(billingCycleByIndex('2026-01-31T23:30:00-05:00', NY, 2).start).toBe('2026-04-01T03:30:00.000Z');
  });
});

describe('billingCycleByIndex: DST in America/New_York (00:30 local anchor)', () => {
  it.each([
    // anchor, k, start, end, length in hours
    ['2026-01-15T00:30:00-05:00', 1, '2026-02-15T05:30:00.000Z', '2026-03-15T04:30:00.000Z', 28 * 24 - 1],
    ['2026-01-15T00:30:00-05:00', 9, '2026-10-15T04:30:00.000Z', '2026-11-15T05:30:00.000Z', 31 * 24 + 1],
    ['2026-01-15T00:30:00-05:00', 10, '2026-11-15T05:30:00.000Z', '2026-12-15T05:30:00.000Z', 30 * 24],
    ['2026-03-08T00:30:00-05:00', 0, '2026-03-08T05:30:00.000Z', '2026-04-08T04:30:00.000Z', 31 * 24 - 1],
    ['2026-03-08T00:30:00-05:00', 7, '2026-10-08T04:30:00.000Z', '2026-11-08T05:30:00.000Z', 31 * 24 + 1],
    ['2026-11-01T00:30:00-04:00', 0, '2026-11-01T04:30:00.000Z', '2026-12-01T05:30:00.000Z', 30 * 24 + 1],
  ])('anchor %s cycle %i = [%s, %s), %i h', (anchor, k, start, end, hours) => {
    const cycle = billingCycleByIndex(anchor, NY, k);
    expect(cycle).toEqual({ index: k, start, end });
    expect(Date.parse(end) - Date.parse(start)).toBe(hours * 3_600_000);
  });

  it('moves a wall-clock time skipped by spring-forward to after the gap, without drifting later cycles', () => {
    const anchor = '2026-02-08T02:30:00-05:00';
    expect(billingCycleByIndex(anchor, NY, 1).start).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(billingCycleByIndex(anchor, NY, 2).start).toBe('2026-04-08T06:30:00.000Z'); // 02:30 EDT
  });

  it('takes the first occurrence of a wall-clock time repeated by fall-back', () => {
    const anchor = '2026-10-01T01:30:00-04:00';
    expect(billingCycleByIndex(anchor, NY, 1).start).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT
    expect(billingCycleByIndex(anchor, NY, 2).start).toBe('2026-12-01T06:30:00.000Z'); // 01:30 EST
  });

  it('starts cycle 0 at the anchor itself, even in the repeated hour', () => {
    expect(billingCycleByIndex('2026-11-01T01:30:00-05:00', NY, 0).start).toBe('2026-11-01T06:30:00.000Z');
  });
});

describe('billingCycleAt', () => {
  const anchor = '2028-01-31T10:00:00-05:00';
  it.each([
    ['2028-01-31T15:00:00.000Z', 0],
    ['2028-02-29T14:59:59.999Z', 0],
    ['2028-02-29T15:00:00.000Z', 1],
    ['2028-03-01T00:00:00Z', 1],
    ['2028-03-31T13:59:59.999Z', 1],
    ['2028-03-31T10:00:00-04:00', 2],
    ['2028-04-15T12:00:00+09:00', 2],
    ['2029-02-28T15:00:00Z', 13],
    ['2030-01-01T00:00:00Z', 23],
  ])('at %s is in cycle %i', (at, index) => {
    const cycle = billingCycleAt({ anchor, timeZone: NY, at });
    expect(cycle).toEqual(billingCycleByIndex(anchor, NY, index));
  });

  it('finds a cycle thousands of years out', () => {
    const cycle = billingCycleAt({ anchor: '2026-01-31T00:00:00Z', timeZone: 'UTC', at: '8942-10-15T00:00:00Z' });
    expect(cycle.index).toBe(83_000);
  });

  it('is the same whatever offset `at` is written with', () => {
    const a = billingCycleAt({ anchor, timeZone: NY, at: '2028-03-31T13:59:59.999Z' });
    const b = billingCycleAt({ anchor, timeZone: NY, at: '2028-03-31T22:59:59.999+09:00' });
    expect(a).toEqual(b);
  });
});

describe('billing cycle input errors name the field', () => {
  const anchor = '2026-01-15T00:30:00-05:00';
  it.each<[string, () => unknown, string]>([
    ['at before the anchor', () => billingCycleAt({ anchor, timeZone: NY, at: '2026-01-15T05:29:59.999Z' }), 'at'],
    ['at without an offset', () => billingCycleAt({ anchor, timeZone: NY, at: '2026-02-01T10:00:00' }), 'at'],
    ['anchor that is no date', () => billingCycleAt({ anchor: '2026-02-30T00:00:00Z', timeZone: NY, at: anchor }), 'anchor'],
    ['unknown zone', () => billingCycleAt({ anchor, timeZone: 'Mars/Olympus', at: anchor }), 'timeZone'],
    ['negative index', () => billingCycleByIndex(anchor, NY, -1), 'index'],
    ['fractional index', () => billingCycleByIndex(anchor, NY, 1.5), 'index'],
    ['index past the last supported year', () => billingCycleByIndex(anchor, NY, 12 * 8000), 'index'],
  ])('%s', (_name, fn, field) => {
    expect(fieldOfError(fn)).toBe(field);
  });
});
