import { OPEN_TICKET_STATUSES, type SyncPage, type TicketRow } from '@shared/contract';
import type { NotifierIndex, TrackedTicket } from './notifier-state';

/**
 * Folds one applied sync page into the notifier's index: open tickets with a running first-response
 * deadline are tracked; a reply, a solve, a deletion or an account purge stops tracking; a moved due
 * instant (plan change) starts its notifications afresh. Returns whether anything changed.
 */
export function observePage(state: NotifierIndex, page: SyncPage): boolean {
  let changed = false;
  for (const change of page.changes) {
    if (change.op === 'purge') {
      changed = purgeAccount(state, change.accountId) || changed;
    } else if (change.op === 'delete') {
      changed = forget(state, change.entity, change.id) || changed;
    } else if (change.entity === 'ticket') {
      changed = observeTicket(state, change.row, change.version) || changed;
    } else if (change.entity === 'policy') {
      const thresholds = change.row.policy.approachThresholdsMinutes.slice(0, 10);
      changed = JSON.stringify(state.policies[change.id]) !== JSON.stringify(thresholds) || changed;
      state.policies[change.id] = thresholds;
    }
  }
  return changed;
}

/** A deadline is running while the ticket is open, has a due instant and no staff reply yet. */
function isRunning(row: TicketRow): row is TicketRow & { dueAt: string } {
  return OPEN_TICKET_STATUSES.includes(row.status) && row.dueAt !== null && row.firstStaffReplyAt === null && row.slaOutcome !== 'met';
}

function observeTicket(state: NotifierIndex, row: TicketRow, version: number): boolean {
  const known = state.tickets[row.id];
  // A page applied twice, or late, must not roll the index back.
  if (known !== undefined && known.version > version) return false;
  if (!isRunning(row)) return forget(state, 'ticket', row.id);
  const dueAtMs = Date.parse(row.dueAt);
  const tracked: TrackedTicket = {
    id: row.id,
    version,
    number: row.number,
    subject: row.subject,
    dueAtMs,
    plan: row.plan,
    urgent: row.urgent,
    policyId: row.policyId,
    accountId: row.accountId,
    assigneeId: row.assigneeId,
    notified: known !== undefined && known.dueAtMs === dueAtMs ? known.notified : [],
  };
  state.tickets[row.id] = tracked;
  return JSON.stringify(known) !== JSON.stringify(tracked);
}

function forget(state: NotifierIndex, entity: string, id: string): boolean {
  if (entity === 'policy' && id in state.policies) {
    delete state.policies[id];
    return true;
  }
  if (entity !== 'ticket' || !(id in state.tickets)) return false;
  delete state.tickets[id];
  delete state.snoozes[id];
  return true;
}

function purgeAccount(state: NotifierIndex, accountId: string): boolean {
  let changed = false;
  for (const ticket of Object.values(state.tickets)) {
    if (ticket.accountId === accountId) changed = forget(state, 'ticket', ticket.id) || changed;
  }
  return changed;
}
