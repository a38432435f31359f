import type { EntityName } from '@shared/contract';
import type { Queryable } from '../../../src-backend/db/database';
import { entityTables, rowMappers, type RowOf } from '../../../src-backend/domain/row-mappers';

export interface StoredRow<E extends EntityName> {
  row: RowOf<E>;
  version: number;
}

/** Every row of an entity as clients receive it (the service's own mappers), with its version, by id. */
export async function readRows<E extends EntityName>(db: Queryable, entity: E): Promise<Array<StoredRow<E>>> {
  const { table, columns } = entityTables[entity];
  const { rows } = await db.query(`SELECT ${columns} FROM ${table} ORDER BY id`);
  return rows.map((raw) => ({ row: rowMappers[entity](raw) as RowOf<E>, version: Number(raw.version) }));
}

/** The single-column foreign keys of the schema, for checking references after a bulk load. */
export async function foreignKeys(db: Queryable): Promise<Array<{ child: string; column: string; parent: string; parentColumn: string }>> {
  const { rows } = await db.query<{ child: string; column: string; parent: string; parent_column: string }>(
    `SELECT c.conrelid::regclass::text AS child, ca.attname AS column, c.confrelid::regclass::text AS parent, pa.attname AS parent_column
     FROM pg_constraint c
     JOIN pg_attribute ca ON ca.attrelid = c.conrelid AND ca.attnum = c.conkey[1]
     JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
     WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 ORDER BY 1, 2`,
  );
  return rows.map((r) => ({ child: r.child, column: r.column, parent: r.parent, parentColumn: r.parent_column }));
}
