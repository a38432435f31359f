import type {
  AccountRow,
  CreditRow,
  EngineerRow,
  MessageRow,
  PolicyRow,
  ProductRow,
  SubscriptionRow,
  TicketRow,
} from '@shared/contract';
import type { SealedSecret } from '../security/login-detail-cipher';
import { jsonOrNull, type BulkTable } from './bulk-insert';
import type { DemoLoginDetail } from './demo-dataset';

/** How each contract row maps onto the columns of the schema (001-initial-schema, 006-policy-versions). */

export const policyTable: BulkTable<PolicyRow> = {
  table: 'policies',
  entity: 'policy',
  changeAccount: 'NULL::text',
  skipExisting: true,
  columns: [
    { name: 'id', type: 'text', value: (r) => r.id },
    { name: 'policy', type: 'jsonb', value: (r) => JSON.stringify(r.policy) },
    { name: 'versions', type: 'jsonb', value: (r) => JSON.stringify(r.versions) },
  ],
};

export const engineerTable: BulkTable<EngineerRow> = {
  table: 'engineers',
  entity: 'engineer',
  changeAccount: 'NULL::text',
  columns: [
    { name: 'id', type: 'text', value: (r) => r.id },
    { name: 'name', type: 'text', value: (r) => r.name },
    { name: 'email', type: 'text', value: (r) => r.email },
  ],
};

export const productTable: BulkTable<ProductRow> = {
  table: 'products',
  entity: 'product',
  changeAccount: 'NULL::text',
  columns: [
    { name: 'id', type: 'text', value: (r) => r.id },
    { name: 'name', type: 'text', value: (r) => r.name },
    { name: 'latest_stable_version', type: 'text', value: (r) => r.latestStableVersion },
    { name: 'discontinued', type: 'boolean', value: (r) => r.discontinued },
  ],
};

export const accountTable: BulkTable<AccountRow> = {
  table: 'accounts',
  entity: 'account',
  changeAccount: 'id',
  columns: [
    { name: 'id', type: 'text', value: (r) => r.id },
    { name: 'holder_name', type: 'text', value: (r) => r.holderName },
    { name: 'holder_email', type: 'text', value: (r) => r.holderEmail },
    { name: 'organization', type: 'text', value: (r) => r.organization },
    { name: 'status', type: 'text', value: (r) => r.status },
  ],
};

export const subscriptionTable: BulkTable<SubscriptionRow> = {
  table: 'subscriptions',
  entity: 'subscription',
  changeAccount: 'account_id',
  columns: [
    { name: 'id', type: 'text', value: (r) => r.id },
    { name: 'account_id', type: 'text', value: (r) => r.accountId },
    { name: 'policy_id', type: 'text', value: (r) => r.policyId },
    { name: 'initial_plan', type: 'text', value: (r) => r.initialPlan },
    { name: 'plan', type: 'text', value: (r) => r.plan },
    { name: 'monthly_price_cents', type: 'integer', value: (r) => r.monthlyPriceCents },
    { name: 'anchor', type: 'timestamptz', value: (r) => r.anchor },
    { name: 'time_zone', type: 'text', value: (r) => r.timeZone },
    { name: 'changes', type: 'jsonb', value: (r) => JSON.stringify(r.changes) },
    { name: 'pending_downgrade', type: 'jsonb', value: (r) => jsonOrNull(r.pendingDowngrade) },
    { name: 'cancel_requested_at', type: 'timestamptz', value: (r) => r.cancelRequestedAt },
    { name: 'cancel_at', type: 'timestamptz', value: (r) => r.cancelAt },
    { name: 'free_term', type: 'jsonb', value: (r) => jsonOrNull(r.freeTerm) },
    { name: 'entitlement_events', type: 'jsonb', value: (r) => JSON.stringify(r.entitlementEvents) },
    { name: 'entitlement_windows', type: 'jsonb', value: (r) => JSON.stringify(r.entitlementWindows) },
  ],
};

