import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoginDetailRow } from '@shared/contract';
import { applyBatch } from '../../../src-renderer/db/apply-batch';
import type { AgentCache } from '../../../src-renderer/db/cache-database';
import { expireLoginDetails, loginDetailDeadline } from '../../../src-renderer/db/login-detail-expiry';
import { loginDetailsOfTicket } from '../../../src-renderer/db/queries';
import { loginDetail, openTestCache, page, upsert } from './cache-fixtures';

let db: AgentCache;
beforeEach(() => {
  db = openTestCache();
});
afterEach(() => db.close());

const SUBMITTED = '2026-05-01T10:00:00.000Z';
const at = (iso: string) => new Date(iso);

describe('login-detail metadata in the cache', () => {
  it('never stores a field outside the contract, such as a secret', async () => {
    const leaky = { ...loginDetail('l1', 't1'), secret: 'hunter2', password: 'hunter2' } as LoginDetailRow;
    await applyBatch(db, page([upsert('loginDetail', leaky, 4)]), { now: at('2026-05-02T00:00:00.000Z') });
    const stored = await db.loginDetails.get('l1');
    expect(stored).toEqual({ ...loginDetail('l1', 't1'), _v: 4 });
    expect(JSON.stringify(await db.loginDetails.toArray())).not.toContain('hunter2');
  });

  it('skips rows already expired when they arrive, and drops an older cached copy', async () => {
    const now = at('2026-05-02T00:00:00.000Z');
    await applyBatch(db, page([upsert('loginDetail', loginDetail('l1', 't1'), 4)]), { now });
    const expired = loginDetail('l1', 't1', { expiresAt: '2026-05-01T12:00:00.000Z' });
    const summary = await applyBatch(db, page([upsert('loginDetail', expired, 5), upsert('loginDetail', loginDetail('l2', 't1', { expiresAt: now.toISOString() }), 6)]), { now });
    expect(summary).toEqual({ upserted: 0, deleted: 0, purged: 0, skipped: 2 });
    expect(await db.loginDetails.count()).toBe(0);
  });

  it('skips a malformed row rather than writing part of it', async () => {
    const broken = { ...loginDetail('l1', 't1'), submittedAt: 'yesterday' };
    await applyBatch(db, page([upsert('loginDetail', broken, 4)]), { now: at('2026-05-02T00:00:00.000Z') });
    expect(await db.loginDetails.count()).toBe(0);
  });

  it('expireLoginDetails deletes rows at and past expiresAt, on the app clock', async () => {
    await applyBatch(db, page([
      upsert('loginDetail', loginDetail('l1', 't1', { expiresAt: '2026-05-10T10:00:00.000Z' }), 1),
      upsert('loginDetail', loginDetail('l2', 't1', { expiresAt: '2026-05-20T10:00:00.000Z' }), 2),
    ]), { now: at('2026-05-02T00:00:00.000Z') });
    expect(await expireLoginDetails(db, at('2026-05-10T09:59:59.999Z'))).toBe(0);
    expect(await expireLoginDetails(db, at('2026-05-10T10:00:00.000Z'))).toBe(1);
    expect(await db.loginDetails.toCollection().primaryKeys()).toEqual(['l2']);
  });

  it('never keeps anything past 30 days after submission, whatever expiresAt says', async () => {
    const wrong = loginDetail('l1', 't1', { submittedAt: SUBMITTED, expiresAt: '2027-01-01T00:00:00.000Z' });
    expect(loginDetailDeadline(wrong)).toBe(Date.parse('2026-05-31T10:00:00.000Z'));
    await applyBatch(db, page([upsert('loginDetail', wrong, 1)]), { now: at('2026-05-02T00:00:00.000Z') });
    expect(await loginDetailsOfTicket(db, 't1', at('2026-05-31T09:59:59.999Z'))).toHaveLength(1);
    // Hidden from the UI at the deadline even before the expiry job runs...
    expect(await loginDetailsOfTicket(db, 't1', at('2026-05-31T10:00:00.000Z'))).toHaveLength(0);
    expect(await expireLoginDetails(db, at('2026-05-31T09:59:59.999Z'))).toBe(0);
    // ...and deleted by it.
    expect(await expireLoginDetails(db, at('2026-05-31T10:00:00.000Z'))).toBe(1);
    // A replay of the same row after the deadline is not written back.
    await applyBatch(db, page([upsert('loginDetail', wrong, 1)]), { now: at('2026-06-01T00:00:00.000Z') });
    expect(await db.loginDetails.count()).toBe(0);
  });
});
