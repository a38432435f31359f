import type { Queryable } from '../../db/database';
import { insertMessage } from '../../domain/file-ticket';
import { firstStaffReplyChanges } from '../../domain/first-staff-reply';
import { governingSubscription, insertTicket } from '../../domain/insert-ticket';
import type { PolicyCache } from '../../domain/policy-cache';
import { updateTicket } from '../../domain/update-ticket';
import type { HelpdeskEntry, HelpdeskPerson, HelpdeskTicket } from '../helpdesk-connector';
import { accountFor, addressOf, engineerFor } from './mirror-people';
import { removeTicket } from './remove-ticket';

/** What one ticket's mirroring did, for the run's counts. */
interface Applied {
  created: boolean;
  removed: boolean;
  entries: number;
  /** Anything synced changed (a ticket read again with nothing new changes nothing). */
  changed: boolean;
}

async function linkedTicket(tx: Queryable, connector: string, externalId: string): Promise<string | null> {
  const { rows } = await tx.query<{ ticket_id: string }>('SELECT ticket_id FROM connector_tickets WHERE connector = $1 AND external_id = $2', [connector, externalId]);
  return rows[0]?.ticket_id ?? null;
}

async function lockedTicket(tx: Queryable, ticketId: string): Promise<Record<string, unknown>> {
  const { rows } = await tx.query('SELECT * FROM tickets WHERE id = $1 FOR UPDATE', [ticketId]);
  if (rows[0] === undefined) throw new Error(`ticket ${ticketId} is linked but does not exist`);
  return rows[0];
}

type Engineers = (person: HelpdeskPerson) => Promise<{ id: string; name: string } | null>;

/** Engineers by helpdesk user, each looked up once per ticket. */
function engineersOf(tx: Queryable, connector: string): Engineers {
  const known = new Map<string, Promise<{ id: string; name: string } | null>>();
  return (person) => {
    let found = known.get(person.externalId);
    if (found === undefined) known.set(person.externalId, (found = engineerFor(tx, connector, person)));
    return found;
  };
}

async function createTicket(tx: Queryable, policies: PolicyCache, connector: string, ticket: HelpdeskTicket, engineers: Engineers): Promise<Record<string, unknown>> {
  const accountId = await accountFor(tx, connector, ticket.requester);
  const owner = ticket.owner === null ? null : await engineers(ticket.owner);
  const row = await insertTicket(tx, policies, {
    accountId, subscription: await governingSubscription(tx, accountId), policyId: ticket.policyId, createdAt: ticket.createdAt, urgent: ticket.urgent,
    ...(ticket.plan === null ? {} : { plan: ticket.plan }),
    requesterName: ticket.requester.name, requesterEmail: addressOf(connector, ticket.requester), subject: ticket.subject, source: 'email',
    productId: null, productVersion: null, status: ticket.status, assigneeId: owner?.id ?? null,
  });
  await tx.query('INSERT INTO connector_tickets (connector, external_id, ticket_id, external_updated_at) VALUES ($1, $2, $3, $4)', [connector, ticket.externalId, row.id, ticket.updatedAt]);
  return row;
}

async function unseen(tx: Queryable, connector: string, entries: HelpdeskEntry[]): Promise<HelpdeskEntry[]> {
  if (entries.length === 0) return [];
  const { rows } = await tx.query<{ external_id: string }>(
    'SELECT external_id FROM connector_entries WHERE connector = $1 AND external_id IN (SELECT jsonb_array_elements_text($2::jsonb))',
    [connector, JSON.stringify(entries.map((entry) => entry.externalId))],
  );
  const seen = new Set(rows.map((row) => row.external_id));
  return entries.filter((entry) => !seen.has(entry.externalId));
}

/**
 * A message entry becomes a message (a staff author is an engineer); the first public staff reply
 * stops the SLA clock by the same rules as the app's reply. Answers the ticket columns it changed.
 */
async function mirrorMessage(tx: Queryable, policies: PolicyCache, engineers: Engineers, row: Record<string, unknown>, entry: Extract<HelpdeskEntry, { kind: 'message' }>): Promise<{ messageId: string; changes: Record<string, unknown> }> {
  const engineer = entry.author.staff ? await engineers(entry.author) : null;
  const authorKind = entry.author.staff ? (engineer === null ? 'system' : 'staff') : 'customer';
  const message = await insertMessage(tx, {
    ticketId: String(row.id), accountId: String(row.account_id), authorKind, authorId: engineer?.id ?? null, authorName: engineer?.name ?? entry.author.name,
    public: entry.public, body: entry.body, createdAt: entry.at,
  });
  const replied = engineer !== null && entry.public;
  const changes = replied ? await firstStaffReplyChanges(tx, await policies.ofTicket(tx, row), row, entry.at) : {};
  return { messageId: String(message.id), changes };
}

/**
 * One helpdesk ticket into the support center, in the caller's transaction: created (due instant
 * from the policy engine at the helpdesk's creation instant) or brought up to date, its unseen
 * entries mirrored once each, or removed when the helpdesk deleted or merged it away.
 */
export async function applyHelpdeskTicket(tx: Queryable, policies: PolicyCache, connector: string, ticket: HelpdeskTicket, now: Date): Promise<Applied> {
  const linked = await linkedTicket(tx, connector, ticket.externalId);
  if (ticket.deleted || ticket.mergedInto !== null) {
    if (linked !== null) await removeTicket(tx, linked);
    return { created: false, removed: linked !== null, entries: 0, changed: linked !== null };
  }
  const engineers = engineersOf(tx, connector);
  let row = linked === null ? await createTicket(tx, policies, connector, ticket, engineers) : await lockedTicket(tx, linked);
  const changes: Record<string, unknown> = {};
  const entries = await unseen(tx, connector, ticket.entries);
  const recorded: Array<{ external_id: string; message_id: string | null }> = [];
  for (const entry of entries) {
    let messageId: string | null = null;
    if (entry.kind === 'message') {
      const mirrored = await mirrorMessage(tx, policies, engineers, row, entry);
      messageId = mirrored.messageId;
      Object.assign(changes, mirrored.changes);
      row = { ...row, ...mirrored.changes };
    }
    recorded.push({ external_id: entry.externalId, message_id: messageId });
  }
  if (recorded.length > 0) {
    await tx.query(
      `INSERT INTO connector_entries (connector, external_id, ticket_id, message_id)
       SELECT $1, e.external_id, $2, e.message_id FROM jsonb_to_recordset($3::jsonb) AS e (external_id text, message_id text)`,
      [connector, row.id, JSON.stringify(recorded)],
    );
  }
  const owner = ticket.owner === null ? null : await engineers(ticket.owner);
  const current = { subject: ticket.subject, status: ticket.status, assignee_id: owner?.id ?? null };
  for (const [column, value] of Object.entries(current)) if (row[column] !== value) changes[column] = value;
  // New entries on a known ticket give it a new version too: it changed in the helpdesk.
  const changed = Object.keys(changes).length > 0 || (linked !== null && entries.length > 0);
  if (changed) await updateTicket(tx, row, changes, now);
  if (linked !== null) await tx.query('UPDATE connector_tickets SET external_updated_at = $3 WHERE connector = $1 AND external_id = $2', [connector, ticket.externalId, ticket.updatedAt]);
  return { created: linked === null, removed: false, entries: entries.length, changed: changed || linked === null };
}
