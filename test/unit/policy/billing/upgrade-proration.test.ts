import { describe, expect, it } from 'vitest';
import { upgradeCost } from '@shared/policy/billing';
import type { UpgradeCostArgs } from '@shared/policy/billing';
import { formatInstant, parseInstant } from '@shared/policy/instant';
import { fieldOfError } from './field-error';

// A 30-day cycle: 2_592_000_000 ms. Gold 2000 -> Platinum 5000: a 3000-cent difference.
const CYCLE = { cycleStart: '2026-04-01T00:00:00.000Z', cycleEnd: '2026-05-01T00:00:00.000Z' };
const endMinus = (ms: number): string => formatInstant(parseInstant(CYCLE.cycleEnd, 't') - ms);
const base = { oldPriceCents: 2000, newPriceCents: 5000, ...CYCLE };

describe('upgradeCost', () => {
  it.each<[string, Partial<UpgradeCostArgs>, number]>([
    ['at the cycle start: the whole difference', { at: CYCLE.cycleStart }, 3000],
    ['half way: half of it', { at: '2026-04-16T00:00:00Z' }, 1500],
    ['last millisecond: rounds to 0', { at: endMinus(1) }, 0],
    ['exact 0.5 rounds up', { at: endMinus(432_000) }, 1],
    ['0.4999... rounds down', { at: endMinus(431_999) }, 0],
    ['exact 1.5 rounds up', { oldPriceCents: 0, newPriceCents: 3, at: '2026-04-16T00:00:00Z' }, 2],
    ['exact 1000.5 rounds up', { at: endMinus(864_432_000) }, 1001],
    ['offsets in `at` do not matter', { at: '2026-04-15T20:00:00-04:00' }, 1500],
    // 99_999_999 x 1_296_000_000 passes 2^53; the exact answer is 49_999_999.5 -> 50_000_000.
    ['big amounts stay exact', { oldPriceCents: 0, newPriceCents: 99_999_999, at: '2026-04-16T00:00:00Z' }, 50_000_000],
  ])('%s', (_name, patch, cents) => {
    expect(upgradeCost({ ...base, at: CYCLE.cycleStart, ...patch })).toBe(cents);
  });
});

describe('upgradeCost input errors name the field', () => {
  it.each<[string, Partial<UpgradeCostArgs>, string]>([
    ['same price is not an upgrade', { newPriceCents: 2000 }, 'newPriceCents'],
    ['cheaper is a downgrade', { newPriceCents: 1000 }, 'newPriceCents'],
    ['at the cycle end (next cycle)', { at: CYCLE.cycleEnd }, 'at'],
    ['before the cycle', { at: '2026-03-31T23:59:59.999Z' }, 'at'],
    ['bad at', { at: 'soon' }, 'at'],
    ['negative old price', { oldPriceCents: -1 }, 'oldPriceCents'],
    ['fractional new price', { newPriceCents: 5000.5 }, 'newPriceCents'],
    ['empty cycle', { cycleEnd: CYCLE.cycleStart }, 'cycleEnd'],
  ])('%s', (_name, patch, field) => {
    expect(fieldOfError(() => upgradeCost({ ...base, at: '2026-04-10T00:00:00Z', ...patch }))).toBe(field);
  });
});
