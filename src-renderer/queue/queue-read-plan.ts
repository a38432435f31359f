import type { SyncStatus } from '@shared/ipc/sync-status';

export interface QueueReadPlan {
  /** Read the whole queue (false: only its top, the earliest-due tickets of each open status). */
  full: boolean;
  /** The least time between two full reads. */
  gapMs: number;
}

/**
 * The least time between two full reads of the queue while a first sync writes history: it fills
 * once a second instead of after every page, and leaves the cache's writes the time they need.
 */
export const FIRST_SYNC_READ_GAP_MS = 1_000;

/**
 * How the queue reads the cache while the sync stands as `status`. While the open tickets of a
 * first sync arrive, only the top of the queue: a full read there (thousands of rows, re-read as
 * pages land) would hold back the very pages the engineer is waiting for, since IndexedDB runs a
 * read and the writes around it in turn. Once they are all in, the whole queue, paced while the
 * history still streams in.
 */
export function queueReadPlan(status: SyncStatus | null): QueueReadPlan {
  if (status?.kind !== 'syncing' || status.phase === 'changes') return { full: true, gapMs: 0 };
  return { full: status.phase !== 'initial-open', gapMs: FIRST_SYNC_READ_GAP_MS };
}
