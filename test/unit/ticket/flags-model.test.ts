import { describe, expect, it } from 'vitest';
import { presets } from '@shared/policy';
import { ticketFlags, type FlagsInput } from '../../../src-renderer/ticket/flags-model';
import { account, subscription, ticket } from '../../integration/cache/cache-fixtures';

const planSla = presets.planSla();
const holder = account('acc-1', { holderEmail: 'grace@gold.test', holderName: 'Grace Gold', organization: 'Gold Inc' });
const base: FlagsInput = {
  policy: planSla,
  ticket: ticket('t1', { requesterEmail: 'grace@gold.test', plan: 'gold', subject: 'Checkout fails' }),
  account: holder,
  subscription: subscription('sub-1', 'acc-1'),
  customerText: 'Checkout fails since this morning.',
  priorFreeTermUses: [],
};

function kinds(input: Partial<FlagsInput>): string[] {
  const model = ticketFlags({ ...base, ...input });
  if (!model.ok) throw new Error(model.message);
  return model.flags.map((f) => f.kind);
}

describe('ticketFlags', () => {
  it('raises nothing for the holder asking an ordinary question', () => {
    expect(kinds({})).toEqual([]);
  });

  it('flags a requester other than the account holder', () => {
    expect(kinds({ ticket: { ...base.ticket, requesterEmail: 'intern@gold.test' } })).toEqual(['requester-not-holder']);
  });

  it('flags a request to cancel with the reply pointing to the manage-purchases page', () => {
    const model = ticketFlags({ ...base, customerText: 'Checkout fails.\nAlso, please cancel my subscription.' });
    if (!model.ok) throw new Error(model.message);
    const flag = model.flags.find((f) => f.kind === 'asks-to-cancel');
    expect(flag).toBeDefined();
    if (flag?.kind !== 'asks-to-cancel') return;
    expect(flag.suggestedReply).toContain(planSla.billing.managePurchasesUrl);
    expect(flag.suggestedReply).toContain('Hello Grace Gold');
  });

  it('flags the second use of the free Silver term by the same organization', () => {
    const withTerm = { ...base.subscription!, freeTerm: { startedAt: '2026-06-01T13:00:00.000Z', endsAt: '2026-09-01T13:00:00.000Z' } };
    const prior = [{ accountId: 'acc-0', holderEmail: 'someone@else.test', organization: 'GOLD INC', usedAt: '2025-01-01T00:00:00.000Z' }];
    expect(kinds({ subscription: withTerm, priorFreeTermUses: prior })).toEqual(['free-term-reused']);
    expect(kinds({ subscription: withTerm, priorFreeTermUses: [] })).toEqual([]);
  });

  it('says the urgent flag does not apply on Platinum', () => {
    expect(kinds({ ticket: { ...base.ticket, plan: 'platinum', urgent: true } })).toEqual(['urgent-not-applicable']);
    expect(kinds({ ticket: { ...base.ticket, plan: 'gold', urgent: true } })).toEqual([]);
  });

  it('Preset B: flags a ticket created outside every support window', () => {
    const scoped = presets.subscriptionScope();
    const windows = [{ start: '2026-01-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z' }];
    const sub = { ...base.subscription!, entitlementWindows: windows };
    const model = ticketFlags({ ...base, policy: scoped, subscription: sub });
    if (!model.ok) throw new Error(model.message);
    expect(model.flags).toEqual([expect.objectContaining({ kind: 'not-entitled', endedAt: '2026-04-01T00:00:00.000Z' })]);
  });

  it('Preset A without a plan at creation: subscription not valid, and no urgent rule to apply', () => {
    expect(kinds({ ticket: { ...base.ticket, plan: null, urgent: true } })).toEqual(['no-plan-at-creation']);
  });

  it('reports bad data as an error value naming the field', () => {
    const model = ticketFlags({ ...base, policy: presets.subscriptionScope(), ticket: { ...base.ticket, createdAt: 'yesterday' } });
    expect(model).toMatchObject({ ok: false, message: expect.stringContaining('createdAt') });
  });
});
