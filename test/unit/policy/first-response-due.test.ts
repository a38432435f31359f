import { describe, expect, it } from 'vitest';
import { firstResponseDue, presets, type PlanId, type SupportPolicy } from '@shared/policy';

const ny = presets.planSla();

type Row = [label: string, createdAt: string, plan: PlanId, urgent: boolean | undefined, due: string];

function check(policy: SupportPolicy, rows: Row[]): void {
  it.each(rows)('%s', (_label, createdAt, plan, urgent, due) => {
    expect(firstResponseDue(policy, { createdAt, plan, urgent })).toBe(due);
  });
}

describe('Silver: end of the first business day after the creation date', () => {
  check(ny, [
    ['Tuesday evening -> Wednesday 17:00', '2026-11-24T18:30:00-05:00', 'silver', false, '2026-11-25T22:00:00.000Z'],
    ['Friday morning -> Monday 17:00', '2026-11-20T10:00:00-05:00', 'silver', false, '2026-11-23T22:00:00.000Z'],
    ['Saturday -> Monday 17:00', '2026-11-21T12:00:00-05:00', 'silver', undefined, '2026-11-23T22:00:00.000Z'],
    ['Wednesday before Thanksgiving -> Monday', '2026-11-25T10:00:00-05:00', 'silver', false, '2026-11-30T22:00:00.000Z'],
    ['creation date is the zone date, not the UTC date', '2026-11-25T03:00:00Z', 'silver', false, '2026-11-25T22:00:00.000Z'],
    ['creation date is not the offset the timestamp was written with', '2026-11-25T09:00:00+09:00', 'silver', false, '2026-11-25T22:00:00.000Z'],
    ["New Year's Eve 2026 -> Monday 4 January 2027", '2026-12-31T10:00:00-05:00', 'silver', false, '2027-01-04T22:00:00.000Z'],
    ['day before Christmas Eve 2027 -> Monday 27 December', '2027-12-23T10:00:00-05:00', 'silver', false, '2027-12-27T22:00:00.000Z'],
    ['July 4th 2026 on a Saturday is not moved', '2026-07-03T10:00:00-04:00', 'silver', false, '2026-07-06T21:00:00.000Z'],
    ['created at 23:59:59.999 local still counts that date', '2026-11-23T23:59:59.999-05:00', 'silver', false, '2026-11-24T22:00:00.000Z'],
    ['created at local midnight starts the new date', '2026-11-24T00:00:00-05:00', 'silver', false, '2026-11-25T22:00:00.000Z'],
  ]);
});

describe('Silver with "end of day" read as local midnight', () => {
  check(presets.planSla({ endOfDay: 'midnight' }), [
    ['Tuesday evening -> midnight ending Wednesday', '2026-11-24T18:30:00-05:00', 'silver', false, '2026-11-26T05:00:00.000Z'],
    ['Friday -> midnight ending Monday', '2026-11-20T10:00:00-05:00', 'silver', false, '2026-11-24T05:00:00.000Z'],
    ['end-of-day midnight on the DST change night', '2026-10-30T10:00:00-04:00', 'silver', false, '2026-11-03T05:00:00.000Z'],
  ]);
});

describe('business-hour targets', () => {
  check(ny, [
    ['Gold: 2 h Monday + 2 h Tuesday', '2026-11-23T15:00:00-05:00', 'gold', false, '2026-11-24T16:00:00.000Z'],
    ['Gold: ends exactly at closing time -> due at closing, not next opening', '2026-11-23T13:00:00-05:00', 'gold', false, '2026-11-23T22:00:00.000Z'],
    ['Gold: created exactly at closing -> clock starts next opening', '2026-11-23T17:00:00-05:00', 'gold', false, '2026-11-24T18:00:00.000Z'],
    ['Gold: created exactly at opening', '2026-11-23T09:00:00-05:00', 'gold', false, '2026-11-23T18:00:00.000Z'],
    ['Gold: created a millisecond before opening', '2026-11-23T08:59:59.999-05:00', 'gold', false, '2026-11-23T18:00:00.000Z'],
    ['Gold: milliseconds are kept', '2026-11-23T13:00:00.123-05:00', 'gold', false, '2026-11-24T14:00:00.123Z'],
    ['Gold urgent: across Thanksgiving and the day after', '2026-11-25T16:00:00-05:00', 'gold', true, '2026-11-30T15:00:00.000Z'],
    ['Silver urgent: 2 business hours', '2026-11-23T16:30:00-05:00', 'silver', true, '2026-11-24T15:30:00.000Z'],
    ['Platinum: across the spring DST weekend', '2026-03-06T16:30:00-05:00', 'platinum', false, '2026-03-09T13:30:00.000Z'],
    ['Platinum with the urgent flag: still 1 business hour', '2026-03-06T16:30:00-05:00', 'platinum', true, '2026-03-09T13:30:00.000Z'],
    ['Gold: across the autumn DST weekend', '2026-10-30T15:00:00-04:00', 'gold', false, '2026-11-02T16:00:00.000Z'],
    ['Gold: across the year end holidays', '2026-12-30T15:00:00-05:00', 'gold', false, '2027-01-04T16:00:00.000Z'],
    ['Platinum: Memorial Day 2027', '2027-05-28T16:30:00-04:00', 'platinum', false, '2027-06-01T13:30:00.000Z'],
    ['Gold: Labor Day 2028', '2028-09-01T14:00:00-04:00', 'gold', false, '2028-09-05T14:00:00.000Z'],
    ['Platinum: Independence Day 2028 on a Tuesday', '2028-07-03T16:30:00-04:00', 'platinum', false, '2028-07-05T13:30:00.000Z'],
    ['Gold: Thanksgiving 2028', '2028-11-22T15:00:00-05:00', 'gold', false, '2028-11-27T16:00:00.000Z'],
    ['Gold: created on a Sunday', '2026-11-22T11:00:00-05:00', 'gold', false, '2026-11-23T18:00:00.000Z'],
    ['Gold: created on a holiday', '2026-11-26T11:00:00-05:00', 'gold', false, '2026-11-30T18:00:00.000Z'],
  ]);
});

