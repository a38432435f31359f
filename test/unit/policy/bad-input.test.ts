import { describe, expect, it } from 'vitest';
import { firstResponseDue, PolicyInputError, presets, type SupportPolicy } from '@shared/policy';

function thrown(fn: () => unknown): PolicyInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PolicyInputError) return error;
    throw error;
  }
  throw new Error('expected a PolicyInputError');
}

describe('bad input names the field and the value', () => {
  it('rejects an unknown zone', () => {
    const error = thrown(() => presets.planSla({ timeZone: 'Mars/Olympus_Mons' }));
    expect(error.field).toBe('policy.calendar.timeZone');
    expect(error.message).toContain('"Mars/Olympus_Mons"');
  });

  it('rejects 25:00', () => {
    const error = thrown(() => presets.planSla({ hours: { start: '09:00', end: '25:00' } }));
    expect(error.field).toBe('policy.calendar.week.1[0].end');
    expect(error.message).toContain('"25:00"');
  });

  it('rejects an end before a start', () => {
    const error = thrown(() => presets.planSla({ hours: { start: '17:00', end: '09:00' } }));
    expect(error.field).toBe('policy.calendar.week.1[0].end');
    expect(error.message).toMatch(/after the start 17:00.*"09:00"/);
  });

  it('rejects overlapping intervals', () => {
    const base = presets.planSla();
    const policy: SupportPolicy = {
      ...base,
      calendar: { ...base.calendar, week: { ...base.calendar.week, '3': [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '17:00' }] } },
    };
    expect(thrown(() => firstResponseDue(policy, { createdAt: '2026-11-23T10:00:00Z', plan: 'gold' })).field).toBe('policy.calendar.week.3[1].start');
  });

  it('rejects a calendar with no working time at all', () => {
    const base = presets.planSla();
    const empty: SupportPolicy = { ...base, calendar: { ...base.calendar, week: { '1': [], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [] } } };
    const error = thrown(() => firstResponseDue(empty, { createdAt: '2026-11-23T10:00:00Z', plan: 'gold' }));
    expect(error.field).toBe('policy.calendar.week');
    expect(error.message).toMatch(/no working time/);
  });

  it('does not loop forever when holidays swallow every working day', () => {
    const base = presets.planSla();
    const mondaysOnly: SupportPolicy = {
      ...base,
      calendar: {
        ...base.calendar,
        week: { '1': [{ start: '09:00', end: '17:00' }], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [] },
        holidays: [
          { kind: 'nth-weekday', name: 'M1', month: 1, weekday: 1, n: 1 },
          ...Array.from({ length: 12 }, (_, m) => [1, 2, 3, 4].map((n) => ({ kind: 'nth-weekday' as const, name: `M${m}-${n}`, month: m + 1, weekday: 1 as const, n }))).flat(),
          ...Array.from({ length: 12 }, (_, m) => ({ kind: 'last-weekday' as const, name: `L${m}`, month: m + 1, weekday: 1 as const })),
        ],
      },
    };
    const error = thrown(() => firstResponseDue(mondaysOnly, { createdAt: '2026-11-23T10:00:00Z', plan: 'gold' }));
    expect(error.message).toMatch(/no working time in 10 consecutive years/);
  });

  it.each([
    ['not an instant', 'soon'],
    ['a date without a time', '2026-11-24'],
    ['a local time without an offset', '2026-11-24T10:00:00'],
    ['a day that does not exist', '2026-02-30T10:00:00Z'],
    ['an hour out of range', '2026-11-24T24:30:00Z'],
    ['a number', 1_764_000_000_000],
  ])('rejects createdAt: %s', (_label, createdAt) => {
    const error = thrown(() => firstResponseDue(presets.planSla(), { createdAt: createdAt as string, plan: 'gold' }));
    expect(error.field).toBe('createdAt');
    expect(error.message).toContain(JSON.stringify(createdAt));
  });

  it('rejects an unknown plan and a non-boolean urgent flag', () => {
    const policy = presets.planSla();
    expect(thrown(() => firstResponseDue(policy, { createdAt: '2026-11-24T10:00:00Z', plan: 'bronze' as 'gold' })).field).toBe('plan');
    expect(thrown(() => firstResponseDue(policy, { createdAt: '2026-11-24T10:00:00Z', plan: 'gold', urgent: 'yes' as unknown as boolean })).field).toBe('urgent');
  });

  it('rejects a policy that is not a policy', () => {
    const error = thrown(() => firstResponseDue({ id: 'x' } as unknown as SupportPolicy, { createdAt: '2026-11-24T10:00:00Z', plan: 'gold' }));
    expect(error.field).toMatch(/^policy\./);
  });

  it('accepts instants with offsets written in every ISO form', () => {
    const policy = presets.planSla();
    const due = '2026-11-24T18:00:00.000Z';
    for (const createdAt of ['2026-11-24T09:00:00-05:00', '2026-11-24T14:00:00Z', '2026-11-24T14:00Z', '2026-11-24T09:00:00.000000-0500', '2026-11-24t14:00:00z']) {
      expect(firstResponseDue(policy, { createdAt, plan: 'gold' })).toBe(due);
    }
  });
});
