import { OPEN_TICKET_STATUSES, type EntityName, type SyncPhase } from '@shared/contract';
import { upsertJsonSql } from './change-json-sql';

/**
 * The order of the first sync. `initial-open` carries what the queue needs and no more: the
 * policies, engineers and products, the accounts and subscriptions that open tickets belong to, and
 * the open tickets. `initial-history` then brings the open tickets' conversations first, and
 * everything else.
 *
 * Every row is sent once. The first sync remembers the transaction horizon it started at, and its
 * change log is replayed from there afterwards, so a row written since comes again anyway; a row
 * that has not been written since kept its status the whole time. History therefore leaves out only
 * what an earlier rank sent because of an open ticket that has not been written since the start:
 * that ticket was open, with the same account, when the earlier rank walked past it.
 *
 * The statements are shaped so that the plan does not depend on table statistics (PGlite never
 * gathers any by itself): keyset walks over primary keys and indexes, rows limited before the
 * database writes their JSON, the open tickets' conversations fetched ticket by ticket.
 */
export interface InitialRank {
  readonly entity: EntityName;
  readonly phase: Extract<SyncPhase, 'initial-open' | 'initial-history'>;
  /** Key columns of the keyset walk: `id`, or `ticket_id, id`. */
  readonly keys: 1 | 2;
  /**
   * Rows after the key `$k1` (`$k1, $k2`), in key order, at most `$limit`, as one row (see
   * `aggregated`); `$horizon` is the first sync's transaction horizon.
   */
  readonly sql: string;
}

