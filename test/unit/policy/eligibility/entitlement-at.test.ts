import { describe, expect, it } from 'vitest';
import { entitlementAt, type EntitlementWindow } from '@shared/policy/eligibility';
import { thrownField } from './policy-fixture';

const windows: EntitlementWindow[] = [
  { start: '2026-01-15T14:30:00.000Z', end: '2026-04-15T13:30:00.000Z' },
  { start: '2026-05-01T16:00:00.000Z', end: '2026-08-01T16:00:00.000Z' },
];

describe('entitlementAt', () => {
  it.each([
    ['exactly at the start', '2026-01-15T14:30:00.000Z', 0],
    ['inside', '2026-03-01T00:00:00Z', 0],
    ['one millisecond before the end', '2026-04-15T13:29:59.999Z', 0],
    ['in the second window', '2026-05-01T12:00:00-04:00', 1],
  ])('is entitled %s', (_name, createdAt, index) => {
    expect(entitlementAt(windows, createdAt)).toEqual({ entitled: true, window: windows[index] });
  });

  it('is not entitled exactly at the end (windows are half-open) and says when support ended', () => {
    const status = entitlementAt(windows, '2026-04-15T13:30:00.000Z');
    expect(status).toMatchObject({ entitled: false, endedAt: '2026-04-15T13:30:00.000Z', startsAt: '2026-05-01T16:00:00.000Z' });
  });

  it('reports the latest ended window after every window', () => {
    const status = entitlementAt(windows, '2026-09-01T00:00:00Z', { renewalUrl: 'https://vendor.example/renew' });
    expect(status).toMatchObject({ entitled: false, endedAt: '2026-08-01T16:00:00.000Z', startsAt: null });
    if (status.entitled) throw new Error('unexpected');
    expect(status.renewalHint).toContain('ended at 2026-08-01T16:00:00.000Z');
    expect(status.renewalHint).toContain('https://vendor.example/renew');
  });

  it('reports the next window when created before the first one', () => {
    const status = entitlementAt(windows, '2026-01-01T00:00:00Z');
    expect(status).toMatchObject({ entitled: false, endedAt: null, startsAt: '2026-01-15T14:30:00.000Z' });
    if (status.entitled) throw new Error('unexpected');
    expect(status.renewalHint).toContain('starts at 2026-01-15T14:30:00.000Z');
  });

  it('has a hint when there is no subscription at all', () => {
    const status = entitlementAt([], '2026-01-01T00:00:00Z');
    expect(status).toMatchObject({ entitled: false, endedAt: null, startsAt: null });
    if (status.entitled) throw new Error('unexpected');
    expect(status.renewalHint).toMatch(/No Support and Upgrades Subscription/);
  });

  it('does not assume the windows are sorted', () => {
    const status = entitlementAt([...windows].reverse(), '2026-04-20T00:00:00Z');
    expect(status).toMatchObject({ entitled: false, endedAt: '2026-04-15T13:30:00.000Z', startsAt: '2026-05-01T16:00:00.000Z' });
  });

  it('names the bad field', () => {
    expect(thrownField(() => entitlementAt(windows, 'yesterday'))).toBe('createdAt');
    expect(thrownField(() => entitlementAt([{ start: 'x', end: '2026-01-01T00:00:00Z' }], '2026-01-01T00:00:00Z'))).toBe('windows[0].start');
    const reversed = [{ start: '2026-02-01T00:00:00Z', end: '2026-01-01T00:00:00Z' }];
    expect(thrownField(() => entitlementAt(reversed, '2026-01-01T00:00:00Z', { field: 'facts.entitlementWindows' }))).toBe(
      'facts.entitlementWindows[0].end',
    );
  });
});
