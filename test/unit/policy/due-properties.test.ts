import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  businessTimeBetweenInstants,
  explainFirstResponseDue,
  firstResponseDue,
  holidaysBetween,
  isBusinessInstant,
  localDateOf,
  presets,
  type PlanId,
  type SupportPolicy,
} from '@shared/policy';

/**
 * Properties of due instants over random tickets, zones and working hours. The suite also runs
 * under far-away process time zones (npm run test:tz): every result must be the same there.
 */

const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Phoenix', 'Pacific/Honolulu', 'Europe/Berlin', 'Asia/Kolkata'];
const HOURS = [
  { start: '09:00', end: '17:00' },
  { start: '08:30', end: '18:00' },
  { start: '00:00', end: '24:00' },
  { start: '01:30', end: '02:30' },
  { start: '06:00', end: '14:00' },
];

const policies = ZONES.flatMap((timeZone) => HOURS.map((hours) => presets.planSla({ timeZone, hours })));

const ticket = fc.record({
  policy: fc.constantFrom(...policies),
  createdMs: fc.integer({ min: Date.UTC(2025, 11, 1), max: Date.UTC(2029, 0, 31) }),
  plan: fc.constantFrom<PlanId>('silver', 'gold', 'platinum'),
  urgent: fc.option(fc.boolean(), { nil: undefined }),
});

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

const holidayCache = new Map<SupportPolicy, Set<string>>();

function holidayDates(policy: SupportPolicy): Set<string> {
  let dates = holidayCache.get(policy);
  if (dates === undefined) {
    dates = new Set(holidaysBetween(policy, 2025, 2031).map((h) => h.date));
    holidayCache.set(policy, dates);
  }
  return dates;
}

function targetHours(plan: PlanId, urgent: boolean | undefined): number | null {
  if (plan === 'platinum') return 1;
  if (urgent === true) return 2;
  return plan === 'gold' ? 4 : null;
}

describe('due instant properties', () => {
  it('is never before creation and always a UTC ISO instant', () => {
    fc.assert(
      fc.property(ticket, ({ policy, createdMs, plan, urgent }) => {
        const due = firstResponseDue(policy, { createdAt: iso(createdMs), plan, urgent });
        expect(due).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        expect(Date.parse(due)).toBeGreaterThan(createdMs);
      }),
      { numRuns: 2000 },
    );
  });

  it('for business-hour targets, exactly the target of business time lies between creation and due', () => {
    fc.assert(
      fc.property(ticket, ({ policy, createdMs, plan, urgent }) => {
        const hours = targetHours(plan, urgent);
        fc.pre(hours !== null);
        const createdAt = iso(createdMs);
        const due = firstResponseDue(policy, { createdAt, plan, urgent });
        expect(businessTimeBetweenInstants(policy, createdAt, due)).toBe((hours as number) * 3_600_000);
        // ...and the due instant is the first such instant: a millisecond earlier is short.
        expect(businessTimeBetweenInstants(policy, createdAt, iso(Date.parse(due) - 1))).toBe((hours as number) * 3_600_000 - 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('never falls on a weekend or a holiday', () => {
    fc.assert(
      fc.property(ticket, ({ policy, createdMs, plan, urgent }) => {
        const due = firstResponseDue(policy, { createdAt: iso(createdMs), plan, urgent });
        // The instant just before the due instant is working time (the due instant may be a closing time).
        const lastCounted = iso(Date.parse(due) - 1);
        const dueDay = localDateOf(policy, lastCounted);
        expect(holidayDates(policy).has(dueDay)).toBe(false);
        const weekday = new Date(`${dueDay}T12:00:00Z`).getUTCDay();
        expect(weekday === 0 || weekday === 6).toBe(false);
        if (targetHours(plan, urgent) !== null) expect(isBusinessInstant(policy, lastCounted)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('the explanation adds up: counted intervals sum to the target and end at the due instant', () => {
    fc.assert(
      fc.property(ticket, ({ policy, createdMs, plan, urgent }) => {
        const explanation = explainFirstResponseDue(policy, { createdAt: iso(createdMs), plan, urgent });
        expect(explanation.dueAt).toBe(firstResponseDue(policy, { createdAt: iso(createdMs), plan, urgent }));
        if (explanation.target.kind !== 'business-hours') return;
        const total = explanation.counted.reduce((sum, c) => sum + c.ms, 0);
        expect(total).toBe(explanation.target.hours * 3_600_000);
        expect(explanation.counted.at(-1)?.to).toBe(explanation.dueAt);
        expect(explanation.counted[0]?.from).toBe(explanation.clockStart);
      }),
      { numRuns: 500 },
    );
  });

  it('is monotonic: a later ticket is never due earlier', () => {
    fc.assert(
      fc.property(ticket, fc.integer({ min: 0, max: 5 * 86_400_000 }), ({ policy, createdMs, plan, urgent }, delta) => {
        const a = firstResponseDue(policy, { createdAt: iso(createdMs), plan, urgent });
        const b = firstResponseDue(policy, { createdAt: iso(createdMs + delta), plan, urgent });
        expect(Date.parse(b)).toBeGreaterThanOrEqual(Date.parse(a));
      }),
      { numRuns: 1000 },
    );
  });

  it('does not depend on the offset the creation instant was written with', () => {
    fc.assert(
      fc.property(ticket, fc.integer({ min: -12 * 60, max: 14 * 60 }), ({ policy, createdMs, plan, urgent }, offsetMinutes) => {
        const local = new Date(createdMs + offsetMinutes * 60_000).toISOString().slice(0, 23);
        const sign = offsetMinutes < 0 ? '-' : '+';
        const abs = Math.abs(offsetMinutes);
        const written = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        expect(firstResponseDue(policy, { createdAt: written, plan, urgent })).toBe(firstResponseDue(policy, { createdAt: iso(createdMs), plan, urgent }));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a pinned sample, identical under every process time zone', () => {
  it('computes the same due instants as recorded', () => {
    const policy = presets.planSla();
    const sample = ['2026-03-06T21:30:00Z', '2026-11-01T06:30:00Z', '2026-12-31T23:59:59.999Z', '2027-03-14T07:00:00Z'].map((createdAt) =>
      (['silver', 'gold', 'platinum'] as const).map((plan) => firstResponseDue(policy, { createdAt, plan })),
    );
    expect(sample).toEqual([
      ['2026-03-09T21:00:00.000Z', '2026-03-09T16:30:00.000Z', '2026-03-09T13:30:00.000Z'],
      ['2026-11-02T22:00:00.000Z', '2026-11-02T18:00:00.000Z', '2026-11-02T15:00:00.000Z'],
      ['2027-01-04T22:00:00.000Z', '2027-01-04T18:00:00.000Z', '2027-01-04T15:00:00.000Z'],
      ['2027-03-15T21:00:00.000Z', '2027-03-15T17:00:00.000Z', '2027-03-15T14:00:00.000Z'],
    ]);
  });
});
