import { randomUUID } from 'node:crypto';
import type { FileTicket, TicketRow } from '@shared/contract';
import type { Queryable } from '../db/database';
import { RequestError } from '../support-center';
import { recordChange } from './change-log';
import { governingSubscription, insertTicket } from './insert-ticket';
import type { PolicyCache } from './policy-cache';
import { rowMappers } from './row-mappers';

/** The workspace policy of tickets from accounts without any subscription. */
const DEFAULT_POLICY_ID = 'plan-sla';

async function requireOpenAccount(tx: Queryable, accountId: string): Promise<void> {
  const { rows } = await tx.query<{ status: string }>('SELECT status FROM accounts WHERE id = $1 FOR SHARE', [accountId]);
  if (rows[0] === undefined) throw new RequestError(404, 'not-found', `account ${accountId} does not exist`, 'accountId');
  if (rows[0].status !== 'active') throw new RequestError(409, 'conflict', `account ${accountId} is terminated`, 'accountId');
}

async function requireProduct(tx: Queryable, productId: string | null): Promise<void> {
  if (productId === null) return;
  const { rows } = await tx.query('SELECT 1 FROM products WHERE id = $1', [productId]);
  if (rows.length === 0) throw new RequestError(404, 'not-found', `product ${productId} does not exist`, 'productId');
}

/**
 * A customer files a ticket: the plan is the one active at the creation instant, the due instant
 * comes from the policy engine under the policy version in force at that instant (which the
 * ticket keeps), and the description becomes the first message.
 */
export async function fileTicket(tx: Queryable, policies: PolicyCache, input: FileTicket, now: Date): Promise<TicketRow> {
  await requireOpenAccount(tx, input.accountId);
  const productId = input.productId ?? null;
  await requireProduct(tx, productId);
  const subscription = await governingSubscription(tx, input.accountId);
  const createdAt = now.toISOString();
  const row = await insertTicket(tx, policies, {
    accountId: input.accountId, subscription, policyId: subscription === null ? DEFAULT_POLICY_ID : String(subscription.policy_id), createdAt,
    urgent: input.urgent === true, requesterName: input.requesterName, requesterEmail: input.requesterEmail, subject: input.subject, source: input.source,
    productId, productVersion: input.productVersion ?? null, status: 'new', assigneeId: null,
  });
  await insertMessage(tx, { ticketId: String(row.id), accountId: input.accountId, authorKind: 'customer', authorId: null, authorName: input.requesterName, public: true, body: input.body, createdAt });
  return rowMappers.ticket(row);
}

export interface NewMessage {
  ticketId: string;
  accountId: string;
  authorKind: 'customer' | 'staff' | 'system';
  authorId: string | null;
  authorName: string;
  public: boolean;
  body: string;
  createdAt: string;
}

export async function insertMessage(tx: Queryable, message: NewMessage): Promise<Record<string, unknown>> {
  const id = `m-${randomUUID()}`;
  const version = await recordChange(tx, { entity: 'message', id, accountId: message.accountId, op: 'upsert' });
  const { rows } = await tx.query(
    `INSERT INTO messages (id, ticket_id, account_id, author_kind, author_id, author_name, public, body, created_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
    [id, message.ticketId, message.accountId, message.authorKind, message.authorId, message.authorName, message.public, message.body, message.createdAt, version],
  );
  return rows[0] as Record<string, unknown>;
}
