import type { EntityName, SyncChange } from '@shared/contract';
import { ENTITY_TABLES, type EntityTableName } from './cache-rows';
import { loginDetailExpired, sanitizeLoginDetail } from './login-detail-expiry';

/**
 * The decision half of applyBatch, kept pure: given a page and the versions the cache already
 * knows, decide what to write. Changes are folded in page order, so a page that purges an account
 * and then re-sends its (terminated) account row ends with that row.
 */

/** `entity:id` for rows and tombstones, `purge:accountId` for purge tombstones. */
export type VersionKey = string;
export const rowKey = (entity: EntityName, id: string): VersionKey => `${entity}:${id}`;
export const purgeKey = (accountId: string): VersionKey => `purge:${accountId}`;

/** What the cache holds before the page: live row versions and tombstone versions. */
export interface KnownVersions {
  rows: Map<VersionKey, number>;
  tombstones: Map<VersionKey, number>;
}

export type RowWrite =
  | { op: 'put'; table: EntityTableName; id: string; version: number; accountId: string | null; row: Record<string, unknown> }
  | { op: 'delete'; table: EntityTableName; id: string };

export interface ApplySummary {
  /** Upserts written. */
  upserted: number;
  /** Deletes applied (the row, if cached, removed). */
  deleted: number;
  /** Purges applied (every row of the account removed). */
  purged: number;
  /** Changes that changed nothing: stale versions, repeats, expired or malformed login details. */
  skipped: number;
}

export interface WritePlan {
  purges: { accountId: string; version: number }[];
  /** The last write per row, in page order. */
  writes: Map<VersionKey, RowWrite>;
  tombstones: Map<VersionKey, { entity: EntityName | 'purge'; id: string; version: number }>;
  summary: ApplySummary;
}

/** The account a row belongs to, when it belongs to one. */
export function accountIdOf(entity: EntityName, row: Record<string, unknown>): string | null {
  if (entity === 'account') return String(row.id);
  return typeof row.accountId === 'string' ? row.accountId : null;
}

class Folder {
  readonly plan: WritePlan = { purges: [], writes: new Map(), tombstones: new Map(), summary: { upserted: 0, deleted: 0, purged: 0, skipped: 0 } };

  private readonly rows: Map<VersionKey, number>;

  constructor(
    private readonly known: KnownVersions,
    private readonly now: Date,
  ) {
    // Versions written by this page count too; copy so the caller's map stays what was read.
    this.rows = new Map(known.rows);
  }

  private tombstone(key: VersionKey): number {
    return this.plan.tombstones.get(key)?.version ?? this.known.tombstones.get(key) ?? -1;
  }

  private live(key: VersionKey): number {
    return this.rows.get(key) ?? -1;
  }

  upsert(change: Extract<SyncChange, { op: 'upsert' }>): void {
    const key = rowKey(change.entity, change.id);
    const table = ENTITY_TABLES[change.entity];
    let row = change.row as Record<string, unknown>;
    const accountId = accountIdOf(change.entity, row);
    const floor = Math.max(this.live(key), this.tombstone(key), accountId === null ? -1 : this.tombstone(purgeKey(accountId)));
    if (change.version <= floor) return void this.plan.summary.skipped++;
    if (change.entity === 'loginDetail') {
      const clean = sanitizeLoginDetail(row);
      if (clean === null || loginDetailExpired(clean, this.now)) {
        // Whatever older copy is cached is just as expired (or just as suspect): drop it too.
        this.plan.writes.set(key, { op: 'delete', table, id: change.id });
        return void this.plan.summary.skipped++;
      }
      row = clean;
    }
    this.plan.writes.set(key, { op: 'put', table, id: change.id, version: change.version, accountId, row: { ...row, _v: change.version } });
    this.rows.set(key, change.version);
    this.plan.summary.upserted++;
  }

  delete(change: Extract<SyncChange, { op: 'delete' }>): void {
    const key = rowKey(change.entity, change.id);
    // Versions are unique per change, so `>=` only matters for a server that reuses one.
    if (change.version < this.live(key) || change.version <= this.tombstone(key)) return void this.plan.summary.skipped++;
    this.plan.writes.set(key, { op: 'delete', table: ENTITY_TABLES[change.entity], id: change.id });
    this.plan.tombstones.set(key, { entity: change.entity, id: change.id, version: change.version });
    this.rows.delete(key);
    this.plan.summary.deleted++;
  }

  purge(change: Extract<SyncChange, { op: 'purge' }>): void {
    const key = purgeKey(change.accountId);
    if (change.version <= this.tombstone(key)) return void this.plan.summary.skipped++;
    this.plan.tombstones.set(key, { entity: 'purge', id: change.accountId, version: change.version });
    this.plan.purges.push({ accountId: change.accountId, version: change.version });
    // Rows of this page that the purge supersedes never reach the database.
    for (const [rowKeyOf, write] of this.plan.writes) {
      if (write.op === 'put' && write.accountId === change.accountId && write.version <= change.version) this.plan.writes.delete(rowKeyOf);
    }
    this.plan.summary.purged++;
  }
}

export function foldChanges(changes: readonly SyncChange[], known: KnownVersions, now: Date): WritePlan {
  const folder = new Folder(known, now);
  for (const change of changes) {
    if (change.op === 'upsert') folder.upsert(change);
    else if (change.op === 'delete') folder.delete(change);
    else folder.purge(change);
  }
  return folder.plan;
}
