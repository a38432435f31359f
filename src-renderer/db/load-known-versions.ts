import type { Table } from 'dexie';
import type { EntityName, SyncChange } from '@shared/contract';
import type { AgentCache } from './cache-database';
import { ENTITY_TABLES } from './cache-rows';
import { accountIdOf, purgeKey, rowKey, type KnownVersions, type VersionKey } from './fold-changes';

/**
 * The read half of applyBatch: the stored versions of every row a page touches, and the
 * tombstones that could veto its upserts. Bulk reads only: one request per key, all in flight
 * together, instead of a get per change in sequence.
 */

type VersionedTable = Table<{ id: string; _v: number }, string>;

/** How many stored keys per page id a key-only read of the page's range may return before it is not worth it. */
const KEYS_PER_ID = 4;

/**
 * Versions of the rows that exist among `ids`. A page is mostly rows the cache does not hold yet
 * (a first sync), or rows of a narrow key range (the first sync walks tables in key order), so one
 * key-only read of the page's range says which ids exist, and only those rows are read. When the
 * range holds many more stored rows than the page (ids scattered over the table, as in the change
 * log), the rows of the page's ids are read directly.
 */
async function existingVersions(table: VersionedTable, ids: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (ids.length === 0) return found;
  const sorted = [...ids].sort();
  const budget = ids.length * KEYS_PER_ID;
  const stored = await table.where(':id').between(sorted[0], sorted[sorted.length - 1], true, true).limit(budget + 1).primaryKeys();
  if (stored.length === 0) return found;
  let candidates = sorted;
  if (stored.length <= budget) {
    const present = new Set(stored);
    candidates = sorted.filter((id) => present.has(id));
    if (candidates.length === 0) return found;
  }
  const rows = await table.bulkGet(candidates);
  for (const row of rows) if (row !== undefined) found.set(row.id, row._v);
  return found;
}

function touchedKeys(changes: readonly SyncChange[]): { idsByEntity: Map<EntityName, Set<string>>; accountIds: Set<string> } {
  const idsByEntity = new Map<EntityName, Set<string>>();
  const accountIds = new Set<string>();
  for (const change of changes) {
    if (change.op === 'purge') {
      accountIds.add(change.accountId);
      continue;
    }
    const ids = idsByEntity.get(change.entity) ?? new Set<string>();
    ids.add(change.id);
    idsByEntity.set(change.entity, ids);
    if (change.op === 'upsert') {
      const accountId = accountIdOf(change.entity, change.row as Record<string, unknown>);
      if (accountId !== null) accountIds.add(accountId);
    }
  }
  return { idsByEntity, accountIds };
}

/**
 * Tombstones matter only for rows the cache does not hold (a live row is newer than any tombstone
 * of its id) and for the accounts involved. Most caches hold none, which one `count` tells.
 */
async function loadTombstones(
  db: AgentCache,
  idsByEntity: Map<EntityName, Set<string>>,
  accountIds: Set<string>,
  rows: Map<VersionKey, number>,
): Promise<Map<VersionKey, number>> {
  const tombstones = new Map<VersionKey, number>();
  if ((await db.tombstones.count()) === 0) return tombstones;
  const keys: [string, string][] = [...accountIds].map((accountId) => ['purge', accountId]);
  for (const [entity, ids] of idsByEntity) {
    for (const id of ids) if (!rows.has(rowKey(entity, id))) keys.push([entity, id]);
  }
  const found = await db.tombstones.bulkGet(keys);
  for (const tombstone of found) {
    if (tombstone === undefined) continue;
    const key = tombstone.entity === 'purge' ? purgeKey(tombstone.id) : rowKey(tombstone.entity, tombstone.id);
    tombstones.set(key, tombstone.version);
  }
  return tombstones;
}

/** Call inside the applyBatch transaction, so what is read is what the writes are decided on. */
export async function loadKnownVersions(db: AgentCache, changes: readonly SyncChange[]): Promise<KnownVersions> {
  const { idsByEntity, accountIds } = touchedKeys(changes);
  const rows = new Map<VersionKey, number>();
  await Promise.all(
    [...idsByEntity].map(async ([entity, ids]) => {
      const table = db.table(ENTITY_TABLES[entity]) as VersionedTable;
      for (const [id, version] of await existingVersions(table, [...ids])) rows.set(rowKey(entity, id), version);
    }),
  );
  return { rows, tombstones: await loadTombstones(db, idsByEntity, accountIds, rows) };
}
