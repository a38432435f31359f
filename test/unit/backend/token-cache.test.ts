import { describe, expect, it } from 'vitest';
import { hashApiToken } from '../../../src-backend/security/api-tokens';
import { cachedTokenLookup, TOKEN_CACHE_MS, type ResolvedToken } from '../../../src-backend/security/token-cache';

/** A token table the test can change, counting how often it is asked. */
function tokenTable() {
  const rows = new Map<string, ResolvedToken>();
  const table = {
    asked: 0,
    rows,
    resolve: async (hash: string) => {
      table.asked++;
      return rows.get(hash) ?? null;
    },
  };
  return table;
}

describe('cachedTokenLookup', () => {
  it('answers a known token from memory until TOKEN_CACHE_MS have passed, then asks again', async () => {
    const table = tokenTable();
    table.rows.set(hashApiToken('sa_one'), { caller: { role: 'engineer', engineerId: 'e1' }, expiresAt: null });
    let clock = 0;
    const lookup = cachedTokenLookup(table.resolve, { now: () => clock });

    expect(await lookup('sa_one')).toEqual({ role: 'engineer', engineerId: 'e1' });
    clock += TOKEN_CACHE_MS - 1;
    expect(await lookup('sa_one')).toEqual({ role: 'engineer', engineerId: 'e1' });
    expect(table.asked).toBe(1);

    // Deleted from the table: refused once the entry has run out.
    table.rows.clear();
    clock += 1;
    expect(await lookup('sa_one')).toBeNull();
    expect(table.asked).toBe(2);
  });

  it('never keeps an unknown token, so one issued a moment later works at once', async () => {
    const table = tokenTable();
    const lookup = cachedTokenLookup(table.resolve, { now: () => 0 });
    expect(await lookup('sa_new')).toBeNull();
    table.rows.set(hashApiToken('sa_new'), { caller: { role: 'admin', tokenId: 'tok_1' }, expiresAt: null });
    expect(await lookup('sa_new')).toEqual({ role: 'admin', tokenId: 'tok_1' });
    expect(await lookup('sa_new')).toEqual({ role: 'admin', tokenId: 'tok_1' });
    expect(table.asked).toBe(2);
  });

  it('never answers from memory past the token\'s expiry on the server\'s clock, however fresh the entry', async () => {
    const table = tokenTable();
    let wall = Date.parse('2029-01-01T00:00:00Z');
    table.rows.set(hashApiToken('sa_timed'), { caller: { role: 'admin', tokenId: 'tok_t' }, expiresAt: wall + 1_000 });
    const lookup = cachedTokenLookup(table.resolve, { now: () => 0, wallClock: () => wall });
    expect(await lookup('sa_timed')).toEqual({ role: 'admin', tokenId: 'tok_t' });
    wall += 999;
    expect(await lookup('sa_timed')).toEqual({ role: 'admin', tokenId: 'tok_t' });
    expect(table.asked).toBe(1);
    // Expired: the database query would not find it any more.
    table.rows.clear();
    wall += 1;
    expect(await lookup('sa_timed')).toBeNull();
    expect(table.asked).toBe(2);
  });

  it('keeps entries under the hash, never the token itself', async () => {
    const kept: NonNullable<Parameters<typeof cachedTokenLookup>[2]> = new Map();
    const lookup = cachedTokenLookup(async () => ({ caller: { role: 'admin', tokenId: 'tok_1' }, expiresAt: null }), { now: () => 0 }, kept);
    await lookup('sa_secret');
    expect([...kept.keys()]).toEqual([hashApiToken('sa_secret')]);
    expect(JSON.stringify([...kept])).not.toContain('sa_secret');
  });
});
