import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyBatch } from '../../../src-renderer/db/apply-batch';
import type { AgentCache } from '../../../src-renderer/db/cache-database';
import { enqueueAction, markDone, markRejected } from '../../../src-renderer/db/outbox';
import { priorFreeTermUses, ticketRecord, visibleLoginDetails } from '../../../src-renderer/db/ticket-queries';
import { account, credit, loginDetail, openTestCache, page, remove, subscription, ticket, upsert } from '../../integration/cache/cache-fixtures';

const ME = { engineerId: 'eng-ana', engineerName: 'Ana Silva' };
const NOW = new Date('2026-05-02T10:00:00.000Z');
let db: AgentCache;

beforeEach(async () => {
  db = openTestCache(`ticket-queries-${Math.random()}`);
  await applyBatch(
    db,
    page([
      upsert('account', account('acc-1'), 1),
      upsert('subscription', { ...subscription('sub-old', 'acc-1'), anchor: '2025-01-15T14:00:00.000Z' }, 2),
      upsert('subscription', subscription('sub-1', 'acc-1'), 3),
      upsert('ticket', ticket('t1', { subscriptionId: null }), 4),
      upsert('loginDetail', loginDetail('ld-1', 't1'), 5),
      upsert('loginDetail', loginDetail('ld-2', 't1', { label: 'FTP', submittedAt: '2026-05-01T11:00:00.000Z' }), 6),
      upsert('credit', credit('c1', 't1'), 7),
    ]),
    { now: NOW },
  );
});
afterEach(() => db.close());

async function purge(id: string) {
  const result = await enqueueAction(db, { kind: 'purge-login-detail', ticketId: 't1', loginDetailId: id }, ME, NOW);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.idempotencyKey;
}

const labels = async () => (await visibleLoginDetails(db, 't1', NOW)).map((d) => d.id);

describe('ticketRecord', () => {
  it('gathers the ticket, its account, the latest subscription when none is named, and its credits', async () => {
    const record = await ticketRecord(db, 't1');
    expect(record?.account?.id).toBe('acc-1');
    expect(record?.subscription?.id).toBe('sub-1');
    expect(record?.credits.map((c) => c.id)).toEqual(['c1']);
    expect(await ticketRecord(db, 'nope')).toBeNull();
  });
});

describe('visibleLoginDetails: the optimistic purge', () => {
  it('hides a detail while its purge is on its way and shows it again when the server refuses', async () => {
    expect(await labels()).toEqual(['ld-1', 'ld-2']);
    const key = await purge('ld-1');
    expect(await labels()).toEqual(['ld-2']);
    await markRejected(db, key, { code: 'not-found', message: 'gone' });
    expect(await labels()).toEqual(['ld-1', 'ld-2']);
  });

  it('keeps it hidden after acceptance until the ticket version carrying it syncs with the delete', async () => {
    const key = await purge('ld-2');
    await markDone(db, key, 9);
    expect(await labels()).toEqual(['ld-1']);
    await applyBatch(db, page([remove('loginDetail', 'ld-2', 8), upsert('ticket', ticket('t1'), 9)]), { now: NOW });
    expect(await db.outbox.count()).toBe(0);
    expect(await labels()).toEqual(['ld-1']);
  });
});

describe('priorFreeTermUses', () => {
  it('lists earlier uses by other accounts only', async () => {
    const term = (startedAt: string) => ({ startedAt, endsAt: '2030-01-01T00:00:00.000Z' });
    await applyBatch(
      db,
      page([
        upsert('account', account('acc-0', { organization: 'Gold Inc' }), 20),
        upsert('account', account('acc-9'), 21),
        upsert('subscription', { ...subscription('sub-0', 'acc-0'), freeTerm: term('2025-01-01T00:00:00.000Z') }, 22),
        upsert('subscription', { ...subscription('sub-9', 'acc-9'), freeTerm: term('2026-09-01T00:00:00.000Z') }, 23),
      ]),
      { now: NOW },
    );
    const mine = { ...subscription('sub-1', 'acc-1'), freeTerm: term('2026-03-01T00:00:00.000Z'), _v: 3 };
    expect(await priorFreeTermUses(db, mine)).toEqual([{ accountId: 'acc-0', holderEmail: 'acc-0@example.test', organization: 'Gold Inc', usedAt: '2025-01-01T00:00:00.000Z' }]);
    expect(await priorFreeTermUses(db, { ...mine, freeTerm: null })).toEqual([]);
  });
});
