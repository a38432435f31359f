import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, eventReader } from '../http/test-server';
import { scaleOutSkipReason, startCluster, type Cluster } from '../../support/scale-out-cluster';

if (scaleOutSkipReason !== null) console.warn(`readiness suite skipped: ${scaleOutSkipReason}`);

describe.skipIf(scaleOutSkipReason !== null)('health and readiness', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(1);
  }, 60_000);
  afterAll(async () => {
    await cluster?.close();
  });

  it('is live and ready on a migrated database', async () => {
    const url = cluster.instances[0]!.url;
    expect((await call(url, 'GET', '/v1/health')).status).toBe(200);
    const ready = await call(url, 'GET', '/v1/ready');
    expect(ready.status).toBe(200);
    expect(ready.json).toMatchObject({ status: 'ready' });
  });

  it('is live but not ready while the schema is older than the code', async () => {
    const url = cluster.instances[0]!.url;
    const latest = await cluster.db.query<{ id: number; name: string }>('SELECT id, name FROM schema_migrations ORDER BY id DESC LIMIT 1');
    await cluster.db.query('DELETE FROM schema_migrations WHERE id = $1', [latest.rows[0]!.id]);
    try {
      const ready = await call(url, 'GET', '/v1/ready');
      expect(ready.status).toBe(503);
      expect(ready.json).toMatchObject({ status: 'not-ready', reason: expect.stringMatching(/migrations have not run/) });
      expect((await call(url, 'GET', '/v1/health')).status).toBe(200);
    } finally {
      await cluster.db.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [latest.rows[0]!.id, latest.rows[0]!.name]);
    }
    expect((await call(url, 'GET', '/v1/ready')).status).toBe(200);
  });

  it('says 503 on readiness while it drains, ends event streams, then stops accepting', async () => {
    const instance = await cluster.startInstance();
    const stream = await fetch(`${instance.url}/v1/events`, { headers: { Authorization: `Bearer ${cluster.tokens.ana}` } });
    const events = eventReader(stream);
    await events.next(); // retry
    await events.next(); // the current cursor
    const closing = instance.close({ drainMs: 600 });
    const ready = await call(instance.url, 'GET', '/v1/ready');
    expect(ready.status).toBe(503);
    expect(ready.json).toMatchObject({ status: 'stopping' });
    expect(ready.headers.get('connection')).toBe('close');
    // Still serving during the drain: a request in flight is answered.
    expect((await call(instance.url, 'GET', '/v1/sync?limit=5', { token: cluster.tokens.ana })).status).toBe(200);
    await closing;
    await expect(events.next(1_000)).rejects.toThrow(/stream ended/);
    await expect(fetch(`${instance.url}/v1/ready`)).rejects.toThrow();
  });
});
