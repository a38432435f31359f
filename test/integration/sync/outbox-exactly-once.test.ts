import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MutationResult } from '@shared/contract';
import type { CacheChannel } from '@shared/ipc/cache-channels';
import type { Database } from '../../../src-backend/db/database';
import { openDatabase } from '../../../src-backend/db/open-database';
import { BackendClient } from '../../../src-main/services/backend-client';
import { openAgentCache, type AgentCache } from '../../../src-renderer/db/cache-database';
import { cacheSnapshot, canonicalHash } from '../../../src-renderer/db/canonical-hash';
import { enqueueAction, rejectedActions, type MutationDraft } from '../../../src-renderer/db/outbox';
import { createSmallWorkspace, type SmallWorkspace } from '../../fixtures/small-workspace';
import { AgentHarness, type CrashPoint } from '../../support/agent-harness';
import { backendHash } from '../../support/backend-snapshot';
import { FaultSchedule, type FaultName } from '../../support/fault-menu';
import { startInProcessBackend } from '../../support/in-process-backend';
import { subscriptionFor } from '../../support/random-backend-writes';
import { Prng, suiteSeed } from '../../support/seeded-prng';
import { startFaultProxy, type FaultProxy } from '../../support/tcp-fault-proxy';
import { createAccount, createSubscription } from '../../../src-backend/domain/workspace-setup';

/**
 * Issue 4's outbox proof: 520 engineer actions (replies, notes, claims, unclaims, checklist
 * answers, categories, status changes) taken in one cache across many app sessions, pushed
 * through a proxy that loses requests and, above all, answers (the backend applied the batch and
 * the client never heard: a cut after the request, a 500 after the work, a stall past the
 * timeout, a malformed answer), while the renderer crashes between marking a batch as sent and
 * settling its results and the app quits mid-push (a crashed app finds its `sending` entries and
 * sends them again, sometimes after marking them pending). Then, on the server: every action's
 * key stored once, every accepted action moved its ticket exactly once (one ticket version in the
 * change log each), every accepted reply or note is exactly one message, and every refused
 * action is shown to the engineer with the server's reason.
 */

const SEED = suiteSeed();
const ACTIONS = 520;
const MAX_RESPONSE_BYTES = 256 * 1024;
const ANA = { engineerId: 'eng-ana', engineerName: 'Ana Silva' };

/** Faults that hit mutation pushes mostly after the backend did the work. */
const FAULT_WEIGHTS: Partial<Record<FaultName, number>> = {
  'answer-lost': 4,
  'applied-then-500': 3,
  'cut-request': 3,
  'cut-in-body': 3,
  'cut-in-head': 1,
  'truncated-body': 1.5,
  'schema-violation': 1.5,
  stall: 0.7,
  refuse: 1,
  'http-500': 1,
};

let db: Database;
let workspace: SmallWorkspace;
let backend: Awaited<ReturnType<typeof startInProcessBackend>>;
let proxy: FaultProxy;
let schedule: FaultSchedule | null = null;
/** Tickets ana works on, and tickets ben holds (ana's claims there must be refused). */
const tickets: string[] = [];
const bensTickets: string[] = [];
const cacheName = 'outbox-cache';
const indexedDB = new IDBFactory();
/** Every action taken, by key. */
const taken = new Map<string, MutationDraft & { idempotencyKey: string }>();
let ticketChangesBefore = 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tally = { sessions: 0, crashes: 0, reloads: 0, appRestarts: 0, remarkedPending: 0, pushesAnsweredAfterTheWork: 0, faults: {} as Record<string, number>, failures: {} as Record<string, number> };