const OPEN = `(${OPEN_TICKET_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * An open ticket that has not been written since the start, so what depends on it went in an
 * earlier rank. A row's version is the sequence number of the change that last wrote it, and
 * versions grow in commit order: a ticket written since the start has its last change in a
 * transaction at or above the horizon. (One above the horizon that committed just before the start
 * counts as written since: its dependents are sent twice, which versions make harmless.)
 */
const steadilyOpen = (t: string) =>
  `(${t}.status IN ${OPEN} AND NOT EXISTS (SELECT 1 FROM changes c WHERE c.seq = ${t}.version AND c.txid >= $horizon::xid8))`;

/** An account with an open ticket (`steady`: one that has stayed open since the start). */
const hasOpenTicket = (accountId: string, steady: boolean) =>
  `EXISTS (SELECT 1 FROM tickets t WHERE t.account_id = ${accountId} AND ${steady ? steadilyOpen('t') : `t.status IN ${OPEN}`})`;

function byId(entity: EntityName, table: string, phase: InitialRank['phase'], where: (x: string) => string = () => 'TRUE'): InitialRank {
  return {
    entity,
    phase,
    keys: 1,
    sql: aggregated(
      1,
      `SELECT r.id AS k1, ${upsertJsonSql(entity, 'r')} AS change
         FROM (SELECT * FROM ${table} x WHERE x.id > $k1 AND ${where('x')} ORDER BY x.id LIMIT $limit) r`,
    ),
  };
}

/** Rows of tickets' conversations in (ticket_id, id) order, over the index on those columns. */
function byTicketKey(entity: EntityName, table: string, where: (x: string) => string): InitialRank {
  return {
    entity,
    phase: 'initial-history',
    keys: 2,
    sql: aggregated(
      2,
      `SELECT r.ticket_id AS k1, r.id AS k2, ${upsertJsonSql(entity, 'r')} AS change
         FROM (SELECT * FROM ${table} x WHERE (x.ticket_id, x.id) > ($k1, $k2) AND ${where('x')} ORDER BY x.ticket_id, x.id LIMIT $limit) r`,
    ),
  };
}

/** Rows of the conversations of the tickets `which` selects, ticket by ticket: for a few tickets among many. */
function byTicket(entity: EntityName, table: string, which: (t: string) => string): InitialRank {
  return {
    entity,
    phase: 'initial-history',
    keys: 2,
    sql: aggregated(
      2,
      `SELECT r.ticket_id AS k1, r.id AS k2, ${upsertJsonSql(entity, 'r')} AS change
         FROM (SELECT x.* FROM tickets t CROSS JOIN LATERAL (
                 SELECT * FROM ${table} y WHERE y.ticket_id = t.id AND (y.ticket_id, y.id) > ($k1, $k2) ORDER BY y.id LIMIT $limit) x
                WHERE t.id >= $k1 AND ${which('t')} ORDER BY t.id, x.id LIMIT $limit) r`,
    ),
  };
}

/**
 * A rank's rows as one value: how many, the last key, and their changes joined by commas in key
 * order. One value instead of thousands saves most of what a driver spends per row and column
 * (PGlite above all). `built` counts the rows whose JSON is not NULL, which must be all of them.
 * `OFFSET 0` keeps the rows a subquery of their own: merged into the aggregate, each row's JSON
 * would be written once per aggregate that reads it.
 */
function aggregated(keys: 1 | 2, rows: string): string {
  const key = keys === 1 ? 'k1' : 'k1, k2';
  return `SELECT count(*)::int AS n, count(change)::int AS built, max(ARRAY[${key}]) AS last, string_agg(change, ',' ORDER BY ${key}) AS changes
            FROM (${rows} OFFSET 0) q`;
}

const openTicket = (t: string) => `${t}.status IN ${OPEN}`;

/** Login details are few and far between: walked by id, each checking its ticket. */
const ofTicket = (x: string, which: (t: string) => string) => `EXISTS (SELECT 1 FROM tickets t WHERE t.id = ${x}.ticket_id AND ${which('t')})`;

export const INITIAL_RANKS: readonly InitialRank[] = [
  byId('policy', 'policies', 'initial-open'),
  byId('engineer', 'engineers', 'initial-open'),
  byId('product', 'products', 'initial-open'),
  byId('account', 'accounts', 'initial-open', (x) => hasOpenTicket(`${x}.id`, false)),
  byId('subscription', 'subscriptions', 'initial-open', (x) => hasOpenTicket(`${x}.account_id`, false)),
  byId('ticket', 'tickets', 'initial-open', openTicket),
  byTicket('message', 'messages', openTicket),
  byId('loginDetail', 'login_details', 'initial-history', (x) => ofTicket(x, openTicket)),
  byId('account', 'accounts', 'initial-history', (x) => `NOT ${hasOpenTicket(`${x}.id`, true)}`),
  byId('subscription', 'subscriptions', 'initial-history', (x) => `NOT ${hasOpenTicket(`${x}.account_id`, true)}`),
  byId('ticket', 'tickets', 'initial-history', (x) => `NOT ${openTicket(x)}`),
  // Most tickets are history: walk all messages, passing over the few that went with open tickets.
  byTicketKey('message', 'messages', (x) => `NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = ${x}.ticket_id AND t.id >= $k1 AND ${steadilyOpen('t')})`),
  byId('loginDetail', 'login_details', 'initial-history', (x) => `NOT ${ofTicket(x, steadilyOpen)}`),
  byId('credit', 'credits', 'initial-history'),
];

/**
 * Rows the first sync sends in all, for its progress bar. Counting a large table takes long enough
 * to delay the first page noticeably, so a table the planner's statistics put at 10,000 rows or
 * more is taken at that estimate; smaller ones are counted. The total grows to what was sent if the
 * estimate was short.
 */
export const COUNT_ALL_ROWS_SQL = ['policies', 'engineers', 'products', 'accounts', 'subscriptions', 'tickets', 'messages', 'login_details', 'credits']
  .map((table) => `(SELECT CASE WHEN c.reltuples >= 10000 THEN c.reltuples::bigint ELSE (SELECT count(*) FROM ${table}) END FROM pg_class c WHERE c.oid = '${table}'::regclass)`)
  .join(' + ');
