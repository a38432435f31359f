import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesEventSchema } from '@shared/contract';
import { listenForChanges } from '../../../src-main/services/change-events';
import { call, eventReader } from '../http/test-server';
import { roundRobinFetch, scaleOutSkipReason, startCluster, type Cluster } from '../../support/scale-out-cluster';

/** Change events fan out through PostgreSQL's LISTEN/NOTIFY: a write anywhere reaches every stream. */

const ticket = { accountId: 'acc-gold', requesterName: 'Grace Gold', requesterEmail: 'grace@gold.test', subject: 'Checkout fails', body: 'Since this morning.' };

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

if (scaleOutSkipReason !== null) console.warn(`scale-out events suite skipped: ${scaleOutSkipReason}`);

describe.skipIf(scaleOutSkipReason !== null)('change events across instances', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(2);
  }, 60_000);
  afterAll(async () => {
    await cluster?.close();
  });

  async function openEvents(instanceUrl: string) {
    const response = await fetch(`${instanceUrl}/v1/events`, { headers: { Authorization: `Bearer ${cluster.tokens.ana}` } });
    expect(response.status).toBe(200);
    const events = eventReader(response);
    expect((await events.next()).event).toBe('retry');
    const first = await events.next();
    return { events, cursor: changesEventSchema.parse(JSON.parse(first.data)).cursor };
  }

  it('a write through instance 1 reaches a client of instance 2 within a second', async () => {
    const [one, two] = cluster.instances;
    const { events, cursor } = await openEvents(two!.url);
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      const filed = await call(one!.url, 'POST', '/v1/portal/tickets', { token: cluster.tokens.admin, body: ticket });
      expect(filed.status).toBe(201);
      const event = await events.next(1_000);
      const elapsed = performance.now() - started;
      expect(event.event).toBe('changes');
      expect(changesEventSchema.parse(JSON.parse(event.data)).cursor).not.toBe(cursor);
      expect(elapsed).toBeLessThan(1_000);
    }
    await events.cancel();
  });

  it('an engineer action through instance 2 reaches a client of instance 1, with a cursor that serves it', async () => {
    const [one, two] = cluster.instances;
    const { events, cursor } = await openEvents(one!.url);
    const { rows } = await cluster.db.query<{ id: string }>('SELECT id FROM tickets ORDER BY id LIMIT 1');
    const ticketId = rows[0]!.id;
    const pushed = await call(two!.url, 'POST', '/v1/mutations', {
      token: cluster.tokens.ben,
      body: { mutations: [{ kind: 'note', idempotencyKey: 'fanout-note-1', ticketId, body: 'Checked the logs.' }] },
    });
    expect(pushed.status).toBe(200);
    const event = changesEventSchema.parse(JSON.parse((await events.next(1_000)).data));
    expect(event.cursor).not.toBe(cursor);
    // Syncing from the old cursor on either instance shows the note.
    const page = await call(two!.url, 'GET', `/v1/sync?cursor=${encodeURIComponent(cursor)}`, { token: cluster.tokens.ana });
    const bodies = (page.json as { changes: Array<{ entity?: string; row?: { body?: string } }> }).changes.filter((c) => c.entity === 'message').map((c) => c.row?.body);
    expect(bodies).toContain('Checked the logs.');
    await events.cancel();
  });

  it('a graceful stop ends its streams, and their desktops reconnect to another instance', async () => {
    const [one] = cluster.instances;
    const leaving = await cluster.startInstance();
    const up = new Set([leaving.url, one!.url]);
    let connections = 0;
    let heard = 0;
    // The balancer prefers the leaving instance while it is in rotation.
    const balancer = roundRobinFetch(() => [...up], undefined, { sticky: true });
    // Every stream the balancer opens for the desktop is one connection.
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const response = await balancer(input, init);
      if (response.ok) connections++;
      return response;
    };
    const events = listenForChanges({ baseUrl: 'http://balancer.invalid', token: cluster.tokens.ana, fetch, onChanges: () => heard++ });
    try {
      await until(() => heard >= 1, 5_000);
      up.delete(leaving.url); // its readiness says 503: the balancer takes it out
      await leaving.close({ drainMs: 100 });
      await until(() => connections >= 2, 10_000);
      const before = heard;
      await call(one!.url, 'POST', '/v1/portal/tickets', { token: cluster.tokens.admin, body: ticket });
      await until(() => heard > before, 5_000);
    } finally {
      events.close();
    }
  }, 30_000);

  it('an instance whose LISTEN connection is cut reconnects and carries on', async () => {
    const [one, two] = cluster.instances;
    const { events, cursor } = await openEvents(two!.url);
    const cut = await cluster.db.query<{ n: number }>(
      "SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()",
    );
    expect(cut.rows[0]!.n).toBeGreaterThanOrEqual(2);
    // Writes go on meanwhile; once the listener is back, the stream hears of them.
    await call(one!.url, 'POST', '/v1/portal/tickets', { token: cluster.tokens.admin, body: ticket });
    const event = changesEventSchema.parse(JSON.parse((await events.next(5_000)).data));
    expect(event.cursor).not.toBe(cursor);
    const again = await call(one!.url, 'POST', '/v1/portal/tickets', { token: cluster.tokens.admin, body: ticket });
    expect(again.status).toBe(201);
    expect(changesEventSchema.parse(JSON.parse((await events.next(2_000)).data)).cursor).not.toBe(event.cursor);
    await events.cancel();
  });

  it('every stream of an instance hears a write through the other, with the same cursor', async () => {
    const [one, two] = cluster.instances;
    const streams = await Promise.all(Array.from({ length: 20 }, () => openEvents(two!.url)));
    await call(one!.url, 'POST', '/v1/portal/tickets', { token: cluster.tokens.admin, body: ticket });
    const cursors = await Promise.all(streams.map(async (s) => changesEventSchema.parse(JSON.parse((await s.events.next(1_000)).data)).cursor));
    expect(new Set(cursors).size).toBe(1);
    await Promise.all(streams.map((s) => s.events.cancel()));
  });
});
