import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstResponseDue, presets, type ResponseTarget, type SupportPolicy } from '@shared/policy';

/**
 * 3,000 random tickets whose due instants were computed by an independent implementation
 * (scripts/oracle/due_oracle.py: Python zoneinfo, day-by-day walking) across eight zones,
 * lunch breaks, intervals that DST transitions cut, observed-day shifting and both target kinds.
 */
interface OracleCase {
  timeZone: string;
  hours: Array<[string, string]>;
  observedShift: boolean;
  target: ResponseTarget;
  createdAt: string;
  dueAt: string;
}

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/due-oracle.json', import.meta.url), 'utf8')) as { cases: OracleCase[] };
const base = presets.planSla();
const policies = new Map<string, SupportPolicy>();

function policyFor(c: OracleCase): SupportPolicy {
  const key = JSON.stringify([c.timeZone, c.hours, c.observedShift, c.target]);
  let policy = policies.get(key);
  if (policy === undefined) {
    const day = c.hours.map(([start, end]) => ({ start, end }));
    policy = {
      ...base,
      calendar: { ...base.calendar, timeZone: c.timeZone, observedShift: c.observedShift, week: { '1': day, '2': day, '3': day, '4': day, '5': day, '6': [], '7': [] } },
      plans: [{ id: 'gold', name: 'Gold', monthlyPriceCents: 1000, normal: c.target, urgent: null }],
    };
    policies.set(key, policy);
  }
  return policy;
}

describe('due instants agree with the independent reference implementation', () => {
  it('has the fixture', () => {
    expect(fixture.cases.length).toBe(3000);
  });

  it('matches every one of the reference cases', () => {
    const mismatches = fixture.cases
      .map((c) => ({ c, got: firstResponseDue(policyFor(c), { createdAt: c.createdAt, plan: 'gold' }) }))
      .filter(({ c, got }) => got !== c.dueAt)
      .map(({ c, got }) => `${c.timeZone} ${JSON.stringify(c.target)} ${c.createdAt}: expected ${c.dueAt}, got ${got}`);
    expect(mismatches.slice(0, 10)).toEqual([]);
  });
});
