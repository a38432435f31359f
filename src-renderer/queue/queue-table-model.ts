import { columnFilteringFeature, globalFilteringFeature, rowSortingFeature, tableFeatures, type ColumnDef, type FilterFn, type Row } from '@tanstack/react-table';
import type { AssigneeFilterValue, SlaFilterValue } from './queue-filters';
import type { QueueRow } from './queue-row';
import { slaStateAt } from './sla-state';

/**
 * The queue's TanStack Table model: features, columns, and each column's filter. Module-level and
 * stable, as TanStack asks. Sorting and filtering run in manual mode: TanStack owns the state and
 * builds the rows, and `visible-order.ts` turns that state into row order over precomputed keys,
 * because the stock row models clone and re-sort 100k row objects per change (several hundred ms).
 */
export const queueFeatures = tableFeatures({ rowSortingFeature, columnFilteringFeature, globalFilteringFeature });

export type QueueFeatures = typeof queueFeatures;
export type QueueTableRow = Row<QueueFeatures, QueueRow>;

/**
 * Each filterable column's test, from its filter value to a predicate on the derived row. The
 * queue's order applies these over the plain rows (visible-order.ts); TanStack's filter functions
 * below are the same tests, for anything that asks the table itself.
 */
export const rowPredicates: Record<string, (value: unknown) => (row: QueueRow) => boolean> = {
  sla: (value) => {
    const { state, atMs, approachMs } = value as SlaFilterValue;
    return (row) => slaStateAt(row, atMs, approachMs) === state;
  },
  plan: (value) => {
    const plan = value === 'none' ? null : value;
    return (row) => row.plan === plan;
  },
  urgent: (value) => (row) => row.urgent === value,
  eligibility: (value) => {
    const verdict = value === 'none' ? null : value;
    return (row) => row.eligibility === verdict;
  },
  preset: (value) => (row) => row.preset === value,
  assignee: (value) => {
    const filter = value as AssigneeFilterValue;
    if (filter.kind === 'unassigned') return (row) => row.assigneeId === null;
    const { engineerId } = filter;
    return (row) => engineerId !== null && row.assigneeId === engineerId;
  },
};

/** The quick search: one lower-case haystack per row, prepared with the row. */
export function searchPredicate(text: string): (row: QueueRow) => boolean {
  const needle = text.trim().toLowerCase();
  return (row) => row.searchText.includes(needle);
}

function filterFnOf(id: string): FilterFn<QueueFeatures, QueueRow> {
  return (row, _id, value) => (rowPredicates[id] as (value: unknown) => (row: QueueRow) => boolean)(value)(row.original);
}

export const quickSearch: FilterFn<QueueFeatures, QueueRow> = (row, _id, value: string) => searchPredicate(value)(row.original);

export const QUEUE_COLUMN_IDS = ['sla', 'number', 'subject', 'account', 'plan', 'urgent', 'eligibility', 'assignee', 'status', 'created'] as const;
export type QueueColumnId = (typeof QUEUE_COLUMN_IDS)[number];

export const queueColumns: Array<ColumnDef<QueueFeatures, QueueRow>> = [
  { id: 'sla', header: 'SLA', accessorFn: (r) => r.slaOrder, filterFn: filterFnOf('sla') },
  { id: 'number', header: 'Ticket', accessorFn: (r) => r.number },
  { id: 'subject', header: 'Subject', accessorFn: (r) => r.subject },
  { id: 'account', header: 'Account', accessorFn: (r) => r.accountName },
  { id: 'plan', header: 'Plan', accessorFn: (r) => r.plan ?? '', filterFn: filterFnOf('plan') },
  { id: 'urgent', header: 'Urgent', accessorFn: (r) => r.urgent, sortDescFirst: true, filterFn: filterFnOf('urgent') },
  { id: 'eligibility', header: 'Eligibility', accessorFn: (r) => r.eligibility ?? '', filterFn: filterFnOf('eligibility') },
  { id: 'assignee', header: 'Assignee', accessorFn: (r) => r.assigneeName ?? '', filterFn: filterFnOf('assignee') },
  { id: 'status', header: 'Status', accessorFn: (r) => r.status },
  { id: 'created', header: 'Created', accessorFn: (r) => r.createdMs },
  // Filter-only: never rendered.
  { id: 'preset', header: 'Preset', accessorFn: (r) => r.preset ?? '', enableSorting: false, filterFn: filterFnOf('preset') },
];

const PLAN_RANK = { silver: 1, gold: 2, platinum: 3 } as const;
const STATUS_RANK = { new: 0, open: 1, pending: 2, solved: 3, closed: 4 } as const;

/** Each sortable column's key: numbers compare as numbers, strings by their lower-case form. */
export const sortKeys: Record<QueueColumnId, (row: QueueRow) => number | string> = {
  sla: (r) => r.slaOrder,
  number: (r) => r.number,
  subject: (r) => r.subject.toLowerCase(),
  account: (r) => r.accountName.toLowerCase(),
  plan: (r) => (r.plan === null ? 0 : PLAN_RANK[r.plan]),
  urgent: (r) => (r.urgent ? 1 : 0),
  eligibility: (r) => r.eligibility ?? '~',
  assignee: (r) => (r.assigneeName ?? '~').toLowerCase(),
  status: (r) => STATUS_RANK[r.status],
  created: (r) => r.createdMs,
};

export const DEFAULT_SORTING = [{ id: 'sla', desc: false }];

/** Only the subject column takes part in the global filter; the function reads the whole haystack. */
export function canGlobalFilter(column: { id: string }): boolean {
  return column.id === 'subject';
}
