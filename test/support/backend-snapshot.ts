import { entityNames } from '@shared/contract';
import type { Queryable } from '../../src-backend/db/database';
import { entityTables, rowMappers } from '../../src-backend/domain/row-mappers';
import { canonicalHash, snapshotOf, type CacheSnapshot } from '../../src-renderer/db/canonical-hash';

/** Every row the backend would sync, as the cache's canonical snapshot, to compare the two exactly. */
export async function backendSnapshot(db: Queryable): Promise<CacheSnapshot> {
  const entries: Array<{ entity: (typeof entityNames)[number]; id: string; version: number; row: object }> = [];
  for (const entity of entityNames) {
    const { table, columns } = entityTables[entity];
    const { rows } = await db.query(`SELECT ${columns} FROM ${table}`);
    for (const row of rows) entries.push({ entity, id: String(row.id), version: Number(row.version), row: rowMappers[entity](row) });
  }
  return snapshotOf(entries);
}

export async function backendHash(db: Queryable): Promise<string> {
  return canonicalHash(await backendSnapshot(db));
}
