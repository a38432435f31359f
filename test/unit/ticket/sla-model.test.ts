import { describe, expect, it } from 'vitest';
import { presets } from '@shared/policy';
import { slaModel, slaStateOf, type SlaModelInput } from '../../../src-renderer/ticket/sla-model';
import { owedCredit } from '../../../src-backend/domain/record-credit';
import { credit, subscription, ticket } from '../../integration/cache/cache-fixtures';

const planSla = presets.planSla();
const gold = subscription('sub-1', 'acc-1'); // anchor 2026-01-15 09:00 New York, $149.00 a month
// Tuesday 2026-11-24 10:00 in New York, Gold, 4 business hours: due 14:00 the same day.
const goldTicket = ticket('t1', { createdAt: '2026-11-24T15:00:00.000Z', plan: 'gold', dueAt: '2026-11-24T19:00:00.000Z' });

function model(extra: Omit<Partial<SlaModelInput>, 'now'> & { now: string }) {
  return slaModel({ policy: planSla, ticket: goldTicket, subscription: gold, credits: [], ...extra, now: Date.parse(extra.now) });
}

function target(m: ReturnType<typeof slaModel>) {
  if (m.kind !== 'target') throw new Error(`expected a target, got ${m.kind}`);
  return m;
}

describe('slaModel', () => {
  it('running: wall-clock and business time left, the engine explanation, no credit', () => {
    const m = target(model({ now: '2026-11-24T16:00:00.000Z' }));
    expect(m.status).toMatchObject({ state: 'running', remainingMs: 3 * 3_600_000, remainingBusinessMs: 3 * 3_600_000 });
    expect(m.calendarZone).toBe('America/New_York');
    expect('error' in m.explanation).toBe(false);
    if ('error' in m.explanation) return;
    expect(m.explanation.dueAt).toBe('2026-11-24T19:00:00.000Z');
    expect(m.explanation.counted).toEqual([expect.objectContaining({ date: '2026-11-24', fromLocal: '10:00', toLocal: '14:00', ms: 4 * 3_600_000 })]);
    expect(m.credit).toEqual({ kind: 'none' });
    expect(slaStateOf(m.status)).toBe('running');
  });

  it('approaching once the 30-minute threshold is crossed', () => {
    const m = target(model({ now: '2026-11-24T18:40:00.000Z' }));
    expect(slaStateOf(m.status)).toBe('approaching');
  });

  it('skips Thanksgiving, the day after and the weekend for a Silver ticket, in the calendar zone', () => {
    const silver = ticket('t2', { createdAt: '2026-11-25T23:30:00.000Z', plan: 'silver', dueAt: '2026-11-30T22:00:00.000Z' });
    const m = target(slaModel({ policy: planSla, ticket: silver, subscription: gold, credits: [], now: Date.parse('2026-11-26T12:00:00.000Z') }));
    if ('error' in m.explanation) throw new Error(m.explanation.error);
    expect(m.explanation.dueAt).toBe('2026-11-30T22:00:00.000Z');
    expect(m.explanation.skipped.map((s) => [s.date, s.reason])).toEqual([
      ['2026-11-26', 'holiday'],
      ['2026-11-27', 'holiday'],
      ['2026-11-28', 'weekend'],
      ['2026-11-29', 'weekend'],
    ]);
    expect(m.explanation.lines.join('\n')).toContain('Thanksgiving');
  });

  it('breached and unanswered: the credit accrues, applied after the cycle of a reply posted now', () => {
    const m = target(model({ now: '2026-11-24T20:00:00.000Z' }));
    expect(m.status).toMatchObject({ state: 'breached', repliedAt: null, lateMs: 3_600_000 });
    // $149.00 x 1 h / 30 days (Nov 15 - Dec 15) = 20.69 cents, rounded half up.
    expect(m.credit).toEqual({
      kind: 'accruing',
      cents: 21,
      latenessMs: 3_600_000,
      dueCycle: { index: 10, start: '2026-11-15T14:00:00.000Z', end: '2026-12-15T14:00:00.000Z' },
      appliesIfRepliedNow: '2026-12-15T14:00:00.000Z',
    });
  });

  it('a late reply makes the credit owed; the backend recorded row wins once synced', () => {
    const replied = { ...goldTicket, firstStaffReplyAt: '2026-11-24T20:00:00.000Z' };
    const engine = target(model({ ticket: replied, now: '2026-11-25T10:00:00.000Z' }));
    expect(engine.credit).toMatchObject({ kind: 'owed', cents: 21, appliesAt: '2026-12-15T14:00:00.000Z', recorded: false });
    const recorded = credit('c1', 't1', { cents: 99, appliesAt: '2027-01-15T14:00:00.000Z' });
    const synced = target(model({ ticket: replied, credits: [recorded], now: '2026-11-25T10:00:00.000Z' }));
    expect(synced.credit).toMatchObject({ kind: 'owed', cents: 99, appliesAt: '2027-01-15T14:00:00.000Z', recorded: true });
  });

  it('a reply at or before due is met and stops the clock, whatever now says', () => {
    const replied = { ...goldTicket, firstStaffReplyAt: '2026-11-24T18:00:00.000Z' };
    const m = target(model({ ticket: replied, now: '2026-12-01T00:00:00.000Z' }));
    expect(m.status).toMatchObject({ state: 'met', marginMs: 3_600_000 });
    expect(m.credit).toEqual({ kind: 'none' });
  });

  it('a reply typed here but not yet applied is shown as queued; the clock keeps running', () => {
    const queued = { ...goldTicket, localReplyAt: '2026-11-24T16:00:00.000Z' };
    const m = target(model({ ticket: queued, now: '2026-11-24T16:00:01.000Z' }));
    expect(m.replyQueuedAt).toBe('2026-11-24T16:00:00.000Z');
    expect(m.status.state).toBe('running');
  });

  it('no plan at creation or a policy without guarantees: no target, with the reason', () => {
    const none = slaModel({ policy: planSla, ticket: { ...goldTicket, plan: null, dueAt: null }, subscription: null, credits: [], now: 0 });
    expect(none).toMatchObject({ kind: 'no-target', reason: expect.stringContaining('No subscription') });
    const scoped = slaModel({ policy: presets.subscriptionScope(), ticket: goldTicket, subscription: gold, credits: [], now: 0 });
    expect(scoped).toMatchObject({ kind: 'no-target', reason: expect.stringContaining('no first-response guarantee') });
  });

  it('a due instant before the subscription anchor is reported, not thrown', () => {
    const early = { ...gold, anchor: '2026-12-01T14:00:00.000Z' };
    const m = target(model({ subscription: early, now: '2026-11-24T20:00:00.000Z' }));
    expect(m.credit).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('dueAt') });
  });
});

