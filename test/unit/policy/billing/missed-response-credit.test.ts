import { describe, expect, it } from 'vitest';
import { missedResponseCredit } from '@shared/policy/billing';
import { formatInstant, parseInstant } from '@shared/policy/instant';
import { fieldOfError } from './field-error';

const after = (iso: string, ms: number): string => formatInstant(parseInstant(iso, 't') + ms);

// A 30-day cycle (2_592_000_000 ms) and a 31-day one (2_678_400_000 ms), in UTC for readability.
const APRIL = { cycleStart: '2026-04-01T00:00:00.000Z', cycleEnd: '2026-05-01T00:00:00.000Z' };
const MAY = { cycleStart: '2026-05-01T00:00:00.000Z', cycleEnd: '2026-06-01T00:00:00.000Z' };
/** 2_592_000_001 ms: odd, so a quotient can sit a hair below .5. */
const ODD = { cycleStart: '2026-04-01T00:00:00.000Z', cycleEnd: '2026-05-01T00:00:00.001Z' };
const DUE = '2026-04-10T00:00:00.000Z';

describe('missedResponseCredit', () => {
  it.each([
    ['met: replied before due', APRIL, DUE, -60_000, 5000, 0],
    ['met: replied exactly at due', APRIL, DUE, 0, 5000, 0],
    ['1 ms late on a cheap plan rounds to 0', APRIL, DUE, 1, 5000, 0],
    ['exact quotient 0.5 rounds up', APRIL, DUE, 1_296_000, 1000, 1],
    ['quotient 0.4999... rounds down', APRIL, DUE, 1_295_999, 1000, 0],
    ['exact quotient 12.5 rounds up', APRIL, DUE, 16_200_000, 2000, 13],
    ['quotient 12.4999... rounds down', APRIL, DUE, 16_199_999, 2000, 12],
    ['4.5 h late on a 30-day cycle', APRIL, DUE, 16_200_000, 5000, 31], // 31.25
    ['quotient 0.4999999998 (odd cycle) rounds down', ODD, DUE, 1_296_000_000, 1, 0],
    ['quotient 0.5000000002 (odd cycle) rounds up', ODD, DUE, 1_296_000_001, 1, 1],
    ['quotient 1.4999999994 (odd cycle) rounds down', ODD, DUE, 1_296_000_000, 3, 1],
    // price x lateness is ~1.3e17 here, past 2^53: only exact arithmetic gets .5 right.
    ['big exact x.5 rounds up', MAY, '2026-05-01T00:00:00.000Z', 1_339_200_000, 99_999_999, 50_000_000],
    ['big x.4999... rounds down', MAY, '2026-05-01T00:00:00.000Z', 1_339_199_999, 99_999_999, 49_999_999],
    ['lateness of a whole cycle is the full price', APRIL, DUE, 2_592_000_000, 5000, 5000],
    ['capped at the monthly price', APRIL, DUE, 40 * 86_400_000, 5000, 5000],
    ['free plan earns nothing', APRIL, DUE, 86_400_000, 0, 0],
    ['the cycle length is used, not 30 days', MAY, '2026-05-10T00:00:00.000Z', 1_339_200_000, 1000, 500],
  ])('%s', (_name, cycle, dueAt, latenessMs, monthlyPriceCents, cents) => {
    const repliedAt = after(dueAt, latenessMs);
    expect(missedResponseCredit({ dueAt, repliedAt, monthlyPriceCents, ...cycle })).toBe(cents);
  });

  it('accepts instants written with any offset', () => {
    const credit = missedResponseCredit({
      dueAt: '2026-04-09T20:00:00-04:00',
      repliedAt: '2026-04-10T09:30:00+05:00', // 04:30Z: 4.5 h late
      monthlyPriceCents: 2000,
      ...APRIL,
    });
    expect(credit).toBe(13);
  });
});

describe('missedResponseCredit input errors name the field', () => {
  const ok = { dueAt: DUE, repliedAt: after(DUE, 1000), monthlyPriceCents: 5000, ...APRIL };
  it.each<[string, Record<string, unknown>, string]>([
    ['negative price', { monthlyPriceCents: -1 }, 'monthlyPriceCents'],
    ['fractional price', { monthlyPriceCents: 12.5 }, 'monthlyPriceCents'],
    ['price not a number', { monthlyPriceCents: '5000' }, 'monthlyPriceCents'],
    ['price NaN', { monthlyPriceCents: Number.NaN }, 'monthlyPriceCents'],
    ['price beyond safe integers', { monthlyPriceCents: 2 ** 53 }, 'monthlyPriceCents'],
    ['empty cycle', { cycleEnd: APRIL.cycleStart }, 'cycleEnd'],
    ['reversed cycle', { cycleStart: APRIL.cycleEnd, cycleEnd: APRIL.cycleStart }, 'cycleEnd'],
    ['cycleStart unparsable', { cycleStart: 'April 1st' }, 'cycleStart'],
    ['dueAt unparsable', { dueAt: 'yesterday' }, 'dueAt'],
    ['repliedAt without offset', { repliedAt: '2026-04-10T10:00:00' }, 'repliedAt'],
    ['repliedAt null', { repliedAt: null }, 'repliedAt'],
    ['dueAt outside the cycle', { dueAt: '2026-05-01T00:00:00.000Z' }, 'dueAt'],
  ])('%s', (_name, patch, field) => {
    const args = { ...ok, ...patch } as Parameters<typeof missedResponseCredit>[0];
    expect(fieldOfError(() => missedResponseCredit(args))).toBe(field);
  });
});
