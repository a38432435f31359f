import type { Caller } from '../support-center';
import { hashApiToken } from './api-tokens';

/**
 * How long a resolved token is trusted without asking the database again. Every desktop sends its
 * token with every pull, and a change event makes every desktop on an instance pull at once: without
 * this, each wave costs one query per desktop, queued in the pool ahead of engineers' actions.
 * A token revoked, deleted, or whose engineer is disabled therefore stops working within this long
 * on every instance. An expiry is known in advance, so a token stops at its expiry exactly.
 */
export const TOKEN_CACHE_MS = 5_000;
/** Bounded, so a flood of distinct (valid) tokens cannot grow the process without limit. */
const MAX_ENTRIES = 10_000;

/** A known token: whose it is, and when it expires (epoch ms on the server's clock), if it does. */
export interface ResolvedToken {
  caller: Caller;
  expiresAt: number | null;
}

interface Entry extends ResolvedToken {
  until: number;
}

/**
 * `resolve` (token hash to caller) with its answers for known tokens kept for TOKEN_CACHE_MS on the
 * monotonic clock `now` (a wall-clock step cannot stretch that bound), and never past the token's
 * expiry on `wallClock`, the clock the database query compares expiries with.
 * Unknown tokens are never kept: a token issued a moment ago works at once, and guessing costs a
 * query each time as before. Entries are keyed by the token's hash, so no token is held in memory.
 * `known` is where they are kept (handed in by tests, to see what is held).
 */
export function cachedTokenLookup(
  resolve: (tokenHash: string) => Promise<ResolvedToken | null>,
  clocks: { now?: () => number; wallClock?: () => number } = {},
  known = new Map<string, Entry>(),
): (token: string) => Promise<Caller | null> {
  const { now = () => performance.now(), wallClock = Date.now } = clocks;
  return async (token) => {
    const hash = hashApiToken(token);
    const hit = known.get(hash);
    if (hit !== undefined && hit.until > now() && (hit.expiresAt === null || hit.expiresAt > wallClock())) return hit.caller;
    known.delete(hash);
    const resolved = await resolve(hash);
    if (resolved === null) return null;
    if (known.size >= MAX_ENTRIES) known.delete(known.keys().next().value as string);
    known.set(hash, { ...resolved, until: now() + TOKEN_CACHE_MS });
    return resolved.caller;
  };
}
