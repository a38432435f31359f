import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idempotencyKeySchema } from '@shared/contract';
import { applyBatch } from '../../../src-renderer/db/apply-batch';
import { openAgentCache, type AgentCache } from '../../../src-renderer/db/cache-database';
import type { OutboxEntry } from '../../../src-renderer/db/cache-rows';
import { cacheSnapshot } from '../../../src-renderer/db/canonical-hash';
import {
  dismissRejected,
  enqueueAction,
  markDone,
  markRejected,
  markSending,
  newIdempotencyKey,
  pendingActions,
  rejectedActions,
  sendableActions,
  type MutationDraft,
} from '../../../src-renderer/db/outbox';
import { outboxState, ticketMessages } from '../../../src-renderer/db/queries';
import { queueData } from '../../../src-renderer/db/queue-queries';
import { buildQueueRows } from '../../../src-renderer/queue/build-queue-rows';
import { message, openTestCache, page, ticket, upsert } from './cache-fixtures';

const ME = { engineerId: 'eng-ana', engineerName: 'Ana Silva' };
const NOW = new Date('2026-05-01T11:00:00.000Z');
let db: AgentCache;

beforeEach(async () => {
  db = openTestCache();
  await applyBatch(db, page([upsert('ticket', ticket('t1'), 5), upsert('message', message('m1', 't1'), 4)]), { now: NOW });
});
afterEach(() => db.close());

