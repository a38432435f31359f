import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyBatch, readCursor } from '../../../src-renderer/db/apply-batch';
import type { AgentCache } from '../../../src-renderer/db/cache-database';
import { account, credit, everything, loginDetail, message, openTestCache, page, purge, remove, subscription, ticket, upsert } from './cache-fixtures';

const NOW = new Date('2026-05-02T00:00:00.000Z');
let db: AgentCache;

beforeEach(() => {
  db = openTestCache();
});
afterEach(() => db.close());

describe('applyBatch: versions decide', () => {
  it('stores rows with their version and the page cursor', async () => {
    const summary = await applyBatch(db, page([upsert('ticket', ticket('t1'), 5)], { cursor: 'c-1', phase: 'initial-open', progress: { done: 1, total: 9 } }), { now: NOW });
    expect(summary).toEqual({ upserted: 1, deleted: 0, purged: 0, skipped: 0 });
    expect(await db.tickets.get('t1')).toMatchObject({ id: 't1', _v: 5 });
    expect(await readCursor(db)).toBe('c-1');
    expect(await db.meta.get('sync')).toMatchObject({ phase: 'initial-open', progress: { done: 1, total: 9 }, appliedAt: NOW.toISOString() });
  });

  it('ignores an upsert older than (or as old as) the stored row', async () => {
    await applyBatch(db, page([upsert('ticket', ticket('t1', { subject: 'newer' }), 9)]), { now: NOW });
    const summary = await applyBatch(db, page([upsert('ticket', ticket('t1', { subject: 'older' }), 4), upsert('ticket', ticket('t1', { subject: 'same' }), 9)]), { now: NOW });
    expect(summary).toEqual({ upserted: 0, deleted: 0, purged: 0, skipped: 2 });
    expect(await db.tickets.get('t1')).toMatchObject({ subject: 'newer', _v: 9 });
  });

  it('keeps the last of several versions of a row in one page', async () => {
    await applyBatch(db, page([upsert('ticket', ticket('t1', { subject: 'v3' }), 3), upsert('ticket', ticket('t1', { subject: 'v7' }), 7), upsert('ticket', ticket('t1', { subject: 'v5' }), 5)]), { now: NOW });
    expect(await db.tickets.get('t1')).toMatchObject({ subject: 'v7', _v: 7 });
  });

  it('applying the same page twice changes nothing the second time', async () => {
    const once = page([
      upsert('account', account('acc-1'), 1),
      upsert('ticket', ticket('t1'), 2),
      upsert('message', message('m1', 't1'), 3),
      remove('message', 'm0', 4),
      purge('acc-9', 5),
    ]);
    const first = await applyBatch(db, once, { now: NOW });
    const before = await everything(db);
    const second = await applyBatch(db, once, { now: NOW });
    expect(first).toEqual({ upserted: 3, deleted: 1, purged: 1, skipped: 0 });
    expect(second).toEqual({ upserted: 0, deleted: 0, purged: 0, skipped: 5 });
    expect(await everything(db)).toEqual(before);
  });

  it('a delete removes the row, and an older upsert replayed later does not bring it back', async () => {
    await applyBatch(db, page([upsert('message', message('m1', 't1'), 3)]), { now: NOW });
    expect(await applyBatch(db, page([remove('message', 'm1', 8)]), { now: NOW })).toMatchObject({ deleted: 1 });
    expect(await db.messages.get('m1')).toBeUndefined();
    expect(await applyBatch(db, page([upsert('message', message('m1', 't1'), 3)]), { now: NOW })).toMatchObject({ upserted: 0, skipped: 1 });
    expect(await db.messages.get('m1')).toBeUndefined();
  });

  it('a delete of a row never seen still blocks its older upsert arriving afterwards', async () => {
    await applyBatch(db, page([remove('ticket', 't1', 8)]), { now: NOW });
    await applyBatch(db, page([upsert('ticket', ticket('t1'), 6)]), { now: NOW });
    expect(await db.tickets.get('t1')).toBeUndefined();
    await applyBatch(db, page([upsert('ticket', ticket('t1'), 9)]), { now: NOW });
    expect(await db.tickets.get('t1')).toMatchObject({ _v: 9 });
  });

  it('a delete older than the stored row leaves the row alone', async () => {
    await applyBatch(db, page([upsert('ticket', ticket('t1'), 9)]), { now: NOW });
    expect(await applyBatch(db, page([remove('ticket', 't1', 4)]), { now: NOW })).toMatchObject({ deleted: 0, skipped: 1 });
    expect(await db.tickets.get('t1')).toMatchObject({ _v: 9 });
  });
});

