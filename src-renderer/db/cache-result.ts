/**
 * Errors leave the cache as values (docs/architecture.md, "The agent API"): the sync
 * engine and the UI branch on `code` instead of catching whatever IndexedDB happened to throw.
 */

export type CacheErrorCode = 'quota-exceeded' | 'storage-error' | 'invalid-mutation' | 'cursor-moved' | 'workspace-changed';

/** A sync page that does not continue from the cursor the cache holds: refused, nothing written. */
export class CursorMovedError extends Error {
  override readonly name = 'CursorMovedError';
}

/** A page or an outbox read for a workspace other than the one the cache holds: refused, nothing written. */
export class WorkspaceChangedError extends Error {
  override readonly name = 'WorkspaceChangedError';
}

export interface CacheError {
  code: CacheErrorCode;
  message: string;
}

export type CacheResult<T> = { ok: true; value: T } | { ok: false; error: CacheError };

/**
 * Dexie and IndexedDB report a full disk in several shapes: a DOMException or Dexie error named
 * `QuotaExceededError`, an `AbortError` whose `inner` (or `cause`) is one, or a `BulkError` whose
 * `failures` hold one. Walk them all.
 */
function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const { name, inner, cause, failures } = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (name === 'QuotaExceededError') return true;
  const nested = [inner, cause, ...(Array.isArray(failures) ? failures : [])];
  return nested.some((e) => isQuotaError(e, depth + 1));
}

export function toCacheError(error: unknown): CacheError {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof CursorMovedError) return { code: 'cursor-moved', message };
  if (error instanceof WorkspaceChangedError) return { code: 'workspace-changed', message };
  return { code: isQuotaError(error) ? 'quota-exceeded' : 'storage-error', message };
}

/** Runs a cache operation and turns any failure into a `CacheError` value. */
export async function asCacheResult<T>(operation: () => Promise<T>): Promise<CacheResult<T>> {
  try {
    return { ok: true, value: await operation() };
  } catch (error) {
    return { ok: false, error: toCacheError(error) };
  }
}
