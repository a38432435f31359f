import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileTicketSchema } from '@shared/contract';
import { scaleOutSkipReason, startCluster, type Cluster } from '../../support/scale-out-cluster';

/**
 * The retention job (login details past their 30 days are deleted) runs on a timer in every
 * instance, guarded by a PostgreSQL advisory lock and the record of the last run: two instances
 * running it at the same moment delete once and record once.
 */

if (scaleOutSkipReason !== null) console.warn(`retention suite skipped: ${scaleOutSkipReason}`);

describe.skipIf(scaleOutSkipReason !== null)('retention across instances', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(2);
  }, 60_000);
  afterAll(async () => {
    await cluster?.close();
  });

  async function submitDetails(count: number, at: Date): Promise<void> {
    const center = cluster.instances[0]!.center;
    const ticket = await center.fileTicket(fileTicketSchema.parse({ accountId: 'acc-gold', requesterName: 'Grace Gold', requesterEmail: 'grace@gold.test', subject: 'Login', body: 'Here.' }), at);
    for (let i = 0; i < count; i++) await center.submitLoginDetail(ticket.id, { label: `Admin ${i}`, secret: `s3cret-${i}` }, at);
  }

  const deletions = async () =>
    Number((await cluster.db.query<{ n: number }>("SELECT count(*)::int AS n FROM changes WHERE entity = 'loginDetail' AND op = 'delete'")).rows[0]!.n);
  const runs = async () => (await cluster.db.query<{ deleted: number; trigger: string }>('SELECT deleted, trigger FROM retention_runs ORDER BY id')).rows;

  it('two instances running it at the same moment delete once and record once', async () => {
    const submitted = new Date('2026-10-01T12:00:00.000Z');
    await submitDetails(5, submitted);
    const later = new Date(submitted.getTime() + 31 * 86_400_000);
    const [one, two] = cluster.instances;

    const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? one! : two!).center.runScheduledRetention(later)));

    const ran = outcomes.filter((outcome) => outcome !== null);
    expect(ran).toEqual([5]);
    expect(await runs()).toEqual([{ deleted: 5, trigger: 'schedule' }]);
    expect(await deletions()).toBe(5);
    expect((await cluster.db.query('SELECT id FROM login_details')).rows).toEqual([]);
  });

  it('runs again only once the interval has passed since the last run, whichever instance ran it', async () => {
    const base = new Date('2026-11-05T12:00:00.000Z');
    await submitDetails(2, new Date(base.getTime() - 31 * 86_400_000));
    const [one, two] = cluster.instances;
    // The first test's run was recorded at its own `later`; these are all well after it.
    expect(await one!.center.runScheduledRetention(base)).toBe(2);
    expect(await two!.center.runScheduledRetention(new Date(base.getTime() + 30_000))).toBeNull();
    expect(await two!.center.runScheduledRetention(new Date(base.getTime() + 61_000))).toBe(0);
    expect((await runs()).map((r) => r.deleted)).toEqual([5, 2, 0]);
  });

  it('the timer in each instance runs it, once across both', async () => {
    const before = (await runs()).length;
    // Within a month of the runs above, which the job would otherwise forget.
    const now = new Date('2026-11-20T12:00:00.000Z');
    const timed = await Promise.all([
      cluster.startInstance({ retentionIntervalMs: 4_000, clock: () => now }),
      cluster.startInstance({ retentionIntervalMs: 4_000, clock: () => now }),
    ]);
    // Both timers tick every second; the clock stands still, so one run is all there may be.
    const deadline = Date.now() + 20_000;
    while ((await runs()).length === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await runs()).length).toBe(before + 1);
    await Promise.all(timed.map((instance) => instance.close()));
  }, 60_000);
});
