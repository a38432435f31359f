import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RtConnector } from '../../../src-backend/connectors/request-tracker/rt-connector';
import type { Database } from '../../../src-backend/db/database';
import { openDatabase } from '../../../src-backend/db/open-database';
import { rtAs } from '../../../scripts/rt/rt-as';
import { createSmallWorkspace, type SmallWorkspace } from '../../fixtures/small-workspace';
import { createScratchDatabase } from '../../fixtures/test-databases';
import { startInProcessBackend } from '../../support/in-process-backend';
import { describeWithRt, startSuiteRt, type SuiteRt } from '../../support/request-tracker';
import { mirrorNow, rtTestConfig, verifiedConnector } from '../../support/rt-mirror-harness';
import { countMessages, postMutations } from '../../support/rt-writeback-harness';
import { startFaultProxy, type ProxiedRequest, type ProxyFault } from '../../support/tcp-fault-proxy';

let keys = 0;
const key = (): string => `wbm-${Date.now()}-${++keys}`;
const GRACE = { user: 'grace@gold.test', password: 'grace-password-19' };

/** The whole connector at once: RT tickets mirrored, engineers' replies written back, and mirrored again. */
describeWithRt('write-back and mirror together on RT 5: each message once on either side', () => {
  let rt: SuiteRt;
  let db: Database;
  let workspace: SmallWorkspace;
  let fault: (request: ProxiedRequest) => ProxyFault = () => ({ kind: 'pass' });
  /** The mirror reads RT directly; the backend writes back through a fault proxy. */
  let mirror: RtConnector;
  let backend: { url: string };
  /** What afterAll undoes, newest first. */
  const stops: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    rt = await startSuiteRt({ rights: true });
    stops.push(() => rt.stop());
    // Ana's RT user is root, the connector's user: the mirror knows her replies made in RT as hers.
    await rt.rest('PUT', '/user/root', { EmailAddress: 'ana@vendor.test' });
    await rt.rest('POST', '/user', { Name: GRACE.user, EmailAddress: GRACE.user, RealName: 'Grace Gold', Password: GRACE.password });
    const { url, drop } = await createScratchDatabase();
    stops.push(drop);
    db = await openDatabase({ databaseUrl: url, poolSize: 4 });
    stops.push(() => db.close());
    workspace = await createSmallWorkspace(db);
    const proxy = await startFaultProxy(Number(new URL(rt.url).port), (request) => fault(request));
    stops.push(() => proxy.close());
    mirror = await verifiedConnector(rt);
    const started = await startInProcessBackend(db, { connector: await verifiedConnector(rt, rtTestConfig(rt, { url: proxy.url })), loginDetailKey: workspace.loginDetailKey });
    stops.push(() => started.close());
    backend = started;
  }, 120_000);
  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  /** A ticket Grace opens in RT herself (REST 2.0, her password), mirrored: its RT id and ours. */
  const customerTicket = async (subject: string): Promise<{ rtId: number; ticketId: string }> => {
    const created = await rtAs(rt.url, GRACE)('POST', '/ticket', { Queue: 'General', Subject: subject, Requestor: GRACE.user, Content: `${subject}: please help.`, ContentType: 'text/plain' });
    expect(await mirrorNow(db, mirror)).toMatchObject({ ran: true, error: null });
    const { rows } = await db.query<{ ticket_id: string }>("SELECT ticket_id FROM connector_tickets WHERE connector = 'request-tracker' AND external_id = $1", [String(created.createdId)]);
    expect(rows).toHaveLength(1);
    return { rtId: created.createdId as number, ticketId: (rows[0] as { ticket_id: string }).ticket_id };
  };
  const messagesOf = async (ticketId: string) =>
    (await db.query<{ author_kind: string; author_id: string | null; body: string }>('SELECT author_kind, author_id, body FROM messages WHERE ticket_id = $1 ORDER BY created_at, version', [ticketId])).rows;
  const clockOf = async (ticketId: string) =>
    (await db.query<{ first_staff_reply_at: Date | null; sla_outcome: string | null; status: string }>('SELECT first_staff_reply_at, sla_outcome, status FROM tickets WHERE id = $1', [ticketId])).rows[0];

  it('a reply through /v1/mutations is one correspondence in RT; the next mirror runs add no copy and leave the stopped clock as it was', async () => {
    const { rtId, ticketId } = await customerTicket('Checkout fails');
    expect(await messagesOf(ticketId)).toEqual([{ author_kind: 'customer', author_id: null, body: 'Checkout fails: please help.' }]);
    expect(await clockOf(ticketId)).toMatchObject({ first_staff_reply_at: null, sla_outcome: null, status: 'new' });
    const reply = { kind: 'reply', idempotencyKey: key(), ticketId, body: 'We fixed the checkout, please retry.' };
    expect((await postMutations(backend.url, workspace.tokens.ana, [reply])).body.results[0]?.ok).toBe(true);
    expect(await countMessages(rt, rtId, 'Correspond', reply.body)).toBe(1);
    const stopped = await clockOf(ticketId);
    expect(stopped).toMatchObject({ first_staff_reply_at: expect.any(Date), sla_outcome: 'met', status: 'pending' });
    for (let run = 0; run < 2; run++) expect(await mirrorNow(db, mirror)).toMatchObject({ ran: true, error: null });
    expect(await messagesOf(ticketId)).toEqual([
      { author_kind: 'customer', author_id: null, body: 'Checkout fails: please help.' },
      { author_kind: 'staff', author_id: 'eng-ana', body: reply.body },
    ]);
    expect(await clockOf(ticketId)).toEqual(stopped);
    expect(await countMessages(rt, rtId, 'Correspond', reply.body)).toBe(1);
    expect((await db.query('SELECT 1 FROM credits WHERE ticket_id = $1', [ticketId])).rows).toEqual([]);
  }, 90_000);

  it('a mirror run between RT taking a reply and the backend recording it: the resend adds no second copy', async () => {
    const { rtId, ticketId } = await customerTicket('Invoice missing');
    const reply = { kind: 'reply', idempotencyKey: key(), ticketId, body: 'The invoice is on its way.' };
    fault = (request) => (request.method === 'POST' && request.path.endsWith('/correspond') ? { kind: 'cut', afterBytes: 0 } : { kind: 'pass' });
    try {
      expect((await postMutations(backend.url, workspace.tokens.ana, [reply])).status).toBe(503);
    } finally {
      fault = () => ({ kind: 'pass' });
    }
    expect(await mirrorNow(db, mirror)).toMatchObject({ ran: true, error: null });
    expect((await postMutations(backend.url, workspace.tokens.ana, [reply])).body.results[0]?.ok).toBe(true);
    expect(await mirrorNow(db, mirror)).toMatchObject({ ran: true, error: null });
    expect(await countMessages(rt, rtId, 'Correspond', reply.body)).toBe(1);
    expect((await messagesOf(ticketId)).filter((message) => message.body === reply.body)).toEqual([{ author_kind: 'staff', author_id: 'eng-ana', body: reply.body }]);
    expect(await clockOf(ticketId)).toMatchObject({ first_staff_reply_at: expect.any(Date), sla_outcome: 'met' });
  }, 90_000);

  it('a mirror run while a reply is being sent to RT leaves it to the write-back', async () => {
    const { rtId, ticketId } = await customerTicket('Slow admin');
    const reply = { kind: 'reply', idempotencyKey: key(), ticketId, body: 'Looking at the admin pages now.' };
    fault = (request) => (request.method === 'POST' && request.path.endsWith('/correspond') ? { kind: 'stall', afterBytes: 0 } : { kind: 'pass' });
    let sent: Promise<unknown> = Promise.resolve();
    try {
      sent = postMutations(backend.url, workspace.tokens.ana, [reply]);
      for (const deadline = Date.now() + 30_000; (await countMessages(rt, rtId, 'Correspond', reply.body)) === 0; ) {
        if (Date.now() > deadline) throw new Error('RT never took the reply');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await mirrorNow(db, mirror)).toMatchObject({ ran: true, error: null, waitedFor: String(rtId) });
      expect((await messagesOf(ticketId)).filter((message) => message.body === reply.body)).toEqual([]);
    } finally {
      fault = () => ({ kind: 'pass' });
      await sent;
    }
    // The stalled attempt timed out (503) and waits: the resend finds RT's transaction and records it once.
    expect((await postMutations(backend.url, workspace.tokens.ana, [reply])).body.results[0]?.ok).toBe(true);
    expect(await mirrorNow(db, mirror)).toMatchObject({ ran: true, error: null });
    expect(await countMessages(rt, rtId, 'Correspond', reply.body)).toBe(1);
    expect((await messagesOf(ticketId)).filter((message) => message.body === reply.body)).toHaveLength(1);
  }, 120_000);
});
