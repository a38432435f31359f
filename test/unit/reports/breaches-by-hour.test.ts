import { describe, expect, it } from 'vitest';
import { breachCells, breachesByWeekdayHour, breachesPerWeekday } from '../../../src-renderer/reports/breaches-by-hour';
import { policies, ticket } from './report-fixtures';

const NOW = '2026-11-30T00:00:00Z';

describe('breachesByWeekdayHour', () => {
  it('counts each breach at the weekday and hour of its missed due instant in the zone', () => {
    const tickets = [
      // Tuesday 2026-11-03 14:xx UTC, twice (one unanswered, one answered late).
      ticket({ createdAt: '2026-11-02T10:00:00Z', dueAt: '2026-11-03T14:00:00Z' }),
      ticket({ createdAt: '2026-11-02T10:00:00Z', dueAt: '2026-11-03T14:59:00Z', firstStaffReplyAt: '2026-11-03T16:00:00Z' }),
      // Sunday 23:30 UTC is Monday 00:30 in Berlin.
      ticket({ createdAt: '2026-11-07T10:00:00Z', dueAt: '2026-11-08T23:30:00Z' }),
      // Met: not a breach.
      ticket({ createdAt: '2026-11-02T10:00:00Z', dueAt: '2026-11-03T14:00:00Z', firstStaffReplyAt: '2026-11-03T13:00:00Z' }),
    ];
    const utc = breachesByWeekdayHour(tickets, policies, NOW, 'UTC');
    expect(utc.total).toBe(3);
    expect(breachCells(utc)).toEqual([
      { weekday: 1, hour: 14, count: 2 },
      { weekday: 6, hour: 23, count: 1 },
    ]);
    const berlin = breachesByWeekdayHour(tickets, policies, NOW, 'Europe/Berlin');
    expect(breachCells(berlin)).toEqual([
      { weekday: 0, hour: 0, count: 1 },
      { weekday: 1, hour: 15, count: 2 },
    ]);
    expect(breachesPerWeekday(berlin)).toEqual([1, 2, 0, 0, 0, 0, 0]);
  });

  it('does not count a ticket still running at now', () => {
    const t = ticket({ createdAt: '2026-11-02T10:00:00Z', dueAt: '2026-12-03T14:00:00Z' });
    expect(breachesByWeekdayHour([t], policies, NOW, 'UTC').total).toBe(0);
  });
});
