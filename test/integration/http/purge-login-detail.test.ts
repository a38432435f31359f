import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  loginDetailRowSchema,
  mutationBatchResponseSchema,
  syncPageSchema,
  ticketRowSchema,
  type SyncChange,
} from '@shared/contract';
import { call, forEachDatabase, startTestServer, type TestServer } from './test-server';

forEachDatabase('purge login detail', (target) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ target });
  }, 60_000);
  afterAll(() => t.stop());

  async function fileTicket(): Promise<string> {
    const filed = await call(t.url, 'POST', '/v1/portal/tickets', {
      token: t.tokens.admin,
      body: { accountId: 'acc-gold', requesterName: 'Grace Gold', requesterEmail: 'grace@gold.test', subject: 'Admin login attached', body: 'Use it.' },
    });
    expect(filed.status).toBe(201);
    return ticketRowSchema.parse(filed.json).id;
  }

  async function submitDetail(ticketId: string, label = 'Shop admin'): Promise<string> {
    const submitted = await call(t.url, 'POST', `/v1/portal/tickets/${ticketId}/login-details`, { token: t.tokens.admin, body: { label, secret: 'hunter2' } });
    expect(submitted.status).toBe(201);
    return loginDetailRowSchema.parse(submitted.json).id;
  }

  function mutate(mutations: unknown[]) {
    return call(t.url, 'POST', '/v1/mutations', { token: t.tokens.ana, body: { mutations } });
  }

  async function purge(ticketId: string, loginDetailId: string, idempotencyKey: string) {
    const response = await mutate([{ kind: 'purge-login-detail', idempotencyKey, ticketId, loginDetailId }]);
    expect(response.status).toBe(200);
    return mutationBatchResponseSchema.parse(response.json).results[0];
  }

  /** Pages from `cursor` (or a first sync) until up to date; returns the changes and the last cursor. */
  async function syncFrom(cursor?: string): Promise<{ changes: SyncChange[]; cursor: string }> {
    const changes: SyncChange[] = [];
    for (let page = 0; page < 200; page += 1) {
      const query = cursor === undefined ? '?limit=5000' : `?limit=5000&cursor=${encodeURIComponent(cursor)}`;
      const response = await call(t.url, 'GET', `/v1/sync${query}`, { token: t.tokens.ana });
      expect(response.status).toBe(200);
      const parsed = syncPageSchema.parse(response.json);
      changes.push(...parsed.changes);
      cursor = parsed.cursor;
      if (!parsed.hasMore) return { changes, cursor };
    }
    throw new Error('sync did not finish within 200 pages');
  }

  describe('purge-login-detail', () => {
    it('deletes the detail for real, syncs the delete before the ticket version it answers with, and notes who purged it', async () => {
      const ticketId = await fileTicket();
      const detailId = await submitDetail(ticketId);
      const before = await syncFrom();

      const result = await purge(ticketId, detailId, `purge-${detailId}`);
      expect(result).toMatchObject({ ok: true });
      const ticketVersion = (result as { ticketVersion: number }).ticketVersion;

      const revealed = await call(t.url, 'POST', `/v1/login-details/${detailId}/reveal`, { token: t.tokens.ana });
      expect(revealed.status).toBe(404);

      const after = await syncFrom(before.cursor);
      const deleted = after.changes.find((c) => c.op === 'delete' && c.entity === 'loginDetail' && c.id === detailId);
      expect(deleted).toBeDefined();
      expect(deleted!.version).toBeLessThan(ticketVersion);
      const ticketChange = after.changes.find((c) => c.op === 'upsert' && c.entity === 'ticket' && c.id === ticketId);
      expect(ticketChange?.version).toBe(ticketVersion);
      const notes = after.changes.flatMap((c) => (c.op === 'upsert' && c.entity === 'message' && c.row.ticketId === ticketId ? [c.row] : []));
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ authorKind: 'system', public: false, authorName: 'Ana Silva' });
      expect(notes[0]!.body).toContain('"Shop admin" purged');
      expect(notes[0]!.body).not.toContain('hunter2');
    });

    it('answers a repeated key with the first result and writes nothing again', async () => {
      const ticketId = await fileTicket();
      const detailId = await submitDetail(ticketId);
      const first = await purge(ticketId, detailId, `purge-again-${detailId}`);
      const mark = await syncFrom();
      const again = await purge(ticketId, detailId, `purge-again-${detailId}`);
      expect(again).toEqual(first);
      const after = await syncFrom(mark.cursor);
      expect(after.changes.filter((c) => c.op !== 'purge' && (c.id === ticketId || c.id === detailId))).toEqual([]);
      expect(after.changes.filter((c) => c.op === 'upsert' && c.entity === 'message' && c.row.ticketId === ticketId)).toEqual([]);
    });

    it('refuses a detail that is already gone, or that belongs to another ticket, and leaves that detail readable', async () => {
      const ticketId = await fileTicket();
      const otherTicketId = await fileTicket();
      const detailId = await submitDetail(otherTicketId, 'FTP');
      const claimed = await mutate([{ kind: 'claim', idempotencyKey: `claim-${otherTicketId}`, ticketId: otherTicketId }]);
      expect(claimed.status).toBe(200);

      const foreign = await purge(ticketId, detailId, `purge-foreign-${detailId}`);
      expect(foreign).toMatchObject({ ok: false, error: { code: 'invalid' } });
      expect((foreign as { error: { message: string } }).error.message).toContain(detailId);
      const revealed = await call(t.url, 'POST', `/v1/login-details/${detailId}/reveal`, { token: t.tokens.ana });
      expect(revealed.status).toBe(200);

      const missing = await purge(ticketId, 'ld-does-not-exist', 'purge-missing-0001');
      expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect((missing as { error: { message: string } }).error.message).toContain('ld-does-not-exist');
    });

    it('rejects a purge without a login detail id as a bad request naming the field, applying nothing of the batch', async () => {
      const ticketId = await fileTicket();
      const detailId = await submitDetail(ticketId);
      const response = await mutate([
        { kind: 'purge-login-detail', idempotencyKey: 'purge-ok-part-0001', ticketId, loginDetailId: detailId },
        { kind: 'purge-login-detail', idempotencyKey: 'purge-bad-part-0001', ticketId },
      ]);
      expect(response.status).toBe(400);
      const error = apiErrorSchema.parse(response.json).error;
      expect(error.field).toBe('mutations[1].loginDetailId');
      const claimed = await mutate([{ kind: 'claim', idempotencyKey: `claim-${ticketId}`, ticketId }]);
      expect(claimed.status).toBe(200);
      const revealed = await call(t.url, 'POST', `/v1/login-details/${detailId}/reveal`, { token: t.tokens.ana });
      expect(revealed.status).toBe(200);
    });
  });
});
