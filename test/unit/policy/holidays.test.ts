import { describe, expect, it } from 'vitest';
import { firstResponseDue, holidaysBetween, presets } from '@shared/policy';

const policy = presets.planSla();

const EXPECTED_2026_2028 = [
  ['2026-01-01', "New Year's Day"], ['2026-05-25', 'Memorial Day'], ['2026-07-04', 'Independence Day'],
  ['2026-09-07', 'Labor Day'], ['2026-11-26', 'Thanksgiving'], ['2026-11-27', 'Day after Thanksgiving'],
  ['2026-12-24', 'Christmas Eve'], ['2026-12-25', 'Christmas Day'], ['2026-12-31', "New Year's Eve"],
  ['2027-01-01', "New Year's Day"], ['2027-05-31', 'Memorial Day'], ['2027-07-04', 'Independence Day'],
  ['2027-09-06', 'Labor Day'], ['2027-11-25', 'Thanksgiving'], ['2027-11-26', 'Day after Thanksgiving'],
  ['2027-12-24', 'Christmas Eve'], ['2027-12-25', 'Christmas Day'], ['2027-12-31', "New Year's Eve"],
  ['2028-01-01', "New Year's Day"], ['2028-05-29', 'Memorial Day'], ['2028-07-04', 'Independence Day'],
  ['2028-09-04', 'Labor Day'], ['2028-11-23', 'Thanksgiving'], ['2028-11-24', 'Day after Thanksgiving'],
  ['2028-12-24', 'Christmas Eve'], ['2028-12-25', 'Christmas Day'], ['2028-12-31', "New Year's Eve"],
] as const;

/** For each holiday: a Platinum ticket filed at 10:00 local that day is due 10:00 (opening + 1 h) on this business day. */
const NEXT_BUSINESS_DAY: Record<string, string> = {
  '2026-01-01': '2026-01-02', '2026-05-25': '2026-05-26', '2026-07-04': '2026-07-06', '2026-09-07': '2026-09-08',
  '2026-11-26': '2026-11-30', '2026-11-27': '2026-11-30', '2026-12-24': '2026-12-28', '2026-12-25': '2026-12-28',
  '2026-12-31': '2027-01-04', '2027-01-01': '2027-01-04', '2027-05-31': '2027-06-01', '2027-07-04': '2027-07-05',
  '2027-09-06': '2027-09-07', '2027-11-25': '2027-11-29', '2027-11-26': '2027-11-29', '2027-12-24': '2027-12-27',
  '2027-12-25': '2027-12-27', '2027-12-31': '2028-01-03', '2028-01-01': '2028-01-03', '2028-05-29': '2028-05-30',
  '2028-07-04': '2028-07-05', '2028-09-04': '2028-09-05', '2028-11-23': '2028-11-27', '2028-11-24': '2028-11-27',
  '2028-12-24': '2028-12-26', '2028-12-25': '2028-12-26', '2028-12-31': '2029-01-02',
};

function newYorkOffset(date: string): string {
  // US DST 2026-2029: second Sunday of March to first Sunday of November.
  const dst: Record<string, [string, string]> = {
    '2026': ['2026-03-08', '2026-11-01'], '2027': ['2027-03-14', '2027-11-07'],
    '2028': ['2028-03-12', '2028-11-05'], '2029': ['2029-03-11', '2029-11-04'],
  };
  const [start, end] = dst[date.slice(0, 4)] ?? ['', ''];
  return date >= start && date < end ? '-04:00' : '-05:00';
}

describe('the US holiday list', () => {
  it('has every holiday of 2026-2028 on the right date, weekends included and not moved', () => {
    const got = holidaysBetween(policy, 2026, 2028).map(({ date, names }) => [date, names.join(' + ')]);
    expect(got).toEqual(EXPECTED_2026_2028.map(([date, name]) => [date, name]));
  });

  it.each(EXPECTED_2026_2028.map(([date, name]) => [date, name]))('no business time elapses on %s (%s)', (date) => {
    const createdAt = `${date}T10:00:00${newYorkOffset(date)}`;
    const next = NEXT_BUSINESS_DAY[date] as string;
    const due = new Date(`${next}T10:00:00${newYorkOffset(next)}`).toISOString();
    expect(firstResponseDue(policy, { createdAt, plan: 'platinum' })).toBe(due);
  });

  it('moves weekend holidays to the nearest weekday with the observed-day setting, across the year boundary', () => {
    const shifted = presets.planSla({ observedShift: true });
    const dates = holidaysBetween(shifted, 2027, 2028).map(({ date, names }) => `${date} ${names.join(' + ')}`);
    expect(dates).toContain("2027-12-31 New Year's Eve + New Year's Day (observed)");
    expect(dates).toContain('2027-07-05 Independence Day (observed)');
    expect(dates).toContain('2027-12-24 Christmas Eve + Christmas Day (observed)');
    expect(dates).toContain('2028-12-25 Christmas Day + Christmas Eve (observed)');
    expect(dates).toContain('2028-01-01 New Year\'s Day');
  });
});
