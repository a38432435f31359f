import type { QueueRow } from './queue-row';
import { sortKeys, type QueueColumnId } from './queue-table-model';

/**
 * Row order from TanStack's sorting and filter state over the rows TanStack built. Each column's
 * ascending order is computed once per data set (a sort of row indexes over precomputed keys) and
 * kept; a sort change then costs nothing and a filter one pass over the rows.
 */
export class SortCache {
  private readonly orders = new Map<QueueColumnId, Uint32Array>();

  /** `rows` come in the default order (buildQueueRows), so the SLA column's order is the identity. */
  constructor(private readonly rows: readonly QueueRow[]) {
    this.orders.set('sla', Uint32Array.from({ length: rows.length }, (_, i) => i));
  }

  /**
   * Computes the other columns' orders while the browser is idle, one per idle period, so the
   * first click on a header finds its order ready. Returns a cancel function.
   */
  warmUp(): () => void {
    const pending = (Object.keys(sortKeys) as QueueColumnId[]).filter((column) => !this.orders.has(column));
    let handle: number | null = null;
    const step = () => {
      const column = pending.shift();
      if (column === undefined) return;
      this.ascending(column);
      handle = requestIdleCallback(step);
    };
    handle = requestIdleCallback(step);
    return () => {
      if (handle !== null) cancelIdleCallback(handle);
    };
  }

  ascending(column: QueueColumnId): Uint32Array {
    let order = this.orders.get(column);
    if (order === undefined) {
      order = sortedIndexes(this.rows, sortKeys[column]);
      this.orders.set(column, order);
    }
    return order;
  }
}

/** Stable: ties keep data order, which is the default (SLA) order. */
function sortedIndexes(rows: readonly QueueRow[], key: (row: QueueRow) => number | string): Uint32Array {
  const keys = rows.map(key);
  return typeof keys[0] === 'string' ? byRank(keys as string[]) : byComparison(keys as number[]);
}

function byComparison(keys: readonly number[]): Uint32Array {
  const order = new Uint32Array(keys.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
}

/**
 * Strings repeat (accounts, assignees, subjects): sort the distinct values once, then place the
 * rows by rank in one counting pass. Far cheaper than comparing 100k strings n log n times.
 */
function byRank(keys: readonly string[]): Uint32Array {
  const distinct = [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rankOf = new Map(distinct.map((value, rank) => [value, rank]));
  const ranks = new Uint32Array(keys.length);
  const starts = new Uint32Array(distinct.length + 1);
  for (let i = 0; i < keys.length; i++) {
    const rank = rankOf.get(keys[i] as string) as number;
    ranks[i] = rank;
    starts[rank + 1] = (starts[rank + 1] as number) + 1;
  }
  for (let r = 1; r < starts.length; r++) starts[r] = (starts[r] as number) + (starts[r - 1] as number);
  const order = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const rank = ranks[i] as number;
    order[starts[rank] as number] = i;
    starts[rank] = (starts[rank] as number) + 1;
  }
  return order;
}

export interface OrderRequest {
  sorting: ReadonlyArray<{ id: string; desc: boolean }>;
  /** Row predicates built from TanStack's column filters and global filter. */
  keep: ReadonlyArray<(row: QueueRow) => boolean>;
}

/**
 * Indexes into `rows`, in display order, of the rows every predicate keeps. `rows` are the plain
 * derived rows, index for index the rows TanStack built from them (manual mode keeps data order).
 */
export function visibleOrder(rows: readonly QueueRow[], cache: SortCache, request: OrderRequest): Uint32Array {
  const sort = request.sorting[0];
  const column = (sort?.id ?? 'sla') as QueueColumnId;
  const ascending = column in sortKeys ? cache.ascending(column) : cache.ascending('sla');
  const desc = sort?.desc ?? false;
  const out = new Uint32Array(ascending.length);
  let n = 0;
  const { keep } = request;
  for (let i = 0; i < ascending.length; i++) {
    const index = ascending[desc ? ascending.length - 1 - i : i] as number;
    const row = rows[index] as QueueRow;
    let kept = true;
    for (let f = 0; f < keep.length && kept; f++) kept = (keep[f] as (row: QueueRow) => boolean)(row);
    if (kept) out[n++] = index;
  }
  return out.subarray(0, n);
}
