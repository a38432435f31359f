import { describe, expect, it } from 'vitest';
import { entitlementWindows, type EntitlementEvent } from '@shared/policy/eligibility';
import { PolicyInputError } from '@shared/policy/policy-input-error';
import { thrownField } from './policy-fixture';

const NY = 'America/New_York';
const buy = (at: string, months?: number): EntitlementEvent => ({ kind: 'purchase', at, ...(months === undefined ? {} : { months }) });
const renew = (at: string, months?: number): EntitlementEvent => ({ kind: 'renewal', at, ...(months === undefined ? {} : { months }) });

describe('entitlementWindows', () => {
  it.each<{ name: string; events: EntitlementEvent[]; expected: Array<[string, string]>; zone?: string; months?: number }>([
    {
      name: 'a purchase alone gives 3 months, wall-clock kept across the DST change (09:30 EST -> 09:30 EDT)',
      events: [buy('2026-01-15T14:30:00Z')],
      expected: [['2026-01-15T14:30:00.000Z', '2026-04-15T13:30:00.000Z']],
    },
    {
      name: 'a renewal while the window is valid extends its end',
      events: [buy('2026-01-15T14:30:00Z'), renew('2026-04-01T12:00:00Z')],
      expected: [['2026-01-15T14:30:00.000Z', '2026-07-15T13:30:00.000Z']],
    },
    {
      name: 'a renewal after a lapse starts a new window at the renewal instant',
      events: [buy('2026-01-15T14:30:00Z'), renew('2026-05-01T16:00:00Z')],
      expected: [
        ['2026-01-15T14:30:00.000Z', '2026-04-15T13:30:00.000Z'],
        ['2026-05-01T16:00:00.000Z', '2026-08-01T16:00:00.000Z'],
      ],
    },
    {
      name: 'a renewal exactly at the end instant (already lapsed) continues without a gap',
      events: [buy('2026-01-15T14:30:00Z'), renew('2026-04-15T13:30:00Z')],
      expected: [['2026-01-15T14:30:00.000Z', '2026-07-15T13:30:00.000Z']],
    },
    {
      name: 'a renewal one millisecond before the end extends the window',
      events: [buy('2026-01-15T14:30:00Z'), renew('2026-04-15T13:29:59.999Z')],
      expected: [['2026-01-15T14:30:00.000Z', '2026-07-15T13:30:00.000Z']],
    },
    {
      name: 'overlapping purchases merge into one window ending at the later end',
      events: [buy('2026-01-15T14:30:00Z'), buy('2026-03-01T15:00:00Z')],
      expected: [['2026-01-15T14:30:00.000Z', '2026-06-01T14:00:00.000Z']],
    },
    {
      name: 'a purchase inside a longer window changes nothing',
      events: [buy('2026-01-15T14:30:00Z'), buy('2026-02-01T15:00:00Z', 1)],
      expected: [['2026-01-15T14:30:00.000Z', '2026-04-15T13:30:00.000Z']],
    },
    {
      name: 'separate purchases stay separate windows',
      events: [buy('2026-01-15T14:30:00Z'), buy('2026-09-01T14:00:00Z')],
      expected: [
        ['2026-01-15T14:30:00.000Z', '2026-04-15T13:30:00.000Z'],
        ['2026-09-01T14:00:00.000Z', '2026-12-01T15:00:00.000Z'],
      ],
    },
    {
      name: 'month-end clamping: 31 Jan + 1 month = 28 Feb',
      events: [buy('2026-01-31T15:00:00Z', 1)],
      expected: [['2026-01-31T15:00:00.000Z', '2026-02-28T15:00:00.000Z']],
    },
    {
      name: 'month-end clamping is from the original start day: 31 Jan + 1 + 1 month = 31 Mar, not 28 Mar',
      events: [buy('2026-01-31T15:00:00Z', 1), renew('2026-02-10T15:00:00Z', 1)],
      expected: [['2026-01-31T15:00:00.000Z', '2026-03-31T14:00:00.000Z']],
    },
    {
      name: 'leap year: 31 Jan 2028 + 1 month = 29 Feb',
      events: [buy('2028-01-31T15:00:00Z', 1)],
      expected: [['2028-01-31T15:00:00.000Z', '2028-02-29T15:00:00.000Z']],
    },
    {
      name: 'a renewal paid before the first window starts extends that window',
      events: [renew('2026-01-01T12:00:00Z'), buy('2026-01-15T14:30:00Z')],
      expected: [['2026-01-15T14:30:00.000Z', '2026-07-15T13:30:00.000Z']],
    },
    {
      name: 'a renewal with no purchase on record starts a window',
      events: [renew('2026-02-01T17:00:00Z')],
      expected: [['2026-02-01T17:00:00.000Z', '2026-05-01T16:00:00.000Z']],
    },
    {
      name: 'events out of order are replayed in time order',
      events: [renew('2026-04-01T12:00:00Z'), buy('2026-01-15T14:30:00Z')],
      expected: [['2026-01-15T14:30:00.000Z', '2026-07-15T13:30:00.000Z']],
    },
    {
      name: 'a renewal at the purchase instant extends it even when listed first',
      events: [renew('2026-01-15T14:30:00Z'), buy('2026-01-15T14:30:00Z')],
      expected: [['2026-01-15T14:30:00.000Z', '2026-07-15T13:30:00.000Z']],
    },
    {
      name: 'offsets other than Z are accepted and output is UTC with milliseconds',
      events: [buy('2026-01-15T09:30:00.250-05:00')],
      expected: [['2026-01-15T14:30:00.250Z', '2026-04-15T13:30:00.250Z']],
    },
    {
      name: 'monthsPerPurchase and per-event months',
      months: 12,
      events: [buy('2026-01-15T14:30:00Z'), renew('2026-06-01T12:00:00Z', 6)],
      expected: [['2026-01-15T14:30:00.000Z', '2027-07-15T13:30:00.000Z']],
    },
    {
      name: 'a local time that does not exist after adding months moves forward (DST gap)',
      events: [buy('2025-12-08T07:30:00Z')],
      expected: [['2025-12-08T07:30:00.000Z', '2026-03-08T07:30:00.000Z']],
    },
    {
      name: 'months are added in the calendar zone (Tokyo: 1 Feb 05:00 local -> 1 May)',
      zone: 'Asia/Tokyo',
      events: [buy('2026-01-31T20:00:00Z')],
      expected: [['2026-01-31T20:00:00.000Z', '2026-04-30T20:00:00.000Z']],
    },
    {
      name: 'the same instant in New York (31 Jan 15:00 local -> 30 Apr)',
      events: [buy('2026-01-31T20:00:00Z')],
      expected: [['2026-01-31T20:00:00.000Z', '2026-04-30T19:00:00.000Z']],
    },
    {
      name: 'a prepaid renewal extends the merged window of purchases at the same instant, in any order',
      events: [renew('2026-01-01T12:00:00Z'), buy('2026-01-15T14:30:00Z', 1), buy('2026-01-15T14:30:00Z')],
      expected: [['2026-01-15T14:30:00.000Z', '2026-07-15T13:30:00.000Z']],
    },
    { name: 'no events, no windows', events: [], expected: [] },
  ])('$name', ({ events, expected, zone, months }) => {
    const windows = entitlementWindows({ timeZone: zone ?? NY, monthsPerPurchase: months ?? 3, events });
    expect(windows).toEqual(expected.map(([start, end]) => ({ start, end })));
  });

  it.each<[string, () => unknown, string]>([
    ['bad instant', () => entitlementWindows({ timeZone: NY, monthsPerPurchase: 3, events: [buy('2026-01-15T14:30:00Z'), renew('2026-02-30T00:00:00Z')] }), 'events[1].at'],
    ['instant without offset', () => entitlementWindows({ timeZone: NY, monthsPerPurchase: 3, events: [buy('2026-01-15T14:30:00')] }), 'events[0].at'],
    ['unknown zone', () => entitlementWindows({ timeZone: 'Mars/Olympus', monthsPerPurchase: 3, events: [] }), 'timeZone'],
    ['zero months', () => entitlementWindows({ timeZone: NY, monthsPerPurchase: 3, events: [buy('2026-01-15T14:30:00Z', 0)] }), 'events[0].months'],
    ['fractional months per purchase', () => entitlementWindows({ timeZone: NY, monthsPerPurchase: 1.5, events: [] }), 'monthsPerPurchase'],
    ['unknown kind', () => entitlementWindows({ timeZone: NY, monthsPerPurchase: 3, events: [{ kind: 'refund', at: '2026-01-15T14:30:00Z' } as unknown as EntitlementEvent] }), 'events[0].kind'],
  ])('rejects %s with a PolicyInputError naming the field', (_name, call, field) => {
    expect(call).toThrow(PolicyInputError);
    expect(thrownField(call)).toBe(field);
  });
});
