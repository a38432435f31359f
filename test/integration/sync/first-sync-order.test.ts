import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_TICKET_STATUSES, syncPageSchema, type SyncChange, type SyncPage, type TicketRow } from '@shared/contract';
import { createSupportCenter } from '../../../src-backend/create-support-center';
import type { Database } from '../../../src-backend/db/database';
import type { Caller, SupportCenter } from '../../../src-backend/support-center';
import { INITIAL_RANKS } from '../../../src-backend/sync/initial-ranks';
import { applyBatch } from '../../../src-renderer/db/apply-batch';
import { openAgentCache } from '../../../src-renderer/db/cache-database';
import { cacheSnapshot, canonicalHash } from '../../../src-renderer/db/canonical-hash';
import { createSmallWorkspace } from '../../fixtures/small-workspace';
import { testDatabaseTargets } from '../../fixtures/test-databases';
import { backendHash } from '../../support/backend-snapshot';

for (const target of testDatabaseTargets) {
  if (target.skipReason !== null) console.warn(`first sync order suite on ${target.name} skipped: ${target.skipReason}`);
  describe.skipIf(target.skipReason !== null)(`the first sync on ${target.name}`, () => suite(target));
}

const ana: Caller & { role: 'engineer' } = { role: 'engineer', engineerId: 'eng-ana' };
const isOpen = (status: string) => (OPEN_TICKET_STATUSES as readonly string[]).includes(status);
const keyOf = (c: SyncChange) => (c.op === 'purge' ? `purge:${c.accountId}` : `${c.entity}:${c.id}`);

/** The rank a cursor points at: opaque to clients, but a test may look, to act at a chosen moment. */
function rankOf(cursor: string): number | null {
  const decoded = JSON.parse(Buffer.from(cursor.split('.')[0] as string, 'base64url').toString('utf8')) as { k: string; r?: number };
  return decoded.k === 'i' ? (decoded.r ?? null) : null;
}

