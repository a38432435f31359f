import type { SyncPage } from '@shared/contract';
import { runAdminAction } from './admin/admin-actions';
import { exchangeSignInCode } from './admin/sign-in-codes';
import { namedStatement, type Database, type Queryable } from './db/database';
import { addCustomerMessage } from './domain/customer-message';
import { fileTicket } from './domain/file-ticket';
import { isMigrated } from './db/migrate';
import { readConnectorSummary, type ConfiguredHelpdesk } from './connectors/connector-status';
import { CHANGES_CHANNEL, notifyingWrite } from './db/notifying-write';
import { deleteLoginDetail, revealLoginDetail, runRetentionJob, submitLoginDetail } from './domain/login-details';
import { applyMutations } from './domain/mutations/apply-mutations';
import type { HelpdeskConnector } from './connectors/helpdesk-connector';
import { applyWithConnector } from './connectors/writeback/apply-with-connector';
import { WRITEBACK_LEASE_MS } from './connectors/writeback/writeback-rows';
import { PolicyCache } from './domain/policy-cache';
import { cachedTokenLookup } from './security/token-cache';
import { isoOrNull } from './domain/db-instants';
import { readSyncPage, readSyncPageJson } from './sync/read-sync-page';
import { createCursorCodec } from './sync/sync-cursor';
import { RequestError, type Caller, type SupportCenter } from './support-center';

export interface SupportCenterConfig {
  /**
   * AES-256-GCM key for customer login details (32 bytes), from configuration. The key that signs
   * sync cursors is derived from it, so instances sharing it accept each other's cursors.
   */
  loginDetailKey: Buffer;
  /** The clock; tests pass a fake one. */
  clock?: () => Date;
  /** How often expired login details are deleted, once across all instances; 0 turns the timer off. */
  retentionIntervalMs?: number;
  /** The helpdesk connector this process runs, as operations sees it (status, health). */
  helpdesk?: ConfiguredHelpdesk;
  /**
   * The helpdesk behind the support center: actions on tickets linked to it are written back to
   * it first, exactly once (src-backend/connectors/writeback).
   */
  connector?: HelpdeskConnector;
  /** How long a write-back attempt may be talking to the helpdesk before a retry takes it over; default 2 minutes. */
  writebackLeaseMs?: number;
  /** Where failures that no request answers for go (the retention timer, a lost LISTEN connection). */
  logger?: { error(message: string, details?: Record<string, unknown>): void; warn?(message: string, details?: Record<string, unknown>): void };
}

// changes.txid, not the text alias `txid`, or '999' would sort after '1000'.
const LATEST_CURSOR_SQL = namedStatement(
  'latest_cursor',
  'SELECT txid::text AS txid, seq FROM changes WHERE changes.txid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY changes.txid DESC, changes.seq DESC LIMIT 1',
);
/** A token works while it is neither revoked nor expired and its engineer (if any) is not disabled. */
const TOKEN_SQL = namedStatement(
  'token_caller',
  `SELECT t.id, t.role, t.engineer_id, t.expires_at, t.last_used_at < $2::timestamptz - interval '1 minute' OR t.last_used_at IS NULL AS stale
     FROM api_tokens t LEFT JOIN engineers e ON e.id = t.engineer_id
    WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2::timestamptz) AND e.disabled IS NOT TRUE`,
);
/** Kept to the minute: a write per token per minute at most, not one per request. */
const TOKEN_USED_SQL = namedStatement('token_used', 'UPDATE api_tokens SET last_used_at = $2 WHERE id = $1');
const WORKSPACE_ID_SQL = 'SELECT workspace_id::text AS workspace_id FROM workspace';


/**
 * The support center on a database: every operation one transaction. It holds no state of its
 * own, so any number of instances can share one database: every write NOTIFYs in its transaction
 * (delivered at commit), and each instance LISTENs and tells its listeners, wherever the write came from.
 */
