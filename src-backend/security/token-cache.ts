import type { Caller } from '../support-center';
import { hashApiToken } from './api-tokens';

/**
 * How long a resolved token is trusted without asking the database again. Every desktop sends its
 * token with every pull, and a change event makes every desktop on an instance pull at once: without
 * this, each wave costs one query per desktop, queued in the pool ahead of engineers' actions.
 * A token deleted from `api_tokens` therefore stops working within this long on every instance.
 */
export const TOKEN_CACHE_MS = 5_000;
/** Bounded, so a flood of distinct (valid) tokens cannot grow the process without limit. */
const MAX_ENTRIES = 10_000;

/**
 * `resolve` (token hash to caller) with its answers for known tokens kept for TOKEN_CACHE_MS.
 * Unknown tokens are never kept: a token issued a moment ago works at once, and guessing costs a
 * query each time as before. Entries are keyed by the token's hash, so no token is held in memory.
 * `known` is where they are kept (handed in by tests, to see what is held).
 */
export function cachedTokenLookup(
  resolve: (tokenHash: string) => Promise<Caller | null>,
  now: () => number = () => performance.now(),
  known = new Map<string, { caller: Caller; until: number }>(),
): (token: string) => Promise<Caller | null> {
  return async (token) => {
    const hash = hashApiToken(token);
    const hit = known.get(hash);
    if (hit !== undefined && hit.until > now()) return hit.caller;
    known.delete(hash);
    const caller = await resolve(hash);
    if (caller === null) return null;
    if (known.size >= MAX_ENTRIES) known.delete(known.keys().next().value as string);
    known.set(hash, { caller, until: now() + TOKEN_CACHE_MS });
    return caller;
  };
}
