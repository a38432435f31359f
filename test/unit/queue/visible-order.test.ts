import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueueRow } from '../../../src-renderer/queue/queue-row';
import { rowPredicates, sortKeys, type QueueColumnId } from '../../../src-renderer/queue/queue-table-model';
import { SortCache, visibleOrder } from '../../../src-renderer/queue/visible-order';

const PLANS = ['silver', 'gold', 'platinum', null] as const;

function row(i: number, seed: number): QueueRow {
  const dueMs = 1_800_000_000_000 + ((seed * 7919 + i * 104_729) % 1_000_000) * 1000;
  return {
    id: `t-${i}`,
    number: 1000 + i,
    subject: `Subject ${(seed + i * 31) % 17}`,
    accountName: `Account ${(seed + i * 13) % 5}`,
    plan: PLANS[(seed + i) % 4] ?? null,
    urgent: (seed + i) % 3 === 0,
    eligibility: null,
    assigneeId: null,
    assigneeName: i % 2 === 0 ? null : `Engineer ${i % 4}`,
    status: 'open',
    createdAt: '',
    createdMs: dueMs - 86_400_000,
    dueAt: null,
    dueMs,
    repliedMs: null,
    preset: 'plan-sla',
    calendarZone: 'America/New_York',
    policyApproachMs: 1_800_000,
    slaOrder: dueMs,
    searchText: '',
  };
}

/** What visible-order must equal: a plain stable sort of the kept rows by the column's key. */
function naive(rows: QueueRow[], column: QueueColumnId, desc: boolean, keep: (r: QueueRow) => boolean): string[] {
  const key = sortKeys[column];
  const asc = rows.map((r, i) => ({ r, i })).sort((a, b) => (key(a.r) < key(b.r) ? -1 : key(a.r) > key(b.r) ? 1 : a.i - b.i));
  const ordered = desc ? asc.reverse() : asc;
  return ordered.filter(({ r }) => keep(r)).map(({ r }) => r.id);
}

describe('visibleOrder', () => {
  it('equals a plain sort and filter, for every column, both directions, from a shared cache', () => {
    const columns = Object.keys(sortKeys) as QueueColumnId[];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 1000 }), fc.constantFrom(...columns), fc.boolean(), fc.constantFrom(...PLANS, 'any'), (n, seed, column, desc, plan) => {
        // In the default order, as buildQueueRows hands them over.
        const rows = Array.from({ length: n }, (_, i) => row(i, seed)).sort((a, b) => a.slaOrder - b.slaOrder || a.number - b.number);
        const keep = (r: QueueRow) => plan === 'any' || r.plan === plan;
        const cache = new SortCache(rows);
        const order = visibleOrder(rows, cache, { sorting: [{ id: column, desc }], keep: plan === 'any' ? [] : [rowPredicates['plan']?.(plan ?? 'none') ?? keep] });
        expect([...order].map((i) => rows[i]?.id)).toEqual(naive(rows, column, desc, keep));
        // The cached ascending order serves the next request unchanged.
        expect(cache.ascending(column)).toBe(cache.ascending(column));
      }),
      { numRuns: 300 },
    );
  });
});
