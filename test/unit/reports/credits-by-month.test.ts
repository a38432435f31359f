import { describe, expect, it } from 'vitest';
import { creditsOwedByMonth } from '../../../src-renderer/reports/credits-by-month';

describe('creditsOwedByMonth', () => {
  it('sums credits by the month of the cycle they apply in, in the subscription zone', () => {
    const subscriptions = new Map([
      ['sub-ny', { timeZone: 'America/New_York' }],
      ['sub-utc', { timeZone: 'UTC' }],
    ]);
    const credits = [
      // 2026-12-01 00:00 in New York is 05:00 UTC: December.
      { subscriptionId: 'sub-ny', cents: 1250, appliesAt: '2026-12-01T05:00:00.000Z' },
      { subscriptionId: 'sub-ny', cents: 50, appliesAt: '2026-12-01T05:00:00.000Z' },
      // 2026-12-01 02:00 UTC is still November 30th in New York.
      { subscriptionId: 'sub-ny', cents: 700, appliesAt: '2026-12-01T02:00:00.000Z' },
      { subscriptionId: 'sub-utc', cents: 1, appliesAt: '2027-01-15T00:00:00.000Z' },
      // Subscription not cached: UTC.
      { subscriptionId: 'gone', cents: 9, appliesAt: '2026-12-01T02:00:00.000Z' },
    ];
    expect(creditsOwedByMonth(credits, subscriptions)).toEqual([
      { month: '2026-11', cents: 700, count: 1 },
      { month: '2026-12', cents: 1309, count: 3 },
      { month: '2027-01', cents: 1, count: 1 },
    ]);
  });

  it('gives no months for an empty ledger', () => {
    expect(creditsOwedByMonth([], new Map())).toEqual([]);
  });
});
