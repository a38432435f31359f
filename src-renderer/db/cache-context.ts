import { createContext, createElement, useContext, type ReactNode } from 'react';
import { openAgentCache, type AgentCache } from './cache-database';

/**
 * The one cache instance the UI reads. The app uses the shared instance; tests (and a future
 * per-user cache) hand their own to `AgentCacheProvider`.
 */

const AgentCacheContext = createContext<AgentCache | null>(null);

let shared: AgentCache | null = null;

/** The app's cache, opened on first use with the browser's IndexedDB. */
export function sharedAgentCache(): AgentCache {
  shared ??= openAgentCache();
  return shared;
}

export function AgentCacheProvider({ db, children }: { db: AgentCache; children?: ReactNode }): ReactNode {
  return createElement(AgentCacheContext.Provider, { value: db }, children);
}

export function useAgentCache(): AgentCache {
  return useContext(AgentCacheContext) ?? sharedAgentCache();
}
