import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCacheHandlers } from '../../../src-renderer/bridge/cache-handlers';
import { applyBatch, applyBatchSafe, readCursor } from '../../../src-renderer/db/apply-batch';
import { openAgentCache, type AgentCache } from '../../../src-renderer/db/cache-database';
import { enqueueAction, markDone, markRejected, pendingActions } from '../../../src-renderer/db/outbox';
import { useWorkspace } from '../../../src-renderer/db/use-workspace';
import { everything, message, openTestCache, page, ticket, upsert } from './cache-fixtures';

const ME = { engineerId: 'eng-ana', engineerName: 'Ana Silva' };
const NOW = new Date('2026-05-01T11:00:00.000Z');
const DEMO = { workspaceId: 'ws-demo', backendUrl: 'http://127.0.0.1:4100' };
const TEAM = { workspaceId: 'ws-team', backendUrl: 'https://support.example.test' };
let db: AgentCache;

beforeEach(() => {
  db = openTestCache();
});
afterEach(() => db.close());

async function act(ticketId: string, body: string): Promise<string> {
  const result = await enqueueAction(db, { kind: 'reply', ticketId, body }, ME, NOW);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.idempotencyKey;
}

/** The demo synced (a ticket and its message), with three actions: one waiting, one accepted, one rejected. */
async function demoWithActions(): Promise<{ waiting: string; accepted: string; rejected: string }> {
  expect(await useWorkspace(db, DEMO, NOW)).toEqual({ outcome: 'adopted', previous: null, held: 0, discarded: 0, restored: 0 });
  await applyBatch(db, page([upsert('ticket', ticket('t1'), 5), upsert('message', message('m1', 't1'), 4)], { workspace: DEMO, after: null, cursor: 'demo-cursor' }), { now: NOW });
  const waiting = await act('t1', 'Still waiting to be sent.');
  const accepted = await act('t1', 'Accepted by the demo.');
  const rejected = await act('t1', 'Refused by the demo.');
  expect((await markDone(db, accepted, 9)).ok).toBe(true);
  expect((await markRejected(db, rejected, { code: 'conflict', message: 'no' })).ok).toBe(true);
  return { waiting, accepted, rejected };
}

describe('the cache holds one workspace at a time', () => {
  it('keeps the workspace it holds as it is', async () => {
    await demoWithActions();
    const before = await everything(db);
    expect(await useWorkspace(db, DEMO, NOW)).toEqual({ outcome: 'kept', previous: DEMO, held: 0, discarded: 0, restored: 0 });
    expect(await everything(db)).toEqual(before);
  });

  it('starts afresh for another workspace: no row, no cursor, and the unsent actions held aside, not pending', async () => {
    await demoWithActions();
    expect(await useWorkspace(db, TEAM, NOW)).toEqual({ outcome: 'started-afresh', previous: DEMO, held: 2, discarded: 0, restored: 0 });
    expect(await readCursor(db)).toBeNull();
    const rows = await everything(db);
    for (const table of ['tickets', 'messages', 'outbox', 'tombstones', 'accounts']) expect(rows[table], table).toEqual([]);
    expect(rows.meta).toEqual([{ key: 'workspace', ...TEAM, since: NOW.toISOString() }]);
    expect(await pendingActions(db)).toEqual([]);
    expect((rows.heldOutbox as { workspace: unknown; entry: { status: string } }[]).map((h) => [h.workspace, h.entry.status])).toEqual([
      [DEMO, 'pending'],
      [DEMO, 'rejected'],
    ]);
  });

  it('brings the held actions back, in order, when the engineer returns to their workspace; their edits come back with the ticket', async () => {
    const { waiting, rejected } = await demoWithActions();
    await useWorkspace(db, TEAM, NOW);
    await applyBatch(db, page([upsert('ticket', ticket('t1', { subject: 'A team ticket with the same id' }), 2)], { workspace: TEAM, after: null }), { now: NOW });
    expect(await useWorkspace(db, DEMO, NOW)).toEqual({ outcome: 'started-afresh', previous: TEAM, held: 0, discarded: 0, restored: 2 });
    expect((await db.outbox.orderBy('seq').toArray()).map((e) => [e.idempotencyKey, e.status])).toEqual([
      [waiting, 'pending'],
      [rejected, 'rejected'],
    ]);
    expect(await db.heldOutbox.count()).toBe(0);
    expect(await db.tickets.count()).toBe(0);
    await applyBatch(db, page([upsert('ticket', ticket('t1'), 5)], { workspace: DEMO, after: null }), { now: NOW });
    expect((await db.tickets.get('t1'))?._server).toBeDefined();
  });

  it('refuses a page of another workspace whole, even one that continues from the cursor held', async () => {
    await demoWithActions();
    await useWorkspace(db, TEAM, NOW);
    const before = await everything(db);
    const late = await applyBatchSafe(db, page([upsert('ticket', ticket('t9'), 7)], { workspace: DEMO, after: null }), { now: NOW });
    expect(late).toMatchObject({ ok: false, error: { code: 'workspace-changed', message: expect.stringContaining('ws-demo') } });
    expect(await everything(db)).toEqual(before);
  });

  it('hands the outbox only to the sync of the workspace it holds', async () => {
    await demoWithActions();
    const handlers = createCacheHandlers(db, () => NOW);
    expect(await handlers['outbox:pending']({ limit: 10, workspace: TEAM })).toMatchObject({ ok: false, error: { code: 'workspace-changed' } });
    expect((await pendingActions(db)).map((e) => e.status)).toEqual(['pending']);
    const pending = await handlers['outbox:pending']({ limit: 10, workspace: DEMO });
    expect(pending.ok && pending.value.length).toBe(1);
  });
});

describe('a cache from before workspaces were recorded', () => {
  it('is started afresh at its first sync, its unsent actions discarded and counted', async () => {
    const backend = { indexedDB: new IDBFactory(), IDBKeyRange };
    const v2 = openAgentCache('support-agent', backend);
    await applyBatch(v2, page([upsert('ticket', ticket('t1'), 5)], { cursor: 'old-cursor' }), { now: NOW });
    db = v2;
    await act('t1', 'Typed before the upgrade.');
    await v2.meta.delete('workspace');
    v2.close();
    // The same IndexedDB opened by a version that knows no workspace record: rows and cursor, no record.
    const old = new Dexie('support-agent', backend);
    await old.open();
    expect(await old.table('meta').toArray()).toEqual([expect.objectContaining({ key: 'sync', cursor: 'old-cursor' })]);
    old.close();

    db = openAgentCache('support-agent', backend);
    expect(await useWorkspace(db, TEAM, NOW)).toEqual({ outcome: 'started-afresh', previous: null, held: 0, discarded: 1, restored: 0 });
    expect(await readCursor(db)).toBeNull();
    expect(await db.tickets.count()).toBe(0);
    expect(await db.heldOutbox.count()).toBe(0);
  });
});
