import type { SyncChange } from '../../src-shared/contract/index';
import type { Queryable } from '../db/database';
import { rowMappers } from '../domain/row-mappers';
import { INITIAL_RANKS } from './initial-ranks';
import type { InitialCursor, SyncCursor } from './sync-cursor';

export interface PageDraft {
  changes: SyncChange[];
  next: SyncCursor;
}

/** The first sync's starting point: the transaction horizon now, and how many rows it will send. */
export async function startInitialSync(tx: Queryable): Promise<InitialCursor> {
  const { rows } = await tx.query<{ w: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS w');
  let total = 0;
  for (const rank of INITIAL_RANKS) {
    const counted = await tx.query<{ n: number }>(rank.countSql);
    total += Number(counted.rows[0]?.n ?? 0);
  }
  return { v: 1, k: 'i', w: String(rows[0]?.w), r: 0, a: null, d: 0, t: total };
}

/** Up to `limit` current rows from the cursor's rank onwards, as upserts at their current versions. */
export async function readInitialPage(tx: Queryable, cursor: InitialCursor, limit: number): Promise<PageDraft> {
  const changes: SyncChange[] = [];
  let { r: rankIndex, a: after } = cursor;
  while (changes.length < limit && rankIndex < INITIAL_RANKS.length) {
    const rank = INITIAL_RANKS[rankIndex] as (typeof INITIAL_RANKS)[number];
    const want = limit - changes.length;
    const { rows } = await tx.query(rank.sql, rank.params(after, want));
    const toRow = rowMappers[rank.entity];
    for (const row of rows) {
      changes.push({ op: 'upsert', entity: rank.entity, id: String(row.id), version: Number(row.version), row: toRow(row) } as SyncChange);
    }
    if (rows.length < want) {
      rankIndex++;
      after = null;
    } else {
      after = rank.keyOf(rows[rows.length - 1] as Record<string, unknown>);
    }
  }
  const done = cursor.d + changes.length;
  if (rankIndex >= INITIAL_RANKS.length) {
    // History is complete: replay every change from the horizon the first sync started at.
    return { changes, next: { v: 1, k: 'c', x: cursor.w, s: 0 } };
  }
  return { changes, next: { ...cursor, r: rankIndex, a: after, d: done, t: Math.max(cursor.t, done) } };
}
