import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '@shared/ipc/sync-status';
import { FIRST_SYNC_READ_GAP_MS, queueReadPlan } from '../../../src-renderer/queue/queue-read-plan';

const syncing = (phase: 'initial-open' | 'initial-history' | 'changes'): SyncStatus => ({ kind: 'syncing', phase, done: 10, total: 100 });

describe('how the queue reads the cache during a sync', () => {
  it('reads only its top while the open tickets of a first sync arrive', () => {
    expect(queueReadPlan(syncing('initial-open'))).toEqual({ full: false, gapMs: FIRST_SYNC_READ_GAP_MS });
  });

  it('reads the whole queue, paced, once the open tickets are in and history streams', () => {
    expect(queueReadPlan(syncing('initial-history'))).toEqual({ full: true, gapMs: FIRST_SYNC_READ_GAP_MS });
  });

  it('reads the whole queue after every change otherwise', () => {
    const others: Array<SyncStatus | null> = [
      null,
      syncing('changes'),
      { kind: 'idle', lastSyncedAt: null },
      { kind: 'offline', since: '2026-11-20T15:00:00.000Z', retryAt: null },
      { kind: 'error', code: 'http-500', message: 'down', retryAt: null },
      { kind: 'unauthorized', message: 'sign in' },
    ];
    for (const status of others) expect(queueReadPlan(status)).toEqual({ full: true, gapMs: 0 });
  });
});
