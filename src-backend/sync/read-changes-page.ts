import type { EntityName, SyncChange } from '../../src-shared/contract/index';
import type { Queryable } from '../db/database';
import { entityTables, rowMappers } from '../domain/row-mappers';
import type { ChangesCursor } from './sync-cursor';
import type { PageDraft } from './read-initial-page';

interface LogRow {
  txid: string;
  seq: number;
  entity: EntityName;
  entity_id: string;
  account_id: string | null;
  op: 'upsert' | 'delete' | 'purge';
}

/**
 * The change log after the cursor, in (transaction id, sequence) order, and only below the oldest
 * transaction still running: a sequence number taken by a transaction that commits later than a
 * higher one would otherwise be passed over for good.
 */
export async function readChangesPage(tx: Queryable, cursor: ChangesCursor, limit: number): Promise<PageDraft & { more: boolean }> {
  const { rows: log } = await tx.query<LogRow>(
    // ORDER BY names the table's columns: a bare `txid` would mean the text alias of the select list
    // and sort '1000' before '999', skipping changes once transaction ids gain a digit.
    `SELECT txid::text AS txid, seq, entity, entity_id, account_id, op FROM changes
      WHERE (changes.txid, changes.seq) > ($1::xid8, $2::bigint) AND changes.txid < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY changes.txid, changes.seq LIMIT $3`,
    [cursor.x, cursor.s, limit],
  );
  const current = await currentRows(tx, log);
  const changes: SyncChange[] = [];
  for (const entry of log) {
    const seq = Number(entry.seq);
    if (entry.op === 'purge') {
      changes.push({ op: 'purge', accountId: entry.entity_id, version: seq });
    } else if (entry.op === 'delete') {
      changes.push({ op: 'delete', entity: entry.entity, id: entry.entity_id, version: seq });
    } else {
      const row = current.get(`${entry.entity}:${entry.entity_id}`);
      // A later change rewrote or deleted the row: that change carries it.
      if (row === undefined || Number(row.version) !== seq) continue;
      changes.push({ op: 'upsert', entity: entry.entity, id: entry.entity_id, version: seq, row: rowMappers[entry.entity](row) } as SyncChange);
    }
  }
  const last = log[log.length - 1];
  const next: ChangesCursor = last === undefined ? cursor : { v: 1, k: 'c', x: last.txid, s: Number(last.seq) };
  return { changes, next, more: log.length === limit };
}

/** The current rows behind the log's upserts, one query per entity, keyed `entity:id`. */
async function currentRows(tx: Queryable, log: readonly LogRow[]): Promise<Map<string, Record<string, unknown>>> {
  const idsByEntity = new Map<EntityName, string[]>();
  for (const entry of log) {
    if (entry.op !== 'upsert') continue;
    const ids = idsByEntity.get(entry.entity) ?? [];
    ids.push(entry.entity_id);
    idsByEntity.set(entry.entity, ids);
  }
  const rows = new Map<string, Record<string, unknown>>();
  for (const [entity, ids] of idsByEntity) {
    const { table, columns } = entityTables[entity];
    const result = await tx.query(`SELECT ${columns} FROM ${table} WHERE id = ANY($1::text[])`, [ids]);
    for (const row of result.rows) rows.set(`${entity}:${String(row.id)}`, row);
  }
  return rows;
}
