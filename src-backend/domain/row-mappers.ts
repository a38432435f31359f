import type {
  AccountRow,
  CreditRow,
  EngineerRow,
  EntityName,
  LoginDetailRow,
  MessageRow,
  PolicyRow,
  ProductRow,
  SubscriptionRow,
  TicketRow,
} from '../../src-shared/contract/index';
import { isoOf, isoOrNull } from './db-instants';

/** Database rows (snake_case, Dates, jsonb) -> the contract's rows (camelCase, ISO UTC strings). */

type DbRow = Record<string, unknown>;

function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

const str = (value: unknown): string => String(value);
const strOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

export const rowMappers: { [E in EntityName]: (row: DbRow) => RowOf<E> } = {
  policy: (r): PolicyRow => ({ id: str(r.id), policy: json(r.policy) }),
  engineer: (r): EngineerRow => ({ id: str(r.id), name: str(r.name), email: str(r.email) }),
  account: (r): AccountRow => ({
    id: str(r.id),
    holderName: str(r.holder_name),
    holderEmail: str(r.holder_email),
    organization: strOrNull(r.organization),
    status: str(r.status) as AccountRow['status'],
  }),
  product: (r): ProductRow => ({ id: str(r.id), name: str(r.name), latestStableVersion: str(r.latest_stable_version), discontinued: Boolean(r.discontinued) }),
  subscription: (r): SubscriptionRow => ({
    id: str(r.id),
    accountId: str(r.account_id),
    policyId: str(r.policy_id),
    initialPlan: str(r.initial_plan) as SubscriptionRow['initialPlan'],
    plan: str(r.plan) as SubscriptionRow['plan'],
    monthlyPriceCents: Number(r.monthly_price_cents),
    anchor: isoOf(r.anchor),
    timeZone: str(r.time_zone),
    changes: json(r.changes),
    pendingDowngrade: json(r.pending_downgrade ?? null),
    cancelRequestedAt: isoOrNull(r.cancel_requested_at),
    cancelAt: isoOrNull(r.cancel_at),
    freeTerm: json(r.free_term ?? null),
    entitlementEvents: json(r.entitlement_events),
    entitlementWindows: json(r.entitlement_windows),
  }),
  ticket: (r): TicketRow => ({
    id: str(r.id),
    number: Number(r.number),
    accountId: str(r.account_id),
    subscriptionId: strOrNull(r.subscription_id),
    policyId: str(r.policy_id),
    requesterName: str(r.requester_name),
    requesterEmail: str(r.requester_email),
    subject: str(r.subject),
    createdAt: isoOf(r.created_at),
    urgent: Boolean(r.urgent),
    source: str(r.source) as TicketRow['source'],
    productId: strOrNull(r.product_id),
    productVersion: strOrNull(r.product_version),
    status: str(r.status) as TicketRow['status'],
    assigneeId: strOrNull(r.assignee_id),
    plan: strOrNull(r.plan) as TicketRow['plan'],
    dueAt: isoOrNull(r.due_at),
    firstStaffReplyAt: isoOrNull(r.first_staff_reply_at),
    slaOutcome: strOrNull(r.sla_outcome) as TicketRow['slaOutcome'],
    categoryId: strOrNull(r.category_id),
    checklistAnswers: json(r.checklist_answers),
    eligibility: json(r.eligibility ?? null),
    updatedAt: isoOf(r.updated_at),
  }),
  message: (r): MessageRow => ({
    id: str(r.id),
    ticketId: str(r.ticket_id),
    accountId: str(r.account_id),
    authorKind: str(r.author_kind) as MessageRow['authorKind'],
    authorId: strOrNull(r.author_id),
    authorName: str(r.author_name),
    public: Boolean(r.public),
    body: str(r.body),
    createdAt: isoOf(r.created_at),
  }),
  loginDetail: (r): LoginDetailRow => ({
    id: str(r.id),
    ticketId: str(r.ticket_id),
    accountId: str(r.account_id),
    label: str(r.label),
    submittedAt: isoOf(r.submitted_at),
    expiresAt: isoOf(r.expires_at),
  }),
  credit: (r): CreditRow => ({
    id: str(r.id),
    accountId: str(r.account_id),
    subscriptionId: str(r.subscription_id),
    ticketId: str(r.ticket_id),
    cents: Number(r.cents),
    latenessMs: Number(r.lateness_ms),
    dueAt: isoOf(r.due_at),
    repliedAt: isoOf(r.replied_at),
    cycleStart: isoOf(r.cycle_start),
    cycleEnd: isoOf(r.cycle_end),
    appliesAt: isoOf(r.applies_at),
  }),
};

export type RowOf<E extends EntityName> = {
  policy: PolicyRow;
  engineer: EngineerRow;
  account: AccountRow;
  product: ProductRow;
  subscription: SubscriptionRow;
  ticket: TicketRow;
  message: MessageRow;
  loginDetail: LoginDetailRow;
  credit: CreditRow;
}[E];

/** The table behind each entity, and the columns clients may see (never ciphertext). */
export const entityTables: { [E in EntityName]: { table: string; columns: string } } = {
  policy: { table: 'policies', columns: 'id, policy, version' },
  engineer: { table: 'engineers', columns: 'id, name, email, version' },
  account: { table: 'accounts', columns: 'id, holder_name, holder_email, organization, status, version' },
  product: { table: 'products', columns: 'id, name, latest_stable_version, discontinued, version' },
  subscription: { table: 'subscriptions', columns: '*' },
  ticket: { table: 'tickets', columns: '*' },
  message: { table: 'messages', columns: '*' },
  loginDetail: { table: 'login_details', columns: 'id, ticket_id, account_id, label, submitted_at, expires_at, version' },
  credit: { table: 'credits', columns: '*' },
};
