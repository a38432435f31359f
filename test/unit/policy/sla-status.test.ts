import { describe, expect, it } from 'vitest';
import { presets, slaStatus } from '@shared/policy';

const policy = presets.planSla();
const dueAt = '2026-11-24T16:00:00.000Z'; // Tuesday 11:00 New York

describe('SLA state', () => {
  it('is met when the first staff reply comes at the due instant exactly', () => {
    expect(slaStatus(policy, { dueAt, firstStaffReplyAt: dueAt, now: '2026-11-30T00:00:00Z' })).toEqual({
      state: 'met',
      dueAt,
      repliedAt: dueAt,
      marginMs: 0,
    });
  });

  it('is breached when the reply comes a millisecond late, whatever now is', () => {
    const status = slaStatus(policy, { dueAt, firstStaffReplyAt: '2026-11-24T16:00:00.001Z', now: '2026-11-24T15:00:00Z' });
    expect(status).toMatchObject({ state: 'breached', lateMs: 1, repliedAt: '2026-11-24T16:00:00.001Z' });
  });

  it('is breached and accruing once now is past due without a reply', () => {
    expect(slaStatus(policy, { dueAt, firstStaffReplyAt: null, now: '2026-11-24T16:30:00Z' })).toEqual({
      state: 'breached',
      dueAt,
      repliedAt: null,
      lateMs: 30 * 60_000,
    });
  });

  it('is still running at the due instant itself', () => {
    expect(slaStatus(policy, { dueAt, now: dueAt })).toMatchObject({ state: 'running', remainingMs: 0, crossedThresholdsMinutes: [30, 10] });
  });

  it('reports wall-clock and business time remaining across a night', () => {
    // Monday 16:00 New York: 1 h left on Monday, 2 h on Tuesday; 19 h of wall-clock time.
    const status = slaStatus(policy, { dueAt, now: '2026-11-23T21:00:00Z' });
    expect(status).toEqual({
      state: 'running',
      dueAt,
      remainingMs: 19 * 3_600_000,
      remainingBusinessMs: 3 * 3_600_000,
      crossedThresholdsMinutes: [],
    });
  });

  it.each([
    ['30 min 1 ms before', 30 * 60_000 + 1, []],
    ['exactly 30 min before (not below the threshold)', 30 * 60_000, []],
    ['29 min 59.999 s before', 30 * 60_000 - 1, [30]],
    ['10 min before', 10 * 60_000, [30]],
    ['9 min before', 9 * 60_000, [30, 10]],
  ])('approach thresholds %s', (_label, beforeMs, crossed) => {
    const now = new Date(Date.parse(dueAt) - beforeMs).toISOString();
    expect(slaStatus(policy, { dueAt, now })).toMatchObject({ state: 'running', crossedThresholdsMinutes: crossed });
  });

  it('uses the policy thresholds', () => {
    const custom = presets.planSla({ approachThresholdsMinutes: [60, 15, 5] });
    const now = new Date(Date.parse(dueAt) - 14 * 60_000).toISOString();
    expect(slaStatus(custom, { dueAt, now })).toMatchObject({ crossedThresholdsMinutes: [60, 15] });
  });

  it.each([
    ['met', '2026-11-24T10:30:00-05:00', '2026-11-30T00:00:00Z', { state: 'met', repliedAt: '2026-11-24T15:30:00.000Z' }],
    ['breached by a reply', '2026-11-24T19:30:00+02:00', '2026-11-30T00:00:00Z', { state: 'breached', repliedAt: '2026-11-24T17:30:00.000Z' }],
    ['breached without a reply', null, '2026-11-25T02:00:00+09:00', { state: 'breached', repliedAt: null }],
    ['running', null, '2026-11-24T09:00-0500', { state: 'running' }],
  ])('answers UTC instants with milliseconds, whatever offsets the input was written with (%s)', (_state, reply, now, expected) => {
    const status = slaStatus(policy, { dueAt: '2026-11-24T11:00:00-05:00', firstStaffReplyAt: reply, now });
    expect(status).toMatchObject({ ...expected, dueAt });
  });

  it('names the field of a bad instant', () => {
    expect(() => slaStatus(policy, { dueAt, now: 'yesterday' })).toThrow(/^now: /);
    expect(() => slaStatus(policy, { dueAt: '2026-11-24', now: dueAt })).toThrow(/^dueAt: /);
  });
});
