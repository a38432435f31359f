import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TicketRow } from '@shared/contract';
import { presets } from '@shared/policy';
import { policyRow } from '../../fixtures/policy-row';
import { openAgentCache } from '../../../src-renderer/db/cache-database';
import { queueData, queueHead } from '../../../src-renderer/db/queue-queries';
import { buildQueueRows } from '../../../src-renderer/queue/build-queue-rows';

const HOUR = 3_600_000;
const base = Date.parse('2026-11-20T15:00:00.000Z');
const STATUSES = ['new', 'open', 'pending', 'solved'] as const;

interface Spec {
  status: number;
  due: number | null;
  /** Hours after the due instant the first staff reply came, or null: none yet. */
  reply: number | null;
}

function ticket(i: number, spec: Spec): TicketRow {
  const dueMs = spec.due === null ? null : base + spec.due * HOUR;
  return {
    id: `t-${i}`,
    number: 100 + i,
    accountId: 'a-1',
    subscriptionId: null,
    policyId: 'pol',
    policyVersion: 1,
    requesterName: 'R',
    requesterEmail: 'r@example.com',
    subject: `Subject ${i}`,
    createdAt: new Date(base - 100 * HOUR).toISOString(),
    urgent: false,
    source: 'portal',
    productId: null,
    productVersion: null,
    status: STATUSES[spec.status] ?? 'open',
    assigneeId: null,
    plan: 'gold',
    dueAt: dueMs === null ? null : new Date(dueMs).toISOString(),
    firstStaffReplyAt: dueMs === null || spec.reply === null ? null : new Date(dueMs + spec.reply * HOUR).toISOString(),
    slaOutcome: null,
    categoryId: null,
    checklistAnswers: {},
    eligibility: null,
    updatedAt: new Date(base).toISOString(),
  };
}

const status = fc.integer({ min: 0, max: 3 });
const due = fc.option(fc.integer({ min: -50, max: 50 }), { nil: null, freq: 8 });
const spec = fc.record({ status, due, reply: fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }) });

/** A cache holding one ticket per spec, with the policy and account their rows name. */
async function cacheOf(name: string, specs: Spec[]) {
  const db = openAgentCache(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.policies.put({ ...policyRow('pol', presets.planSla()), _v: 1 });
  await db.accounts.put({ id: 'a-1', holderName: 'Holder', holderEmail: 'h@example.com', organization: null, status: 'active', _v: 1 });
  await db.tickets.bulkPut(specs.map((s, i) => ({ ...ticket(i, s), _v: 1 })));
  return db;
}

/** Open, due, and its clock still counting: not answered by its due instant. */
const counting = (s: Spec): boolean => STATUSES[s.status] !== 'solved' && s.due !== null && (s.reply === null || s.reply > 0);

describe('queueHead', () => {
  it('is exactly the first rows of the whole queue in the default order', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(spec, { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), async (specs, limit) => {
        const db = await cacheOf(`head-${run++}`, specs);
        const whole = buildQueueRows(await queueData(db)).map((r) => r.id);
        const head = buildQueueRows(await queueHead(db, limit)).map((r) => r.id);
        expect(whole.slice(0, head.length)).toEqual(head);
        db.close();
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('holds at least `limit` rows, or every counting ticket when there are fewer, while no clock has stopped', async () => {
    // With no ticket answered in time, each status's `limit` earliest rows all count: the head
    // cannot come up short of them. (An answered ticket is left out, so then no such bound holds.)
    const late = fc.record({ status, due, reply: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }) });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(late, { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), async (specs, limit) => {
        const db = await cacheOf(`head-bound-${run++}`, specs);
        const head = buildQueueRows(await queueHead(db, limit)).map((r) => r.id);
        expect(head.length).toBeGreaterThanOrEqual(Math.min(limit, specs.filter(counting).length));
        db.close();
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
