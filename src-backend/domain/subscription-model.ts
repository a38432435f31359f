import type { PlanId, Subscription } from '@shared/policy';
import { isoOf, isoOrNull } from './db-instants';

/** The billing engine's view of a subscriptions row. */
export function subscriptionModel(row: Record<string, unknown>): Subscription {
  const changes = (typeof row.changes === 'string' ? JSON.parse(row.changes) : row.changes) as Subscription['changes'];
  return {
    anchor: isoOf(row.anchor),
    timeZone: String(row.time_zone),
    initialPlan: String(row.initial_plan) as PlanId,
    changes,
    cancelRequestedAt: isoOrNull(row.cancel_requested_at),
  };
}
