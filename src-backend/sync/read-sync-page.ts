import type { SyncPage, SyncQuery } from '@shared/contract';
import type { Database } from '../db/database';
import { INITIAL_RANKS } from './initial-ranks';
import { readChangesPage } from './read-changes-page';
import { readAhead, takeReadAhead } from './page-prefetch';
import { readInitialPage, startInitialSync } from './read-initial-page';
import type { CursorCodec, InitialCursor } from './sync-cursor';

type Envelope = Omit<SyncPage, 'changes'>;

/**
 * One sync page as JSON text, which is what `GET /v1/sync` sends: the database writes every
 * change as JSON (change-json-sql.ts) and the page is their concatenation inside the envelope,
 * so no row is parsed, mapped or stringified on the way. Each statement reads one consistent
 * snapshot; see readInitialPage and readChangesPage for why a page needs no more than that.
 */
export async function readSyncPageJson(db: Database, cursors: CursorCodec, query: SyncQuery, now: Date): Promise<string> {
  const cursor = query.cursor === undefined ? await startInitialSync(db) : cursors.decode(query.cursor);
  if (cursor.k === 'i') {
    const readAheadDraft = query.cursor === undefined ? null : takeReadAhead(db, query.cursor, query.limit, Date.now());
    const { changes, count, next } = (await readAheadDraft) ?? (await readInitialPage(db, cursor, query.limit));
    const envelope = initialEnvelope(cursors, cursor, next, count, now);
    if (next.k === 'i') readAheadFrom(db, cursors, next, query.limit, READ_AHEAD_PAGES);
    return pageJson(changes, envelope);
  }
  const { changes, next, more } = await readChangesPage(db, cursor, query.limit);
  return pageJson(changes, { cursor: cursors.encode(next), hasMore: more, phase: 'changes', progress: null, serverTime: now.toISOString() });
}

/**
 * Pages read ahead of the client. Two: the database then reads the page after next while this
 * thread sends the next one and the client applies it, instead of waiting for the client's request.
 */
const READ_AHEAD_PAGES = 2;

function readAheadFrom(db: Database, cursors: CursorCodec, cursor: InitialCursor, limit: number, pages: number): void {
  const draft = readAhead(db, cursors.encode(cursor), limit, Date.now(), () => readInitialPage(db, cursor, limit));
  if (pages > 1) {
    void draft.then((read) => {
      if (read !== null && read.next.k === 'i') readAheadFrom(db, cursors, read.next, limit, pages - 1);
    });
  }
}

/** The same page as a value, for callers inside the backend (the demo's discovery, tests). */
export async function readSyncPage(db: Database, cursors: CursorCodec, query: SyncQuery, now: Date): Promise<SyncPage> {
  return JSON.parse(await readSyncPageJson(db, cursors, query, now)) as SyncPage;
}

function initialEnvelope(cursors: CursorCodec, cursor: InitialCursor, next: Awaited<ReturnType<typeof readInitialPage>>['next'], sent: number, now: Date): Envelope {
  const done = cursor.d + sent;
  return {
    cursor: cursors.encode(next),
    hasMore: true,
    // The phase of what comes next: the page that completes the open tickets already says history.
    phase: next.k === 'i' ? (INITIAL_RANKS[next.r]?.phase ?? 'changes') : 'changes',
    progress: next.k === 'i' ? { done: next.d, total: next.t } : { done, total: Math.max(cursor.t, done) },
    serverTime: now.toISOString(),
  };
}

function pageJson(changes: readonly string[], envelope: Envelope): string {
  return `{"changes":[${changes.join(',')}],${JSON.stringify(envelope).slice(1)}`;
}