async function act(draft: MutationDraft): Promise<OutboxEntry> {
  const result = await enqueueAction(db, draft, ME, NOW);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const ticket1 = async () => db.tickets.get('t1');

describe('actions the contract refuses', () => {
  it('are not stored, and the refusal is a sentence naming the field, not the validator output', async () => {
    const result = await enqueueAction(db, { kind: 'reply', ticketId: 't1', body: 'Hello\u0000there' }, ME, NOW);
    expect(result).toEqual({ ok: false, error: { code: 'invalid-mutation', message: 'Reply body: must not contain U+0000 (a control character)' } });
    const note = await enqueueAction(db, { kind: 'note', ticketId: 't1', body: '\u200b' }, ME, NOW);
    expect(note).toMatchObject({ ok: false, error: { message: 'Note body: must contain visible text' } });
    expect(await db.outbox.count()).toBe(0);
  });

  it('stored by an earlier version are refused on their own before sending, and the rest are sent', async () => {
    const before = await act({ kind: 'note', ticketId: 't1', body: 'First.' });
    const { seq: _seq, ...stored } = before;
    await db.outbox.add({ ...stored, idempotencyKey: 'stored-by-older-version', mutation: { kind: 'reply', idempotencyKey: 'stored-by-older-version', ticketId: 't1', body: 'Bell\u0007' } });
    const after = await act({ kind: 'claim', ticketId: 't1' });
    const sendable = await sendableActions(db, 100);
    expect(sendable).toEqual({ ok: true, value: [expect.objectContaining({ idempotencyKey: before.idempotencyKey }), expect.objectContaining({ idempotencyKey: after.idempotencyKey })] });
    expect(await rejectedActions(db)).toEqual([
      expect.objectContaining({ idempotencyKey: 'stored-by-older-version', error: { code: 'not-sent', message: 'Reply body: must not contain U+0007 (a control character)' } }),
    ]);
  });
});

describe('enqueueAction applies optimistically, in the same transaction', () => {
  it('claim: assigns me, opens a new ticket, keeps the server version and row', async () => {
    const entry = await act({ kind: 'claim', ticketId: 't1' });
    expect(idempotencyKeySchema.safeParse(entry.idempotencyKey).success).toBe(true);
    expect(await ticket1()).toMatchObject({ assigneeId: 'eng-ana', status: 'open', _v: 5, _server: { assigneeId: null, status: 'new' } });
    expect(await pendingActions(db)).toEqual([expect.objectContaining({ idempotencyKey: entry.idempotencyKey, status: 'pending', mutation: entry.mutation })]);
  });

  it('reply: a pending local message, status pending, and the first-reply instant left to the server', async () => {
    const entry = await act({ kind: 'reply', ticketId: 't1', body: 'We are on it.' });
    const messages = await ticketMessages(db, 't1');
    expect(messages.map((m) => m.id)).toEqual(['m1', `local-${entry.idempotencyKey}`]);
    expect(messages[1]).toMatchObject({ pending: true, authorKind: 'staff', authorId: 'eng-ana', public: true, body: 'We are on it.', accountId: 'acc-1' });
    expect(await ticket1()).toMatchObject({ status: 'pending', firstStaffReplyAt: null, localReplyAt: NOW.toISOString(), assigneeId: 'eng-ana' });
  });

  it('note: a private local message and no ticket change', async () => {
    const before = await ticket1();
    const entry = await act({ kind: 'note', ticketId: 't1', body: 'Customer sounds upset' });
    expect(await db.messages.get(`local-${entry.idempotencyKey}`)).toMatchObject({ public: false, pending: true });
    expect(await ticket1()).toEqual(before);
  });

  it('checklist answer, category and status edit their fields', async () => {
    await act({ kind: 'checklist-answer', ticketId: 't1', item: 'code-not-customized', value: true });
    await act({ kind: 'category', ticketId: 't1', categoryId: 'billing' });
    await act({ kind: 'status', ticketId: 't1', status: 'solved' });
    expect(await ticket1()).toMatchObject({ checklistAnswers: { codeNotCustomized: true }, categoryId: 'billing', status: 'solved', _v: 5 });
    // Solved: gone from the queue as the UI reads it.
    expect(buildQueueRows(await queueData(db))).toEqual([]);
  });

  it('refuses an invalid action as a value, writing nothing', async () => {
    const result = await enqueueAction(db, { kind: 'reply', ticketId: 't1', body: '   ' }, ME, NOW);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-mutation' } });
    expect(await db.outbox.count()).toBe(0);
  });

  it('survives a restart (it is IndexedDB)', async () => {
    const factory = new IDBFactory();
    const first = openAgentCache('restart', { indexedDB: factory, IDBKeyRange });
    const key = newIdempotencyKey();
    await enqueueAction(first, { kind: 'claim', ticketId: 't9', idempotencyKey: key }, ME, NOW);
    first.close();
    const second = openAgentCache('restart', { indexedDB: factory, IDBKeyRange });
    expect((await pendingActions(second)).map((e) => e.idempotencyKey)).toEqual([key]);
    second.close();
  });
});

describe('the server answers', () => {
  it('markSending keeps the action due for sending (again, after a crash)', async () => {
    const entry = await act({ kind: 'claim', ticketId: 't1' });
    expect(await markSending(db, [entry.idempotencyKey])).toEqual({ ok: true, value: 1 });
    expect(await pendingActions(db)).toEqual([expect.objectContaining({ status: 'sending' })]);
  });

  it('markDone without a version removes the entry and the local message', async () => {
    const entry = await act({ kind: 'reply', ticketId: 't1', body: 'Hello' });
    expect(await markDone(db, entry.idempotencyKey)).toEqual({ ok: true, value: true });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.messages.get(`local-${entry.idempotencyKey}`)).toBeUndefined();
  });

  it('markDone with the ticket version keeps the edit until that version syncs, then settles', async () => {
    const entry = await act({ kind: 'reply', ticketId: 't1', body: 'Hello' });
    await markDone(db, entry.idempotencyKey, 9);
    expect(await pendingActions(db)).toEqual([]);
    expect(await ticket1()).toMatchObject({ status: 'pending', _v: 5 });
    expect(await db.messages.get(`local-${entry.idempotencyKey}`)).toBeDefined();

    // A page read before the reply committed: the edit must survive it.
    await applyBatch(db, page([upsert('ticket', ticket('t1', { urgent: true }), 7)]), { now: NOW });
    expect(await ticket1()).toMatchObject({ status: 'pending', urgent: true, _v: 7 });

    const serverMessage = message('m2', 't1', { authorKind: 'staff', authorId: 'eng-ana', authorName: 'Ana Silva', body: 'Hello', createdAt: '2026-05-01T11:00:01.000Z' });
    const replied = ticket('t1', { urgent: true, status: 'pending', assigneeId: 'eng-ana', firstStaffReplyAt: '2026-05-01T11:00:01.000Z', slaOutcome: 'met' });
    await applyBatch(db, page([upsert('message', serverMessage, 8), upsert('ticket', replied, 9)]), { now: NOW });
    expect(await db.outbox.count()).toBe(0);
    expect((await ticketMessages(db, 't1')).map((m) => m.id)).toEqual(['m1', 'm2']);
    const settled = await ticket1();
    expect(settled).toEqual({ ...replied, _v: 9 });
  });

  it('a newer server row while an action is pending gets the action re-applied on top', async () => {
    await act({ kind: 'category', ticketId: 't1', categoryId: 'billing' });
    await applyBatch(db, page([upsert('ticket', ticket('t1', { subject: 'Renamed' }), 8)]), { now: NOW });
    expect(await ticket1()).toMatchObject({ subject: 'Renamed', categoryId: 'billing', _v: 8, _server: { subject: 'Renamed', categoryId: null } });
  });

  it('markRejected undoes exactly that action, even after newer syncs, and keeps the others', async () => {
    const claim = await act({ kind: 'claim', ticketId: 't1' });
    const reply = await act({ kind: 'reply', ticketId: 't1', body: 'Hello' });
    await applyBatch(db, page([upsert('ticket', ticket('t1', { subject: 'Renamed' }), 8)]), { now: NOW });

    const result = await markRejected(db, reply.idempotencyKey, { code: 'conflict', message: 'ticket 1 is closed' });
    expect(result).toEqual({ ok: true, value: true });
    expect(await ticket1()).toMatchObject({ subject: 'Renamed', status: 'open', assigneeId: 'eng-ana', _v: 8 });
    expect((await ticket1())?.localReplyAt).toBeUndefined();
    expect(await db.messages.get(`local-${reply.idempotencyKey}`)).toBeUndefined();
    expect(await rejectedActions(db)).toEqual([expect.objectContaining({ idempotencyKey: reply.idempotencyKey, error: { code: 'conflict', message: 'ticket 1 is closed' } })]);

    await markRejected(db, claim.idempotencyKey, { code: 'conflict', message: 'claimed by Ben' });
    expect(await ticket1()).toEqual({ ...ticket('t1', { subject: 'Renamed' }), _v: 8 });
    expect((await outboxState(db)).rejected).toHaveLength(2);

    expect(await dismissRejected(db, reply.idempotencyKey)).toEqual({ ok: true, value: true });
    expect((await rejectedActions(db)).map((e) => e.idempotencyKey)).toEqual([claim.idempotencyKey]);
  });

  it('pending actions never change the synced snapshot', async () => {
    const before = await cacheSnapshot(db);
    await act({ kind: 'reply', ticketId: 't1', body: 'Hello' });
    await act({ kind: 'status', ticketId: 't1', status: 'solved' });
    expect(await cacheSnapshot(db)).toEqual(before);
  });
});
