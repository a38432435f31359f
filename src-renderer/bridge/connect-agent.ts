import type { AgentApi } from '@shared/ipc/agent-api';
import { expireLoginDetails } from '../db/login-detail-expiry';
import { sharedAgentCache } from '../db/cache-context';
import { createCacheHandlers } from './cache-handlers';

/** How often cached login-detail metadata is checked against its 30-day limit, offline too. */
const EXPIRY_CHECK_MS = 60_000;

/**
 * Hands the renderer's cache to the main process's sync engine and keeps the cache's own rules
 * running: login details expire on this machine's clock even when no sync comes. Coming back
 * online asks for a sync at once.
 */
export function connectAgent(api: AgentApi | undefined): () => void {
  const db = sharedAgentCache();
  const expire = (): void => void expireLoginDetails(db, new Date());
  expire();
  const timer = setInterval(expire, EXPIRY_CHECK_MS);
  if (api === undefined) return () => clearInterval(timer);
  api.serveCache(createCacheHandlers(db));
  const online = (): void => void api.syncNow();
  window.addEventListener('online', online);
  return () => {
    clearInterval(timer);
    window.removeEventListener('online', online);
  };
}
