import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createScratchDatabase, postgresUrl } from '../../fixtures/test-databases';
import { connectorStatusSchema, healthSchema } from '@shared/contract';
import { backendApi, startBackendProcess, type BackendProcess } from '../../support/backend-process';
import { describeWithRt, startSuiteRt, type SuiteRt } from '../../support/request-tracker';

const TICKETS = 150;

/**
 * The mirror in a real backend process, SIGKILLed in the middle of a run, then started again: the
 * second process resumes from the mark the first committed, and every RT ticket and message is
 * there exactly once. PostgreSQL only: the test reads the database while the backend runs.
 */
describeWithRt('a mirror killed mid-way resumes', () => {
  let rt: SuiteRt;
  let dir: string;
  let scratch: { url: string; drop(): Promise<void> } | null = null;
  let client: pg.Client;
  let backend: BackendProcess | null = null;

  beforeAll(async () => {
    rt = await startSuiteRt();
    dir = await mkdtemp(join(tmpdir(), 'mirror-crash-'));
  }, 120_000);
  afterAll(async () => {
    await backend?.kill();
    await client?.end();
    await scratch?.drop();
    await rt?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const count = async (sql: string): Promise<number> => Number((await client.query<{ n: number }>(sql)).rows[0]?.n);
  async function until(what: string, done: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it.skipIf(postgresUrl === null)('SIGKILL during a mirror of many tickets: nothing lost, nothing doubled', async () => {
    const ids: number[] = [];
    for (let start = 0; start < TICKETS; start += 50) {
      const batch = Array.from({ length: 50 }, (_, i) => ({ Queue: 'General', Subject: `Crash ${start + i}`, Requestor: `crash${(start + i) % 7}@example.test`, Content: `Crash message ${start + i}`, ContentType: 'text/plain' }));
      ids.push(...(await rt.rest<Array<{ id: string }>>('POST', '/tickets/bulk', batch)).map((ticket) => Number(ticket.id)));
    }
    for (const id of ids.slice(0, 50)) await rt.rest('POST', `/ticket/${id}/correspond`, { Content: `Reply ${id}`, ContentType: 'text/plain' });
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    scratch = await createScratchDatabase();
    client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    const config = join(dir, 'connector.json');
    await writeFile(config, JSON.stringify({ helpdesk: 'request-tracker', url: rt.url, user: 'root', queues: { General: 'plan-sla' }, maxRequestsPerSecond: 40, pollIntervalMs: 200, leaseMs: 1_000 }), { mode: 0o600 });
    const env = { DATABASE_URL: scratch.url, RT_TOKEN_FILE: rt.tokenFile, CONNECTOR_CONFIG: config };
    const data = await mkdtemp(join(dir, 'data-'));
    backend = await startBackendProcess({ dataDir: data, seed: 1, env });
    const tokens = { engineerToken: backend.engineerToken, adminToken: backend.adminToken };
    await until('the first tickets', async () => (await count('SELECT count(*)::int AS n FROM connector_tickets')) >= 20);
    // Operations see the connector this process runs, and that its run holds the mirror's lease.
    const status = connectorStatusSchema.parse((await backendApi(backend, 'GET', '/v1/admin/connector', backend.adminToken)).json);
    expect(status.configured && status.connectors).toMatchObject([{ helpdesk: 'request-tracker', url: rt.url, mirrorLease: { holder: expect.stringContaining(`pid ${backend.child.pid}`), heldHere: true } }]);
    expect(healthSchema.parse((await backendApi(backend, 'GET', '/v1/health', '')).json).connector).toMatchObject({ status: 'starting' });
    await backend.kill();
    const atKill = await count('SELECT count(*)::int AS n FROM connector_tickets');
    expect(atKill).toBeLessThan(TICKETS);
    backend = await startBackendProcess({ dataDir: data, env, tokens });
    await until('every ticket', async () => (await count('SELECT count(*)::int AS n FROM connector_tickets')) === TICKETS);
    await until('the run to end', async () => (await count("SELECT count(*)::int AS n FROM connector_state WHERE last_mirror_at IS NOT NULL AND mirror_holder IS NULL")) === 1);
    expect(healthSchema.parse((await backendApi(backend, 'GET', '/v1/health', '')).json).connector).toMatchObject({ status: 'ok', actionsWaiting: 0 });
    expect(await count("SELECT count(*)::int AS n FROM messages WHERE body LIKE 'Crash message %'")).toBe(TICKETS);
    expect(await count("SELECT count(DISTINCT body)::int AS n FROM messages WHERE body LIKE 'Crash message %'")).toBe(TICKETS);
    expect(await count("SELECT count(*)::int AS n FROM messages WHERE body LIKE 'Reply %'")).toBe(50);
    expect(await count("SELECT count(*)::int AS n FROM tickets t JOIN connector_tickets c ON c.ticket_id = t.id WHERE t.first_staff_reply_at IS NOT NULL")).toBe(50);
  }, 300_000);
});
