import type { CacheHandlers } from '@shared/ipc/cache-channels';
import { fail, ok, type Result } from '@shared/ipc/result';
import { applyBatchSafe, readCursor } from '../db/apply-batch';
import type { AgentCache } from '../db/cache-database';
import { asCacheResult, type CacheResult } from '../db/cache-result';
import { markDone, markRejected, markSending, sendableActions } from '../db/outbox';
import { checkHoldsWorkspace, useWorkspace } from '../db/use-workspace';

function asResult<T>(result: CacheResult<T>): Result<T> {
  return result.ok ? ok(result.value) : fail(result.error.code, result.error.message);
}

/**
 * The renderer's side of the cache channels: what the main process's sync engine may ask of the
 * cache. The same handlers serve Electron's IPC, the web mode's WebSocket and the Node tests.
 */
export function createCacheHandlers(db: AgentCache, clock: () => Date = () => new Date()): CacheHandlers {
  return {
    'cache:use-workspace': async ({ workspace }) => asResult(await asCacheResult(() => useWorkspace(db, workspace, clock()))),
    'cache:read-cursor': async () => asResult(await asCacheResult(() => readCursor(db))),
    'cache:apply-page': async ({ page, after, workspace }) => asResult(await applyBatchSafe(db, { ...page, after, workspace }, { now: clock() })),
    'outbox:pending': async ({ limit, workspace }) => {
      // One transaction: a workspace switch cannot slip between the check and the read.
      const checked = await asCacheResult(() =>
        db.transaction('rw', [db.meta, db.outbox, db.tickets, db.messages], async () => {
          await checkHoldsWorkspace(db, workspace);
          return sendableActions(db, limit);
        }),
      );
      if (!checked.ok) return asResult(checked);
      const entries = checked.value;
      if (!entries.ok) return asResult(entries);
      const batch = entries.value;
      const marked = await markSending(db, batch.map((e) => e.idempotencyKey));
      if (!marked.ok) return asResult(marked);
      return ok(batch.map((e) => ({ mutation: e.mutation, createdAt: e.createdAt })));
    },
    'outbox:settle': async ({ results }) => {
      for (const result of results) {
        const settled = result.ok ? await markDone(db, result.idempotencyKey, result.ticketVersion) : await markRejected(db, result.idempotencyKey, result.error);
        if (!settled.ok) return asResult(settled);
      }
      return ok(null);
    },
  };
}
