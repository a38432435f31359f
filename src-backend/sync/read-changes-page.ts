import { entityNames } from '@shared/contract';
import { namedStatement, type Queryable } from '../db/database';
import { entityTables } from '../domain/row-mappers';
import { DELETE_JSON_SQL, PURGE_JSON_SQL, upsertJsonSql } from './change-json-sql';
import type { ChangesCursor } from './sync-cursor';
import type { PageDraft } from './read-initial-page';

/**
 * An upsert's change, from the row as it is now, only while the row is still at the logged
 * version: a later change rewrote or deleted it, and that change carries it.
 */
const UPSERT_BY_ENTITY = entityNames
  .map((entity) => `WHEN '${entity}' THEN (SELECT ${upsertJsonSql(entity, 'r')} FROM ${entityTables[entity].table} r WHERE r.id = log.entity_id AND r.version = log.seq)`)
  .join('\n      ');

/**
 * The change log after the cursor, in (transaction id, sequence) order, and only below the oldest
 * transaction still running: a sequence number taken by a transaction that commits later than a
 * higher one would otherwise be passed over for good. One statement, so the log and the rows
 * behind it are one snapshot.
 */
const CHANGES_SQL = namedStatement(
  'sync_changes_page',
  `
  WITH log AS (
    SELECT txid, seq, entity, entity_id, op FROM changes
     WHERE (changes.txid, changes.seq) > ($1::xid8, $2::bigint) AND changes.txid < pg_snapshot_xmin(pg_current_snapshot())
     ORDER BY changes.txid, changes.seq LIMIT $3)
  SELECT log.txid::text AS txid, log.seq, (CASE log.op
      WHEN 'purge' THEN ${PURGE_JSON_SQL}
      WHEN 'delete' THEN ${DELETE_JSON_SQL}
      ELSE CASE log.entity
      ${UPSERT_BY_ENTITY}
      END END) AS change
    FROM log
   -- log.txid, the column: the text alias would sort '1000' before '999' and skip changes.
   ORDER BY log.txid, log.seq`,
);

export async function readChangesPage(db: Queryable, cursor: ChangesCursor, limit: number): Promise<PageDraft & { more: boolean }> {
  const { rows: log } = await db.query<{ txid: string; seq: number | string; change: string | null }>(CHANGES_SQL, [cursor.x, cursor.s, limit]);
  const changes: string[] = [];
  for (const entry of log) if (entry.change !== null) changes.push(entry.change);
  const last = log[log.length - 1];
  const next: ChangesCursor = last === undefined ? cursor : { v: 1, k: 'c', x: last.txid, s: Number(last.seq) };
  return { changes, count: changes.length, next, more: log.length === limit };
}
