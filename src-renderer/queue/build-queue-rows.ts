import { policiesByVersion } from '../db/policy-versions';
import type { QueueData } from '../db/queue-queries';
import { toQueueRow, type QueueLookups, type QueueRow } from './queue-row';

function lookupsOf(data: QueueData): QueueLookups {
  return {
    accountNames: data.accountNames,
    engineerNames: new Map(data.engineers.map((e) => [e.id, e.name])),
    policies: new Map(
      [...policiesByVersion(data.policies)].map(([key, policy]) => [
        key,
        { preset: policy.preset, calendarZone: policy.calendar.timeZone, approachThresholdsMinutes: policy.approachThresholdsMinutes },
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