describe('applyBatch: purges', () => {
  async function seedTwoAccounts(): Promise<void> {
    const other = { accountId: 'acc-2' };
    await applyBatch(db, page([
      upsert('account', account('acc-1'), 1),
      upsert('account', account('acc-2'), 2),
      upsert('subscription', subscription('sub-1', 'acc-1'), 3),
      upsert('subscription', subscription('sub-2', 'acc-2'), 4),
      upsert('ticket', ticket('t1'), 5),
      upsert('ticket', ticket('t2', other), 6),
      upsert('message', message('m1', 't1'), 7),
      upsert('message', message('m2', 't2', other), 8),
      upsert('loginDetail', loginDetail('l1', 't1'), 9),
      upsert('loginDetail', loginDetail('l2', 't2', other), 10),
      upsert('credit', credit('c1', 't1'), 11),
      upsert('credit', credit('c2', 't2', other), 12),
    ]), { now: NOW });
  }

  it('removes every row of the account, in every table, and nothing of other accounts', async () => {
    await seedTwoAccounts();
    expect(await applyBatch(db, page([purge('acc-1', 20)]), { now: NOW })).toMatchObject({ purged: 1 });
    expect(await db.accounts.toCollection().primaryKeys()).toEqual(['acc-2']);
    expect(await db.subscriptions.toCollection().primaryKeys()).toEqual(['sub-2']);
    expect(await db.tickets.toCollection().primaryKeys()).toEqual(['t2']);
    expect(await db.messages.toCollection().primaryKeys()).toEqual(['m2']);
    expect(await db.loginDetails.toCollection().primaryKeys()).toEqual(['l2']);
    expect(await db.credits.toCollection().primaryKeys()).toEqual(['c2']);
  });

  it('blocks upserts of the account at or below its version, and accepts newer ones', async () => {
    await seedTwoAccounts();
    await applyBatch(db, page([purge('acc-1', 20)]), { now: NOW });
    const stale = await applyBatch(db, page([upsert('ticket', ticket('t1'), 5), upsert('message', message('m9', 't1'), 19), upsert('account', account('acc-1'), 1)]), { now: NOW });
    expect(stale).toEqual({ upserted: 0, deleted: 0, purged: 0, skipped: 3 });
    expect(await db.tickets.get('t1')).toBeUndefined();
    // The backend re-sends the account, terminated, right after the purge.
    await applyBatch(db, page([upsert('account', account('acc-1', { status: 'terminated' }), 21)]), { now: NOW });
    expect(await db.accounts.get('acc-1')).toMatchObject({ status: 'terminated', _v: 21 });
  });

  it('folds a page in order: purge then the terminated account row in the same page', async () => {
    await seedTwoAccounts();
    await applyBatch(db, page([upsert('ticket', ticket('t3'), 13), purge('acc-1', 20), upsert('account', account('acc-1', { status: 'terminated' }), 21)]), { now: NOW });
    expect(await db.tickets.get('t3')).toBeUndefined();
    expect(await db.accounts.get('acc-1')).toMatchObject({ status: 'terminated' });
  });

  it('re-applying an old purge page does not remove rows newer than the purge', async () => {
    const purgePage = page([purge('acc-1', 20), upsert('account', account('acc-1', { status: 'terminated' }), 21)]);
    await applyBatch(db, purgePage, { now: NOW });
    await applyBatch(db, page([upsert('account', account('acc-1', { status: 'terminated', holderName: 'Renamed' }), 30)]), { now: NOW });
    await applyBatch(db, purgePage, { now: NOW });
    expect(await db.accounts.get('acc-1')).toMatchObject({ holderName: 'Renamed', _v: 30 });
  });
});
