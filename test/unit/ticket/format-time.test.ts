import { describe, expect, it } from 'vitest';
import { formatCents, formatCountdown, formatDuration, formatInZone } from '../../../src-renderer/ticket/format-time';

describe('ticket view formatting', () => {
  it('writes one instant in two zones, across a DST change', () => {
    expect(formatInZone('2026-11-25T22:00:00.000Z', 'America/New_York')).toBe('Wed, Nov 25, 2026, 17:00 EST');
    expect(formatInZone('2026-11-25T22:00:00.000Z', 'Europe/Berlin')).toBe('Wed, Nov 25, 2026, 23:00 GMT+1');
    expect(formatInZone('2026-07-06T15:00:00.000Z', 'America/New_York')).toBe('Mon, Jul 6, 2026, 11:00 EDT');
  });

  it('falls back to UTC and says so for an unknown zone, and leaves an unreadable instant as it is', () => {
    expect(formatInZone('2026-11-25T22:00:00.000Z', 'Mars/Olympus')).toBe('Wed, Nov 25, 2026, 22:00 UTC (zone Mars/Olympus unknown)');
    expect(formatInZone('not an instant', 'UTC')).toBe('not an instant');
  });

  it('durations and countdowns', () => {
    expect(formatDuration(30_000)).toBe('30 s');
    expect(formatDuration(45 * 60_000)).toBe('45 min');
    expect(formatDuration(4 * 3_600_000)).toBe('4 h 00 min');
    expect(formatDuration(-(2 * 86_400_000 + 3 * 3_600_000 + 5 * 60_000))).toBe('2 d 3 h 05 min');
    expect(formatCountdown(3 * 3_600_000 + 7 * 60_000 + 9_000)).toBe('3:07:09');
    expect(formatCountdown(86_400_000 + 59_999)).toBe('1 d 0:00:59');
  });

  it('integer cents as dollars', () => {
    expect(formatCents(14_900)).toBe('$149.00');
    expect(formatCents(21)).toBe('$0.21');
  });
});
