import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RtClient } from '../../../src-backend/connectors/request-tracker/rt-client';
import type { RtHistoryEntry } from '../../../src-backend/connectors/request-tracker/read-history';
import type { RtTicket } from '../../../src-backend/connectors/request-tracker/rt-schemas';
import { describeWithRt, startSuiteRt, type SuiteRt } from '../../support/request-tracker';

/** A loopback port nothing listens on: connections to it are refused. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

type Created = Array<{ id: string }>;

/** All pages of a paged read, in order. */
async function allPages<T>(read: (page: number) => Promise<{ ok: true; value: { items: T[]; nextPage: number | null } } | { ok: false; error: { message: string } }>): Promise<T[]> {
  const items: T[] = [];
  for (let page: number | null = 1; page !== null; ) {
    const answer = await read(page);
    if (!answer.ok) throw new Error(answer.error.message);
    items.push(...answer.value.items);
    page = answer.value.nextPage;
  }
  return items;
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describeWithRt('RT 5 REST 2.0 client', () => {
  let rt: SuiteRt;
  let client: RtClient;
  let ids: number[];
  const startedAt = new Date(Date.now() - 2_000);

  beforeAll(async () => {
    rt = await startSuiteRt();
    client = new RtClient({ baseUrl: rt.url, token: rt.token, maxRequestsPerSecond: 200 });
    const created = await rt.rest<Created>(
      'POST',
      '/tickets/bulk',
      Array.from({ length: 5 }, (_, i) => ({ Queue: 'General', Subject: `Printer ${i}`, Requestor: `customer${i}@example.test`, Content: `first message ${i}`, ContentType: 'text/plain' })),
    );
    ids = created.map((ticket) => Number(ticket.id));
  }, 120_000);
  afterAll(() => rt?.stop());

  it('searches tickets updated since an instant, oldest first, page by page', async () => {
    const tickets = await allPages((page) => client.ticketsUpdatedSince(startedAt, page, 2));
    expect(tickets.map((ticket) => ticket.id)).toEqual(expect.arrayContaining(ids));
    const order = tickets.map((ticket) => `${ticket.LastUpdated}#${String(ticket.id).padStart(6, '0')}`);
    expect(order).toEqual([...order].sort());
    expect(tickets.find((ticket) => ticket.id === ids[0])?.Subject).toBe('Printer 0');
    const later = unwrap(await client.ticketsUpdatedSince(new Date(Date.now() + 3_600_000)));
    expect(later).toEqual({ items: [], page: 1, nextPage: null });
  });

  it('reads a ticket by id, with its people, queue and custom fields', async () => {
    const ticket: RtTicket = unwrap(await client.ticket(ids[1] as number));
    expect(ticket).toMatchObject({ id: ids[1], Subject: 'Printer 1', Status: 'new', Owner: { id: 'Nobody' }, Queue: { type: 'queue', id: '1' }, Resolved: null });
    expect(ticket.Requestor.map((person) => person.id)).toEqual(['customer1@example.test']);
    expect(ticket.CustomFields).toEqual([{ id: expect.any(Number), name: 'Severity', values: [] }]);
    const missing = await client.ticket(999_999);
    expect(missing.ok ? null : missing.error.code).toBe('not-found');
  });

  it('reads a ticket history page by page with the text of every message', async () => {
    const id = ids[2] as number;
    unwrap(await client.correspond(id, { content: 'Have you tried turning it off and on?' }));
    unwrap(await client.comment(id, { content: 'Internal: customer on gold plan' }));
    const whole = await allPages<RtHistoryEntry>((page) => client.ticketHistory(id, page, 100));
    const paged = await allPages<RtHistoryEntry>((page) => client.ticketHistory(id, page, 2));
    expect(paged).toEqual(whole);
    expect(whole.filter((entry) => entry.content !== null).map((entry) => [entry.Type, entry.content, entry.contentType])).toEqual([
      ['Create', 'first message 2', 'text/plain'],
      ['Correspond', 'Have you tried turning it off and on?', 'text/plain'],
      ['Comment', 'Internal: customer on gold plan', 'text/plain'],
    ]);
    expect(whole.map((entry) => entry.id)).toEqual([...whole.map((entry) => entry.id)].sort((a, b) => a - b));
  });

  it('reads users and queues', async () => {
    expect(unwrap(await client.user('root'))).toMatchObject({ Name: 'root', Disabled: false });
    const customer = unwrap(await client.user('customer3@example.test'));
    expect(customer).toMatchObject({ Name: 'customer3@example.test', EmailAddress: 'customer3@example.test' });
    expect(unwrap(await client.user(customer.id)).Name).toBe('customer3@example.test');
    const queues = await allPages((page) => client.queues(page));
    expect(queues.map((queue) => queue.Name)).toContain('General');
  });

  it('writes back a reply, a note, an owner and a status', async () => {
    const id = ids[3] as number;
    const reply = unwrap(await client.correspond(id, { content: 'Fixed in 2.1', status: 'open' }));
    const note = unwrap(await client.comment(id, { content: 'Escalated' }));
    expect(unwrap(await client.setOwner(id, 'root')).Owner.id).toBe('root');
    expect(unwrap(await client.setStatus(id, 'resolved')).Status).toBe('resolved');
    const history = await allPages<RtHistoryEntry>((page) => client.ticketHistory(id, page));
    expect(history.find((entry) => entry.id === reply.transactionId)?.content).toBe('Fixed in 2.1');
    expect(history.find((entry) => entry.id === note.transactionId)?.content).toBe('Escalated');
    expect(history.filter((entry) => entry.Type === 'Status').map((entry) => entry.NewValue)).toEqual(['open', 'resolved']);
  });

  it("reports what RT refused while answering 200, in RT's words", async () => {
    const id = ids[4] as number;
    const status = await client.setStatus(id, 'xyz');
    expect(status.ok ? null : status.error).toEqual({ code: 'refused', message: expect.stringContaining("Status 'xyz' isn't a valid status") });
    const owner = await client.setOwner(id, 'no-such-agent');
    expect(owner.ok ? null : owner.error.code).toBe('refused');
    expect(owner.ok ? '' : owner.error.message).toContain("Owner to 'no-such-agent'");
    const reply = await client.correspond(id, { content: 'Closing', status: 'xyz' });
    expect(reply.ok ? null : reply.error.message).toMatch(/the correspond was added as transaction \d+, but RT did not set Status to 'xyz'/);
    expect(unwrap(await client.ticket(id)).Status).toBe('open');
  });

  it('detects a custom field value RT dropped without a word', async () => {
    const id = ids[0] as number;
    const set = unwrap(await client.update(id, { CustomFields: { Severity: 'high' } }));
    expect(set.CustomFields.find((cf) => cf.name === 'Severity')?.values).toEqual(['high']);
    const dropped = await client.update(id, { CustomFields: { Severity: 'catastrophic' } });
    expect(dropped.ok ? null : dropped.error.message).toContain("custom field 'Severity' to 'catastrophic' (it holds 'high')");
  });

  it('answers errors as values: a wrong token, a timeout, an RT that is gone', async () => {
    const wrong = await new RtClient({ baseUrl: rt.url, token: '1-2-00000000000000000000000000000000' }).ticket(ids[0] as number);
    expect(wrong.ok ? null : wrong.error.code).toBe('unauthorized');
    const slow = await new RtClient({ baseUrl: rt.url, token: rt.token, timeoutMs: 1, maxAttempts: 1 }).ticket(ids[0] as number);
    expect(slow.ok ? null : slow.error.code).toBe('timeout');
    const gone = new RtClient({ baseUrl: `http://127.0.0.1:${await closedPort()}`, token: rt.token, maxAttempts: 3, backoff: { baseMs: 200, maxMs: 1_000, jitter: false } });
    const started = Date.now();
    const answer = await gone.correspond(ids[0] as number, { content: 'never sent' });
    expect(answer.ok ? null : answer.error.code).toBe('offline');
    // Three attempts, backing off 200 then 400 ms between them.
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
  });

  it('keeps to its request budget', async () => {
    const paced = new RtClient({ baseUrl: rt.url, token: rt.token, maxRequestsPerSecond: 4 });
    const started = Date.now();
    await Promise.all(Array.from({ length: 5 }, () => paced.user('root')));
    // Five starts 250 ms apart: the last one no sooner than 1 s after the first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });
});
