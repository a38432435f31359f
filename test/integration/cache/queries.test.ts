import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyBatch } from '../../../src-renderer/db/apply-batch';
import type { AgentCache } from '../../../src-renderer/db/cache-database';
import { enqueueAction } from '../../../src-renderer/db/outbox';
import {
  accountById,
  creditsOfAccount,
  outboxState,
  policyById,
  subscriptionsOfAccount,
  syncMeta,
  ticketById,
  ticketMessages,
} from '../../../src-renderer/db/queries';
import { queueData } from '../../../src-renderer/db/queue-queries';
import { buildQueueRows } from '../../../src-renderer/queue/build-queue-rows';
import { account, credit, message, openTestCache, page, subscription, ticket, upsert } from './cache-fixtures';

const NOW = new Date('2026-05-02T00:00:00.000Z');
let db: AgentCache;

beforeEach(async () => {
  db = openTestCache();
  await applyBatch(db, page([
    upsert('account', account('acc-1'), 1),
    upsert('subscription', subscription('sub-1', 'acc-1'), 2),
    upsert('subscription', subscription('sub-2', 'acc-2'), 3),
    upsert('ticket', ticket('t1', { dueAt: '2026-05-03T10:00:00.000Z' }), 4),
    upsert('ticket', ticket('t2', { dueAt: null, status: 'open' }), 5),
    upsert('ticket', ticket('t3', { dueAt: '2026-05-02T10:00:00.000Z', status: 'pending' }), 6),
    upsert('ticket', ticket('t4', { status: 'solved' }), 7),
    upsert('ticket', ticket('t5', { dueAt: null }), 8),
    upsert('message', message('m2', 't1', { createdAt: '2026-05-01T12:00:00.000Z' }), 9),
    upsert('message', message('m1', 't1', { createdAt: '2026-05-01T11:00:00.000Z' }), 10),
    upsert('message', message('m3', 't2'), 11),
    upsert('credit', credit('c1', 't1'), 12),
  ], { cursor: 'c-9', phase: 'initial-open', progress: { done: 12, total: 40 }, serverTime: '2026-05-01T23:59:59.000Z' }), { now: NOW });
});
afterEach(() => db.close());

describe('the queries behind the hooks', () => {
  it('the queue as the UI reads it: open tickets, soonest due first, undue ones last by number', async () => {
    expect(buildQueueRows(await queueData(db)).map((row) => row.id)).toEqual(['t3', 't1', 't2', 't5']);
  });

  it('a ticket and its conversation in order; null for a ticket not cached', async () => {
    expect(await ticketById(db, 't1')).toMatchObject({ id: 't1' });
    expect(await ticketById(db, 'nope')).toBeNull();
    expect((await ticketMessages(db, 't1')).map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('account, subscriptions, credits, policy', async () => {
    expect(await accountById(db, 'acc-1')).toMatchObject({ holderName: 'Holder acc-1' });
    expect((await subscriptionsOfAccount(db, 'acc-1')).map((s) => s.id)).toEqual(['sub-1']);
    expect((await creditsOfAccount(db, 'acc-1')).map((c) => c.id)).toEqual(['c1']);
    expect(await policyById(db, 'plan-sla')).toBeNull();
  });

  it('sync meta and outbox state', async () => {
    expect(await syncMeta(db)).toEqual({
      key: 'sync', cursor: 'c-9', phase: 'initial-open', progress: { done: 12, total: 40 },
      appliedAt: NOW.toISOString(), serverTime: '2026-05-01T23:59:59.000Z',
    });
    await enqueueAction(db, { kind: 'claim', ticketId: 't1' }, { engineerId: 'eng-ana', engineerName: 'Ana' }, NOW);
    expect(await outboxState(db)).toMatchObject({ waiting: [expect.objectContaining({ ticketId: 't1' })], rejected: [] });
  });
});
