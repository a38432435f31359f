import type { QueueData } from '../db/queue-queries';
import { toQueueRow, type QueueLookups, type QueueRow } from './queue-row';

function lookupsOf(data: QueueData): QueueLookups {
  return {
    accountNames: data.accountNames,
    engineerNames: new Map(data.engineers.map((e) => [e.id, e.name])),
    policies: new Map(
      data.policies.map((p) => [
        p.id,
        { preset: p.policy.preset, calendarZone: p.policy.calendar.timeZone, approachThresholdsMinutes: p.policy.approachThresholdsMinutes },
      ]),
    ),
  };
}

/** The queue's rows in the default order (see `QueueRow.slaOrder`), ties by ticket number. */
export function buildQueueRows(data: QueueData): QueueRow[] {
  const lookups = lookupsOf(data);
  const rows = data.tickets.map((ticket) => toQueueRow(ticket, lookups));
  return rows.sort((a, b) => a.slaOrder - b.slaOrder || a.number - b.number);
}
