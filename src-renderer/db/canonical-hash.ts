import { entityNames, type EntityName } from '@shared/contract';
import type { AgentCache } from './cache-database';
import { ENTITY_TABLES } from './cache-rows';

/**
 * A content fingerprint of what the cache holds from the server, for the fault-injection tests:
 * after any crash or cut connection, the cache must hash the same as the backend's current rows
 * put through `snapshotOf` (nothing lost, nothing doubled).
 */

export interface SnapshotEntry {
  id: string;
  version: number;
  row: Record<string, unknown>;
}

export type CacheSnapshot = Record<EntityName, SnapshotEntry[]>;

/** Fields that exist only in this cache (versions, optimistic state, local rows' flags). */
const LOCAL_FIELDS = ['_v', '_server', 'localReplyAt', 'pending'] as const;

function withoutLocalFields(row: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...row };
  for (const field of LOCAL_FIELDS) delete copy[field];
  return copy;
}

const byId = (a: SnapshotEntry, b: SnapshotEntry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A snapshot built from server-side rows, e.g. the backend's current rows with their versions. */
export function snapshotOf(entries: Iterable<{ entity: EntityName; id: string; version: number; row: object }>): CacheSnapshot {
  const snapshot = Object.fromEntries(entityNames.map((name) => [name, [] as SnapshotEntry[]])) as CacheSnapshot;
  for (const { entity, id, version, row } of entries) snapshot[entity].push({ id, version, row: withoutLocalFields({ ...row }) });
  for (const name of entityNames) snapshot[name].sort(byId);
  return snapshot;
}

/**
 * The cache's synced state: local message rows are left out, and an optimistically edited ticket
 * counts as its last server row (`_server`), so pending actions never make the hashes differ.
 */
export async function cacheSnapshot(db: AgentCache): Promise<CacheSnapshot> {
  const tables = entityNames.map((name) => db.table(ENTITY_TABLES[name]));
  const rowsPerEntity = await db.transaction('r', tables, () => Promise.all(tables.map((table) => table.toArray())));
  const entries = entityNames.flatMap((entity, i) =>
    (rowsPerEntity[i] as Record<string, unknown>[])
      .filter((row) => row.pending !== true)
      .map((row) => ({ entity, id: String(row.id), version: Number(row._v), row: (row._server as object | undefined) ?? row })),
  );
  return snapshotOf(entries);
}

/** JSON with object keys sorted at every depth and `undefined` members left out, like JSON.stringify. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) of the canonical JSON; Web Crypto exists in Chromium and in Node 20+. */
export async function canonicalHash(snapshot: CacheSnapshot): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(snapshot)));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
