import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminEngineerSchema, apiErrorSchema, auditListSchema, exchangedSessionSchema, issuedSignInCodeSchema, issuedTokenSchema, tokenListSchema } from '@shared/contract';
import { TOKEN_CACHE_MS } from '../../../src-backend/security/token-cache';
import { call, forEachDatabase, startTestServer, type TestServer } from './test-server';

/** Polls until `check` holds, for at most `ms`; returns how long it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return performance.now() - started;
}

forEachDatabase('administration over HTTP', (target) => {
  let t: TestServer;
  const admin = (method: string, path: string, body?: unknown) => call(t.url, method, path, { token: t.tokens.admin, body });
  const status = async (token: string) => (await call(t.url, 'GET', '/v1/me', { token })).status;
  beforeAll(async () => {
    t = await startTestServer({ target });
  }, 60_000);
  afterAll(() => t.stop());

  async function addEngineer(name: string, email: string) {
    const added = await admin('POST', '/v1/admin/engineers', { name, email });
    expect(added.status).toBe(201);
    return adminEngineerSchema.parse(added.json);
  }
  async function signIn(engineerId: string) {
    const issued = await admin('POST', '/v1/admin/sign-in-codes', { engineerId });
    expect(issued.status).toBe(201);
    const { code } = issuedSignInCodeSchema.parse(issued.json);
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const exchanged = await call(t.url, 'POST', '/v1/session/exchange', { body: { code: ` ${code.toLowerCase()} ` } });
    expect(exchanged.status).toBe(200);
    return { code, ...exchangedSessionSchema.parse(exchanged.json) };
  }

  it('adds an engineer, who signs in once with a code and syncs; the code does not work twice', async () => {
    const carol = await addEngineer('Carol Diaz', 'carol@vendor.test');
    expect((await admin('POST', '/v1/admin/engineers', { name: 'Other', email: 'CAROL@vendor.test' })).status).toBe(409);
    const session = await signIn(carol.id);
    expect(session.engineerId).toBe(carol.id);
    expect(await call(t.url, 'GET', '/v1/me', { token: session.token })).toMatchObject({ status: 200, json: { engineerId: carol.id } });
    expect((await call(t.url, 'GET', '/v1/sync?limit=5', { token: session.token })).status).toBe(200);
    const again = await call(t.url, 'POST', '/v1/session/exchange', { body: { code: session.code } });
    expect(again.status).toBe(400);
    expect(apiErrorSchema.parse(again.json).error.field).toBe('code');
  });

  it('refuses an expired code and a code of a disabled engineer', async () => {
    const dan = await addEngineer('Dan Eze', 'dan@vendor.test');
    const { code } = issuedSignInCodeSchema.parse((await admin('POST', '/v1/admin/sign-in-codes', { engineerId: dan.id })).json);
    await t.db.query("UPDATE sign_in_codes SET expires_at = now() - interval '1 second' WHERE engineer_id = $1", [dan.id]);
    expect((await call(t.url, 'POST', '/v1/session/exchange', { body: { code } })).status).toBe(400);
    const fresh = issuedSignInCodeSchema.parse((await admin('POST', '/v1/admin/sign-in-codes', { engineerId: dan.id })).json);
    expect((await admin('POST', `/v1/admin/engineers/${dan.id}/disable`)).status).toBe(200);
    expect((await call(t.url, 'POST', '/v1/session/exchange', { body: { code: fresh.code } })).status).toBe(400);
    expect((await admin('POST', '/v1/admin/sign-in-codes', { engineerId: dan.id })).status).toBe(409);
  });

  it('lists tokens with who and when, last use included, and never the token itself', async () => {
    const erin = await addEngineer('Erin Fox', 'erin@vendor.test');
    const { token } = await signIn(erin.id);
    expect(await status(token)).toBe(200);
    const listed = await admin('GET', '/v1/admin/tokens');
    expect(JSON.stringify(listed.json)).not.toContain(token);
    const mine = tokenListSchema.parse(listed.json).tokens.find((x) => x.engineerId === erin.id);
    expect(mine).toMatchObject({ role: 'engineer', holder: 'Erin Fox <erin@vendor.test>', status: 'active', revokedAt: null, expiresAt: null });
    expect(mine?.lastUsedAt).not.toBeNull();
  });

  it('a revoked token, and every token of a disabled engineer, is refused within the token cache bound', async () => {
    const gus = await addEngineer('Gus Hall', 'gus@vendor.test');
    const first = await signIn(gus.id);
    const second = await signIn(gus.id);
    expect(await status(first.token)).toBe(200);
    expect(await status(second.token)).toBe(200);
    const id = tokenListSchema.parse((await admin('GET', '/v1/admin/tokens')).json).tokens.filter((x) => x.engineerId === gus.id && x.status === 'active')[0]?.id;
    const revoked = await admin('POST', `/v1/admin/tokens/${id}/revoke`);
    expect(revoked.json).toMatchObject({ id, status: 'revoked' });
    const stillWorking = [first.token, second.token];
    await within(TOKEN_CACHE_MS + 1_000, async () => (await Promise.all(stillWorking.map(status))).includes(401));
    await admin('POST', `/v1/admin/engineers/${gus.id}/disable`);
    await within(TOKEN_CACHE_MS + 1_000, async () => (await Promise.all(stillWorking.map(status))).every((s) => s === 401));
    await admin('POST', `/v1/admin/engineers/${gus.id}/enable`);
    // Enabled again: the token that was not revoked works, the revoked one never again.
    await within(TOKEN_CACHE_MS + 1_000, async () => (await Promise.all(stillWorking.map(status))).includes(200));
    expect((await Promise.all(stillWorking.map(status))).sort()).toEqual([200, 401]);
  }, 30_000);

  it('an admin token with an expiry stops at it; another admin token can be issued and revoked', async () => {
    const issued = await admin('POST', '/v1/admin/tokens', { role: 'admin', label: 'billing system', expiresAt: new Date(Date.now() + 1_500).toISOString() });
    expect(issued.status).toBe(201);
    const { token, summary } = issuedTokenSchema.parse(issued.json);
    expect(summary).toMatchObject({ role: 'admin', holder: 'billing system', status: 'active' });
    expect((await call(t.url, 'GET', '/v1/admin/engineers', { token })).status).toBe(200);
    await within(1_500 + TOKEN_CACHE_MS + 1_000, async () => (await call(t.url, 'GET', '/v1/admin/engineers', { token })).status === 401);
    const past = await admin('POST', '/v1/admin/tokens', { role: 'admin', label: 'late', expiresAt: new Date(Date.now() - 1_000).toISOString() });
    expect(past).toMatchObject({ status: 400, json: { error: { field: 'expiresAt' } } });
  }, 30_000);

  it('writes every action to the audit log, which refuses to be changed', async () => {
    const { entries } = auditListSchema.parse((await admin('GET', '/v1/admin/audit?limit=500')).json);
    const actions = new Set(entries.map((e) => e.action));
    for (const action of ['engineer.add', 'engineer.disable', 'engineer.enable', 'sign-in-code.issue', 'sign-in-code.exchange', 'token.issue', 'token.revoke']) expect(actions).toContain(action);
    const add = entries.find((e) => e.action === 'engineer.add');
    expect(add).toMatchObject({ actor: expect.stringMatching(/^admin-token:tok_/), before: null, after: { email: expect.any(String) } });
    expect(JSON.stringify(entries)).not.toMatch(/sa_/);
    await expect(t.db.query("UPDATE audit_log SET actor = 'someone else'")).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    const older = auditListSchema.parse((await admin('GET', `/v1/admin/audit?limit=1&before=${entries[0]?.id}`)).json).entries;
    expect(older.map((e) => e.id)).toEqual([entries[1]?.id]);
  });

  it('refuses an engineer token on admin endpoints and malformed input with the field named', async () => {
    expect((await call(t.url, 'GET', '/v1/admin/tokens', { token: t.tokens.ana })).status).toBe(403);
    const bad = await admin('POST', '/v1/admin/sign-in-codes', { engineerId: 'eng-ana', minutes: 600 });
    expect(bad).toMatchObject({ status: 400, json: { error: { field: 'minutes' } } });
  });
});
