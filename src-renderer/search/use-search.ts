import { useEffect, useState, useSyncExternalStore } from 'react';
import { useAgentCache } from '../db/cache-context';
import type { SearchHit } from './run-search';
import { searchSessionOf, type SearchSnapshot } from './search-session';

/** Typing pauses this long before a query runs: one query per word, not per key. */
const DEBOUNCE_MS = 150;

export interface SearchState {
  index: SearchSnapshot;
  /** null while no query has been answered for the current text. */
  hits: SearchHit[] | null;
  error: string | null;
}

/**
 * Runs `query` against the cache's index, again whenever the index grows (results fill in while
 * the first sync streams history). Only the newest query's answer is kept.
 */
export function useSearch(query: string): SearchState {
  const db = useAgentCache();
  const session = searchSessionOf(db);
  const index = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const [answer, setAnswer] = useState<{ query: string; hits: SearchHit[] | null; error: string | null }>({ query: '', hits: null, error: null });
  const indexed = index.progress.indexed;
  useEffect(() => {
    if (query.trim() === '') return;
    let current = true;
    const timer = setTimeout(() => {
      session.search(query).then(
        (hits) => current && setAnswer({ query, hits, error: null }),
        (error: unknown) => current && setAnswer({ query, hits: null, error: error instanceof Error ? error.message : String(error) }),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [session, query, indexed]);
  const fresh = answer.query === query && query.trim() !== '';
  return { index, hits: fresh ? answer.hits : null, error: fresh ? answer.error : null };
}
