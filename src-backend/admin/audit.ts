import type { AuditEntry } from '@shared/contract';
import type { Queryable } from '../db/database';
import { isoOf } from '../domain/db-instants';

export interface AdminAction {
  /** Who acted: `admin-token:<id>`, `local:<user>` (the admin command on the database), `engineer:<id>`. */
  actor: string;
  /** What was done, as `<thing>.<verb>`: `engineer.add`, `token.revoke`. */
  action: string;
  /** The row acted on, when there is one. */
  target: string | null;
  before: unknown;
  after: unknown;
}

/**
 * Every administrative action goes through here, in the transaction of the action itself: the
 * action and its record commit together or not at all. Rows hold no secret: tokens and codes
 * appear by id and summary only.
 */
export async function recordAdminAction(tx: Queryable, entry: AdminAction): Promise<void> {
  await tx.query('INSERT INTO audit_log (at, actor, action, target, before, after) VALUES (now(), $1, $2, $3, $4, $5)', [
    entry.actor,
    entry.action,
    entry.target,
    entry.before === null ? null : JSON.stringify(entry.before),
    entry.after === null ? null : JSON.stringify(entry.after),
  ]);
}

/** Newest first; `before` pages on from the last id seen. Ordered by audit_log.id, the number, not the text alias (or 9 would sort after 10). */
export async function listAudit(q: Queryable, query: { limit: number; before?: string }): Promise<AuditEntry[]> {
  const { rows } = await q.query<{ id: string; at: unknown; actor: string; action: string; target: string | null; before: unknown; after: unknown }>(
    'SELECT id::text AS id, at, actor, action, target, before, after FROM audit_log WHERE ($1::bigint IS NULL OR audit_log.id < $1::bigint) ORDER BY audit_log.id DESC LIMIT $2',
    [query.before ?? null, query.limit],
  );
  return rows.map((row) => ({ ...row, at: isoOf(row.at) }));
}
