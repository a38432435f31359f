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
} from '@shared/contract';
import { isoOf, isoOrNull } from './db-instants';

/**
 * Database rows (snake_case, timestamptz, jsonb) -> the contract's rows (camelCase, ISO UTC
 * strings). Each entity's fields are declared once, below; from that one list come both the
 * JavaScript mapper (`rowMappers`) and the SQL that lets the database write the same row as JSON
 * text (`rowJsonSql`), which is how sync pages are served. A test holds the two to each other.
 */

/** `id`: text the contract restricts to letters, digits and `_.:-` (idSchema), so JSON needs no escaping. */
type FieldKind = 'id' | 'id?' | 'text' | 'text?' | 'int' | 'bool' | 'instant' | 'instant?' | 'json' | 'json?';

/** [contract field, column, kind] */
type Field = readonly [key: string, column: string, kind: FieldKind];

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

/** Every contract field of every entity, in the contract's order (checked by the type below). */
const ROW_FIELDS = {
  policy: [
    ['id', 'id', 'id'],
    ['policy', 'policy', 'json'],
    ['versions', 'versions', 'json'],
  ],
  engineer: [
    ['id', 'id', 'id'],
    ['name', 'name', 'text'],
    ['email', 'email', 'text'],
  ],
  account: [
    ['id', 'id', 'id'],
    ['holderName', 'holder_name', 'text'],
    ['holderEmail', 'holder_email', 'text'],
    ['organization', 'organization', 'text?'],
    ['status', 'status', 'text'],
  ],
  product: [
    ['id', 'id', 'id'],
    ['name', 'name', 'text'],
    ['latestStableVersion', 'latest_stable_version', 'text'],
    ['discontinued', 'discontinued', 'bool'],
  ],
  subscription: [
    ['id', 'id', 'id'],
    ['accountId', 'account_id', 'id'],
    ['policyId', 'policy_id', 'id'],
    ['initialPlan', 'initial_plan', 'text'],
    ['plan', 'plan', 'text'],
    ['monthlyPriceCents', 'monthly_price_cents', 'int'],
    ['anchor', 'anchor', 'instant'],
    ['timeZone', 'time_zone', 'text'],
    ['changes', 'changes', 'json'],
    ['pendingDowngrade', 'pending_downgrade', 'json?'],
    ['cancelRequestedAt', 'cancel_requested_at', 'instant?'],
    ['cancelAt', 'cancel_at', 'instant?'],
    ['freeTerm', 'free_term', 'json?'],
    ['entitlementEvents', 'entitlement_events', 'json'],
    ['entitlementWindows', 'entitlement_windows', 'json'],
  ],
  ticket: [
    ['id', 'id', 'id'],
    ['number', 'number', 'int'],
    ['accountId', 'account_id', 'id'],
    ['subscriptionId', 'subscription_id', 'id?'],
    ['policyId', 'policy_id', 'id'],
    ['policyVersion', 'policy_version', 'int'],
    ['requesterName', 'requester_name', 'text'],
    ['requesterEmail', 'requester_email', 'text'],
    ['subject', 'subject', 'text'],
    ['createdAt', 'created_at', 'instant'],
    ['urgent', 'urgent', 'bool'],
    ['source', 'source', 'text'],
    ['productId', 'product_id', 'id?'],
    ['productVersion', 'product_version', 'text?'],
    ['status', 'status', 'text'],
    ['assigneeId', 'assignee_id', 'id?'],
    ['plan', 'plan', 'text?'],
    ['dueAt', 'due_at', 'instant?'],
    ['firstStaffReplyAt', 'first_staff_reply_at', 'instant?'],
    ['slaOutcome', 'sla_outcome', 'text?'],
    ['categoryId', 'category_id', 'text?'],
    ['checklistAnswers', 'checklist_answers', 'json'],
    ['eligibility', 'eligibility', 'json?'],
    ['updatedAt', 'updated_at', 'instant'],
  ],
  message: [
    ['id', 'id', 'id'],
    ['ticketId', 'ticket_id', 'id'],
    ['accountId', 'account_id', 'id'],
    ['authorKind', 'author_kind', 'text'],
    ['authorId', 'author_id', 'id?'],
    ['authorName', 'author_name', 'text'],
    ['public', 'public', 'bool'],
    ['body', 'body', 'text'],
    ['createdAt', 'created_at', 'instant'],
  ],
  loginDetail: [
    ['id', 'id', 'id'],
    ['ticketId', 'ticket_id', 'id'],
    ['accountId', 'account_id', 'id'],
    ['label', 'label', 'text'],
    ['submittedAt', 'submitted_at', 'instant'],
    ['expiresAt', 'expires_at', 'instant'],
  ],
  credit: [
    ['id', 'id', 'id'],
    ['accountId', 'account_id', 'id'],
    ['subscriptionId', 'subscription_id', 'id'],
    ['ticketId', 'ticket_id', 'id'],
    ['cents', 'cents', 'int'],
    ['latenessMs', 'lateness_ms', 'int'],
    ['dueAt', 'due_at', 'instant'],
    ['repliedAt', 'replied_at', 'instant'],
    ['cycleStart', 'cycle_start', 'instant'],
    ['cycleEnd', 'cycle_end', 'instant'],
    ['appliesAt', 'applies_at', 'instant'],
  ],
} as const satisfies { [E in EntityName]: readonly (readonly [keyof RowOf<E> & string, string, FieldKind])[] };

