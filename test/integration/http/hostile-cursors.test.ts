import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiErrorSchema, changesEventSchema, syncPageSchema, type SyncPage } from '@shared/contract';
import { createSupportCenter } from '../../../src-backend/create-support-center';
import type { Database } from '../../../src-backend/db/database';
import { createHttpServer } from '../../../src-backend/http/create-http-server';
import { closeHttpServer } from '../../../src-backend/http/server-lifecycle';
import type { SupportCenter } from '../../../src-backend/support-center';
import { createSmallWorkspace, type SmallWorkspace } from '../../fixtures/small-workspace';
import { call, eventReader, forEachDatabase, loggedErrors, quietLogger } from './test-server';

/**
 * Cursors a client made up or altered, on both databases: each answers 400 naming `cursor`, never
 * a 500 and never a page (a made-up position in the future would skip every change before it).
 * Cursors the servers issued work at every instance that shares the key, as behind a load balancer.
 */

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** A backend instance: its own center and HTTP server on the shared database. */
interface Instance {
  url: string;
  center: SupportCenter;
  stop(): Promise<void>;
}

async function startInstance(db: Database, loginDetailKey: Buffer): Promise<Instance> {
  const center = await createSupportCenter(db, { loginDetailKey, retentionIntervalMs: 0 });
  const server = createHttpServer(center, { logger: quietLogger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    center,
    async stop() {
      await closeHttpServer(server, { graceMs: 1_000 });
      await center.close();
    },
  };
}

forEachDatabase('forged and foreign sync cursors', (target) => {
  let db: Database;
  let drop: () => Promise<void>;
  let tokens: SmallWorkspace['tokens'];
  let one: Instance;
  let two: Instance;
  let otherKey: Instance;

  beforeAll(async () => {
    ({ db, drop } = await target.open());
    const workspace = await createSmallWorkspace(db);
    tokens = workspace.tokens;
    one = await startInstance(db, workspace.loginDetailKey);
    two = await startInstance(db, workspace.loginDetailKey);
    otherKey = await startInstance(db, randomBytes(32));
  }, 60_000);

  afterAll(async () => {
    for (const instance of [one, two, otherKey]) await instance?.stop();
    await db?.close();
    await drop?.();
  });

  async function sync(at: Instance, cursor: string | null, limit = 5): Promise<{ status: number; json: unknown }> {
    const query = cursor === null ? `?limit=${limit}` : `?limit=${limit}&cursor=${encodeURIComponent(cursor)}`;
    return call(at.url, 'GET', `/v1/sync${query}`, { token: tokens.ana });
  }

  async function page(at: Instance, cursor: string | null, limit = 5): Promise<SyncPage> {
    const { status, json } = await sync(at, cursor, limit);
    expect(status).toBe(200);
    return syncPageSchema.parse(json);
  }

  /** A whole first sync, each page from the other instance than the one before; the last cursor. */
  async function firstSyncAcrossInstances(): Promise<string> {
    let cursor: string | null = null;
    for (let n = 0; n < 1_000; n++) {
      const next: SyncPage = await page(n % 2 === 0 ? one : two, cursor);
      cursor = next.cursor;
      if (!next.hasMore) return cursor;
    }
    throw new Error('the first sync did not end');
  }

  async function expectRefused(cursor: string): Promise<void> {
    const errorsBefore = loggedErrors.length;
    const { status, json } = await sync(one, cursor);
    expect(status, `cursor ${cursor}`).toBe(400);
    const { error } = apiErrorSchema.parse(json);
    expect(error.field).toBe('cursor');
    expect(error.message).toMatch(/^cursor: not a cursor this server issued/);
    expect(loggedErrors.length).toBe(errorsBefore);
  }

  it('refuses a first-sync cursor whose key holds U+0000', async () => {
    await expectRefused(b64({ v: 2, k: 'i', w: '1', r: 3, a: ['acc-\u0000'], d: 0, t: 10 }));
  });

  it('refuses a change-log cursor whose transaction id is past the xid8 range', async () => {
    await expectRefused(b64({ v: 1, k: 'c', x: '99999999999999999999', s: 0 }));
  });

  it('refuses a well-formed change-log cursor at a position the server never reached', async () => {
    await expectRefused(b64({ v: 1, k: 'c', x: '900000000', s: 0 }));
  });

  it('refuses an issued cursor that was altered, stripped of its tag or given another tag', async () => {
    const issued = (await page(one, null)).cursor;
    const [payload, tag] = issued.split('.') as [string, string];
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { d: number };
    await expectRefused(`${b64({ ...decoded, d: decoded.d + 1 })}.${tag}`);
    await expectRefused(payload);
    await expectRefused(`${payload}.`);
    await expectRefused(`${payload}.${tag.startsWith('A') ? 'B' : 'A'}${tag.slice(1)}`);
    await expectRefused(`${payload}.${tag}.${tag}`);
    await expectRefused('not a cursor');
  });

  it('refuses a cursor issued by a server with another key', async () => {
    const foreign = syncPageSchema.parse((await sync(otherKey, null)).json).cursor;
    await expectRefused(foreign);
  });

  it('serves a cursor issued by another instance with the same key, first sync and change log alike', async () => {
    const upToDate = await firstSyncAcrossInstances();
    const ticket = await one.center.fileTicket({ accountId: 'acc-gold', requesterName: 'Grace Gold', requesterEmail: 'grace@gold.test', subject: 'Checkout fails', body: 'Since this morning.', source: 'portal' });
    // On a shared PostgreSQL server the horizon is cluster-wide: the change may take a moment.
    let seen = false;
    for (let attempt = 0; attempt < 100 && !seen; attempt++) {
      const next = await page(two, upToDate, 100);
      seen = next.changes.some((c) => c.op === 'upsert' && c.id === ticket.id);
      if (!seen) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(seen).toBe(true);
  });

  it('serves the cursor of a change event from one instance at the other', async () => {
    const response = await fetch(`${one.url}/v1/events`, { headers: { Authorization: `Bearer ${tokens.ana}` } });
    const events = eventReader(response);
    try {
      let event = await events.next();
      while (event.event !== 'changes') event = await events.next();
      const { cursor } = changesEventSchema.parse(JSON.parse(event.data));
      expect((await sync(two, cursor)).status).toBe(200);
      expect((await sync(otherKey, cursor)).status).toBe(400);
    } finally {
      await events.cancel();
    }
  });
});
