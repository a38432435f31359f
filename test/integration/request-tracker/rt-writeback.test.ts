import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fileTicketSchema } from '@shared/contract';
import { connectorWaitingActions } from '../../../src-backend/connectors/writeback/writeback-rows';
import type { Database } from '../../../src-backend/db/database';
import { openDatabase } from '../../../src-backend/db/open-database';
import { BackendClient } from '../../../src-main/services/backend-client';
import { createSmallWorkspace, type SmallWorkspace } from '../../fixtures/small-workspace';
import { createScratchDatabase } from '../../fixtures/test-databases';
import { startInProcessBackend } from '../../support/in-process-backend';
import { describeWithRt, startSuiteRt, type SuiteRt } from '../../support/request-tracker';
import { countMessages, linkedTicket, postMutations, rtHistory, rtWriteConnector } from '../../support/rt-writeback-harness';
import { startFaultProxy, type FaultProxy, type ProxiedRequest, type ProxyFault } from '../../support/tcp-fault-proxy';

/** Polls until `check` holds (RT shows what a killed process sent); fails after 30 s. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    if (await check()) return;
  }
  throw new Error('RT never showed the transaction');
}

let keys = 0;
const key = (): string => `wb-${Date.now()}-${++keys}`;

describeWithRt('write-back to RT 5: every engineer action once in RT, refusals in RT words', () => {
  let rt: SuiteRt;
  let db: Database;
  let drop: () => Promise<void>;
  let databaseUrl: string;
  let workspace: SmallWorkspace;
  let proxy: FaultProxy;
  let fault: (request: ProxiedRequest) => ProxyFault = () => ({ kind: 'pass' });
  let backend: Awaited<ReturnType<typeof startInProcessBackend>>;

  beforeAll(async () => {
    rt = await startSuiteRt();
    // Ana's RT user is root (it may own tickets); Ben's is a staff user without the right to own.
    await rt.rest('PUT', '/user/root', { EmailAddress: 'ana@vendor.test' });
    await rt.rest('POST', '/user', { Name: 'ben', EmailAddress: 'ben@vendor.test', Privileged: 1 });
    const scratch = await createScratchDatabase();
    drop = scratch.drop;
    databaseUrl = scratch.url;
    db = await openDatabase({ databaseUrl: scratch.url, poolSize: 4 });
    workspace = await createSmallWorkspace(db);
    proxy = await startFaultProxy(Number(new URL(rt.url).port), (request) => fault(request));
    backend = await startInProcessBackend(db, { connector: await rtWriteConnector(proxy.url, rt.token), loginDetailKey: workspace.loginDetailKey });
  }, 120_000);
  afterAll(async () => {
    await backend?.close();
    await proxy?.close();
    await db?.close();
    await drop?.();
    await rt?.stop();
  });

  const ticketRow = async (id: string) => (await db.query<{ status: string; assignee_id: string | null }>('SELECT status, assignee_id FROM tickets WHERE id = $1', [id])).rows[0];
  const rtTicket = (id: number) => rt.rest<{ Status: string; Owner: { id: string } }>('GET', `/ticket/${id}`);

  it('posts a reply once as correspondence, records its RT transaction with our message, and a resent key posts nothing', async () => {
    const { ticketId, rtId } = await linkedTicket(rt, db, backend.center, 'Checkout fails');
    const reply = { kind: 'reply', idempotencyKey: key(), ticketId, body: 'We fixed the checkout, please retry.' };
    const first = await postMutations(backend.url, workspace.tokens.ana, [reply]);
    expect(first).toMatchObject({ status: 200, body: { results: [{ ok: true }] } });
    const again = await postMutations(backend.url, workspace.tokens.ana, [reply]);
    expect(again.body).toEqual(first.body);
    expect(await countMessages(rt, rtId, 'Correspond', reply.body)).toBe(1);
    const entries = await db.query<{ external_id: string; body: string; public: boolean }>(
      'SELECT e.external_id, m.body, m.public FROM connector_entries e JOIN messages m ON m.id = e.message_id WHERE e.ticket_id = $1',
      [ticketId],
    );
    expect(entries.rows).toEqual([{ external_id: expect.stringMatching(/^\d+$/), body: reply.body, public: true }]);
    expect((await rtHistory(rt, rtId)).find((entry) => entry.id === entries.rows[0]?.external_id)?.Type).toBe('Correspond');
    // Our reply leaves the ticket pending; RT's ticket is moved to the status that maps to it.
    expect((await ticketRow(ticketId))?.status).toBe('pending');
    expect((await rtTicket(rtId)).Status).toBe('stalled');
  }, 60_000);

  it('keeps unlinked tickets and actions RT has no notion of local', async () => {
    const { ticketId } = await linkedTicket(rt, db, backend.center, 'Checklist');
    const local = await backend.center.fileTicket(fileTicketSchema.parse({ accountId: 'acc-gold', requesterName: 'Grace Gold', requesterEmail: 'grace@gold.test', subject: 'Portal only', body: 'Hello.' }));
    const answer = await postMutations(backend.url, workspace.tokens.ana, [
      { kind: 'checklist-answer', idempotencyKey: key(), ticketId, item: 'code-not-customized', value: true },
      { kind: 'reply', idempotencyKey: key(), ticketId: local.id, body: 'Answered in the portal only.' },
    ]);
    expect(answer.body.results.map((result) => result.ok)).toEqual([true, true]);
    const { rows } = await db.query('SELECT 1 FROM connector_writebacks WHERE ticket_id IN ($1, $2)', [ticketId, local.id]);
    expect(rows).toEqual([]);
  }, 60_000);

  it('posts a note as a comment', async () => {
    const { ticketId, rtId } = await linkedTicket(rt, db, backend.center, 'Slow admin');
    const note = { kind: 'note', idempotencyKey: key(), ticketId, body: 'Customer on the gold plan, escalate.' };
    expect((await postMutations(backend.url, workspace.tokens.ana, [note])).body.results[0]?.ok).toBe(true);
    expect(await countMessages(rt, rtId, 'Comment', note.body)).toBe(1);
    expect(await countMessages(rt, rtId, 'Correspond', note.body)).toBe(0);
    const { rows } = await db.query<{ public: boolean }>('SELECT public FROM messages WHERE ticket_id = $1 AND body = $2', [ticketId, note.body]);
    expect(rows).toEqual([{ public: false }]);
  }, 60_000);

  it('sets the owner on claim and unclaim, and the mapped status', async () => {
    const { ticketId, rtId } = await linkedTicket(rt, db, backend.center, 'Invoices');
    const post = (mutation: object) => postMutations(backend.url, workspace.tokens.ana, [{ idempotencyKey: key(), ticketId, ...mutation }]);
    expect((await post({ kind: 'claim' })).body.results[0]?.ok).toBe(true);
    expect(await rtTicket(rtId)).toMatchObject({ Owner: { id: 'root' }, Status: 'open' });
    expect(await ticketRow(ticketId)).toEqual({ status: 'open', assignee_id: 'eng-ana' });
    expect((await post({ kind: 'status', status: 'solved' })).body.results[0]?.ok).toBe(true);
    expect((await rtTicket(rtId)).Status).toBe('resolved');
    expect((await post({ kind: 'unclaim' })).body.results[0]?.ok).toBe(true);
    expect((await rtTicket(rtId)).Owner.id).toBe('Nobody');
    expect(await ticketRow(ticketId)).toEqual({ status: 'solved', assignee_id: null });
    const recorded = await db.query<{ n: string }>('SELECT count(*) AS n FROM connector_entries WHERE ticket_id = $1', [ticketId]);
    expect(Number(recorded.rows[0]?.n)).toBe(3);
  }, 60_000);

  it("refuses what RT refuses, with RT's reason, and changes nothing here", async () => {
    const { ticketId, rtId } = await linkedTicket(rt, db, backend.center, 'Coupons');
    const claim = await postMutations(backend.url, workspace.tokens.ben, [{ kind: 'claim', idempotencyKey: key(), ticketId }]);
    expect(claim.body.results[0]).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('That user may not own tickets in that queue') } });
    expect(await ticketRow(ticketId)).toEqual({ status: 'new', assignee_id: null });
    expect((await rtTicket(rtId)).Owner.id).toBe('Nobody');
    // A mapping that names a status RT's lifecycle does not have: RT answers 200 and drops it.
    const misMapped = await startInProcessBackend(db, { connector: await rtWriteConnector(rt.url, rt.token, { statuses: { new: 'new', open: 'open', stalled: 'pending', resolved: 'solved', archived: 'closed' } }), loginDetailKey: workspace.loginDetailKey });
    try {
      const status = await postMutations(misMapped.url, workspace.tokens.ana, [{ kind: 'status', idempotencyKey: key(), ticketId, status: 'closed' }]);
      expect(status.body.results[0]).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining("Status 'archived' isn't a valid status") } });
    } finally {
      await misMapped.close();
    }
    expect((await ticketRow(ticketId))?.status).toBe('new');
    const { rows } = await db.query<{ state: string }>('SELECT state FROM connector_writebacks WHERE ticket_id = $1', [ticketId]);
    expect(rows.map((row) => row.state)).toEqual(['refused', 'refused']);
  }, 60_000);

  it("posts once when RT acted but its answer was lost: the resend finds RT's transaction", async () => {
    const { ticketId, rtId } = await linkedTicket(rt, db, backend.center, 'Lost answer');
    const reply = { kind: 'reply', idempotencyKey: key(), ticketId, body: 'Answer lost on the way back.' };
    fault = (request) => (request.method === 'POST' && request.path.endsWith('/correspond') ? { kind: 'cut', afterBytes: 0 } : { kind: 'pass' });
    const cut = await postMutations(backend.url, workspace.tokens.ana, [reply]);
    fault = () => ({ kind: 'pass' });
    expect(cut).toMatchObject({ status: 503, body: { error: { code: 'unavailable' } } });
    expect(await countMessages(rt, rtId, 'Correspond', reply.body)).toBe(1);
    expect(await connectorWaitingActions(db)).toBe(1);
    const resent = await postMutations(backend.url, workspace.tokens.ana, [reply]);
    expect(resent.body.results[0]?.ok).toBe(true);
    expect(await countMessages(rt, rtId, 'Correspond', reply.body)).toBe(1);
    expect(await connectorWaitingActions(db)).toBe(0);
    const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM messages WHERE ticket_id = $1 AND body = $2', [ticketId, reply.body]);
    expect(Number(rows[0]?.n)).toBe(1);
  }, 60_000);

  it('posts once when the backend is killed after RT took the reply and before it was recorded', async () => {
    const { ticketId, rtId } = await linkedTicket(rt, db, backend.center, 'Crash');
    const reply = { kind: 'reply', idempotencyKey: key(), ticketId, body: 'Written just before the crash.' };
    // RT gets the reply and answers, but the answer never reaches the backend: it waits, and is killed.
    fault = (request) => (request.method === 'POST' && request.path.endsWith('/correspond') ? { kind: 'stall', afterBytes: 0 } : { kind: 'pass' });
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/rt-writeback-child.ts', JSON.stringify({ databaseUrl, rtUrl: proxy.url, token: rt.token, engineerId: 'eng-ana', mutation: reply })], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await until(async () => (await countMessages(rt, rtId, 'Correspond', reply.body)) === 1);
      child.kill('SIGKILL');
      await exited;
    } finally {
      fault = () => ({ kind: 'pass' });
      child.kill('SIGKILL');
    }
    expect((await db.query('SELECT state FROM connector_writebacks WHERE idempotency_key = $1', [reply.idempotencyKey])).rows).toEqual([{ state: 'pending' }]);
    expect((await db.query('SELECT 1 FROM messages WHERE body = $1', [reply.body])).rows).toEqual([]);
    // A resend while the killed attempt's lease runs is told to come back; after it, it is recorded.
    expect((await postMutations(backend.url, workspace.tokens.ana, [reply])).status).toBe(503);
    const later = await startInProcessBackend(db, { connector: await rtWriteConnector(rt.url, rt.token), loginDetailKey: workspace.loginDetailKey, clock: () => new Date(Date.now() + 180_000) });
    try {
      expect((await postMutations(later.url, workspace.tokens.ana, [reply])).body.results[0]?.ok).toBe(true);
    } finally {
      await later.close();
    }
    expect(await countMessages(rt, rtId, 'Correspond', reply.body)).toBe(1);
    expect((await db.query('SELECT state FROM connector_writebacks WHERE idempotency_key = $1', [reply.idempotencyKey])).rows).toEqual([{ state: 'delivered' }]);
    expect((await db.query('SELECT 1 FROM messages WHERE body = $1', [reply.body])).rows).toHaveLength(1);
  }, 120_000);

  it('sends one action per ticket at a time, so RT and the support center apply them in one order', async () => {
    const { ticketId, rtId } = await linkedTicket(rt, db, backend.center, 'One at a time');
    const impatient = await startInProcessBackend(db, { connector: await rtWriteConnector(proxy.url, rt.token, { timeoutMs: 2_000 }), loginDetailKey: workspace.loginDetailKey });
    const reply = { kind: 'reply', idempotencyKey: key(), ticketId, body: 'Sent while RT is slow to answer.' };
    const status = { kind: 'status', idempotencyKey: key(), ticketId, status: 'solved' };
    try {
      fault = (request) => (request.method === 'POST' && request.path.endsWith('/correspond') ? { kind: 'stall', afterBytes: 0 } : { kind: 'pass' });
      const slow = postMutations(impatient.url, workspace.tokens.ana, [reply]);
      await until(async () => (await countMessages(rt, rtId, 'Correspond', reply.body)) === 1);
      // Ana's reply is in RT, its answer still on the way: Ben's status change on the ticket waits.
      expect((await postMutations(backend.url, workspace.tokens.ben, [status])).status).toBe(503);
      expect((await slow).status).toBe(503);
      fault = () => ({ kind: 'pass' });
      expect((await postMutations(impatient.url, workspace.tokens.ana, [reply])).body.results[0]?.ok).toBe(true);
      expect((await postMutations(backend.url, workspace.tokens.ben, [status])).body.results[0]?.ok).toBe(true);
    } finally {
      fault = () => ({ kind: 'pass' });
      await impatient.close();
    }
    expect(await countMessages(rt, rtId, 'Correspond', reply.body)).toBe(1);
    expect((await rtTicket(rtId)).Status).toBe('resolved');
    expect((await ticketRow(ticketId))?.status).toBe('solved');
  }, 120_000);

  it('keeps actions waiting while RT is stopped, and delivers each once when it is back', async () => {
    const direct = await startInProcessBackend(db, { connector: await rtWriteConnector(rt.url, rt.token), loginDetailKey: workspace.loginDetailKey });
    const one = await linkedTicket(rt, db, backend.center, 'Down 1');
    const two = await linkedTicket(rt, db, backend.center, 'Down 2');
    const anaReply = { kind: 'reply', idempotencyKey: key(), ticketId: one.ticketId, body: 'Reply written while RT is down.' };
    const benNote = { kind: 'note', idempotencyKey: key(), ticketId: two.ticketId, body: 'Note written while RT is down.' };
    // The desktop's client sees a failure to retry (its outbox keeps the action pending), not a refusal.
    const anaClient = new BackendClient({ baseUrl: direct.url, token: workspace.tokens.ana, timeoutMs: 60_000 });
    try {
      await rt.halt();
      const down = await anaClient.pushMutations({ mutations: [anaReply as never] });
      expect(down.ok ? null : down.error).toMatchObject({ code: 'unavailable', message: expect.stringContaining('RT is unreachable') });
      expect((await postMutations(direct.url, workspace.tokens.ben, [benNote])).status).toBe(503);
      expect(await connectorWaitingActions(db)).toBe(2);
      expect((await db.query('SELECT 1 FROM messages WHERE body = $1', [anaReply.body])).rows).toEqual([]);
    } finally {
      await rt.resume();
    }
    try {
      const back = await anaClient.pushMutations({ mutations: [anaReply as never] });
      expect(back.ok && back.value.results[0]?.ok).toBe(true);
      expect((await postMutations(direct.url, workspace.tokens.ben, [benNote])).body.results[0]?.ok).toBe(true);
    } finally {
      await direct.close();
    }
    expect(await countMessages(rt, one.rtId, 'Correspond', anaReply.body)).toBe(1);
    expect(await countMessages(rt, two.rtId, 'Comment', benNote.body)).toBe(1);
    expect(await connectorWaitingActions(db)).toBe(0);
  }, 120_000);
});
