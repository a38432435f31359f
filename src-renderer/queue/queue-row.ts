import type { TicketStatus } from '@shared/contract';
import type { PlanId, PresetId } from '@shared/policy';
import type { CachedTicket } from '../db/cache-rows';
import { policyVersionKey } from '../db/policy-versions';

export type EligibilityVerdict = 'eligible' | 'not-eligible' | 'needs-engineer-check';

/**
 * One queue line, derived once per cache change from the ticket and the rows it points to. Every
 * instant is also kept as epoch ms, so a clock tick compares numbers and never parses or asks the
 * policy engine again (the due instant is the backend's, computed by the engine when it was stored).
 */
export interface QueueRow {
  id: string;
  number: number;
  subject: string;
  accountName: string;
  plan: PlanId | null;
  urgent: boolean;
  eligibility: EligibilityVerdict | null;
  assigneeId: string | null;
  assigneeName: string | null;
  status: TicketStatus;
  createdAt: string;
  createdMs: number;
  /** The engine's due instant as stored (ISO UTC), or null when no response target applies. */
  dueAt: string | null;
  dueMs: number | null;
  /** The first public staff reply the backend counted; it stops the clock. */
  repliedMs: number | null;
  preset: PresetId | null;
  /** The business calendar's zone, for the due instant shown on hover. */
  calendarZone: string | null;
  /** The workspace policy's largest approach threshold, in ms. */
  policyApproachMs: number;
  /**
   * The default order as one number: breached and running tickets by due instant (a breached
   * ticket is always due before a running one, so this needs no clock), then met ones by due
   * instant, then tickets without a target. Static, so a tick never re-sorts 100k rows.
   */
  slaOrder: number;
  /** Lower-case text the quick search looks in. */
  searchText: string;
}

/** The rows a ticket points to, by id (small maps: policy versions by `policyVersionKey`, engineers, the queue's accounts). */
export interface QueueLookups {
  accountNames: ReadonlyMap<string, string>;
  engineerNames: ReadonlyMap<string, string>;
  policies: ReadonlyMap<string, { preset: PresetId; calendarZone: string; approachThresholdsMinutes: readonly number[] }>;
}

const GROUP_SPAN = 1e14; // above any epoch ms until the year 5138, below 2^53 / 3

function orderKey(dueMs: number | null, repliedMs: number | null): number {
  if (dueMs === null) return 2 * GROUP_SPAN;
  const met = repliedMs !== null && repliedMs <= dueMs;
  return (met ? GROUP_SPAN : 0) + dueMs;
}

export function toQueueRow(ticket: CachedTicket, lookups: QueueLookups): QueueRow {
  const policy = lookups.policies.get(policyVersionKey(ticket.policyId, ticket.policyVersion));
  const dueMs = ticket.dueAt === null ? null : Date.parse(ticket.dueAt);
  const repliedMs = ticket.firstStaffReplyAt === null ? null : Date.parse(ticket.firstStaffReplyAt);
  const accountName = lookups.accountNames.get(ticket.accountId) ?? ticket.accountId;
  const assigneeName = ticket.assigneeId === null ? null : (lookups.engineerNames.get(ticket.assigneeId) ?? ticket.assigneeId);
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    accountName,
    plan: ticket.plan,
    urgent: ticket.urgent,
    eligibility: ticket.eligibility?.kind ?? null,
    assigneeId: ticket.assigneeId,
    assigneeName,
    status: ticket.status,
    createdAt: ticket.createdAt,
    createdMs: Date.parse(ticket.createdAt),
    dueAt: ticket.dueAt,
    dueMs,
    repliedMs,
    preset: policy?.preset ?? null,
    calendarZone: policy?.calendarZone ?? null,
    policyApproachMs: Math.max(0, ...(policy?.approachThresholdsMinutes ?? [])) * 60_000,
    slaOrder: orderKey(dueMs, repliedMs),
    searchText: `#${ticket.number} ${ticket.subject} ${accountName} ${ticket.requesterName} ${ticket.requesterEmail}`.toLowerCase(),
  };
}
