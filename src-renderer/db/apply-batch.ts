import type { SyncChange, SyncPage, TicketRow } from '@shared/contract';
import type { WorkspaceIdentity } from '@shared/ipc/cache-channels';
import type { AgentCache } from './cache-database';
import { ACCOUNT_OWNED_TABLES, type EntityTableName, type OutboxEntry, type SyncMeta } from './cache-rows';
import { asCacheResult, CursorMovedError, type CacheResult } from './cache-result';
import { foldChanges, type ApplySummary, type WritePlan } from './fold-changes';
import { loadKnownVersions } from './load-known-versions';
import { localMessageId, rebaseTicket } from './optimistic-edits';
import { checkHoldsWorkspace } from './use-workspace';

export type { ApplySummary } from './fold-changes';

/** A sync page as applyBatch needs it (`hasMore` is the sync engine's business). */
export type SyncBatch = Pick<SyncPage, 'cursor' | 'phase' | 'progress'> & {
  changes: readonly SyncChange[];
  serverTime?: string;
  /**
   * The cursor this page continues from (null: the first page). When given, the page is stored
   * only while the cache holds exactly that cursor; otherwise it is refused with CursorMovedError.
   */
  after?: string | null;
  /**
   * The workspace the page comes from. When given, the page is stored only while the cache holds
   * that workspace; otherwise it is refused with WorkspaceChangedError (the engineer signed in
   * elsewhere while it was on its way).
   */
  workspace?: WorkspaceIdentity;
};

export interface ApplyBatchOptions {
  /** The client's clock, for login-detail expiry; defaults to now. */
  now?: Date;
}

/**
 * Removes what a purge covers: every row of the account at or below the purge's version (a newer
 * row, from a later page re-applied out of order, survives), local rows included, and the outbox
 * entries that only waited for a now-moot confirmation.
 */
async function runPurges(db: AgentCache, purges: WritePlan['purges']): Promise<void> {
  for (const { accountId, version } of purges) {
    const older = (row: { _v: number }) => row._v <= version;
    for (const name of ACCOUNT_OWNED_TABLES) await db.table(name).where('accountId').equals(accountId).and(older).delete();
    await db.accounts.where('id').equals(accountId).and(older).delete();
    await db.outbox.where('status').equals('applied').and((e) => e.accountId === accountId).delete();
  }
}

/**
 * Ticket rows from the server get the edits of outbox actions still in flight re-applied on top,
 * and actions whose confirmation has now synced (or whose ticket is gone) are settled: the entry
 * and its local message row go.
 */
async function rebaseAndSettle(db: AgentCache, tickets: Map<string, Record<string, unknown>>, deletedTickets: Set<string>): Promise<void> {
  if (tickets.size === 0 && deletedTickets.size === 0) return;
  const entries = (await db.outbox.toArray()).filter((e) => tickets.has(e.ticketId) || deletedTickets.has(e.ticketId));
  if (entries.length === 0) return;
  for (const [ticketId, row] of tickets) {
    const ticketEntries = entries.filter((e) => e.ticketId === ticketId);
    if (ticketEntries.length === 0) continue;
    const { _v: version, ...server } = row;
    tickets.set(ticketId, rebaseTicket(server as TicketRow, Number(version), ticketEntries));
  }
  const settled = entries.filter((e) => isSettled(e, tickets.get(e.ticketId)));
  await db.outbox.bulkDelete(settled.map((e) => e.seq as number));
  await db.messages.bulkDelete(settled.map((e) => localMessageId(e.idempotencyKey)));
}

function isSettled(entry: OutboxEntry, ticket: Record<string, unknown> | undefined): boolean {
  if (entry.status !== 'applied') return false;
  return ticket === undefined || Number(ticket._v) >= (entry.ticketVersion ?? 0);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

async function writeRows(db: AgentCache, plan: WritePlan): Promise<void> {
  const puts = new Map<EntityTableName, Record<string, unknown>[]>();
  const deletes = new Map<EntityTableName, string[]>();
  for (const write of plan.writes.values()) {
    if (write.op === 'put') pushTo(puts, write.table, write.row);
    else pushTo(deletes, write.table, write.id);
  }
  const tickets = new Map((puts.get('tickets') ?? []).map((row) => [String(row.id), row]));
  await rebaseAndSettle(db, tickets, new Set(deletes.get('tickets')));
  if (tickets.size > 0) puts.set('tickets', [...tickets.values()]);
  await Promise.all([
    ...[...deletes].map(([table, ids]) => db.table(table).bulkDelete(ids)),
    ...[...puts].map(([table, rows]) => db.table(table).bulkPut(rows)),
  ]);
}

function syncMetaOf(batch: SyncBatch, now: Date): SyncMeta {
  return {
    key: 'sync',
    cursor: batch.cursor,
    phase: batch.phase,
    progress: batch.progress,
    appliedAt: now.toISOString(),
    serverTime: batch.serverTime ?? null,
  };
}

/** Inside the transaction: a page handed over ahead of its predecessor's commit lands only after it. */
async function checkContinues(db: AgentCache, after: string | null | undefined): Promise<void> {
  if (after === undefined) return;
  const held = await readCursor(db);
  if (held !== after) throw new CursorMovedError(`this page continues from cursor ${after ?? '(none)'}, but the cache holds ${held ?? '(none)'}`);
}

/**
 * Applies one sync page and stores its cursor in ONE transaction: after a crash either both are
 * there or neither, so the next pull resumes exactly where the cache stands. Versions make a
 * repeated page a no-op. Throws what IndexedDB throws; see applyBatchSafe for the value form.
 */
export async function applyBatch(db: AgentCache, batch: SyncBatch, options: ApplyBatchOptions = {}): Promise<ApplySummary> {
  const now = options.now ?? new Date();
  return db.transaction('rw', db.tables, async () => {
    if (batch.workspace !== undefined) await checkHoldsWorkspace(db, batch.workspace);
    await checkContinues(db, batch.after);
    const plan = foldChanges(batch.changes, await loadKnownVersions(db, batch.changes), now);
    await runPurges(db, plan.purges);
    await writeRows(db, plan);
    if (plan.tombstones.size > 0) await db.tombstones.bulkPut([...plan.tombstones.values()]);
    await db.meta.put(syncMetaOf(batch, now));
    return plan.summary;
  });
}

/** applyBatch with failures (a full disk above all) as values; on failure nothing was written. */
export function applyBatchSafe(db: AgentCache, batch: SyncBatch, options: ApplyBatchOptions = {}): Promise<CacheResult<ApplySummary>> {
  return asCacheResult(() => applyBatch(db, batch, options));
}

/** Where the next pull starts; null before the first page. */
export async function readCursor(db: AgentCache): Promise<string | null> {
  const record = await db.meta.get('sync');
  return record?.key === 'sync' ? record.cursor : null;
}
