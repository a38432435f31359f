import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presets, slaStatus } from '@shared/policy';
import { nextStateChange, slaStateAt } from '../../../src-renderer/queue/sla-state';

const policy = presets.planSla();
const approachMs = Math.max(...policy.approachThresholdsMinutes) * 60_000;
const base = Date.parse('2026-11-20T15:00:00.000Z');
const HOUR = 3_600_000;

/** The engine's verdict in the queue's words. */
function engineState(dueMs: number, repliedMs: number | null, nowMs: number): string {
  const status = slaStatus(policy, {
    dueAt: new Date(dueMs).toISOString(),
    firstStaffReplyAt: repliedMs === null ? null : new Date(repliedMs).toISOString(),
    now: new Date(nowMs).toISOString(),
  });
  return status.state === 'running' && status.crossedThresholdsMinutes.length > 0 ? 'approaching' : status.state;
}

describe('slaStateAt', () => {
  it('agrees with the policy engine’s slaStatus, boundaries included', () => {
    const offset = fc.oneof(fc.integer({ min: -72 * HOUR, max: 72 * HOUR }), fc.constantFrom(0, 1, -1, approachMs, approachMs - 1, approachMs + 1, -approachMs));
    fc.assert(
      fc.property(offset, fc.option(offset, { nil: null }), (nowOffset, replyOffset) => {
        const dueMs = base;
        const repliedMs = replyOffset === null ? null : base + replyOffset;
        const nowMs = base + nowOffset;
        expect(slaStateAt({ dueMs, repliedMs, policyApproachMs: approachMs }, nowMs)).toBe(engineState(dueMs, repliedMs, nowMs));
      }),
      { numRuns: 2_000 },
    );
  });

  it('uses the engineer’s threshold over the policy’s when given', () => {
    const row = { dueMs: base, repliedMs: null, policyApproachMs: 30 * 60_000 };
    expect(slaStateAt(row, base - 45 * 60_000)).toBe('running');
    expect(slaStateAt(row, base - 45 * 60_000, 60 * 60_000)).toBe('approaching');
    expect(slaStateAt({ ...row, dueMs: null }, base)).toBe('none');
  });
});

describe('nextStateChange', () => {
  it('is the first instant at which some row’s state differs, and nothing changes before it', () => {
    const rows = [
      { dueMs: base + 2 * HOUR, repliedMs: null, policyApproachMs: approachMs },
      { dueMs: base + 10 * 60_000, repliedMs: null, policyApproachMs: approachMs },
      { dueMs: base - HOUR, repliedMs: base - 2 * HOUR, policyApproachMs: approachMs },
      { dueMs: null, repliedMs: null, policyApproachMs: approachMs },
    ];
    const next = nextStateChange(rows, base);
    expect(next).toBe(base + 10 * 60_000 + 1);
    const states = (at: number) => rows.map((r) => slaStateAt(r, at)).join();
    expect(states(next! - 1)).toBe(states(base));
    expect(states(next!)).not.toBe(states(base));
    const after = nextStateChange(rows, next!);
    expect(after).toBe(base + 2 * HOUR - approachMs + 1);
    expect(nextStateChange(rows.slice(2), base)).toBeNull();
  });
});
