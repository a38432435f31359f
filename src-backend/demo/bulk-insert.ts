import type { EntityName } from '@shared/contract';
import type { Queryable } from '../db/database';

/** One column of a bulk insert: its SQL name, the array type it travels as, and how to read it from a row. */
export interface BulkColumn<Row> {
  name: string;
  /** PostgreSQL element type of the parameter array: text, bigint, integer, boolean, timestamptz, jsonb, bytea. */
  type: string;
  value: (row: Row) => unknown;
}

export interface BulkTable<Row> {
  table: string;
  entity: EntityName;
  columns: ReadonlyArray<BulkColumn<Row>>;
  /** SQL over the inserted row that names its account in the change log ('NULL' for workspace-wide rows). */
  changeAccount: string;
  /** Leave rows that already exist alone (and record no change for them). */
  skipExisting?: boolean;
}

const DEFAULT_CHUNK = 5_000;

/**
 * Inserts rows and, in the same statement, an upsert change per inserted row whose seq is the
 * row's version. Each chunk is one statement whose parameters are one array per column, so a chunk
 * costs one round trip whatever its size (`unnest`). Versions come from `change_seq` row by row,
 * so nothing else writing at the same time can be handed the same numbers.
 * Returns how many rows were inserted.
 */
export async function bulkInsert<Row>(tx: Queryable, spec: BulkTable<Row>, rows: readonly Row[], chunk = DEFAULT_CHUNK): Promise<number> {
  const names = [...spec.columns.map((c) => c.name), 'version'];
  const arrays = spec.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const entityParam = spec.columns.length + 1;
  const sql =
    `WITH inserted AS (INSERT INTO ${spec.table} (${names.join(', ')}) ` +
    `SELECT u.*, nextval('change_seq') FROM unnest(${arrays}) AS u ` +
    `${spec.skipExisting ? 'ON CONFLICT DO NOTHING ' : ''}RETURNING id, ${spec.changeAccount} AS account_id, version), ` +
    `logged AS (INSERT INTO changes (seq, entity, entity_id, account_id, op) ` +
    `SELECT version, $${entityParam}::text, id, account_id, 'upsert' FROM inserted RETURNING 1) ` +
    'SELECT count(*)::int AS n FROM logged';
  let inserted = 0;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const params: unknown[] = spec.columns.map((column) => part.map(column.value));
    params.push(spec.entity);
    const { rows: counted } = await tx.query<{ n: number }>(sql, params);
    inserted += Number(counted[0]?.n ?? 0);
  }
  return inserted;
}

/** JSON for a jsonb column; null stays SQL NULL. */
export function jsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
