import { describe, expect, it } from 'vitest';
import {
  cancellationEffectiveAt,
  downgradeEffectiveAt,
  planAt,
  planTimeline,
} from '@shared/policy/billing';
import type { PlanChange, Subscription } from '@shared/policy/billing';
import { fieldOfError } from './field-error';

// Cycle starts (00:30 New York time on the 15th): 2026-01-15T05:30Z, 02-15T05:30Z, 03-15T04:30Z, 04-15T04:30Z.
const C1 = '2026-02-15T05:30:00.000Z';
const C2 = '2026-03-15T04:30:00.000Z';
const C3 = '2026-04-15T04:30:00.000Z';
const base: Subscription = {
  anchor: '2026-01-15T00:30:00-05:00',
  timeZone: 'America/New_York',
  initialPlan: 'silver',
  changes: [],
};
const sub = (patch: Partial<Subscription>): Subscription => ({ ...base, ...patch });
const up = (plan: PlanChange['plan'], requestedAt: string): PlanChange => ({ kind: 'upgrade', plan, requestedAt });
const down = (plan: PlanChange['plan'], requestedAt: string): PlanChange => ({ kind: 'downgrade', plan, requestedAt });

describe('downgradeEffectiveAt and cancellationEffectiveAt', () => {
  it.each([
    ['mid-cycle', '2026-02-01T00:00:00Z', C1],
    ['last ms of a cycle', '2026-02-15T05:29:59.999Z', C1],
    ['at a cycle start: the end of that new cycle', C1, C2],
    ['across the spring-forward transition', '2026-03-01T12:00:00-05:00', C2],
  ])('%s', (_name, requestedAt, effective) => {
    expect(downgradeEffectiveAt(base, requestedAt)).toBe(effective);
    expect(cancellationEffectiveAt(base, requestedAt)).toBe(effective);
  });

  it.each([
    ['before the anchor', () => downgradeEffectiveAt(base, '2026-01-01T00:00:00Z'), 'requestedAt'],
    ['bad instant', () => cancellationEffectiveAt(base, 'tomorrow'), 'requestedAt'],
    ['bad zone', () => cancellationEffectiveAt({ ...base, timeZone: 'Nowhere' }, C1), 'timeZone'],
  ])('error: %s', (_name, fn, field) => {
    expect(fieldOfError(fn)).toBe(field);
  });
});

