import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-backend/db/database';
import { openDatabase } from '../../../src-backend/db/open-database';
import { BackendClient, type BackendErrorCode } from '../../../src-main/services/backend-client';
import { createSmallWorkspace, type SmallWorkspace } from '../../fixtures/small-workspace';
import { buildFault, faultNames, type FaultName } from '../../support/fault-menu';
import { startInProcessBackend } from '../../support/in-process-backend';
import { Prng } from '../../support/seeded-prng';
import { startFaultProxy, type FaultProxy, type ProxyFault } from '../../support/tcp-fault-proxy';

/**
 * The fault menu, one fault at a time, against the real BackendClient: each fault the suites draw
 * reaches the client as the failure it stands for (and a pass is a pass), so a green fault suite
 * means those failures really happened. Also: a fault never leaves a connection open behind it.
 */

const MAX_RESPONSE_BYTES = 64 * 1024;
/** Short for the stalls (the timeout is what they test), generous for the rest (a slow CI machine is no fault). */
const STALL_TIMEOUT_MS = 400;
const TIMEOUT_MS = 10_000;

/** What the client must report for each fault on a sync page request. */
const expected: Record<FaultName, BackendErrorCode> = {
  refuse: 'offline',
  'cut-request': 'offline',
  'cut-in-head': 'offline',
  'cut-in-body': 'offline',
  'answer-lost': 'offline',
  stall: 'timeout',
  'http-500': 'server-error',
  'html-502': 'server-error',
  'applied-then-500': 'server-error',
  'truncated-body': 'bad-response',
  'garbage-body': 'bad-response',
  'schema-violation': 'bad-response',
  'json-null': 'bad-response',
  'oversized-declared': 'too-large',
  'oversized-streamed': 'too-large',
};

let db: Database;
let workspace: SmallWorkspace;
let backend: Awaited<ReturnType<typeof startInProcessBackend>>;
let proxy: FaultProxy;
let next: ProxyFault = { kind: 'pass' };

beforeAll(async () => {
  db = await openDatabase({ dataDir: null });
  workspace = await createSmallWorkspace(db);
  backend = await startInProcessBackend(db, { loginDetailKey: workspace.loginDetailKey });
  for (let i = 0; i < 12; i++) {
    await backend.center.fileTicket({ accountId: 'acc-gold', requesterName: 'Customer', requesterEmail: 'c@example.test', subject: `Question ${i}`, body: 'x'.repeat(400), source: 'email' });
  }
  proxy = await startFaultProxy(backend.port, () => next);
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await backend?.close();
  await db?.close();
});

function client(timeoutMs = TIMEOUT_MS): BackendClient {
  return new BackendClient({ baseUrl: proxy.url, token: workspace.tokens.ana, timeoutMs, maxResponseBytes: MAX_RESPONSE_BYTES });
}

/** Open sockets once they had `ms` to close (undici lets an abandoned connection go after its 4 s idle timer). */
async function socketsOpenAfter(ms: number): Promise<number> {
  const until = Date.now() + ms;
  while (proxy.openSockets() > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  return proxy.openSockets();
}

describe('each fault of the menu reaches the client as the failure it stands for', () => {
  it('passes a sync page through untouched', async () => {
    next = { kind: 'pass' };
    const page = await client().sync(null, 30);
    const direct = await new BackendClient({ baseUrl: backend.url, token: workspace.tokens.ana }).sync(null, 30);
    expect(page.ok && page.value.changes.length).toBeGreaterThan(0);
    expect(page.ok && { changes: page.value.changes, cursor: page.value.cursor }).toEqual(direct.ok && { changes: direct.value.changes, cursor: direct.value.cursor });
  });

  // Several draws per fault, since most take a random cut point or body.
  it.each(faultNames.flatMap((name) => [0, 1, 2].map((draw) => [name, draw] as const)))('%s (draw %i)', async (name, draw) => {
    next = buildFault(name, new Prng(1000 + draw).fork(name), { maxResponseBytes: MAX_RESPONSE_BYTES });
    const page = await client(name === 'stall' ? STALL_TIMEOUT_MS : TIMEOUT_MS).sync(null, 30);
    expect(page.ok ? 'ok' : page.error.code).toBe(expected[name]);
  });

  it('leaves no connection open behind any of those faults (a refused body is cancelled, not left to the garbage collector)', async () => {
    expect(await socketsOpenAfter(8_000)).toBe(0);
  }, 10_000);

  it('a mutation whose answer was lost was applied once, and sending it again answers the first result', async () => {
    const ticket = await backend.center.fileTicket({ accountId: 'acc-plat', requesterName: 'C', requesterEmail: 'c@example.test', subject: 'Lost answer', body: 'b', source: 'email' });
    const batch = { mutations: [{ kind: 'note' as const, idempotencyKey: 'lost-answer-note-1', ticketId: ticket.id, body: 'lost-answer-note-1' }] };
    next = buildFault('answer-lost', new Prng(1), { maxResponseBytes: MAX_RESPONSE_BYTES });
    const first = await client().pushMutations(batch);
    expect(first.ok ? 'ok' : first.error.code).toBe('offline');
    next = { kind: 'pass' };
    const again = await client().pushMutations(batch);
    expect(again.ok && again.value.results[0]?.ok).toBe(true);
    const notes = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM messages WHERE body = 'lost-answer-note-1'");
    expect(notes.rows[0]?.n).toBe(1);
  });
});
