import { describe, expect, it } from 'vitest';
import { presets } from '@shared/policy';
import { subscriptionModel } from '../../../src-renderer/ticket/subscription-model';
import { credit, subscription } from '../../integration/cache/cache-fixtures';

const planSla = presets.planSla();
const NOW = Date.parse('2026-11-24T16:00:00.000Z');

describe('subscriptionModel', () => {
  it('plan, price, the cycle containing now, a pending downgrade and the cancellation', () => {
    const sub = {
      ...subscription('sub-1', 'acc-1'),
      pendingDowngrade: { plan: 'silver' as const, effectiveAt: '2026-12-15T14:00:00.000Z' },
      cancelRequestedAt: '2026-11-20T10:00:00.000Z',
      cancelAt: '2027-01-15T14:00:00.000Z',
    };
    const model = subscriptionModel(planSla, sub, [], NOW);
    expect(model).toMatchObject({
      planId: 'gold',
      planName: 'Gold',
      monthlyPriceCents: 14_900,
      cycle: { start: '2026-11-15T14:00:00.000Z', end: '2026-12-15T14:00:00.000Z' },
      pendingDowngrade: { planName: 'Silver', effectiveAt: '2026-12-15T14:00:00.000Z' },
      cancelAt: '2027-01-15T14:00:00.000Z',
      creditsToApply: [],
      creditsToApplyCents: 0,
    });
  });

  it('credits to apply: this subscription only, not yet applied, soonest first', () => {
    const sub = subscription('sub-1', 'acc-1');
    const credits = [
      credit('c-later', 't1', { cents: 300, appliesAt: '2027-01-15T14:00:00.000Z' }),
      credit('c-applied', 't2', { cents: 999, appliesAt: '2026-10-15T14:00:00.000Z' }),
      credit('c-next', 't3', { cents: 200, appliesAt: '2026-12-15T14:00:00.000Z' }),
      credit('c-other', 't4', { cents: 777, subscriptionId: 'sub-2', appliesAt: '2026-12-15T14:00:00.000Z' }),
    ];
    const model = subscriptionModel(planSla, sub, credits, NOW);
    expect(model.creditsToApply.map((c) => c.id)).toEqual(['c-next', 'c-later']);
    expect(model.creditsToApplyCents).toBe(500);
  });

  it('before the anchor there is no plan and no cycle yet', () => {
    const model = subscriptionModel(planSla, { ...subscription('sub-1', 'acc-1'), anchor: '2027-01-01T14:00:00.000Z' }, [], NOW);
    expect(model).toMatchObject({ planId: null, planName: 'none', cycle: null });
  });
});
