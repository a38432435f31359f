import type { PlanId, Subscription } from '../../src-shared/policy/index';

/** The billing engine's view of a subscriptions row. */
export function subscriptionModel(row: Record<string, unknown>): Subscription {
  const iso = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();
  const changes = (typeof row.changes === 'string' ? JSON.parse(row.changes) : row.changes) as Subscription['changes'];
  return {
    anchor: iso(row.anchor),
    timeZone: String(row.time_zone),
    initialPlan: String(row.initial_plan) as PlanId,
    changes,
    cancelRequestedAt: row.cancel_requested_at === null || row.cancel_requested_at === undefined ? null : iso(row.cancel_requested_at),
  };
}
