import { namedStatement, type NamedStatement, type Queryable } from '../db/database';
import { bindNamed } from './change-json-sql';
import { COUNT_ALL_ROWS_SQL, INITIAL_RANKS } from './initial-ranks';
import type { InitialCursor, SyncCursor } from './sync-cursor';

/** A page before it is wrapped: its changes as JSON texts, in order, and where the next one starts. */
export interface PageDraft {
  /** JSON texts of changes, each one change or several joined by commas. */
  changes: string[];
  /** How many changes `changes` holds. */
  count: number;
  next: SyncCursor;
}

/**
 * The first sync's starting point: the transaction horizon now, and how many rows it will send.
 * Taken before any row is read, so every change the walk could miss commits above the horizon.
 */
export async function startInitialSync(db: Queryable): Promise<InitialCursor> {
  const { rows } = await db.query<{ w: string; n: number }>(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS w, (${COUNT_ALL_ROWS_SQL})::int AS n`);
  return { v: 2, k: 'i', w: String(rows[0]?.w), r: 0, a: null, d: 0, t: Number(rows[0]?.n ?? 0) };
}

/**
 * A rank's statement, named (prepared once per connection: planning these costs a good part of
 * running them), with its parameters in the statement's order.
 */
const RANK_STATEMENTS = INITIAL_RANKS.map((rank, index) => {
  const probe = { k1: '', k2: '', limit: 0, horizon: '0' };
  const { text } = bindNamed(rank.sql, probe);
  return { sql: rank.sql, statement: namedStatement(`sync_initial_rank_${index}`, text) };
});

function rankStatement(index: number, values: { k1: string; k2: string; limit: number; horizon: string }): { statement: NamedStatement; params: unknown[] } {
  const rank = RANK_STATEMENTS[index] as (typeof RANK_STATEMENTS)[number];
  return { statement: rank.statement, params: bindNamed(rank.sql, values).params };
}

interface RankRows {
  n: number;
  built: number;
  last: string[] | null;
  changes: string | null;
}

/**
 * Up to `limit` current rows from the cursor's rank onwards, as upserts at their current versions,
 * all of one phase.
 * Each rank is one statement; a page needs no transaction of its own, because what a page could
 * miss or repeat between two statements it could equally between two pages, and the change log
 * replayed from the horizon covers both.
 */
export async function readInitialPage(db: Queryable, cursor: InitialCursor, limit: number): Promise<PageDraft> {
  const changes: string[] = [];
  let count = 0;
  let { r: rankIndex, a: after } = cursor;
  const phase = INITIAL_RANKS[rankIndex]?.phase;
  while (count < limit && rankIndex < INITIAL_RANKS.length) {
    const rank = INITIAL_RANKS[rankIndex] as (typeof INITIAL_RANKS)[number];
    // A page ends with its phase: the one that completes the open tickets carries nothing else,
    // so the queue has them without waiting for conversations to be written too.
    if (rank.phase !== phase && count > 0) break;
    const want = limit - count;
    const { statement, params } = rankStatement(rankIndex, { k1: after?.[0] ?? '', k2: after?.[1] ?? '', limit: want, horizon: cursor.w });
    const { rows } = await db.query<RankRows>(statement, params);
    const { n, built, last, changes: joined } = rows[0] ?? { n: 0, built: 0, last: null, changes: null };
    if (built !== n) throw new Error(`sync: ${n - built} ${rank.entity} rows could not be written as JSON`);
    if (joined !== null) changes.push(joined);
    count += n;
    if (n < want || last === null) {
      rankIndex++;
      after = null;
    } else {
      after = last.map(String);
    }
  }
  if (rankIndex >= INITIAL_RANKS.length) {
    // History is complete: replay every change from the horizon the first sync started at.
    return { changes, count, next: { v: 1, k: 'c', x: cursor.w, s: 0 } };
  }
  const done = cursor.d + count;
  return { changes, count, next: { ...cursor, r: rankIndex, a: after, d: done, t: Math.max(cursor.t, done) } };
}