// Every contract field is listed: a field added to a row schema but not here fails to compile.
type Listed<E extends EntityName> = (typeof ROW_FIELDS)[E][number][0];
type Complete = { [E in EntityName]: Exclude<keyof RowOf<E>, Listed<E>> extends never ? true : Exclude<keyof RowOf<E>, Listed<E>> };
const complete: { [E in EntityName]: true } = {} as Complete;
void complete;

type DbRow = Record<string, unknown>;

function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

const convert: Record<FieldKind, (value: unknown) => unknown> = {
  id: (v) => String(v),
  'id?': (v) => (v === null || v === undefined ? null : String(v)),
  text: (v) => String(v),
  'text?': (v) => (v === null || v === undefined ? null : String(v)),
  int: (v) => Number(v),
  bool: (v) => Boolean(v),
  instant: (v) => isoOf(v),
  'instant?': (v) => isoOrNull(v),
  json: (v) => parseJson(v),
  'json?': (v) => parseJson(v ?? null),
};

function mapperOf(fields: readonly Field[]): (row: DbRow) => unknown {
  return (row) => {
    const out: Record<string, unknown> = {};
    for (const [key, column, kind] of fields) out[key] = convert[kind](row[column]);
    return out;
  };
}

export const rowMappers = Object.fromEntries(
  Object.entries(ROW_FIELDS).map(([entity, fields]) => [entity, mapperOf(fields as readonly Field[])]),
) as { [E in EntityName]: (row: DbRow) => RowOf<E> };

/** ISO UTC with milliseconds, exactly as `Date#toISOString` writes it. */
const isoSql = (ref: string) => `to_char(${ref} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * One field's value as JSON text in SQL. Never null: a NULL would make the whole concatenation
 * NULL, so nullable kinds write `null` themselves (and read-sync-page checks that no row came out
 * NULL all the same).
 */
const jsonTextSql: Record<FieldKind, (ref: string) => string> = {
  // A malformed id would make the page malformed, which the client refuses as loudly as a bad id.
  id: (ref) => `('"' || ${ref} || '"')`,
  'id?': (ref) => `coalesce('"' || ${ref} || '"', 'null')`,
  text: (ref) => `to_json(${ref})::text`,
  'text?': (ref) => `coalesce(to_json(${ref})::text, 'null')`,
  int: (ref) => `${ref}::text`,
  bool: (ref) => `CASE WHEN ${ref} THEN 'true' ELSE 'false' END`,
  instant: (ref) => `('"' || ${isoSql(ref)} || '"')`,
  'instant?': (ref) => `coalesce('"' || ${isoSql(ref)} || '"', 'null')`,
  json: (ref) => `${ref}::text`,
  'json?': (ref) => `coalesce(${ref}::text, 'null')`,
};

/**
 * A SQL expression of type text: the contract row of `entity`, as JSON, from the table row aliased
 * `alias`. Concatenation rather than json_build_object: it costs the database about half as much,
 * which is most of what serving a sync page costs. Keys and columns come from the list above.
 */
export function rowJsonSql(entity: EntityName, alias: string): string {
  const fields = ROW_FIELDS[entity] as readonly Field[];
  const parts = fields.map(([key, column, kind], i) => `'${i === 0 ? '{' : ','}"${key}":' || ${jsonTextSql[kind](`${alias}.${column}`)}`);
  return `(${parts.join(' || ')} || '}')`;
}

/** The table behind each entity, and the columns clients may see (never ciphertext). */
export const entityTables: { [E in EntityName]: { table: string; columns: string } } = {
  policy: { table: 'policies', columns: 'id, policy, versions, version' },
  engineer: { table: 'engineers', columns: 'id, name, email, version' },
  account: { table: 'accounts', columns: 'id, holder_name, holder_email, organization, status, version' },
  product: { table: 'products', columns: 'id, name, latest_stable_version, discontinued, version' },
  subscription: { table: 'subscriptions', columns: '*' },
  ticket: { table: 'tickets', columns: '*' },
  message: { table: 'messages', columns: '*' },
  loginDetail: { table: 'login_details', columns: 'id, ticket_id, account_id, label, submitted_at, expires_at, version' },
  credit: { table: 'credits', columns: '*' },
};
