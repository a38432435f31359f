import type { SyncPage } from '../src-shared/contract/index';
import type { Database, Queryable } from './db/database';
import { addCustomerMessage } from './domain/customer-message';
import { fileTicket } from './domain/file-ticket';
import { deleteExpiredLoginDetails, deleteLoginDetail, revealLoginDetail, submitLoginDetail } from './domain/login-details';
import { applyMutations } from './domain/mutations/apply-mutations';
import { PolicyCache } from './domain/policy-cache';
import { terminateAccount } from './domain/terminate-account';
import { hashApiToken } from './security/api-tokens';
import { readSyncPage } from './sync/read-sync-page';
import { encodeCursor } from './sync/sync-cursor';
import { RequestError, type Caller, type SupportCenter } from './support-center';

export interface SupportCenterConfig {
  /** AES-256-GCM key for customer login details (32 bytes), from configuration. */
  loginDetailKey: Buffer;
  /** The clock; tests pass a fake one. */
  clock?: () => Date;
  /** How often expired login details are deleted; 0 turns the timer off. */
  retentionIntervalMs?: number;
}

/** The support center on a database: every operation one transaction, listeners told after commit. */
export async function createSupportCenter(db: Database, config: SupportCenterConfig): Promise<SupportCenter> {
  const clock = config.clock ?? (() => new Date());
  const policies = new PolicyCache();
  const listeners = new Set<() => void>();
  const key = config.loginDetailKey;

  /** Runs a write and tells listeners once it has committed. */
  async function write<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const result = await db.transaction(work);
    for (const listener of listeners) listener();
    return result;
  }

  const center: SupportCenter = {
    async authenticate(token) {
      const { rows } = await db.query<{ role: string; engineer_id: string | null }>('SELECT role, engineer_id FROM api_tokens WHERE token_hash = $1', [hashApiToken(token)]);
      const row = rows[0];
      if (row === undefined) return null;
      return row.role === 'admin' ? { role: 'admin' } : { role: 'engineer', engineerId: String(row.engineer_id) };
    },
    sync: (_caller: Caller, query): Promise<SyncPage> => readSyncPage(db, query, clock()),
    async latestCursor() {
      const { rows } = await db.query<{ txid: string; seq: number }>(
        // changes.txid, not the text alias `txid`, or '999' would sort after '1000'.
        'SELECT txid::text AS txid, seq FROM changes WHERE changes.txid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY changes.txid DESC, changes.seq DESC LIMIT 1',
      );
      const last = rows[0];
      return encodeCursor({ v: 1, k: 'c', x: last?.txid ?? '0', s: last === undefined ? 0 : Number(last.seq) });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    applyMutations: (caller, batch) => write((tx) => applyMutations(tx, policies, caller.engineerId, batch, clock())),
    async revealLoginDetail(caller, id) {
      const outcome = await db.transaction((tx) => revealLoginDetail(tx, key, caller.engineerId, id, clock()));
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
    terminateAccount: (accountId) => write((tx) => terminateAccount(tx, accountId)),
    runRetention: (now) => write((tx) => deleteExpiredLoginDetails(tx, now ?? clock())),
    async close() {
      clearInterval(timer);
      listeners.clear();
    },
  };

  const interval = config.retentionIntervalMs ?? 60_000;
  const runRetention = (): void => {
    center.runRetention().catch((error: unknown) => console.error('retention: deleting expired login details failed', error));
  };
  const timer = interval > 0 ? setInterval(runRetention, interval) : undefined;
  timer?.unref();
  return center;
}
