import { describe, expect, it } from 'vitest';
import { explainFirstResponseDue, presets } from '@shared/policy';

const policy = presets.planSla();

describe('explanation of a due instant', () => {
  it('tells the clock start, the intervals counted and the weekend skipped across DST', () => {
    const e = explainFirstResponseDue(policy, { createdAt: '2026-03-06T16:30:00-05:00', plan: 'platinum', urgent: true });
    expect(e).toMatchObject({
      timeZone: 'America/New_York',
      planName: 'Platinum',
      targetLabel: '1 business hour',
      urgentRequested: true,
      urgentApplies: false,
      clockStart: '2026-03-06T21:30:00.000Z',
      dueAt: '2026-03-09T13:30:00.000Z',
    });
    expect(e.counted).toEqual([
      { date: '2026-03-06', from: '2026-03-06T21:30:00.000Z', to: '2026-03-06T22:00:00.000Z', fromLocal: '16:30', toLocal: '17:00', ms: 1_800_000 },
      { date: '2026-03-09', from: '2026-03-09T13:00:00.000Z', to: '2026-03-09T13:30:00.000Z', fromLocal: '09:00', toLocal: '09:30', ms: 1_800_000 },
    ]);
    expect(e.skipped).toEqual([
      { date: '2026-03-07', reason: 'weekend', holidays: [] },
      { date: '2026-03-08', reason: 'weekend', holidays: [] },
    ]);
    expect(e.lines).toEqual([
      'Created Fri 2026-03-06 16:30 EST (America/New_York); target: 1 business hour (Platinum).',
      'The urgent flag does not apply: the Platinum plan does not offer the urgent option.',
      'The clock started at creation, inside working hours.',
      'Counted 30 min on Fri 2026-03-06 (16:30-17:00).',
      'Counted 30 min on Mon 2026-03-09 (09:00-09:30).',
      'Skipped Sat 2026-03-07: weekend.',
      'Skipped Sun 2026-03-08: weekend.',
      'Due Mon 2026-03-09 09:30 EDT = 2026-03-09T13:30:00.000Z.',
    ]);
  });

  it('names the holidays skipped and the next opening when created outside hours', () => {
    const e = explainFirstResponseDue(policy, { createdAt: '2026-11-25T18:00:00-05:00', plan: 'gold' });
    expect(e.clockStart).toBe('2026-11-30T14:00:00.000Z');
    expect(e.skipped.map((s) => `${s.date} ${s.reason} ${s.holidays.join(',')}`)).toEqual([
      '2026-11-26 holiday Thanksgiving',
      '2026-11-27 holiday Day after Thanksgiving',
      '2026-11-28 weekend ',
      '2026-11-29 weekend ',
    ]);
    expect(e.lines).toContain('The clock started at the next opening, Mon 2026-11-30 09:00.');
    expect(e.lines).toContain('Skipped Thu 2026-11-26: Thanksgiving.');
  });

  it('explains a next-business-day target without counted intervals', () => {
    const e = explainFirstResponseDue(policy, { createdAt: '2026-12-23T12:00:00-05:00', plan: 'silver' });
    expect(e).toMatchObject({ clockStart: null, counted: [], targetLabel: 'end of the next business day (closing time)', dueAt: '2026-12-28T22:00:00.000Z' });
    expect(e.skipped.map((s) => s.date)).toEqual(['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-27']);
  });
});
