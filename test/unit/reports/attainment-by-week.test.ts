import { describe, expect, it } from 'vitest';
import { attainmentByWeek, weekOf } from '../../../src-renderer/reports/attainment-by-week';
import { policies, ticket } from './report-fixtures';

const NOW = '2026-11-20T12:00:00Z';

describe('attainmentByWeek', () => {
  it('counts met and breached tickets per plan per creation week, ignoring running and plan-less ones', () => {
    const tickets = [
      // Week of Monday 2026-11-02: gold 2 met, 1 breached (reply after due); silver 1 breached (no reply, past due).
      ticket({ createdAt: '2026-11-02T15:00:00Z', dueAt: '2026-11-03T15:00:00Z', firstStaffReplyAt: '2026-11-03T14:00:00Z' }),
      ticket({ createdAt: '2026-11-04T15:00:00Z', dueAt: '2026-11-05T15:00:00Z', firstStaffReplyAt: '2026-11-05T15:00:00Z' }),
      ticket({ createdAt: '2026-11-06T15:00:00Z', dueAt: '2026-11-07T15:00:00Z', firstStaffReplyAt: '2026-11-07T15:00:01Z' }),
      ticket({ plan: 'silver', createdAt: '2026-11-05T15:00:00Z', dueAt: '2026-11-06T15:00:00Z' }),
      // Week of 2026-11-16: platinum met; one running (due after NOW) and one without plan are left out.
      ticket({ plan: 'platinum', createdAt: '2026-11-17T15:00:00Z', dueAt: '2026-11-17T19:00:00Z', firstStaffReplyAt: '2026-11-17T16:00:00Z' }),
      ticket({ plan: 'platinum', createdAt: '2026-11-20T10:00:00Z', dueAt: '2026-11-20T14:00:00Z' }),
      ticket({ plan: null, createdAt: '2026-11-18T10:00:00Z', dueAt: '2026-11-18T14:00:00Z' }),
      // Unknown policy: nothing to judge by.
      ticket({ policyId: 'missing', createdAt: '2026-11-18T10:00:00Z', dueAt: '2026-11-18T14:00:00Z' }),
    ];
    const weeks = attainmentByWeek(tickets, policies, NOW, 'UTC');
    expect(weeks.map((w) => w.week)).toEqual(['2026-11-02', '2026-11-16']);
    expect(weeks[0]!.plans.gold).toEqual({ met: 2, breached: 1, percent: 66.7 });
    expect(weeks[0]!.plans.silver).toEqual({ met: 0, breached: 1, percent: 0 });
    expect(weeks[0]!.plans.platinum).toEqual({ met: 0, breached: 0, percent: null });
    expect(weeks[1]!.plans.platinum).toEqual({ met: 1, breached: 0, percent: 100 });
  });

  it('puts a ticket in the week of its creation in the report zone', () => {
    // Monday 00:30 in Berlin is still Sunday in UTC.
    expect(weekOf('2026-11-08T23:30:00Z', 'Europe/Berlin')).toBe('2026-11-09');
    expect(weekOf('2026-11-08T23:30:00Z', 'UTC')).toBe('2026-11-02');
  });

  it('uses the engine: an unanswered ticket past due at now is breached, before due it does not count', () => {
    const t = ticket({ createdAt: '2026-11-02T15:00:00Z', dueAt: '2026-11-20T12:00:00Z' });
    expect(attainmentByWeek([t], policies, '2026-11-20T12:00:00Z', 'UTC')).toEqual([]);
    expect(attainmentByWeek([t], policies, '2026-11-20T12:00:00.001Z', 'UTC')[0]!.plans.gold.breached).toBe(1);
  });
});