describe('observed-day shifting (setting)', () => {
  check(presets.planSla({ observedShift: true }), [
    ['July 4th 2026 (Saturday) observed Friday 3 July', '2026-07-02T15:00:00-04:00', 'gold', false, '2026-07-06T15:00:00.000Z'],
    ['Independence Day 2027 (Sunday) observed Monday 5 July', '2027-07-02T16:30:00-04:00', 'platinum', false, '2027-07-06T13:30:00.000Z'],
  ]);
  check(ny, [['without shifting, Friday 3 July 2026 is a working day', '2026-07-02T15:00:00-04:00', 'gold', false, '2026-07-03T15:00:00.000Z']]);
});

describe('non-default zones and hours', () => {
  check(presets.planSla({ timeZone: 'America/Chicago', hours: { start: '08:00', end: '18:00' } }), [
    ['Chicago 08-18: across spring DST', '2026-03-06T16:00:00-06:00', 'gold', false, '2026-03-09T15:00:00.000Z'],
    ['Chicago 08-18: Silver ends at 18:00 local', '2026-03-06T16:00:00-06:00', 'silver', false, '2026-03-09T23:00:00.000Z'],
  ]);
  check(presets.planSla({ timeZone: 'America/Los_Angeles' }), [
    ['Los Angeles: across spring DST 2027', '2027-03-12T16:00:00-08:00', 'gold', false, '2027-03-15T19:00:00.000Z'],
    ['Los Angeles: across autumn DST 2027', '2027-11-05T16:00:00-07:00', 'gold', false, '2027-11-08T20:00:00.000Z'],
  ]);
  check(presets.planSla({ timeZone: 'America/Phoenix' }), [
    ['Phoenix keeps no DST', '2026-03-06T16:00:00-07:00', 'gold', false, '2026-03-09T19:00:00.000Z'],
  ]);
  check(presets.planSla({ timeZone: 'Asia/Tokyo', hours: { start: '10:00', end: '19:00' } }), [
    ['Tokyo: US holiday rules still apply to local dates', '2026-11-25T18:00:00+09:00', 'gold', false, '2026-11-30T04:00:00.000Z'],
  ]);
});

describe('calendars with several intervals a day and odd hours', () => {
  const base = presets.planSla();
  const lunch = [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ];
  const lunchPolicy: SupportPolicy = {
    ...base,
    calendar: { ...base.calendar, week: { ...base.calendar.week, '1': lunch, '2': lunch, '3': lunch, '4': lunch, '5': lunch } },
  };
  check(lunchPolicy, [
    ['lunch break is skipped', '2026-11-23T11:00:00-05:00', 'gold', false, '2026-11-23T21:00:00.000Z'],
    ['created during lunch starts at 13:00', '2026-11-23T12:30:00-05:00', 'platinum', false, '2026-11-23T19:00:00.000Z'],
    ['ends exactly at the start of lunch -> 12:00', '2026-11-23T11:00:00-05:00', 'platinum', false, '2026-11-23T17:00:00.000Z'],
  ]);
  const nightShift: SupportPolicy = {
    ...base,
    calendar: { ...base.calendar, week: { '1': [], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [{ start: '00:00', end: '24:00' }] } },
  };
  check(nightShift, [
    // Sunday 2026-11-01 in New York has 25 hours: 00:00-24:00 counts 25 real hours.
    ['a 25-hour day counts 25 hours', '2026-11-01T00:00:00-04:00', 'gold', false, '2026-11-01T08:00:00.000Z'],
    ['Sunday 1 November 2026: 24 business hours end 23:00 local', '2026-11-01T00:00:00-04:00', 'platinum', true, '2026-11-01T05:00:00.000Z'],
  ]);
});
