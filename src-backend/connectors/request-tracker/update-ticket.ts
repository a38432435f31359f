import { fail, ok, type Result } from '@shared/ipc/result';
import type { RtHttp } from './rt-http';
import { rtMessagesSchema, type RtTicket } from './rt-schemas';

/** Ticket fields the connector writes: the owner by login name, custom fields by name. */
export interface TicketChanges {
  Status?: string;
  Owner?: string;
  CustomFields?: Record<string, string>;
}

/** The changes the re-read ticket does not show, in words. */
function unapplied(ticket: RtTicket, changes: TicketChanges): string[] {
  const missing: string[] = [];
  if (changes.Status !== undefined && ticket.Status !== changes.Status) missing.push(`Status to '${changes.Status}' (it is '${ticket.Status}')`);
  if (changes.Owner !== undefined && ticket.Owner.id.toLowerCase() !== changes.Owner.toLowerCase()) missing.push(`Owner to '${changes.Owner}' (it is '${ticket.Owner.id}')`);
  for (const [name, value] of Object.entries(changes.CustomFields ?? {})) {
    const field = ticket.CustomFields.find((cf) => cf.name === name);
    if (field === undefined) missing.push(`custom field '${name}' (the ticket has no such field)`);
    else if (!field.values.includes(value)) missing.push(`custom field '${name}' to '${value}' (it holds ${field.values.map((v) => `'${v}'`).join(', ') || 'nothing'})`);
  }
  return missing;
}

/**
 * PUT /ticket/:id answers 200 with one sentence per field whatever happened: "Status 'xyz' isn't a
 * valid status" and "Owner changed" look alike, and an unknown custom field value is dropped without
 * a word. So the ticket is read back and every change checked; what did not stick is an error that
 * quotes what RT said.
 */
export async function updateTicket(http: RtHttp, readTicket: (id: number) => Promise<Result<RtTicket>>, id: number, changes: TicketChanges): Promise<Result<RtTicket>> {
  const answer = await http.request('PUT', `/ticket/${id}`, rtMessagesSchema, changes);
  if (!answer.ok) return answer;
  const ticket = await readTicket(id);
  if (!ticket.ok) return ticket;
  const missing = unapplied(ticket.value, changes);
  if (missing.length === 0) return ok(ticket.value);
  const said = answer.value.value.length > 0 ? answer.value.value.join('; ') : 'nothing';
  return fail('refused', `ticket ${id}: RT did not set ${missing.join(', ')}; RT said: ${said}`);
}
