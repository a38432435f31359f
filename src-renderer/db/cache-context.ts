import { openAgentCache, type AgentCache } from './cache-database';

let shared: AgentCache | null = null;

/** The app's cache, opened on first use with the browser's IndexedDB. */
export function sharedAgentCache(): AgentCache {
  shared ??= openAgentCache();
  return shared;
}

/** The cache the UI reads: the app's one instance. */
export function useAgentCache(): AgentCache {
  return sharedAgentCache();
}
