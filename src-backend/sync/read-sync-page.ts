import type { SyncPage, SyncQuery } from '../../src-shared/contract/index';
import type { Database } from '../db/database';
import { INITIAL_RANKS } from './initial-ranks';
import { readChangesPage } from './read-changes-page';
import { readInitialPage, startInitialSync } from './read-initial-page';
import { decodeCursor, encodeCursor } from './sync-cursor';

/**
 * One sync page. Read in a repeatable-read transaction so that a page is one consistent picture:
 * the log rows and the current rows behind them come from the same snapshot.
 */
export async function readSyncPage(db: Database, query: SyncQuery, now: Date): Promise<SyncPage> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const cursor = query.cursor === undefined ? await startInitialSync(tx) : decodeCursor(query.cursor);
    if (cursor.k === 'i') {
      const { changes, next } = await readInitialPage(tx, cursor, query.limit);
      const rank = next.k === 'i' ? INITIAL_RANKS[next.r] : undefined;
      return {
        changes,
        cursor: encodeCursor(next),
        hasMore: true,
        phase: rank?.phase ?? 'changes',
        progress: next.k === 'i' ? { done: next.d, total: next.t } : { done: cursor.d + changes.length, total: Math.max(cursor.t, cursor.d + changes.length) },
        serverTime: now.toISOString(),
      };
    }
    const { changes, next, more } = await readChangesPage(tx, cursor, query.limit);
    return { changes, cursor: encodeCursor(next), hasMore: more, phase: 'changes', progress: null, serverTime: now.toISOString() };
  });
}
