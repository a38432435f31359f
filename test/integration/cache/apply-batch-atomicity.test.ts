import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncChange } from '@shared/contract';
import { applyBatch, applyBatchSafe, readCursor } from '../../../src-renderer/db/apply-batch';
import type { AgentCache } from '../../../src-renderer/db/cache-database';
import { account, everything, message, openTestCache, page, purge, remove, ticket, upsert } from './cache-fixtures';

const NOW = new Date('2026-05-02T00:00:00.000Z');
let db: AgentCache;

/** A storage layer that fails when asked to write the row `id` of `table`: a fault in mid-page. */
function failWhenWriting(table: string, id: string, error: () => unknown): Middleware<DBCore> {
  const touches = (req: DBCoreMutateRequest) => req.type === 'put' && req.values.some((row: { id?: unknown }) => row.id === id);
  return {
    stack: 'dbcore',
    name: `fail-on-${table}-${id}`,
    create: (down) => ({
      ...down,
      table: (name) => {
        const inner = down.table(name);
        if (name !== table) return inner;
        return { ...inner, mutate: (req) => (touches(req) ? Promise.reject(error()) : inner.mutate(req)) };
      },
    }),
  };
}

/** Middleware takes effect when a database opens, so reopen the cache with the fault in place. */
async function injectFault(fault: Middleware<DBCore>): Promise<void> {
  db.close();
  db.use(fault);
  await db.open();
}

async function seed(): Promise<void> {
  await applyBatch(db, page([upsert('account', account('acc-1'), 1), upsert('ticket', ticket('t1'), 2), upsert('message', message('m1', 't1'), 3)], { cursor: 'before' }), { now: NOW });
}

/** A page touching every kind of write, with the poisoned message `m-bad` in the middle. */
function bigPage(): SyncChange[] {
  return [
    upsert('ticket', ticket('t1', { subject: 'changed' }), 10),
    ...Array.from({ length: 50 }, (_, i) => upsert('message', message(`m-${i}`, 't1'), 11 + i)),
    upsert('message', message('m-bad', 't1'), 70),
    remove('message', 'm1', 71),
    purge('acc-7', 72),
    upsert('ticket', ticket('t2'), 73),
  ];
}

beforeEach(async () => {
  db = openTestCache();
  await seed();
});
afterEach(() => db.close());

describe('applyBatch is one transaction', () => {
  it('writes nothing of the page, nor its cursor, when a write fails mid-page', async () => {
    const before = await everything(db);
    await injectFault(failWhenWriting('messages', 'm-bad', () => new Error('injected write failure')));
    await expect(applyBatch(db, page(bigPage(), { cursor: 'after' }), { now: NOW })).rejects.toThrow(/injected write failure/);
    expect(await everything(db)).toEqual(before);
    expect(await readCursor(db)).toBe('before');
  });

  it('writes nothing when IndexedDB itself refuses a row (an uncloneable value)', async () => {
    const before = await everything(db);
    const uncloneable = (() => 'x') as unknown as string;
    const poisoned = bigPage().map((c): SyncChange => (c.op === 'upsert' && c.id === 'm-bad' ? upsert('message', { ...message('m-bad', 't1'), body: uncloneable }, 70) : c));
    const result = await applyBatchSafe(db, page(poisoned, { cursor: 'after' }), { now: NOW });
    expect(result).toMatchObject({ ok: false, error: { code: 'storage-error' } });
    expect(await everything(db)).toEqual(before);
  });

  it('the same page applies cleanly once the fault is gone', async () => {
    const changes = bigPage();
    const result = await applyBatchSafe(db, page(changes, { cursor: 'after' }), { now: NOW });
    expect(result).toEqual({ ok: true, value: { upserted: 53, deleted: 1, purged: 1, skipped: 0 } });
    expect(await readCursor(db)).toBe('after');
    expect(await db.messages.count()).toBe(51);
  });
});

describe('applyBatchSafe: storage errors are values', () => {
  it('maps a full disk (QuotaExceededError) to quota-exceeded, and writes nothing', async () => {
    const before = await everything(db);
    await injectFault(failWhenWriting('tickets', 't2', () => new DOMException('The disk is full', 'QuotaExceededError')));
    const result = await applyBatchSafe(db, page(bigPage(), { cursor: 'after' }), { now: NOW });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('quota-exceeded');
    expect(result.error.message).toMatch(/disk is full/);
    expect(await everything(db)).toEqual(before);
  });

  it('maps a quota error wrapped in an abort (as Dexie reports a failed commit) to quota-exceeded', async () => {
    const abort = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') });
    await injectFault(failWhenWriting('tickets', 't2', () => abort));
    const result = await applyBatchSafe(db, page(bigPage()), { now: NOW });
    expect(result).toMatchObject({ ok: false, error: { code: 'quota-exceeded' } });
  });

  it('maps any other failure to storage-error', async () => {
    await injectFault(failWhenWriting('tickets', 't2', () => new DOMException('gone', 'UnknownError')));
    const result = await applyBatchSafe(db, page(bigPage()), { now: NOW });
    expect(result).toMatchObject({ ok: false, error: { code: 'storage-error', message: expect.stringMatching(/gone/) } });
  });
});

describe('a page continues from the cursor the cache holds', () => {
  it('is refused whole, with cursor-moved, when the cache holds another cursor', async () => {
    const before = await everything(db);
    const refused = await applyBatchSafe(db, page(bigPage().filter((c) => c.op !== 'purge'), { cursor: 'after-x', after: 'x' }), { now: NOW });
    expect(refused).toMatchObject({ ok: false, error: { code: 'cursor-moved', message: expect.stringMatching(/continues from cursor x, but the cache holds before/) } });
    expect(await everything(db)).toEqual(before);
    expect(await readCursor(db)).toBe('before');
  });

  it('lands two pages handed over at once in order, and refuses the second when the first fails', async () => {
    const first = applyBatchSafe(db, page([upsert('ticket', ticket('t3'), 20)], { cursor: 'c1', after: 'before' }), { now: NOW });
    const second = applyBatchSafe(db, page([upsert('ticket', ticket('t4'), 21)], { cursor: 'c2', after: 'c1' }), { now: NOW });
    expect([(await first).ok, (await second).ok]).toEqual([true, true]);
    expect(await readCursor(db)).toBe('c2');

    await injectFault(failWhenWriting('tickets', 't5', () => new Error('injected write failure')));
    const failing = applyBatchSafe(db, page([upsert('ticket', ticket('t5'), 22)], { cursor: 'c3', after: 'c2' }), { now: NOW });
    const behind = applyBatchSafe(db, page([upsert('ticket', ticket('t6'), 23)], { cursor: 'c4', after: 'c3' }), { now: NOW });
    expect(await failing).toMatchObject({ ok: false, error: { code: 'storage-error' } });
    expect(await behind).toMatchObject({ ok: false, error: { code: 'cursor-moved' } });
    expect(await readCursor(db)).toBe('c2');
    expect(await db.tickets.bulkGet(['t3', 't4', 't5', 't6'])).toMatchObject([{ id: 't3' }, { id: 't4' }, undefined, undefined]);
  });
});
