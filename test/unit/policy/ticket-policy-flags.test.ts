import { describe, expect, it } from 'vitest';
import { presets, ticketPolicyFlags, type TicketFlagInput } from '@shared/policy';

const planSla = presets.planSla({ managePurchasesUrl: 'https://store.example.com/manage' });
const scoped = presets.subscriptionScope();

const plain: TicketFlagInput = {
  ticket: { createdAt: '2026-11-23T15:00:00Z', plan: 'gold', requesterEmail: 'Ana@Example.com ', subject: 'Export fails', body: 'The CSV export stops at 10k rows.' },
  account: { holderEmail: 'ana@example.com', holderName: 'Ana' },
};

describe('policy flags of a ticket', () => {
  it('raises nothing for an ordinary ticket from the holder', () => {
    expect(ticketPolicyFlags(planSla, plain)).toEqual([]);
  });

  it('flags a requester who is not the account holder', () => {
    const flags = ticketPolicyFlags(planSla, { ...plain, ticket: { ...plain.ticket, requesterEmail: 'bob@example.com' } });
    expect(flags).toEqual([{ kind: 'requester-not-holder', requesterEmail: 'bob@example.com', holderEmail: 'ana@example.com' }]);
  });

  it('flags a cancellation request with the reply that points to the manage-purchases page', () => {
    const flags = ticketPolicyFlags(planSla, { ...plain, ticket: { ...plain.ticket, subject: 'Billing', body: 'Please cancel my subscription today.' } });
    expect(flags).toHaveLength(1);
    const flag = flags[0];
    expect(flag?.kind).toBe('asks-to-cancel');
    if (flag?.kind === 'asks-to-cancel') {
      expect(flag.suggestedReply).toContain('https://store.example.com/manage');
      expect(flag.suggestedReply).toContain('Ana');
    }
  });

  it('flags the urgent flag on Platinum as not applicable', () => {
    const flags = ticketPolicyFlags(planSla, { ...plain, ticket: { ...plain.ticket, plan: 'platinum', urgent: true } });
    expect(flags).toEqual([{ kind: 'urgent-not-applicable', planName: 'Platinum' }]);
  });

  it('flags a second use of the free Silver term by the same organization', () => {
    const flags = ticketPolicyFlags(planSla, {
      ...plain,
      freeTerm: { holderEmail: 'ana@example.com', organization: 'Acme, Inc.', priorUses: [{ accountId: 'acc-7', holderEmail: 'x@acme.test', organization: 'ACME LLC', usedAt: '2025-01-02T00:00:00Z' }] },
    });
    expect(flags).toEqual([{ kind: 'free-term-reused', matches: [{ accountId: 'acc-7', by: 'organization', usedAt: '2025-01-02T00:00:00.000Z' }] }]);
  });

  it('flags a Preset B ticket created outside every subscription window, with the end date', () => {
    const windows = [{ start: '2026-01-10T15:00:00.000Z', end: '2026-04-10T14:00:00.000Z' }];
    const flags = ticketPolicyFlags(scoped, { ...plain, entitlementWindows: windows });
    expect(flags).toMatchObject([{ kind: 'not-entitled', endedAt: '2026-04-10T14:00:00.000Z', startsAt: null }]);
    expect(ticketPolicyFlags(planSla, { ...plain, entitlementWindows: windows })).toEqual([]);
  });
});
