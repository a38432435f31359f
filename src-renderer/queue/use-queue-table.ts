import { useTable } from '@tanstack/react-table';
import { useEffect, useMemo } from 'react';
import type { QueueData } from '../db/queue-queries';
import { useQueueView, type QueueSorting } from '../state/queue-view';
import { buildQueueRows } from './build-queue-rows';
import { markOnce } from './perf-marks';
import { toColumnFilters } from './queue-filters';
import type { QueueRow } from './queue-row';
import { canGlobalFilter, queueColumns, queueFeatures, quickSearch, rowPredicates, searchPredicate, type QueueTableRow } from './queue-table-model';
import { useSlaEpoch } from './use-sla-epoch';
import { SortCache, visibleOrder } from './visible-order';

const rowId = (row: QueueRow) => row.id;

export interface QueueTableModel {
  table: ReturnType<typeof useTable<typeof queueFeatures, QueueRow>>;
  /** Every open ticket as a TanStack row, in the default order. */
  rows: readonly QueueTableRow[];
  /** Indexes into `rows` of the rows shown, in display order. */
  order: Uint32Array;
}

function applyUpdater<T>(updater: T | ((old: T) => T), old: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(old) : updater;
}

/** TanStack owns the sorting and filter state and builds the rows; `visibleOrder` applies them. */
export function useQueueTable(data: QueueData, context: { engineerId: string | null; approachMs: number | null }): QueueTableModel {
  const { filters, sorting, setSorting } = useQueueView();
  markOnce('queue:data-read');
  const derived = useMemo(() => buildQueueRows(data), [data]);
  markOnce('queue:rows-built');
  const cache = useMemo(() => new SortCache(derived), [derived]);
  useEffect(() => cache.warmUp(), [cache]);
  const slaAtMs = useSlaEpoch(derived, filters.sla !== null, context.approachMs);
  const columnFilters = useMemo(
    () => toColumnFilters(filters, { engineerId: context.engineerId, slaAtMs, approachMs: context.approachMs }),
    [filters, context.engineerId, context.approachMs, slaAtMs],
  );
  const globalFilter = filters.search.trim();
  const table = useTable({
    features: queueFeatures,
    columns: queueColumns,
    data: derived,
    getRowId: rowId,
    state: { sorting, columnFilters, globalFilter },
    onSortingChange: (updater) => setSorting(applyUpdater<QueueSorting>(updater, useQueueView.getState().sorting)),
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
    getColumnCanGlobalFilter: canGlobalFilter,
    globalFilterFn: quickSearch,
  });
  const rows = table.getRowModel().rows;
  markOnce('queue:table-built');
  const order = useMemo(() => {
    const keep: Array<(row: QueueRow) => boolean> = [];
    for (const filter of columnFilters) {
      const predicate = rowPredicates[filter.id];
      if (predicate !== undefined) keep.push(predicate(filter.value));
    }
    if (globalFilter !== '') keep.push(searchPredicate(globalFilter));
    return visibleOrder(derived, cache, { sorting, keep });
  }, [derived, cache, sorting, columnFilters, globalFilter]);
  return { table, rows, order };
}