beforeAll(async () => {
  db = await openDatabase({ dataDir: null });
  workspace = await createSmallWorkspace(db);
  backend = await startInProcessBackend(db, { loginDetailKey: workspace.loginDetailKey });
  await db.transaction(async (tx) => {
    await createAccount(tx, { id: 'acc-outbox', holderName: 'Olga Outbox', holderEmail: 'olga@outbox.test', organization: null });
    await createSubscription(tx, subscriptionFor('sub-outbox', 'acc-outbox', 'scope'));
  });
  const accounts = ['acc-gold', 'acc-plat', 'acc-scope', 'acc-outbox'];
  for (let i = 0; i < 36; i++) {
    const row = await backend.center.fileTicket({
      accountId: accounts[i % accounts.length] as string, requesterName: 'Customer', requesterEmail: 'customer@example.test',
      subject: `Outbox ticket ${i}`, body: `Please help (${i}).`, source: 'email',
    });
    (i < 30 ? tickets : bensTickets).push(row.id);
  }
  await backend.center.applyMutations({ role: 'engineer', engineerId: 'eng-ben' }, {
    mutations: bensTickets.map((ticketId, i) => ({ kind: 'claim' as const, idempotencyKey: `ben-claims-${i}`, ticketId })),
  });
  proxy = await startFaultProxy(backend.port, (request) => schedule?.next(request).fault ?? { kind: 'pass' });
  // The engineer's cache starts synced, as on a normal morning.
  const harness = newHarness(new Prng(SEED).fork('first-sync'), 0);
  harness.start();
  await harness.cleanPass();
  await harness.close();
  ticketChangesBefore = await countTicketChanges();
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await backend?.close();
  await db?.close();
  console.info(`outbox suite seed ${SEED}: ${JSON.stringify(tally)}`);
});

async function countTicketChanges(): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM changes WHERE entity = 'ticket' AND op = 'upsert'");
  return Number(rows[0]?.n);
}

function newHarness(rng: Prng, crashBudget: number): AgentHarness {
  let left = crashBudget;
  const crash = (channel: CacheChannel): CrashPoint | null => {
    if (left <= 0 || channel === 'cache:read-cursor' || !rng.chance(channel === 'cache:apply-page' ? 0.05 : 0.12)) return null;
    left--;
    return rng.weighted({ 'crash-before-commit': 3, 'crash-after-commit': 3, 'error-before-commit': 1 });
  };
  return new AgentHarness({
    cacheName,
    indexedDB,
    client: () => new BackendClient({ baseUrl: proxy.url, token: workspace.tokens.ana, timeoutMs: 300, maxResponseBytes: MAX_RESPONSE_BYTES }),
    engine: { pageSize: rng.int(5, 40), pushBatchSize: rng.int(1, 25), pollIntervalMs: 0, backoff: { baseMs: 4, maxMs: 40, random: () => rng.next() } },
    crash,
    recover: () => ({ restartApp: rng.chance(0.5), delayMs: rng.int(0, 20) }),
  });
}

const CHECKLIST_ITEMS = ['code-not-customized', 'data-not-modified', 'addons-purchased', 'not-from-forum'] as const;

/** The n-th action: its key is in its body, so the server's messages can be counted per key. */
function action(n: number, rng: Prng): MutationDraft & { idempotencyKey: string } {
  const idempotencyKey = `outbox-action-${n}`;
  if (rng.chance(0.04)) return { kind: 'claim', idempotencyKey, ticketId: rng.pick(bensTickets) };
  const ticketId = rng.pick(tickets);
  const kind = rng.weighted({ reply: 3, note: 2, claim: 1.5, unclaim: 1, 'checklist-answer': 2, category: 2, status: 2 });
  switch (kind) {
    case 'reply':
    case 'note':
      return { kind, idempotencyKey, ticketId, body: `${kind} ${idempotencyKey}` };
    case 'claim':
    case 'unclaim':
      return { kind, idempotencyKey, ticketId };
    case 'checklist-answer':
      return { kind, idempotencyKey, ticketId, item: rng.pick(CHECKLIST_ITEMS), value: rng.pick([true, false, null]) };
    case 'category':
      return { kind, idempotencyKey, ticketId, categoryId: rng.chance(0.15) ? 'not-a-category' : rng.pick(['how-to-feature-question', 'product-defect', 'installation-upgrade', 'customized-code', null]) };
    case 'status':
      return { kind, idempotencyKey, ticketId, status: rng.pick(['open', 'pending', 'solved', 'closed', 'open'] as const) };
  }
}

