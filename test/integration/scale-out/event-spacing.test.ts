import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-backend/db/open-database';
import type { Database } from '../../../src-backend/db/database';
import { SPACING_PER_STREAM_MS } from '../../../src-backend/http/change-feed';
import { createSmallWorkspace, type SmallWorkspace } from '../../fixtures/small-workspace';
import { startInProcessBackend } from '../../support/in-process-backend';
import { call, eventReader } from '../http/test-server';

/**
 * Every change event makes every desktop on the instance pull a page. Under a steady stream of
 * writes, events are therefore spaced by the number of open streams, so the pulls they cause stay
 * bounded; with few streams, an event still follows a write at once.
 */

const ticket = { accountId: 'acc-gold', requesterName: 'Grace Gold', requesterEmail: 'grace@gold.test', subject: 'Checkout fails', body: 'Since this morning.' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('change event spacing', () => {
  let db: Database;
  let workspace: SmallWorkspace;
  let backend: Awaited<ReturnType<typeof startInProcessBackend>>;
  beforeAll(async () => {
    db = await openDatabase({ dataDir: null });
    workspace = await createSmallWorkspace(db);
    backend = await startInProcessBackend(db, { loginDetailKey: workspace.loginDetailKey });
  }, 60_000);
  afterAll(async () => {
    await backend?.close();
    await db?.close();
  });

  /** Opens `count` streams, writes every `everyMs` for `forMs`, and counts the events each stream got. */
  async function eventsPerStream(count: number, everyMs: number, forMs: number): Promise<{ counts: number[]; writes: number }> {
    const streams = await Promise.all(
      Array.from({ length: count }, async () => {
        const response = await fetch(`${backend.url}/v1/events`, { headers: { Authorization: `Bearer ${workspace.tokens.ana}` } });
        const events = eventReader(response);
        await events.next(); // retry
        await events.next(); // the current cursor
        return events;
      }),
    );
    const until = Date.now() + forMs;
    let writes = 0;
    while (Date.now() < until) {
      writes++;
      expect((await call(backend.url, 'POST', '/v1/portal/tickets', { token: workspace.tokens.admin, body: ticket })).status).toBe(201);
      await sleep(everyMs);
    }
    await sleep(200);
    const counts = await Promise.all(
      streams.map(async (events) => {
        let n = 0;
        try {
          for (;;) {
            await events.next(1_500);
            n++;
          }
        } catch {
          // nothing more within 1.5 s
        }
        await events.cancel();
        return n;
      }),
    );
    return { counts, writes };
  }

  it('with one stream, writes 100 ms apart each get their own event', async () => {
    const { counts, writes } = await eventsPerStream(1, 100, 1_000);
    expect(writes).toBeGreaterThanOrEqual(3);
    expect(counts[0]).toBeGreaterThanOrEqual(writes - 1);
  });

  it('with 100 streams, a steady stream of writes gives each about one event a second', async () => {
    expect(100 * SPACING_PER_STREAM_MS).toBe(1_000);
    const { counts, writes } = await eventsPerStream(100, 20, 3_000);
    expect(writes).toBeGreaterThan(10);
    // Three seconds of writes: the first event at once, then one a second, and the last burst.
    for (const count of counts) expect(count).toBeGreaterThanOrEqual(2);
    for (const count of counts) expect(count).toBeLessThanOrEqual(6);
  }, 60_000);
});
