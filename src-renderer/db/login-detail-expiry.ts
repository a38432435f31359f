import { loginDetailRowSchema, type LoginDetailRow } from '@shared/contract';
import type { AgentCache } from './cache-database';

/** The hard limit of docs/policy.md, "Login details": login details never outlive 30 days after submission. */
export const LOGIN_DETAIL_MAX_DAYS = 30;
const MAX_AGE_MS = LOGIN_DETAIL_MAX_DAYS * 86_400_000;

/**
 * When cached login-detail metadata must be gone: the row's `expiresAt`, but never later than 30
 * days after submission, so a wrong `expiresAt` cannot stretch the limit. Unparseable instants
 * count as already expired: when in doubt, forget.
 */
export function loginDetailDeadline(row: Pick<LoginDetailRow, 'submittedAt' | 'expiresAt'>): number {
  const expiresAt = Date.parse(row.expiresAt);
  const submittedAt = Date.parse(row.submittedAt);
  if (Number.isNaN(expiresAt) || Number.isNaN(submittedAt)) return Number.NEGATIVE_INFINITY;
  return Math.min(expiresAt, submittedAt + MAX_AGE_MS);
}

export function loginDetailExpired(row: Pick<LoginDetailRow, 'submittedAt' | 'expiresAt'>, now: Date): boolean {
  return loginDetailDeadline(row) <= now.getTime();
}

/**
 * Keeps only the contract's metadata fields. The backend never sends the secret, but the cache
 * must not persist one even if a buggy or hostile server did. Returns null for a row that does not
 * match the contract (it is skipped rather than written half-understood).
 */
export function sanitizeLoginDetail(row: unknown): LoginDetailRow | null {
  const parsed = loginDetailRowSchema.safeParse(row);
  return parsed.success ? parsed.data : null;
}

/**
 * Deletes cached login-detail metadata past its deadline at `now`. The app runs this on its own
 * clock, so the 30-day limit holds offline too. Returns how many rows went.
 */
export async function expireLoginDetails(db: AgentCache, now: Date): Promise<number> {
  return db.transaction('rw', db.loginDetails, async () => {
    const expired = await db.loginDetails.filter((row) => loginDetailExpired(row, now)).primaryKeys();
    await db.loginDetails.bulkDelete(expired);
    return expired.length;
  });
}
