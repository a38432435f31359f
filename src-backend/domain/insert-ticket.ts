import type { TicketStatus } from '@shared/contract';
import type { TicketSource } from '@shared/policy/eligibility/checklist-items';
import type { Queryable } from '../db/database';
import { recordChange } from './change-log';
import type { PolicyCache } from './policy-cache';
import { subscriptionModel } from './subscription-model';
import { evaluateTicketEligibility } from './ticket-eligibility';
import { ticketTiming } from './ticket-timing';

/** The subscription that governs a ticket created now: the account's latest one. */
export async function governingSubscription(tx: Queryable, accountId: string): Promise<Record<string, unknown> | null> {
  const { rows } = await tx.query('SELECT * FROM subscriptions WHERE account_id = $1 ORDER BY anchor DESC, id DESC LIMIT 1', [accountId]);
  return rows[0] ?? null;
}

interface NewTicket {
  accountId: string;
  subscription: Record<string, unknown> | null;
  policyId: string;
  /** The creation instant: the policy version, the plan and the due instant are those of this instant. */
  createdAt: string;
  urgent: boolean;
  /** A plan named elsewhere (a helpdesk's field) instead of the subscription's; null there means none. */
  plan?: string | null;
  requesterName: string;
  requesterEmail: string;
  subject: string;
  source: TicketSource;
  productId: string | null;
  productVersion: string | null;
  status: TicketStatus;
  assigneeId: string | null;
}

/**
 * A new ticket row, numbered, with its due instant from the policy engine under the policy
 * version in force at its creation instant (which it keeps) and its eligibility verdict. Every
 * way a ticket comes into being (a customer files it, the mirror finds it in a helpdesk) goes here.
 */
export async function insertTicket(tx: Queryable, policies: PolicyCache, input: NewTicket): Promise<Record<string, unknown>> {
  const { number: policyVersion, policy } = await policies.inForce(tx, input.policyId, input.createdAt);
  const model = input.subscription === null ? null : subscriptionModel(input.subscription);
  const { plan, dueAt } = ticketTiming(policy, model, { createdAt: input.createdAt, urgent: input.urgent, plan: input.plan });
  const { rows: numbered } = await tx.query<{ n: number }>("SELECT nextval('ticket_number_seq') AS n");
  const number = Number(numbered[0]?.n);
  const id = `tk-${number}`;
  const subscriptionId = input.subscription === null ? null : String(input.subscription.id);
  const eligibility = await evaluateTicketEligibility(tx, policy, {
    createdAt: input.createdAt, subscriptionId, productId: input.productId, productVersion: input.productVersion, source: input.source, categoryId: null, checklistAnswers: {},
  });
  const version = await recordChange(tx, { entity: 'ticket', id, accountId: input.accountId, op: 'upsert' });
  const { rows } = await tx.query(
    `INSERT INTO tickets (id, number, account_id, subscription_id, policy_id, policy_version, requester_name, requester_email, subject, created_at,
       urgent, source, product_id, product_version, status, plan, due_at, eligibility, updated_at, version, assignee_id)
     VALUES ($1, $2, $3, $4, $5, $18, $6, $7, $8, $9, $10, $11, $12, $13, $19, $14, $15, $16, $9, $17, $20) RETURNING *`,
    [id, number, input.accountId, subscriptionId, input.policyId, input.requesterName, input.requesterEmail, input.subject, input.createdAt,
      input.urgent, input.source, input.productId, input.productVersion, plan, dueAt, eligibility === null ? null : JSON.stringify(eligibility), version, policyVersion,
      input.status, input.assigneeId],
  );
  return rows[0] as Record<string, unknown>;
}