/** The engineer clicks; if the renderer died under the click, the action is taken again (same key) once it is back. */
async function take(harness: AgentHarness, draft: MutationDraft & { idempotencyKey: string }): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const queued = await enqueueAction(harness.cache, draft, ANA);
    if (queued.ok) return;
    const stored = await harness.cache.outbox.get({ idempotencyKey: draft.idempotencyKey }).catch(() => undefined);
    if (stored !== undefined) return;
    await sleep(5);
  }
  throw new Error(`could not enqueue ${draft.idempotencyKey}`);
}

async function unsettled(cache: AgentCache): Promise<string[]> {
  return (await cache.outbox.filter((e) => e.status !== 'rejected').toArray()).map((e) => `${e.idempotencyKey}:${e.status}`);
}

describe(`outbox under random disconnects and restarts, seed ${SEED} (FAULT_SEED=${SEED} replays it)`, () => {
  it(`applies ${ACTIONS} actions exactly once on the server (counted there) and the cache ends equal to the backend (seed ${SEED})`, async () => {
    const rng = new Prng(SEED).fork('sessions');
    let n = 0;
    for (let session = 0; n < ACTIONS; session++) {
      tally.sessions++;
      const sessionRng = rng.fork(`session-${session}`);
      // A crashed app finds the entries it was sending; sometimes it counts them as not sent at all.
      if (session > 0 && sessionRng.chance(0.4)) {
        const cache = openAgentCache(cacheName, { indexedDB, IDBKeyRange });
        tally.remarkedPending += await cache.outbox.where('status').equals('sending').modify({ status: 'pending' });
        cache.close();
      }
      schedule = new FaultSchedule(sessionRng.fork('faults'), FAULT_WEIGHTS, sessionRng.int(2, 12), sessionRng.pick([0.3, 0.6]), { maxResponseBytes: MAX_RESPONSE_BYTES });
      const harness = newHarness(sessionRng.fork('app'), sessionRng.int(0, 4));
      harness.start();
      if (sessionRng.chance(0.3)) harness.scheduleRestart(sessionRng.int(10, 150), 'the engineer restarted the app');
      const batch = Math.min(ACTIONS - n, sessionRng.int(15, 70));
      for (let i = 0; i < batch; i++) {
        const draft = action(++n, sessionRng);
        taken.set(draft.idempotencyKey, draft);
        await take(harness, draft);
        if (sessionRng.chance(0.3)) void harness.engine.syncNow(); // the outbox kick after an action
        if (sessionRng.chance(0.2)) await sleep(sessionRng.int(0, 8));
      }
      try {
        // Half the sessions end with the app quitting wherever the push is; the rest once it is idle.
        if (sessionRng.chance(0.5)) await harness.untilIdle(30_000);
        else await sleep(sessionRng.int(0, 60));
      } finally {
        await harness.close();
        for (const [name, count] of Object.entries(schedule.drawn)) tally.faults[name] = (tally.faults[name] ?? 0) + count;
        tally.pushesAnsweredAfterTheWork += schedule.log.filter((line) => /^POST \/v1\/mutations -> (answer-lost|applied-then-500|cut-in-body|truncated-body|schema-violation|stall)$/.test(line)).length;
        for (const [key, count] of Object.entries(harness.failures)) tally.failures[key] = (tally.failures[key] ?? 0) + count;
        tally.crashes += harness.counts.crashes;
        tally.reloads += harness.counts.reloads;
        tally.appRestarts += harness.counts.appRestarts;
        schedule = null;
      }
    }

    // The last session: no faults, "Sync now" until nothing is left in flight.
    const final = newHarness(rng.fork('final'), 0);
    final.start();
    for (let pass = 0; pass < 5 && (await unsettled(final.cache)).length > 0; pass++) await final.cleanPass();
    await final.cleanPass();
    await final.close();

    const cache = openAgentCache(cacheName, { indexedDB, IDBKeyRange });
    try {
      expect(await unsettled(cache)).toEqual([]);
      expect(taken.size).toBe(ACTIONS);
      // The case idempotency keys exist for did happen: pushes the backend applied whose answer never arrived intact.
      expect(tally.pushesAnsweredAfterTheWork).toBeGreaterThanOrEqual(5);

      // Every key reached the server exactly once (a key is stored once, with its first result).
      const stored = await db.query<{ key: string; result: MutationResult | string }>("SELECT key, result FROM idempotency_keys WHERE key LIKE 'outbox-action-%'");
      const results = new Map(stored.rows.map((row) => [row.key, (typeof row.result === 'string' ? JSON.parse(row.result) : row.result) as MutationResult]));
      expect(stored.rows).toHaveLength(ACTIONS);
      expect([...taken.keys()].filter((key) => !results.has(key))).toEqual([]);
      const accepted = [...taken.values()].filter((a) => results.get(a.idempotencyKey)?.ok === true);
      const refused = [...taken.values()].filter((a) => results.get(a.idempotencyKey)?.ok === false);
      expect(accepted.length + refused.length).toBe(ACTIONS);

      // Every accepted action moved its ticket once: one ticket version each in the change log, no more.
      expect((await countTicketChanges()) - ticketChangesBefore).toBe(accepted.length);

      // Every accepted reply and note is exactly one staff message; refused ones none.
      const staff = await db.query<{ body: string; n: number }>("SELECT body, count(*)::int AS n FROM messages WHERE author_kind = 'staff' GROUP BY body");
      const perBody = new Map(staff.rows.map((row) => [row.body, Number(row.n)]));
      const doubled = staff.rows.filter((row) => Number(row.n) > 1).map((row) => row.body);
      expect(doubled).toEqual([]);
      const writes = [...taken.values()].filter((a): a is Extract<typeof a, { body: string }> => a.kind === 'reply' || a.kind === 'note');
      const missing = writes.filter((a) => results.get(a.idempotencyKey)?.ok === true && perBody.get(a.body) !== 1).map((a) => a.idempotencyKey);
      const unexpected = writes.filter((a) => results.get(a.idempotencyKey)?.ok === false && perBody.has(a.body)).map((a) => a.idempotencyKey);
      expect(missing).toEqual([]);
      expect(unexpected).toEqual([]);
      expect(staff.rows.reduce((sum, row) => sum + Number(row.n), 0)).toBe(writes.filter((a) => results.get(a.idempotencyKey)?.ok === true).length);

      // The engineer sees every refused action, with the server's own reason, and nothing else.
      const shown = await rejectedActions(cache);
      expect(shown.map((e) => e.idempotencyKey).sort()).toEqual(refused.map((a) => a.idempotencyKey).sort());
      for (const entry of shown) {
        const result = results.get(entry.idempotencyKey);
        expect(entry.error).toEqual(result?.ok === false ? result.error : undefined);
      }

      // And after all that the cache holds exactly the backend's rows.
      expect(await canonicalHash(await cacheSnapshot(cache))).toBe(await backendHash(db));
      console.info(`outbox: ${accepted.length} accepted, ${refused.length} refused, ${writes.length} replies and notes`);
    } finally {
      cache.close();
    }
  }, 240_000);

  it(`shows a claim of a ticket another engineer holds as rejected, with the server's reason (seed ${SEED})`, async () => {
    const cache = openAgentCache(cacheName, { indexedDB, IDBKeyRange });
    try {
      const claims = (await rejectedActions(cache)).filter((e) => e.mutation.kind === 'claim' && bensTickets.includes(e.ticketId));
      expect(claims.length).toBeGreaterThan(0);
      for (const entry of claims) expect(entry.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('already claimed') });
      // Rolled back: the ticket shows ben as its assignee, not ana's refused claim.
      for (const entry of claims) expect((await cache.tickets.get(entry.ticketId))?.assigneeId).toBe('eng-ben');
    } finally {
      cache.close();
    }
  });
});
