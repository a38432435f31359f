import type { WorkspaceIdentity, WorkspaceSwitch } from '@shared/ipc/cache-channels';
import type { AgentCache } from './cache-database';
import { workspaceKey, type HeldOutboxEntry, type OutboxEntry, type WorkspaceMeta } from './cache-rows';
import { WorkspaceChangedError } from './cache-result';

/** The workspace the cache holds; null when empty or from a version that did not record it. */
export async function heldWorkspace(db: AgentCache): Promise<WorkspaceIdentity | null> {
  const record = await db.meta.get('workspace');
  return record?.key === 'workspace' ? { workspaceId: record.workspaceId, backendUrl: record.backendUrl } : null;
}

function sameWorkspace(a: WorkspaceIdentity | null, b: WorkspaceIdentity): boolean {
  return a !== null && a.workspaceId === b.workspaceId && a.backendUrl === b.backendUrl;
}

/** Inside a transaction: refuses (nothing written) unless the cache holds `workspace`. */
export async function checkHoldsWorkspace(db: AgentCache, workspace: WorkspaceIdentity): Promise<void> {
  const held = await heldWorkspace(db);
  if (!sameWorkspace(held, workspace)) {
    throw new WorkspaceChangedError(`this is for workspace ${workspace.workspaceId} at ${workspace.backendUrl}, but the cache holds ${held === null ? 'none' : `${held.workspaceId} at ${held.backendUrl}`}`);
  }
}

/** Actions not yet settled by the server: worth keeping for their workspace. Accepted ones are the server's now. */
const unsent = (entry: OutboxEntry): boolean => entry.status !== 'applied';

/**
 * Makes the cache hold `workspace`, in one transaction. The same workspace: nothing changes. An
 * empty cache adopts it. Anything else starts afresh: every row, tombstone and the cursor go, so
 * no row of one workspace is ever shown with another's and no cursor is sent to a backend that did
 * not issue it. The unsent actions of the previous workspace are held aside (never sent here) and
 * come back when the engineer signs in to that workspace again; those of a cache that never recorded
 * its workspace cannot be matched to one and are discarded.
 */
export function useWorkspace(db: AgentCache, workspace: WorkspaceIdentity, now: Date = new Date()): Promise<WorkspaceSwitch> {
  return db.transaction('rw', db.tables, async () => {
    const previous = await heldWorkspace(db);
    if (sameWorkspace(previous, workspace)) return { outcome: 'kept', previous, held: 0, discarded: 0, restored: 0 };
    const hadRows = previous !== null || (await db.meta.count()) > 0 || (await db.outbox.count()) > 0;
    const leaving = (await db.outbox.orderBy('seq').toArray()).filter(unsent);
    if (previous !== null) await db.heldOutbox.bulkAdd(leaving.map((entry) => heldEntry(previous, entry)));
    const restored = await takeHeld(db, workspace);
    await Promise.all(db.tables.filter((table) => table.name !== db.heldOutbox.name).map((table) => table.clear()));
    await db.outbox.bulkAdd(restored);
    const record: WorkspaceMeta = { key: 'workspace', ...workspace, since: now.toISOString() };
    await db.meta.put(record);
    return {
      outcome: hadRows ? 'started-afresh' : 'adopted',
      previous,
      held: previous === null ? 0 : leaving.length,
      discarded: previous === null ? leaving.length : 0,
      restored: restored.length,
    };
  });
}

function heldEntry(workspace: WorkspaceIdentity, { seq: _seq, ...entry }: OutboxEntry): HeldOutboxEntry {
  return { workspaceKey: workspaceKey(workspace), workspace, entry };
}

/**
 * The held actions of `workspace`, in the order they were taken, removed from the held table.
 * One handed to the server but unanswered (`sending`) is sent again: its idempotency key makes that
 * safe. Their optimistic edits were cleared with the rows; each comes back on its ticket when the
 * ticket syncs (applyBatch re-applies live actions to newer server rows).
 */
async function takeHeld(db: AgentCache, workspace: WorkspaceIdentity): Promise<OutboxEntry[]> {
  const held = await db.heldOutbox.where('workspaceKey').equals(workspaceKey(workspace)).sortBy('seq');
  await db.heldOutbox.bulkDelete(held.map((h) => h.seq as number));
  return held.map(({ entry }) => ({ ...entry, status: entry.status === 'sending' ? 'pending' : entry.status }));
}
