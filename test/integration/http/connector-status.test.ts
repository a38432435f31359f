import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectorStatusSchema, fileTicketSchema, healthSchema, type TicketRow } from '@shared/contract';
import { runAdminCommand } from '../../../src-backend/admin/run-admin-command';
import { openDatabase } from '../../../src-backend/db/open-database';
import { call, forEachDatabase, startTestServer, type TestServer } from './test-server';

const NOW = new Date('2026-03-02T10:00:00.000Z');
const ago = (seconds: number): string => new Date(NOW.getTime() - seconds * 1000).toISOString();
const RT_URL = 'http://rt.vendor.test:8080';

/** `GET /v1/admin/connector`, the connector line of `/v1/health` and `npm run admin -- connector status`, from the 008 tables. */
forEachDatabase('connector status for operations', (target) => {
  let plain: TestServer;
  let rt: TestServer;
  const HERE = 'agent-1 pid 41 0a1b2c3d';
  const status = async (t: TestServer) => {
    const answer = await call(t.url, 'GET', '/v1/admin/connector', { token: t.tokens.admin });
    expect(answer.status).toBe(200);
    return connectorStatusSchema.parse(answer.json);
  };
  const health = async (t: TestServer) => healthSchema.parse((await call(t.url, 'GET', '/v1/health')).json);
  const state = (lastMirrorSecondsAgo: number | null, error: { message: string; secondsAgo: number } | null) =>
    rt.db.query(
      `INSERT INTO connector_state (connector, high_water, last_mirror_at, last_error, last_error_at) VALUES ('request-tracker', $1, $2, $3, $4)
       ON CONFLICT (connector) DO UPDATE SET high_water = $1, last_mirror_at = $2, last_error = $3, last_error_at = $4`,
      [ago(3600), lastMirrorSecondsAgo === null ? null : ago(lastMirrorSecondsAgo), error?.message ?? null, error === null ? null : ago(error.secondsAgo)],
    );

  // A mirror pass under way: the lease as mirror-lease.ts writes it.
  const lease = (holder: string) =>
    rt.db.query("UPDATE connector_state SET mirror_holder = $1, mirror_lease_until = $2 WHERE connector = 'request-tracker'", [holder, ago(-50)]);

  beforeAll(async () => {
    plain = await startTestServer({ target, clock: () => NOW });
    rt = await startTestServer({ target, clock: () => NOW, helpdesk: { helpdesk: 'request-tracker', url: RT_URL, mirrorHolder: HERE } });
  }, 60_000);
  afterAll(async () => {
    await plain?.stop();
    await rt?.stop();
  });

  it('without a connector: a clear "no connector" answer, health as before, admins only', async () => {
    expect(await status(plain)).toEqual({ configured: false, message: expect.stringMatching(/no helpdesk connector is configured: .*--connector/) });
    expect(Object.keys(await health(plain)).sort()).toEqual(['serverTime', 'status']);
    expect((await call(plain.url, 'GET', '/v1/admin/connector', { token: plain.tokens.ana })).status).toBe(403);
    expect((await call(plain.url, 'GET', '/v1/admin/connector')).status).toBe(401);
  });

  it('a configured connector that has not mirrored yet is starting, with its URL and no mirror lease', async () => {
    expect(await status(rt)).toEqual({
      configured: true,
      connectors: [
        {
          helpdesk: 'request-tracker', url: RT_URL, status: 'starting', lastMirrorAt: null, highWater: null, lagSeconds: null, lastError: null,
          mirroredTickets: 0, actionsWaiting: 0, oldestWaitingSince: null, mirrorLease: null,
        },
      ],
    });
    expect((await health(rt)).connector).toEqual({ status: 'starting', lagSeconds: null, actionsWaiting: 0 });
  });

  it('counts mirrored tickets and pending write-backs only, and reports the lag since the last pass', async () => {
    const rows: TicketRow[] = [];
    for (const subject of ['Checkout fails', 'Invoice missing']) {
      rows.push(await rt.center.fileTicket(fileTicketSchema.parse({ accountId: 'acc-gold', requesterName: 'Grace Gold', requesterEmail: 'grace@gold.test', subject, body: 'Help.' })));
    }
    for (const [i, row] of rows.entries()) {
      await rt.db.query("INSERT INTO connector_tickets (connector, external_id, ticket_id, external_updated_at) VALUES ('request-tracker', $1, $2, $3)", [String(i + 1), row.id, ago(4000)]);
    }
    const writeback = (key: string, state: string, secondsAgo: number) =>
      rt.db.query(
        "INSERT INTO connector_writebacks (connector, engineer_id, idempotency_key, ticket_id, kind, state, created_at) VALUES ('request-tracker', 'eng-ana', $1, $2, 'reply', $3, $4)",
        [key, rows[0]?.id, state, ago(secondsAgo)],
      );
    await writeback('k1', 'pending', 40);
    await writeback('k2', 'pending', 10);
    await writeback('k3', 'delivered', 90);
    await writeback('k4', 'refused', 80);
    await state(30, null);
    await lease(HERE);
    const mine = await status(rt);
    expect(mine.configured && mine.connectors[0]?.mirrorLease).toEqual({ holder: HERE, until: ago(-50), heldHere: true });
    await lease('agent-2 pid 7 99aa88bb');
    const answer = await status(rt);
    expect(answer.configured && answer.connectors).toMatchObject([{
      status: 'ok', lastMirrorAt: ago(30), highWater: ago(3600), lagSeconds: 30, mirroredTickets: 2, actionsWaiting: 2, oldestWaitingSince: ago(40),
      mirrorLease: { holder: 'agent-2 pid 7 99aa88bb', until: ago(-50), heldHere: false },
    }]);
    expect((await health(rt)).connector).toEqual({ status: 'ok', lagSeconds: 30, actionsWaiting: 2 });
  });

  it('lagging when the last pass is too old; failing while the newest attempt ended in an error', async () => {
    await state(600, { message: 'RT answered 503', secondsAgo: 700 });
    expect((await health(rt)).connector).toEqual({ status: 'lagging', lagSeconds: 600, actionsWaiting: 2 });
    await state(600, { message: 'RT answered 503', secondsAgo: 5 });
    const answer = await status(rt);
    expect(answer.configured && answer.connectors[0]).toMatchObject({ status: 'failing', lastError: { message: 'RT answered 503', at: ago(5) } });
    expect((await health(rt)).connector?.status).toBe('failing');
  });

  it('npm run admin -- connector status prints it, through the backend and on the database', async () => {
    const printed = await runAdminCommand(['connector', 'status', '--backend', rt.url], { SUPPORT_ADMIN_TOKEN: rt.tokens.admin });
    expect(printed).toContain(`request-tracker ${RT_URL}: failing, 600 s behind`);
    expect(printed).toContain(`actions waiting 2 (oldest since ${ago(40)})\n  mirror lease held by agent-2 pid 7 99aa88bb until ${ago(-50)}`);
    expect(printed).toContain(`last error ${ago(5)}: RT answered 503`);
    expect(await runAdminCommand(['connector', 'status', '--backend', plain.url], { SUPPORT_ADMIN_TOKEN: plain.tokens.admin })).toMatch(/^no helpdesk connector is configured/);
    // On a data folder no connector runs: what the database holds, without URL or lock.
    const folder = await mkdtemp(join(tmpdir(), 'connector-status-'));
    try {
      const db = await openDatabase({ dataDir: join(folder, 'pglite') });
      await db.query("INSERT INTO connector_state (connector, last_mirror_at) VALUES ('request-tracker', now() - interval '1 hour')");
      await db.close();
      const local = await runAdminCommand(['connector', 'status', '--data', folder], {});
      expect(local).toMatch(/^request-tracker: lagging, 36\d\d s behind\n/);
      expect(local).not.toContain('mirror lease');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
