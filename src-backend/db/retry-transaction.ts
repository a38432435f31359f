import type { Database, Queryable } from './database';

/** PostgreSQL's "try again" answers: a deadlock victim, a serialization failure. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 5;

/**
 * One transaction, run again from the start when PostgreSQL picked it as a deadlock victim. With
 * several writers (instances, pools) two transactions can lock rows in opposite orders (a
 * termination locks the account then its tickets; a customer message locks a ticket, then the
 * account through its foreign key). The victim was rolled back whole, so running it again is safe.
 * `onRetry` hears each such abort: they are rare and cost a second each (PostgreSQL's deadlock
 * timeout), so an operator wants to know.
 */
export async function retryTransaction<T>(db: Database, work: (tx: Queryable) => Promise<T>, onRetry?: (code: string, attempt: number) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (attempt >= ATTEMPTS || !RETRYABLE.has(code)) throw error;
      onRetry?.(code, attempt);
      // Jittered, so that the two victims of one deadlock do not meet again at once.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
