import { useEffect, useState } from 'react';
import { useAgentCache } from '../db/cache-context';

export type CacheState = { kind: 'opening' } | { kind: 'ready' } | { kind: 'failed'; message: string };

/**
 * Opens the Dexie cache and flags #root with `data-app-state` (`ready` or `error`), the signal
 * end-to-end tests and tooling wait for instead of guessing with timeouts.
 */
export function useCacheReady(): CacheState {
  const db = useAgentCache();
  const [state, setState] = useState<CacheState>({ kind: 'opening' });
  useEffect(() => {
    let live = true;
    const root = document.getElementById('root');
    db.open().then(
      () => {
        if (!live) return;
        root?.setAttribute('data-app-state', 'ready');
        setState({ kind: 'ready' });
      },
      (error: unknown) => {
        if (!live) return;
        root?.setAttribute('data-app-state', 'error');
        setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [db]);
  return state;
}
