import type { Queryable } from '../../db/database';

/** How long an attempt may be talking to the helpdesk before a retry (or the mirror) takes it as dead. */
export const WRITEBACK_LEASE_MS = 120_000;

/** A ticket's link to the helpdesk. */
export interface TicketLink {
  connector: string;
  externalId: string;
}

/** The helpdesk ticket of each of these tickets that is linked to one. */
export async function linksOf(db: Queryable, connector: string, ticketIds: string[]): Promise<Map<string, TicketLink>> {
  const { rows } = await db.query<{ ticket_id: string; external_id: string }>(
    'SELECT ticket_id, external_id FROM connector_tickets WHERE connector = $1 AND ticket_id IN (SELECT jsonb_array_elements_text($2::jsonb))',
    [connector, JSON.stringify([...new Set(ticketIds)])],
  );
  return new Map(rows.map((row) => [row.ticket_id, { connector, externalId: row.external_id }]));
}

/** The newest helpdesk transaction of the ticket we know of (mirrored or written back), by number. */
export async function newestKnownEntry(tx: Queryable, connector: string, ticketId: string): Promise<string | null> {
  const { rows } = await tx.query<{ external_id: string }>(
    'SELECT external_id FROM connector_entries WHERE connector = $1 AND ticket_id = $2 ORDER BY length(external_id) DESC, external_id DESC LIMIT 1',
    [connector, ticketId],
  );
  return rows[0]?.external_id ?? null;
}

export interface WritebackRow {
  state: 'pending' | 'delivered' | 'refused';
  before_external_id: string | null;
  /** When the running attempt's lease ends; null: none runs. */
  attempt_until: Date | string | null;
}

/** The write-back of this engineer's key, locked until the transaction ends. */
export async function lockWriteback(tx: Queryable, engineerId: string, key: string): Promise<WritebackRow | null> {
  const { rows } = await tx.query<WritebackRow>(
    'SELECT state, before_external_id, attempt_until FROM connector_writebacks WHERE engineer_id = $1 AND idempotency_key = $2 FOR UPDATE',
    [engineerId, key],
  );
  return rows[0] ?? null;
}

export async function insertPending(tx: Queryable, row: { connector: string; engineerId: string; key: string; ticketId: string; kind: string; before: string | null; now: Date; until: Date }): Promise<void> {
  await tx.query(
    `INSERT INTO connector_writebacks (connector, engineer_id, idempotency_key, ticket_id, kind, state, before_external_id, created_at, attempt_until)
     VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8)`,
    [row.connector, row.engineerId, row.key, row.ticketId, row.kind, row.before, row.now.toISOString(), row.until.toISOString()],
  );
}

/** A new attempt on a pending write-back, leased until `until` (null: no attempt is running, the next request takes it over). */
export async function markAttempt(tx: Queryable, engineerId: string, key: string, until: Date | null): Promise<void> {
  await tx.query('UPDATE connector_writebacks SET attempt_until = $3 WHERE engineer_id = $1 AND idempotency_key = $2', [engineerId, key, until?.toISOString() ?? null]);
}

export async function settleWriteback(tx: Queryable, engineerId: string, key: string, settled: { state: 'delivered'; externalId: string | null } | { state: 'refused'; reason: string }, now: Date): Promise<void> {
  await tx.query(
    'UPDATE connector_writebacks SET state = $3, external_id = $4, reason = $5, settled_at = $6, attempt_until = NULL WHERE engineer_id = $1 AND idempotency_key = $2',
    [engineerId, key, settled.state, settled.state === 'delivered' ? settled.externalId : null, settled.state === 'refused' ? settled.reason : null, now.toISOString()],
  );
}

/** Records a helpdesk transaction a write-back produced, so the mirror does not apply it again. */
export async function recordEntry(tx: Queryable, entry: { connector: string; externalId: string; ticketId: string; messageId: string | null }): Promise<void> {
  await tx.query('INSERT INTO connector_entries (connector, external_id, ticket_id, message_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
    entry.connector,
    entry.externalId,
    entry.ticketId,
    entry.messageId,
  ]);
}

/**
 * Engineer actions the helpdesk has not confirmed yet: RT unreachable, or an attempt cut off. Each
 * is sent again with its key (the desktop keeps it in its outbox) and delivered once.
 */
export async function connectorWaitingActions(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ waiting: string | number }>("SELECT count(*) AS waiting FROM connector_writebacks WHERE state = 'pending'");
  return Number(rows[0]?.waiting ?? 0);
}

/**
 * Whether an engineer's action on this helpdesk ticket is being sent to the helpdesk right now (an
 * attempt whose lease runs). Its transaction may be in the helpdesk before the write-back
 * records it: the mirror leaves the ticket until the attempt ends.
 */
export async function writebackInFlight(tx: Queryable, connector: string, externalId: string, now: Date): Promise<boolean> {
  const { rows } = await tx.query(
    `SELECT 1 FROM connector_writebacks w JOIN connector_tickets t ON t.ticket_id = w.ticket_id AND t.connector = w.connector
      WHERE w.connector = $1 AND t.external_id = $2 AND w.state = 'pending' AND w.attempt_until > $3 LIMIT 1`,
    [connector, externalId, now.toISOString()],
  );
  return rows.length > 0;
}

/** Whether this helpdesk transaction is in the support center already (mirrored, or recorded by a write-back). */
export async function entryKnown(tx: Queryable, connector: string, externalId: string): Promise<boolean> {
  const { rows } = await tx.query('SELECT 1 FROM connector_entries WHERE connector = $1 AND external_id = $2', [connector, externalId]);
  return rows.length > 0;
}
