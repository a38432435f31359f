import { OPEN_TICKET_STATUSES, type EntityName, type SyncPhase } from '../../src-shared/contract/index';

/**
 * The order of the first sync: what the queue needs, then open tickets with their conversations,
 * then all of history. History repeats the open tickets on purpose: a ticket that changes status
 * while a client is still in its first sync is then never missed between the two walks.
 */
export interface InitialRank {
  readonly entity: EntityName;
  readonly phase: Extract<SyncPhase, 'initial-open' | 'initial-history'>;
  /** Rows of this rank after `after` (the last key served), in key order. */
  readonly sql: string;
  readonly params: (after: readonly string[] | null, limit: number) => unknown[];
  readonly countSql: string;
  /** Builds the keyset position of a row. */
  readonly keyOf: (row: Record<string, unknown>) => string[];
}

const OPEN = `(${OPEN_TICKET_STATUSES.map((s) => `'${s}'`).join(', ')})`;

function byId(entity: EntityName, table: string, columns: string, phase: InitialRank['phase'], where = 'TRUE'): InitialRank {
  return {
    entity,
    phase,
    sql: `SELECT ${columns} FROM ${table} WHERE ${where} AND ($1::text IS NULL OR id > $1) ORDER BY id LIMIT $2`,
    params: (after, limit) => [after?.[0] ?? null, limit],
    countSql: `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
    keyOf: (row) => [String(row.id)],
  };
}

/** Rows that belong to open tickets, walked by (ticket_id, id) from the next open tickets. */
function ofOpenTickets(entity: EntityName, table: string, columns: string): InitialRank {
  return {
    entity,
    phase: 'initial-open',
    sql: `SELECT ${columns} FROM ${table} WHERE ticket_id IN (
            SELECT id FROM tickets WHERE status IN ${OPEN} AND ($1::text IS NULL OR id >= $1) ORDER BY id LIMIT $3)
          AND ($1::text IS NULL OR (ticket_id, id) > ($1, $2::text)) ORDER BY ticket_id, id LIMIT $3`,
    params: (after, limit) => [after?.[0] ?? null, after?.[1] ?? null, limit],
    countSql: `SELECT count(*)::int AS n FROM ${table} WHERE ticket_id IN (SELECT id FROM tickets WHERE status IN ${OPEN})`,
    keyOf: (row) => [String(row.ticket_id), String(row.id)],
  };
}

const LOGIN_DETAIL_COLUMNS = 'id, ticket_id, account_id, label, submitted_at, expires_at, version';

export const INITIAL_RANKS: readonly InitialRank[] = [
  byId('policy', 'policies', '*', 'initial-open'),
  byId('engineer', 'engineers', '*', 'initial-open'),
  byId('product', 'products', '*', 'initial-open'),
  byId('account', 'accounts', '*', 'initial-open'),
  byId('subscription', 'subscriptions', '*', 'initial-open'),
  byId('ticket', 'tickets', '*', 'initial-open', `status IN ${OPEN}`),
  ofOpenTickets('message', 'messages', '*'),
  ofOpenTickets('loginDetail', 'login_details', LOGIN_DETAIL_COLUMNS),
  byId('ticket', 'tickets', '*', 'initial-history'),
  byId('message', 'messages', '*', 'initial-history'),
  byId('loginDetail', 'login_details', LOGIN_DETAIL_COLUMNS, 'initial-history'),
  byId('credit', 'credits', '*', 'initial-history'),
];
