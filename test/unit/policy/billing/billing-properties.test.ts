import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { billingCycleAt, billingCycleByIndex, missedResponseCredit, upgradeCost } from '@shared/policy/billing';
import { formatInstant, parseInstant } from '@shared/policy/instant';

const DAY = 86_400_000;
const iso = (ms: number): string => formatInstant(ms);
const ZONES = [
  'America/New_York', 'Europe/London', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu',
  'Pacific/Apia', 'America/Santiago', 'Pacific/Chatham', 'America/St_Johns', 'UTC',
];
const instant = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) });
const CYCLE_START = parseInstant('2026-01-01T00:00:00Z', 't');

describe('credit properties', () => {
  const credit = (price: number, cycleMs: number, latenessMs: number): number =>
    missedResponseCredit({
      dueAt: iso(CYCLE_START),
      repliedAt: iso(CYCLE_START + latenessMs),
      monthlyPriceCents: price,
      cycleStart: iso(CYCLE_START),
      cycleEnd: iso(CYCLE_START + cycleMs),
    });
  const price = fc.integer({ min: 0, max: 1_000_000_000 });
  const cycleMs = fc.integer({ min: 1, max: 32 * DAY });

  it('is monotonic in lateness and never exceeds the price', () => {
    fc.assert(
      fc.property(price, cycleMs, fc.nat(80 * DAY), fc.nat(80 * DAY), (p, c, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const low = credit(p, c, lo);
        const high = credit(p, c, hi);
        expect(low).toBeLessThanOrEqual(high);
        expect(high).toBeLessThanOrEqual(p);
        expect(low).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('is the exact quotient rounded half up', () => {
    // cents = floor(q + 1/2) with q = p x l / c  <=>  q - 1/2 < cents <= q + 1/2  <=>  -c < 2 x cents x c - 2 x p x l <= c
    fc.assert(
      fc.property(price, cycleMs, fc.nat(32 * DAY), (p, c, l) => {
        fc.pre(l < c);
        const C = BigInt(c);
        const error = 2n * BigInt(credit(p, c, l)) * C - 2n * BigInt(p) * BigInt(l);
        expect(error > -C && error <= C).toBe(true);
      }),
    );
  });

  it('upgrade cost never exceeds the price difference and grows with remaining time', () => {
    fc.assert(
      fc.property(price, fc.integer({ min: 1, max: 1_000_000 }), cycleMs, fc.nat(), fc.nat(), (old, extra, c, x, y) => {
        const [early, late] = [x % c, y % c].sort((m, n) => m - n) as [number, number];
        const cost = (at: number): number =>
          upgradeCost({ oldPriceCents: old, newPriceCents: old + extra, at: iso(CYCLE_START + at), cycleStart: iso(CYCLE_START), cycleEnd: iso(CYCLE_START + c) });
        expect(cost(early)).toBeGreaterThanOrEqual(cost(late));
        expect(cost(early)).toBeLessThanOrEqual(extra);
      }),
    );
  });
});

describe('billing cycle properties', () => {
  const zone = fc.constantFrom(...ZONES);

  it('tiles time: cycle k ends where cycle k+1 starts', () => {
    fc.assert(
      fc.property(instant, zone, fc.nat(1500), (anchorMs, tz, k) => {
        const anchor = iso(anchorMs);
        const cycle = billingCycleByIndex(anchor, tz, k);
        const next = billingCycleByIndex(anchor, tz, k + 1);
        expect(cycle.end).toBe(next.start);
        expect(Date.parse(cycle.start)).toBeLessThan(Date.parse(cycle.end));
        if (k === 0) expect(cycle.start).toBe(anchor);
      }),
    );
  });

  it('billingCycleAt contains its instant and agrees with billingCycleByIndex', () => {
    fc.assert(
      fc.property(instant, zone, fc.nat(60 * 366 * DAY), (anchorMs, tz, sinceAnchor) => {
        const anchor = iso(anchorMs);
        const at = anchorMs + sinceAnchor;
        const cycle = billingCycleAt({ anchor, timeZone: tz, at: iso(at) });
        expect(parseInstant(cycle.start, 'start')).toBeLessThanOrEqual(at);
        expect(at).toBeLessThan(parseInstant(cycle.end, 'end'));
        expect(billingCycleByIndex(anchor, tz, cycle.index)).toEqual(cycle);
      }),
    );
  });

  it('every cycle is a calendar month long, give or take a transition', () => {
    fc.assert(
      fc.property(instant, zone, fc.nat(1500), (anchorMs, tz, k) => {
        const { start, end } = billingCycleByIndex(iso(anchorMs), tz, k);
        const length = Date.parse(end) - Date.parse(start);
        // 28..31 days; Apia skipped a whole day in 2011, so allow one day either side.
        expect(length).toBeGreaterThanOrEqual(27 * DAY);
        expect(length).toBeLessThanOrEqual(32 * DAY);
      }),
    );
  });

  it("starts each cycle at the anchor's wall-clock time on the clamped day, unless a transition skipped it", () => {
    const wall = (ms: number, tz: string): number => {
      const t = DateTime.fromMillis(ms, { zone: tz });
      return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
    };
    fc.assert(
      fc.property(instant, zone, fc.nat(1500), (anchorMs, tz, k) => {
        const a = DateTime.fromMillis(anchorMs, { zone: tz });
        const month = DateTime.fromObject({ year: a.year, month: a.month, day: 1 }, { zone: 'UTC' }).plus({ months: k });
        const day = Math.min(a.day, month.daysInMonth!);
        const expected = Date.UTC(month.year, month.month - 1, day, a.hour, a.minute, a.second, a.millisecond);
        const startMs = parseInstant(billingCycleByIndex(iso(anchorMs), tz, k).start, 'start');
        const actual = wall(startMs, tz);
        if (actual !== expected) {
          // Only a spring-forward gap may move it, forward and by less than a day, just after a transition.
          expect(actual).toBeGreaterThan(expected);
          expect(actual - expected).toBeLessThanOrEqual(DAY);
          expect(wall(startMs - DAY, tz)).not.toBe(startMs - DAY + (actual - startMs));
        }
      }),
    );
  });
});