function suite(target: (typeof testDatabaseTargets)[number]): void {
  let db: Database;
  let drop: () => Promise<void>;
  let center: SupportCenter;
  let seq = 0;

  beforeAll(async () => {
    ({ db, drop } = await target.open());
    const workspace = await createSmallWorkspace(db);
    center = await createSupportCenter(db, { loginDetailKey: workspace.loginDetailKey, retentionIntervalMs: 0 });
    // Gold has open tickets; Platinum only solved ones, so its account belongs to history.
    for (let i = 0; i < 12; i++) {
      const accountId = i % 3 === 0 ? 'acc-plat' : 'acc-gold';
      const ticket = await center.fileTicket({ accountId, requesterName: 'Customer', requesterEmail: 'customer@example.test', subject: `Question ${i}`, body: `Body ${i}`, source: 'portal' });
      await center.addCustomerMessage(ticket.id, `More about ${i}`);
      if (accountId === 'acc-plat' || i % 4 === 1) await setStatus(ticket.id, 'solved');
    }
  }, 60_000);

  afterAll(async () => {
    await center.close();
    await db.close();
    await drop();
  });

  async function setStatus(ticketId: string, status: TicketRow['status']): Promise<void> {
    const result = await center.applyMutations(ana, { mutations: [{ kind: 'status', idempotencyKey: `status-${++seq}`, ticketId, status }] });
    expect(result.results[0]?.ok).toBe(true);
  }

  /** Pages of a whole first sync; `between` runs after each page, before the next is read. */
  async function firstSync(limit: number, between: (page: SyncPage) => Promise<void> = async () => undefined): Promise<SyncPage[]> {
    const pages: SyncPage[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 500; i++) {
      const page = syncPageSchema.parse(await center.sync(ana, { cursor, limit }));
      pages.push(page);
      if (!page.hasMore) return pages;
      await between(page);
      cursor = page.cursor;
    }
    throw new Error('the first sync did not end within 500 pages');
  }

  it('sends the queue first and no more, then every other row once', async () => {
    const all = await firstSync(4);
    // The walk, up to the page that hands over to the change log. The log that follows may repeat
    // rows: on a shared server the horizon can be older than this suite's own writes.
    const pages = all.slice(0, all.findIndex((p) => p.phase === 'changes') + 1);
    const changes = pages.flatMap((p) => p.changes);
    const upserts = changes.filter((c) => c.op === 'upsert');
    const { rows } = await db.query<{ id: string; account_id: string }>(`SELECT id, account_id FROM tickets WHERE status IN ('new', 'open', 'pending')`);
    const openIds = new Set(rows.map((r) => r.id));
    expect(openIds.size).toBeGreaterThan(0);
    // The queue part: everything up to the last open ticket, and nothing but what the queue needs.
    const lastOpen = upserts.findLastIndex((c) => c.entity === 'ticket' && openIds.has(c.id));
    const queuePart = upserts.slice(0, lastOpen + 1);
    expect(new Set(queuePart.filter((c) => c.entity === 'ticket').map((c) => c.id))).toEqual(openIds);
    expect(queuePart.some((c) => c.entity === 'message' || c.entity === 'loginDetail' || c.entity === 'credit')).toBe(false);
    expect(new Set(queuePart.filter((c) => c.entity === 'account').map((c) => c.id))).toEqual(new Set(rows.map((r) => r.account_id)));
    expect(new Set(queuePart.filter((c) => c.entity === 'subscription').map((c) => c.entity === 'subscription' && c.row.accountId))).toEqual(new Set(rows.map((r) => r.account_id)));
    // The page that carried the last open ticket already says history; every page before it, the queue.
    let seen = 0;
    const completing = pages.findIndex((p) => (seen += p.changes.length) > lastOpen);
    expect(pages[completing]?.phase).not.toBe('initial-open');
    expect(pages.slice(0, completing).every((p) => p.phase === 'initial-open')).toBe(true);
    // And it ends there, short if need be: the queue's last page waits for no conversation.
    expect(seen).toBe(lastOpen + 1);
    // History starts with the open tickets' conversations.
    const firstMessage = upserts.find((c) => c.entity === 'message');
    expect(firstMessage?.entity === 'message' && openIds.has(firstMessage.row.ticketId)).toBe(true);
    // Each row once, and all of them.
    const keys = upserts.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    const { rows: counted } = await db.query<{ n: number }>(
      'SELECT ((SELECT count(*) FROM policies) + (SELECT count(*) FROM engineers) + (SELECT count(*) FROM products) + (SELECT count(*) FROM accounts) + (SELECT count(*) FROM subscriptions) + (SELECT count(*) FROM tickets) + (SELECT count(*) FROM messages) + (SELECT count(*) FROM login_details) + (SELECT count(*) FROM credits))::int AS n',
    );
    expect(keys.length).toBe(counted[0]?.n);
    expect(pages[0]?.progress?.total).toBe(counted[0]?.n);
  });

  it('refuses a first-sync cursor of the earlier order of ranks (unsigned), and a forged one', async () => {
    const legacy = Buffer.from(JSON.stringify({ v: 1, k: 'i', w: '1', r: 6, a: ['tk-1001', 'm-1'], d: 40, t: 90 })).toString('base64url');
    await expect(center.sync(ana, { cursor: legacy, limit: 3 })).rejects.toMatchObject({ status: 400, field: 'cursor' });
    const forged = Buffer.from(JSON.stringify({ v: 2, k: 'i', w: 'x' })).toString('base64url');
    await expect(center.sync(ana, { cursor: forged, limit: 3 })).rejects.toMatchObject({ status: 400, field: 'cursor' });
  });

  it('misses nothing when tickets open and close while it runs', async () => {
    const historyAccounts = INITIAL_RANKS.findIndex((rank) => rank.phase === 'initial-history' && rank.entity === 'account');
    const { rows } = await db.query<{ id: string; status: string }>('SELECT id, status FROM tickets ORDER BY id');
    const reopen = rows.find((r) => !isOpen(r.status))?.id as string;
    const close = rows.find((r) => isOpen(r.status))?.id as string;
    let moved = false;
    const pages = await firstSync(3, async (page) => {
      const rank = rankOf(page.cursor);
      // Past the open tickets and their messages: a reopened ticket's messages were not sent as
      // an open ticket's, and a closed one's were.
      if (!moved && rank !== null && rank >= historyAccounts) {
        moved = true;
        await setStatus(reopen, 'open');
        await setStatus(close, 'solved');
      }
    });
    expect(moved).toBe(true);
    const cache = openAgentCache('first-sync-order', { indexedDB: new IDBFactory(), IDBKeyRange });
    for (const page of pages) await applyBatch(cache, page);
    // On a shared server the horizon may hold the last changes back for a moment: poll, bounded.
    let cursor = pages.at(-1)?.cursor;
    for (const deadline = Date.now() + 20_000; ; ) {
      const page = syncPageSchema.parse(await center.sync(ana, { cursor, limit: 50 }));
      await applyBatch(cache, page);
      cursor = page.cursor;
      if ((await canonicalHash(await cacheSnapshot(cache))) === (await backendHash(db))) break;
      if (Date.now() > deadline) throw new Error('the cache did not reach the backend state within 20 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const messages = await cache.messages.where('ticketId').equals(reopen).count();
    expect(messages).toBeGreaterThan(0);
    await setStatus(reopen, 'solved');
    await setStatus(close, 'open');
  }, 30_000);
}
