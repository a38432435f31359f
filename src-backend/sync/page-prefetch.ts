import type { Database } from '../db/database';
import type { PageDraft } from './read-initial-page';

/**
 * Pages of a first sync read ahead. A client applies a page before it asks for the next (into
 * IndexedDB: the longer part of its time), so the server reads the next page of the walk meanwhile,
 * and the request finds it done or under way. Only first-sync pages, whose content does not depend
 * on when they are read (see initial-ranks.ts); a change-log page is read when asked for. Bounded:
 * a few pages per database, each dropped when taken or after a few seconds, and a read-ahead that
 * fails is simply read again on request. With several instances behind a load balancer, the next
 * request may land elsewhere: the read-ahead is then wasted work, never a wrong answer.
 */
const MAX_PAGES = 8;
const TTL_MS = 5_000;

interface Ahead {
  draft: Promise<PageDraft | null>;
  at: number;
}

const aheadByDb = new WeakMap<Database, Map<string, Ahead>>();

const keyOf = (cursor: string, limit: number) => `${limit}:${cursor}`;

/** The page read ahead for this cursor and limit, if there is one (it is then no longer kept). */
export function takeReadAhead(db: Database, cursor: string, limit: number, now: number): Promise<PageDraft | null> | null {
  const ahead = aheadByDb.get(db);
  const key = keyOf(cursor, limit);
  const found = ahead?.get(key);
  if (found === undefined) return null;
  ahead?.delete(key);
  return now - found.at <= TTL_MS ? found.draft : null;
}

/**
 * Starts reading the page at `cursor` now, for the request that will probably follow, unless that
 * read is under way already; returns the read (null when it failed).
 */
export function readAhead(db: Database, cursor: string, limit: number, now: number, read: () => Promise<PageDraft>): Promise<PageDraft | null> {
  let ahead = aheadByDb.get(db);
  if (ahead === undefined) {
    ahead = new Map();
    aheadByDb.set(db, ahead);
  }
  for (const [key, entry] of ahead) if (now - entry.at > TTL_MS) ahead.delete(key);
  const underWay = ahead.get(keyOf(cursor, limit));
  if (underWay !== undefined) return underWay.draft;
  while (ahead.size >= MAX_PAGES) ahead.delete(ahead.keys().next().value as string);
  // A failure here is nobody's answer: the request reads the page itself.
  const draft = read().catch(() => null);
  ahead.set(keyOf(cursor, limit), { draft, at: now });
  return draft;
}