describe('planAt', () => {
  it.each<[string, Partial<Subscription>, Array<[string, string | null]>]>([
    [
      'no changes',
      {},
      [['2026-01-15T05:29:59.999Z', null], ['2026-01-15T05:30:00Z', 'silver'], ['2030-01-01T00:00:00Z', 'silver']],
    ],
    [
      'an upgrade is effective at its request instant',
      { changes: [up('gold', '2026-02-01T12:00:00Z')] },
      [['2026-02-01T11:59:59.999Z', 'silver'], ['2026-02-01T12:00:00Z', 'gold'], ['2027-01-01T00:00:00Z', 'gold']],
    ],
    [
      'a downgrade waits for the next cycle',
      { initialPlan: 'gold', changes: [down('silver', '2026-02-20T00:00:00Z')] },
      [['2026-02-20T00:00:00Z', 'gold'], ['2026-03-15T04:29:59.999Z', 'gold'], [C2, 'silver']],
    ],
    [
      'a later upgrade cancels a pending downgrade',
      { initialPlan: 'gold', changes: [down('silver', '2026-02-20T00:00:00Z'), up('platinum', '2026-03-01T00:00:00Z')] },
      [['2026-02-25T00:00:00Z', 'gold'], ['2026-03-01T00:00:00Z', 'platinum'], [C2, 'platinum'], [C3, 'platinum']],
    ],
    [
      'an upgrade back to the current plan just withdraws the pending downgrade',
      { initialPlan: 'gold', changes: [down('silver', '2026-02-20T00:00:00Z'), up('gold', '2026-03-01T00:00:00Z')] },
      [[C2, 'gold']],
    ],
    [
      'a second downgrade in the same cycle replaces the first',
      { initialPlan: 'platinum', changes: [down('gold', '2026-02-20T00:00:00Z'), down('silver', '2026-02-25T00:00:00Z')] },
      [['2026-03-01T00:00:00Z', 'platinum'], [C2, 'silver']],
    ],
    [
      'an upgrade after the downgrade took effect starts from the lower plan',
      { initialPlan: 'gold', changes: [down('silver', '2026-02-20T00:00:00Z'), up('platinum', '2026-03-20T00:00:00Z')] },
      [[C2, 'silver'], ['2026-03-20T00:00:00Z', 'platinum']],
    ],
    [
      'changes given out of order are applied in time order',
      { changes: [up('platinum', '2026-03-01T00:00:00Z'), up('gold', '2026-02-01T00:00:00Z')] },
      [['2026-02-10T00:00:00Z', 'gold'], ['2026-03-10T00:00:00Z', 'platinum']],
    ],
    [
      'an upgrade at the anchor replaces the initial plan from the start',
      { changes: [up('gold', '2026-01-15T05:30:00Z')] },
      [['2026-01-15T05:30:00Z', 'gold']],
    ],
    [
      'cancellation ends the plan at the end of the cycle it was requested in',
      { cancelRequestedAt: '2026-02-20T00:00:00Z' },
      [['2026-03-15T04:29:59.999Z', 'silver'], [C2, null], ['2027-01-01T00:00:00Z', null]],
    ],
    [
      'a downgrade due when the cancellation takes effect never applies',
      { initialPlan: 'gold', changes: [down('silver', '2026-02-20T00:00:00Z')], cancelRequestedAt: '2026-02-21T00:00:00Z' },
      [['2026-03-15T04:29:59.999Z', 'gold'], [C2, null]],
    ],
    [
      'an upgrade before the cancellation takes effect still applies until then',
      { changes: [up('gold', '2026-03-01T00:00:00Z')], cancelRequestedAt: '2026-02-20T00:00:00Z' },
      [['2026-03-01T00:00:00Z', 'gold'], [C2, null]],
    ],
  ])('%s', (_name, patch, expectations) => {
    const s = sub(patch);
    for (const [instant, plan] of expectations) expect([instant, planAt(s, instant)]).toEqual([instant, plan]);
  });

  it('describes the same history as a timeline', () => {
    const s = sub({
      initialPlan: 'gold',
      changes: [down('silver', '2026-02-20T00:00:00Z'), up('platinum', '2026-03-20T00:00:00Z')],
      cancelRequestedAt: '2026-04-01T00:00:00Z',
    });
    expect(planTimeline(s)).toEqual([
      { plan: 'gold', from: '2026-01-15T05:30:00.000Z', until: C2 },
      { plan: 'silver', from: C2, until: '2026-03-20T00:00:00.000Z' },
      { plan: 'platinum', from: '2026-03-20T00:00:00.000Z', until: C3 },
    ]);
    expect(planTimeline(sub({}))).toEqual([{ plan: 'silver', from: '2026-01-15T05:30:00.000Z', until: null }]);
  });
});

describe('plan change input errors name the field', () => {
  const bad = (patch: Partial<Subscription>) => () => planAt(sub(patch), '2026-03-01T00:00:00Z');
  it.each<[string, () => unknown, string]>([
    ['unknown initial plan', bad({ initialPlan: 'bronze' as never }), 'initialPlan'],
    ['unknown plan in a change', bad({ changes: [up('gold', C1), up('diamond' as never, C2)] }), 'changes[1].plan'],
    ['unknown change kind', bad({ changes: [{ kind: 'swap' as never, plan: 'gold', requestedAt: C1 }] }), 'changes[0].kind'],
    ['change before the anchor', bad({ changes: [up('gold', '2025-12-01T00:00:00Z')] }), 'changes[0].requestedAt'],
    ['change without offset', bad({ changes: [up('gold', '2026-02-01T00:00:00')] }), 'changes[0].requestedAt'],
    ['changes not an array', bad({ changes: null as never }), 'changes'],
    ['cancellation unparsable', bad({ cancelRequestedAt: 'asap' }), 'cancelRequestedAt'],
    ['cancellation before the anchor', bad({ cancelRequestedAt: '2026-01-01T00:00:00Z' }), 'cancelRequestedAt'],
    ['bad instant', () => planAt(base, '2026-03-01'), 'instant'],
    ['bad anchor', bad({ anchor: 'then' }), 'anchor'],
  ])('%s', (_name, fn, field) => {
    expect(fieldOfError(fn)).toBe(field);
  });
});
