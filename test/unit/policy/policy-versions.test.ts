import { describe, expect, it } from 'vitest';
import { describePolicyChanges, firstPolicyVersion, presets, versionInForce } from '@shared/policy';

describe('versionInForce', () => {
  const v1 = firstPolicyVersion(presets.planSla());
  const v2 = { ...v1, number: 2, effectiveFrom: '2026-11-30T05:00:00.000Z' };
  const v3 = { ...v1, number: 3, effectiveFrom: '2026-11-30T05:00:00.000Z' };

  it('is the newest version whose start has come', () => {
    expect(versionInForce([v1, v2], '2026-11-30T04:59:59.999Z')?.number).toBe(1);
    expect(versionInForce([v1, v2], '2026-11-30T05:00:00.000Z')?.number).toBe(2);
  });

  it('lets a later version starting at the same instant supersede a scheduled one', () => {
    expect(versionInForce([v1, v2, v3], '2026-12-01T00:00:00.000Z')?.number).toBe(3);
  });

  it('has version 1 in force from the start', () => {
    expect(versionInForce([v1], '1970-01-01T00:00:00.000Z')?.number).toBe(1);
  });
});

describe('describePolicyChanges', () => {
  it('names changed hours by weekday, prices, thresholds, holidays and other parts', () => {
    const before = presets.planSla();
    const after = {
      ...presets.planSla({ hours: { start: '08:00', end: '16:00' }, prices: { platinum: 49_900 }, approachThresholdsMinutes: [60] }),
      loginDetails: { retentionDays: 14 },
    };
    after.calendar = { ...after.calendar, holidays: after.calendar.holidays.filter((h) => h.name !== 'Christmas Eve') };
    expect(describePolicyChanges(before, after)).toEqual([
      'Monday: 09:00–17:00 → 08:00–16:00',
      'Tuesday: 09:00–17:00 → 08:00–16:00',
      'Wednesday: 09:00–17:00 → 08:00–16:00',
      'Thursday: 09:00–17:00 → 08:00–16:00',
      'Friday: 09:00–17:00 → 08:00–16:00',
      'Holiday removed: Christmas Eve',
      'Platinum price a month: $399.00 → $499.00',
      'Warnings (minutes before due): 30, 10 → 60',
      'Changed: loginDetails',
    ]);
  });

  it('says so when nothing changed', () => {
    expect(describePolicyChanges(presets.planSla(), presets.planSla())).toEqual(['No changes']);
  });
});