export const ticketTable: BulkTable<TicketRow> = {
  table: 'tickets',
  entity: 'ticket',
  changeAccount: 'account_id',
  columns: [
    { name: 'id', type: 'text', value: (r) => r.id },
    { name: 'number', type: 'bigint', value: (r) => r.number },
    { name: 'account_id', type: 'text', value: (r) => r.accountId },
    { name: 'subscription_id', type: 'text', value: (r) => r.subscriptionId },
    { name: 'policy_id', type: 'text', value: (r) => r.policyId },
    { name: 'policy_version', type: 'integer', value: (r) => r.policyVersion },
    { name: 'requester_name', type: 'text', value: (r) => r.requesterName },
    { name: 'requester_email', type: 'text', value: (r) => r.requesterEmail },
    { name: 'subject', type: 'text', value: (r) => r.subject },
    { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
    { name: 'urgent', type: 'boolean', value: (r) => r.urgent },
    { name: 'source', type: 'text', value: (r) => r.source },
    { name: 'product_id', type: 'text', value: (r) => r.productId },
    { name: 'product_version', type: 'text', value: (r) => r.productVersion },
    { name: 'status', type: 'text', value: (r) => r.status },
    { name: 'assignee_id', type: 'text', value: (r) => r.assigneeId },
    { name: 'plan', type: 'text', value: (r) => r.plan },
    { name: 'due_at', type: 'timestamptz', value: (r) => r.dueAt },
    { name: 'first_staff_reply_at', type: 'timestamptz', value: (r) => r.firstStaffReplyAt },
    { name: 'sla_outcome', type: 'text', value: (r) => r.slaOutcome },
    { name: 'category_id', type: 'text', value: (r) => r.categoryId },
    { name: 'checklist_answers', type: 'jsonb', value: (r) => JSON.stringify(r.checklistAnswers) },
    { name: 'eligibility', type: 'jsonb', value: (r) => jsonOrNull(r.eligibility) },
    { name: 'updated_at', type: 'timestamptz', value: (r) => r.updatedAt },
  ],
};

export const messageTable: BulkTable<MessageRow> = {
  table: 'messages',
  entity: 'message',
  changeAccount: 'account_id',
  columns: [
    { name: 'id', type: 'text', value: (r) => r.id },
    { name: 'ticket_id', type: 'text', value: (r) => r.ticketId },
    { name: 'account_id', type: 'text', value: (r) => r.accountId },
    { name: 'author_kind', type: 'text', value: (r) => r.authorKind },
    { name: 'author_id', type: 'text', value: (r) => r.authorId },
    { name: 'author_name', type: 'text', value: (r) => r.authorName },
    { name: 'public', type: 'boolean', value: (r) => r.public },
    { name: 'body', type: 'text', value: (r) => r.body },
    { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  ],
};

export type SealedLoginDetail = DemoLoginDetail & { sealed: SealedSecret };

export const loginDetailTable: BulkTable<SealedLoginDetail> = {
  table: 'login_details',
  entity: 'loginDetail',
  changeAccount: 'account_id',
  columns: [
    { name: 'id', type: 'text', value: (r) => r.id },
    { name: 'ticket_id', type: 'text', value: (r) => r.ticketId },
    { name: 'account_id', type: 'text', value: (r) => r.accountId },
    { name: 'label', type: 'text', value: (r) => r.label },
    { name: 'ciphertext', type: 'bytea', value: (r) => r.sealed.ciphertext },
    { name: 'iv', type: 'bytea', value: (r) => r.sealed.iv },
    { name: 'auth_tag', type: 'bytea', value: (r) => r.sealed.authTag },
    { name: 'submitted_at', type: 'timestamptz', value: (r) => r.submittedAt },
    { name: 'expires_at', type: 'timestamptz', value: (r) => r.expiresAt },
  ],
};

export const creditTable: BulkTable<CreditRow> = {
  table: 'credits',
  entity: 'credit',
  changeAccount: 'account_id',
  columns: [
    { name: 'id', type: 'text', value: (r) => r.id },
    { name: 'account_id', type: 'text', value: (r) => r.accountId },
    { name: 'subscription_id', type: 'text', value: (r) => r.subscriptionId },
    { name: 'ticket_id', type: 'text', value: (r) => r.ticketId },
    { name: 'cents', type: 'integer', value: (r) => r.cents },
    { name: 'lateness_ms', type: 'bigint', value: (r) => r.latenessMs },
    { name: 'due_at', type: 'timestamptz', value: (r) => r.dueAt },
    { name: 'replied_at', type: 'timestamptz', value: (r) => r.repliedAt },
    { name: 'cycle_start', type: 'timestamptz', value: (r) => r.cycleStart },
    { name: 'cycle_end', type: 'timestamptz', value: (r) => r.cycleEnd },
    { name: 'applies_at', type: 'timestamptz', value: (r) => r.appliesAt },
  ],
};
