import type { PlanId, PresetId } from '@shared/policy';
import type { EligibilityVerdict } from './queue-row';
import type { QueueSlaState } from './sla-state';

/** The engineer's filter choices; `null` means "any". UI state, kept across views. */
export interface QueueFilters {
  assignee: 'mine' | 'unassigned' | null;
  plan: PlanId | 'none' | null;
  urgent: boolean | null;
  sla: QueueSlaState | null;
  eligibility: EligibilityVerdict | 'none' | null;
  preset: PresetId | null;
  search: string;
}

export const NO_FILTERS: QueueFilters = { assignee: null, plan: null, urgent: null, sla: null, eligibility: null, preset: null, search: '' };

/** What the SLA-state filter compares at: re-resolved only when a row changes state. */
export interface SlaFilterValue {
  state: QueueSlaState;
  atMs: number;
  approachMs: number | null;
}

export type AssigneeFilterValue = { kind: 'mine'; engineerId: string | null } | { kind: 'unassigned' };

/** The filters as TanStack column filters (column id → value), the quick search aside. */
export function toColumnFilters(
  filters: QueueFilters,
  context: { engineerId: string | null; slaAtMs: number; approachMs: number | null },
): Array<{ id: string; value: unknown }> {
  const out: Array<{ id: string; value: unknown }> = [];
  if (filters.assignee === 'mine') out.push({ id: 'assignee', value: { kind: 'mine', engineerId: context.engineerId } satisfies AssigneeFilterValue });
  if (filters.assignee === 'unassigned') out.push({ id: 'assignee', value: { kind: 'unassigned' } satisfies AssigneeFilterValue });
  if (filters.plan !== null) out.push({ id: 'plan', value: filters.plan });
  if (filters.urgent !== null) out.push({ id: 'urgent', value: filters.urgent });
  if (filters.sla !== null) out.push({ id: 'sla', value: { state: filters.sla, atMs: context.slaAtMs, approachMs: context.approachMs } satisfies SlaFilterValue });
  if (filters.eligibility !== null) out.push({ id: 'eligibility', value: filters.eligibility });
  if (filters.preset !== null) out.push({ id: 'preset', value: filters.preset });
  return out;
}

export function activeFilterCount(filters: QueueFilters): number {
  const { search, ...rest } = filters;
  return Object.values(rest).filter((v) => v !== null).length + (search.trim() === '' ? 0 : 1);
}