export async function createSupportCenter(db: Database, config: SupportCenterConfig): Promise<SupportCenter> {
  const clock = config.clock ?? (() => new Date());
  const logError = config.logger?.error.bind(config.logger) ?? ((message: string, details?: Record<string, unknown>) => console.error(message, details));
  const policies = new PolicyCache();
  const listeners = new Set<() => void>();
  const key = config.loginDetailKey;
  // It never changes, so it is read once; a failed read is tried again by the next caller.
  let workspaceId: Promise<string> | null = null;
  const cursors = createCursorCodec(key);
  const unlisten = await db.listen(
    CHANGES_CHANNEL,
    () => {
      for (const listener of listeners) listener();
    },
    (error) => logError('listening for changes failed; reconnecting', { error }),
  );

  const write = <T>(work: (tx: Queryable) => Promise<T>, changed?: (result: T) => boolean): Promise<T> =>
    notifyingWrite(db, work, changed, (code, attempt) =>
      config.logger?.warn?.('a write was aborted by the database (deadlock or serialization failure) and runs again', { code, attempt }),
    );

  const center: SupportCenter = {
    authenticate: cachedTokenLookup(
      async (tokenHash) => {
        const now = clock().toISOString();
        const { rows } = await db.query<{ id: string; role: string; engineer_id: string | null; expires_at: unknown; stale: boolean }>(TOKEN_SQL, [tokenHash, now]);
        const row = rows[0];
        if (row === undefined) return null;
        if (row.stale) await db.query(TOKEN_USED_SQL, [row.id, now]);
        const caller: Caller = row.role === 'admin' ? { role: 'admin', tokenId: row.id } : { role: 'engineer', engineerId: String(row.engineer_id) };
        const expiresAt = isoOrNull(row.expires_at);
        return { caller, expiresAt: expiresAt === null ? null : Date.parse(expiresAt) };
      },
      { wallClock: () => clock().getTime() },
    ),
    workspaceId() {
      workspaceId ??= db.query<{ workspace_id: string }>(WORKSPACE_ID_SQL).then(({ rows }) => {
        const id = rows[0]?.workspace_id;
        if (id === undefined) throw new Error('the workspace table is empty: migration 004 did not run');
        return id;
      });
      return workspaceId.catch((error: unknown) => {
        workspaceId = null;
        throw error;
      });
    },
    sync: (_caller: Caller, query): Promise<SyncPage> => readSyncPage(db, cursors, query, clock()),
    syncJson: (_caller: Caller, query): Promise<string> => readSyncPageJson(db, cursors, query, clock()),
    syncScope: () => 'workspace',
    async latestCursor() {
      const { rows } = await db.query<{ txid: string; seq: number }>(
        LATEST_CURSOR_SQL,
      );
      const last = rows[0];
      return cursors.encode({ v: 1, k: 'c', x: last?.txid ?? '0', s: last === undefined ? 0 : Number(last.seq) });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    applyMutations: (caller, batch) =>
      config.connector === undefined
        ? write((tx) => applyMutations(tx, policies, caller.engineerId, batch, clock()))
        : applyWithConnector({ db, connector: config.connector, policies, write, clock, leaseMs: config.writebackLeaseMs ?? WRITEBACK_LEASE_MS }, caller.engineerId, batch),
    async revealLoginDetail(caller, id) {
      // A write: an expired detail found here is deleted, and that deletion syncs.
      const outcome = await write((tx) => revealLoginDetail(tx, key, caller, id, clock()));
      if ('refused' in outcome) throw outcome.refused;
      return outcome.revealed;
    },
    fileTicket: (input, now) => write((tx) => fileTicket(tx, policies, input, now ?? clock())),
    addCustomerMessage: (ticketId, body, now) => write((tx) => addCustomerMessage(tx, ticketId, body, now ?? clock())),
    submitLoginDetail: (ticketId, input, now) => write((tx) => submitLoginDetail(tx, policies, key, ticketId, input, now ?? clock())),
    async purgeLoginDetail(id) {
      const deleted = await write((tx) => deleteLoginDetail(tx, id));
      if (!deleted) throw new RequestError(404, 'not-found', `login detail ${id} does not exist`, 'id');
    },
    runScheduledRetention: (now) => write((tx) => runRetentionJob(tx, now ?? clock(), { kind: 'schedule', intervalMs: interval }), deletedAny),
    runAdminAction: (name, actor, input, now) =>
      runAdminAction(db, name, input, { actor, clock: now === undefined ? clock : () => now, policies, helpdesk: config.helpdesk ?? null }, (code, attempt) =>
        config.logger?.warn?.('an admin action was aborted by the database (deadlock or serialization failure) and runs again', { code, attempt }),
      ),
    exchangeSignInCode: (code) => notifyingWrite(db, (tx) => exchangeSignInCode(tx, code, clock()), () => false),
    connectorSummary: () => readConnectorSummary(db, clock(), config.helpdesk ?? null),
    async checkReady() {
      try {
        return (await isMigrated(db)) ? null : 'the database schema is older than this version needs; migrations have not run';
      } catch (error) {
        // The endpoint has no token: the details (addresses, users) go to the log only.
        logError('readiness: the database did not answer', { error });
        return 'the database is unreachable';
      }
    },
    async close() {
      clearInterval(timer);
      listeners.clear();
      await unlisten();
    },
  };

  const timerMs = config.retentionIntervalMs ?? 60_000;
  // With the timer off, runs still asked for on schedule keep the default spacing.
  const interval = timerMs > 0 ? timerMs : 60_000;
  const timer = startRetentionTimer(center, timerMs, logError);
  return center;
}

const deletedAny = (deleted: number | null): boolean => deleted !== null && deleted > 0;

/** Ticks several times per interval; the job itself decides whether this instance runs it now. */
function startRetentionTimer(center: SupportCenter, timerMs: number, logError: (message: string, details?: Record<string, unknown>) => void): NodeJS.Timeout | undefined {
  if (timerMs <= 0) return undefined;
  const tick = (): void => {
    center.runScheduledRetention().catch((error: unknown) => logError('retention: deleting expired login details failed', { error }));
  };
  const timer = setInterval(tick, Math.max(1_000, Math.floor(timerMs / 4)));
  timer.unref();
  return timer;
}
