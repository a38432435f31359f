import { describe, expect, it } from 'vitest';
import { loginDetailsExpired, loginDetailsExpiresAt, presets } from '@shared/policy';

const policy = presets.planSla();

describe('customer login details are kept at most 30 days', () => {
  it('expires 30 x 24 hours after submission, also across a DST change', () => {
    expect(loginDetailsExpiresAt(policy, '2026-10-20T10:00:00-04:00')).toBe('2026-11-19T14:00:00.000Z');
  });

  it('is expired from the expiry instant on, not a millisecond before', () => {
    expect(loginDetailsExpired(policy, '2026-10-20T14:00:00Z', '2026-11-19T13:59:59.999Z')).toBe(false);
    expect(loginDetailsExpired(policy, '2026-10-20T14:00:00Z', '2026-11-19T14:00:00.000Z')).toBe(true);
  });

  it('honours a shorter workspace limit and refuses a longer one', () => {
    const shorter = { ...policy, loginDetails: { retentionDays: 7 } };
    expect(loginDetailsExpiresAt(shorter, '2026-11-01T00:00:00Z')).toBe('2026-11-08T00:00:00.000Z');
    const longer = { ...policy, loginDetails: { retentionDays: 31 } };
    expect(() => loginDetailsExpiresAt(longer, '2026-11-01T00:00:00Z')).toThrow(/^policy\.loginDetails\.retentionDays: /);
  });

  it('names a bad submission instant', () => {
    expect(() => loginDetailsExpiresAt(policy, 'last week')).toThrow(/^submittedAt: /);
  });
});
