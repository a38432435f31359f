import { OPEN_TICKET_STATUSES, type PolicyRow, type SyncPage, type TicketRow } from '@shared/contract';
import { thresholdsKey, type NotifierIndex, type TrackedTicket } from './notifier-state';

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
      changed = observePolicy(state, change.row) || changed;
    }
  }
  return changed;
}

/**
 * Every version's thresholds, each ticket following those of the version it runs under: a new
 * version effective next week changes nothing for tickets filed before it.
 */
function observePolicy(state: NotifierIndex, row: PolicyRow): boolean {
  const before = JSON.stringify(state.policies);
  forget(state, 'policy', row.id);
  for (const version of row.versions) state.policies[thresholdsKey(row.id, version.number)] = version.policy.approachThresholdsMinutes.slice(0, 10);
  return JSON.stringify(state.policies) !== before;
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
    policyVersion: row.policyVersion,
    accountId: row.accountId,
    assigneeId: row.assigneeId,
    notified: known !== undefined && known.dueAtMs === dueAtMs ? known.notified : [],
  };
  state.tickets[row.id] = tracked;
  return JSON.stringify(known) !== JSON.stringify(tracked);
}

function forget(state: NotifierIndex, entity: string, id: string): boolean {
  if (entity === 'policy') {
    const keys = Object.keys(state.policies).filter((key) => key === id || key.startsWith(`${id}:`));
    for (const key of keys) delete state.policies[key];
    return keys.length > 0;
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
