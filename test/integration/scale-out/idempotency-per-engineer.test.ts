import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileTicketSchema, mutationBatchResponseSchema } from '@shared/contract';
import { createSupportCenter } from '../../../src-backend/create-support-center';
import type { Database } from '../../../src-backend/db/database';
import type { SupportCenter } from '../../../src-backend/support-center';
import { createSmallWorkspace } from '../../fixtures/small-workspace';
import { testDatabaseTargets } from '../../fixtures/test-databases';

/**
 * Idempotency keys are chosen by clients, so they are scoped per engineer: the same key from
 * another engineer is another action, and never answers with the first engineer's result.
 */
for (const target of testDatabaseTargets) {
  if (target.skipReason !== null) console.warn(`idempotency suite on ${target.name} skipped: ${target.skipReason}`);
  describe.skipIf(target.skipReason !== null)(`idempotency keys on ${target.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let center: SupportCenter;
    beforeAll(async () => {
      ({ db, drop } = await target.open());
      const workspace = await createSmallWorkspace(db);
      center = await createSupportCenter(db, { loginDetailKey: workspace.loginDetailKey, retentionIntervalMs: 0 });
      await center.fileTicket(fileTicketSchema.parse({ accountId: 'acc-gold', requesterName: 'Grace Gold', requesterEmail: 'grace@gold.test', subject: 'Checkout', body: 'Broken.' }));
    }, 60_000);
    afterAll(async () => {
      await center.close();
      await db.close();
      await drop();
    });

    it('a key reused by another engineer is applied as that engineer’s own action', async () => {
      const { rows } = await db.query<{ id: string }>('SELECT id FROM tickets ORDER BY id LIMIT 1');
      const ticketId = rows[0]!.id;
      const key = 'shared-key-0001';
      const ana = mutationBatchResponseSchema.parse(
        await center.applyMutations({ role: 'engineer', engineerId: 'eng-ana' }, { mutations: [{ kind: 'note', idempotencyKey: key, ticketId, body: 'Ana’s note' }] }),
      );
      const ben = mutationBatchResponseSchema.parse(
        await center.applyMutations({ role: 'engineer', engineerId: 'eng-ben' }, { mutations: [{ kind: 'note', idempotencyKey: key, ticketId, body: 'Ben’s note' }] }),
      );
      expect(ana.results[0]!.ok).toBe(true);
      expect(ben.results[0]!.ok).toBe(true);
      const versionOf = (r: (typeof ana.results)[number]) => ('ticketVersion' in r ? r.ticketVersion : null);
      expect(versionOf(ben.results[0]!)).not.toBe(versionOf(ana.results[0]!));
      const notes = await db.query<{ author_id: string; body: string }>("SELECT author_id, body FROM messages WHERE ticket_id = $1 AND body LIKE '%’s note' ORDER BY author_id", [ticketId]);
      expect(notes.rows).toEqual([
        { author_id: 'eng-ana', body: 'Ana’s note' },
        { author_id: 'eng-ben', body: 'Ben’s note' },
      ]);

      // Each engineer's repeat still answers with that engineer's own first result, and writes nothing.
      const anaAgain = await center.applyMutations({ role: 'engineer', engineerId: 'eng-ana' }, { mutations: [{ kind: 'note', idempotencyKey: key, ticketId, body: 'Ana’s note' }] });
      const benAgain = await center.applyMutations({ role: 'engineer', engineerId: 'eng-ben' }, { mutations: [{ kind: 'note', idempotencyKey: key, ticketId, body: 'Ben’s note' }] });
      expect(anaAgain).toEqual(ana);
      expect(benAgain).toEqual(ben);
      const count = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM messages WHERE ticket_id = $1 AND body LIKE '%’s note'", [ticketId]);
      expect(count.rows[0]!.n).toBe(2);
    });
  });
}
