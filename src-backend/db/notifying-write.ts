import type { Database, Queryable } from './database';
import { retryTransaction } from './retry-transaction';

/** The NOTIFY channel every committed write signals on, heard by every instance on the database. */
export const CHANGES_CHANNEL = 'support_center_changes';

/** Tells every instance, at commit, that synced rows changed. */
export async function notifyChanges(tx: Queryable): Promise<void> {
  await tx.query("SELECT pg_notify($1, '')", [CHANGES_CHANNEL]);
}

/**
 * One write transaction, retried if PostgreSQL aborts it, that NOTIFYs every instance on the
 * database at commit (unless `changed` says it wrote nothing): a server hears of writes made by
 * another instance or by the admin command the same way. `onRetry` hears each abort that is retried.
 */
export async function notifyingWrite<T>(db: Database, work: (tx: Queryable) => Promise<T>, changed: (result: T) => boolean = () => true,
  onRetry?: (code: string, attempt: number) => void,
): Promise<T> {
  return retryTransaction(
    db,
    async (tx) => {
      const result = await work(tx);
      if (changed(result)) await notifyChanges(tx);
      return result;
    },
    onRetry,
  );
}
