import type { TicketStatus } from '@shared/contract';
import { fail, ok, type Result } from '@shared/ipc/result';
import type { ConnectorConfig } from '../connector-config';
import type { HelpdeskEntry, HelpdeskPerson, HelpdeskTicket } from '../helpdesk-connector';
import type { RtHistoryEntry } from './read-history';
import type { RtPeople, RtPerson } from './rt-people';
import type { RtTicket } from './rt-schemas';

/** How one RT's tickets become the support center's: the configuration plus RT's queue names. */
export interface RtMapping {
  config: ConnectorConfig;
  /** RT queue id -> the queue's name, for the mapped queues. */
  queueNames: Map<string, string>;
  people: RtPeople;
}

function bare({ externalId, email, name, staff, organization }: RtPerson): HelpdeskPerson {
  return { externalId, email, name, staff, organization };
}

function statusOf(config: ConnectorConfig, rtStatus: string): TicketStatus {
  return config.statuses[rtStatus] ?? 'open';
}

function fieldValues(ticket: RtTicket, name: string): string[] {
  return ticket.CustomFields.find((field) => field.name === name)?.values ?? [];
}

function isUrgent(config: ConnectorConfig, ticket: RtTicket): boolean {
  const rule = config.urgent;
  if (rule === undefined) return false;
  if ('priorityAtLeast' in rule) return ticket.Priority >= rule.priorityAtLeast;
  return fieldValues(ticket, rule.customField).some((value) => rule.values.includes(value));
}

function planOf(config: ConnectorConfig, ticket: RtTicket, requester: RtPerson): string | null {
  const rule = config.plan;
  if (rule === undefined) return null;
  const values = 'ticketCustomField' in rule ? fieldValues(ticket, rule.ticketCustomField) : (requester.fields.get(rule.userCustomField) ?? []);
  return values[0]?.trim().toLowerCase() || null;
}

/** The transactions the support center keeps: messages, status and owner changes. */
async function entryOf(mapping: RtMapping, item: RtHistoryEntry, requester: RtPerson): Promise<Result<HelpdeskEntry | null>> {
  const message = item.Type === 'Create' || item.Type === 'Correspond' || item.Type === 'Comment';
  const status = item.Type === 'Status' && item.Field === 'Status' && item.NewValue !== 'deleted';
  const owner = item.Field === 'Owner' && (item.Type === 'Set' || item.Type === 'Give' || item.Type === 'Take' || item.Type === 'Steal' || item.Type === 'Untake');
  if (!(message || status || owner) || item.Created === null) return ok(null);
  if (message && (item.content === null || item.content.trim() === '')) return ok(null);
  // The first message is the requester's description, even when staff typed it in for them.
  const author = item.Type === 'Create' ? ok(requester) : await mapping.people.get(item.Creator.id);
  if (!author.ok) return author;
  const base = { externalId: String(item.id), at: item.Created, author: bare(author.value) };
  if (message) return ok({ ...base, kind: 'message', public: item.Type !== 'Comment', body: item.content ?? '' });
  if (status) return ok({ ...base, kind: 'status', status: statusOf(mapping.config, item.NewValue) });
  const next = await mapping.people.get(item.NewValue);
  if (!next.ok) return next;
  return ok({ ...base, kind: 'owner', owner: next.value.nobody ? null : bare(next.value) });
}

/**
 * One RT ticket with its whole history as the seam's ticket. The history of a ticket that others
 * were merged into holds their transactions too (the survivor keeps them); the tickets merged
 * away are named in `mergedAway`, so the mirror can drop them.
 */
export async function mapTicket(mapping: RtMapping, ticket: RtTicket, history: RtHistoryEntry[]): Promise<Result<{ ticket: HelpdeskTicket; mergedAway: string[] }>> {
  const queue = mapping.queueNames.get(ticket.Queue.id);
  const policyId = queue === undefined ? undefined : mapping.config.queues[queue];
  if (policyId === undefined) return fail('unmapped', `ticket ${ticket.id} is in queue ${ticket.Queue.id}, which the configuration does not map`);
  const requesterRef = ticket.Requestor[0];
  if (requesterRef === undefined) return fail('bad-response', `ticket ${ticket.id} has no requestor`);
  const requester = await mapping.people.get(requesterRef.id);
  if (!requester.ok) return requester;
  const owner = await mapping.people.get(ticket.Owner.id);
  if (!owner.ok) return owner;
  const entries: HelpdeskEntry[] = [];
  for (const item of history) {
    const entry = await entryOf(mapping, item, requester.value);
    if (!entry.ok) return entry;
    if (entry.value !== null) entries.push(entry.value);
  }
  const mergedAway = history.filter((item) => item.Type === 'AddLink' && item.Field === 'MergedInto' && item.ObjectId !== ticket.id).map((item) => String(item.ObjectId));
  return ok({
    ticket: {
      externalId: String(ticket.id),
      mergedInto: null,
      deleted: ticket.Status === 'deleted',
      subject: ticket.Subject,
      status: statusOf(mapping.config, ticket.Status),
      policyId,
      plan: planOf(mapping.config, ticket, requester.value),
      urgent: isUrgent(mapping.config, ticket),
      requester: bare(requester.value),
      owner: owner.value.nobody ? null : bare(owner.value),
      createdAt: ticket.Created ?? ticket.LastUpdated ?? new Date(0).toISOString(),
      updatedAt: ticket.LastUpdated ?? ticket.Created ?? new Date(0).toISOString(),
      entries,
    },
    mergedAway: [...new Set(mergedAway)],
  });
}