describe('the credit estimate of a breached ticket', () => {
  // Version 2 of the plan policy raised Gold to $299.00; the subscription still says $149.00.
  const version2 = { ...planSla, plans: planSla.plans.map((p) => (p.id === 'gold' ? { ...p, monthlyPriceCents: 29_900 } : p)) };
  const repliedAt = '2026-11-25T15:00:00.000Z';
  const answered = { ...goldTicket, firstStaffReplyAt: repliedAt };

  it('is what the backend records: the price of the policy version the ticket runs under', () => {
    const recorded = owedCredit(
      version2,
      { due_at: answered.dueAt, plan: answered.plan, created_at: answered.createdAt },
      { anchor: gold.anchor, time_zone: gold.timeZone, free_term: null },
      repliedAt,
    );
    const estimate = target(slaModel({ policy: version2, ticket: answered, subscription: gold, credits: [], now: Date.parse(repliedAt) })).credit;
    expect(estimate).toMatchObject({ kind: 'owed', recorded: false, cents: recorded?.cents, latenessMs: recorded?.latenessMs });
    const atVersion1 = target(slaModel({ policy: planSla, ticket: answered, subscription: gold, credits: [], now: Date.parse(repliedAt) })).credit;
    expect(estimate.kind === 'owed' && atVersion1.kind === 'owed' && estimate.cents > atVersion1.cents).toBe(true);
  });

  it('is nothing for a ticket filed during a free term, as recorded', () => {
    const freeGold = { ...gold, freeTerm: { startedAt: '2026-11-01T00:00:00.000Z', endsAt: '2026-12-01T00:00:00.000Z' } };
    const estimate = target(slaModel({ policy: version2, ticket: answered, subscription: freeGold, credits: [], now: Date.parse(repliedAt) })).credit;
    expect(estimate).toMatchObject({ kind: 'owed', cents: 0 });
  });
});
